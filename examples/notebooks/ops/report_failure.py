"""Posts a DR readiness failure to the team's incident webhook (a plain workspace file)."""

import argparse
import json
import os
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--region", required=True)
args = parser.parse_args()

url = os.environ.get("INCIDENT_WEBHOOK_URL")
message = {"text": f"DR readiness check failed in region {args.region}: the Hive metastore or the data is unreachable."}
if url:
    request = urllib.request.Request(url, data=json.dumps(message).encode(), headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=10)
print(message["text"])
