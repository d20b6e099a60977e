#!/bin/bash
# Cluster init script (a plain workspace file): installs the Microsoft ODBC driver used by
# notebooks that query the Azure SQL metastore database directly.
set -euo pipefail
curl -fsSL https://packages.microsoft.com/keys/microsoft.asc | apt-key add -
curl -fsSL https://packages.microsoft.com/config/ubuntu/22.04/prod.list > /etc/apt/sources.list.d/mssql-release.list
apt-get update
ACCEPT_EULA=Y apt-get install -y msodbcsql18
