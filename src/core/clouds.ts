/**
 * The Azure clouds an Azure Databricks workspace can live in, told apart by the workspace host's
 * DNS zone, and what differs between them: the Entra ID authority, the Azure Resource Manager
 * resource, the Key Vault DNS suffix. The AzureDatabricks application (2ff814a6-…) is the same
 * in all three.
 *
 * Sources:
 * - workspace zones and the shared application id: the Databricks SDKs' environment tables
 *   (databricks-sdk-py `environments.py`: `.azuredatabricks.net` PUBLIC, `.databricks.azure.us`
 *   USGOVERNMENT, `.databricks.azure.cn` CHINA, each with the same azure_application_id);
 *   Azure China's per-workspace URL `adb-<id>.<n>.databricks.azure.cn` (docs.azure.cn,
 *   databricks/workspace/per-workspace-urls);
 * - authorities and management resources: `az cloud show` for AzureUSGovernment
 *   (activeDirectory https://login.microsoftonline.us, management
 *   https://management.core.usgovcloudapi.net/) and AzureChinaCloud (https://login.chinacloudapi.cn,
 *   https://management.core.chinacloudapi.cn/);
 * - Key Vault: learn.microsoft.com, azure/key-vault/general/about-keys-secrets-certificates,
 *   "DNS suffixes for base URL" (.vault.azure.net, .vault.azure.cn, .vault.usgovcloudapi.net).
 */

export interface AzureCloud {
  /** As `az cloud list` names it. */
  name: 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud';
  /** For messages. */
  label: string;
  /** DNS zone of the workspaces, with its leading dot. */
  workspaceZone: string;
  /** The Entra ID authority host (origin). */
  authorityHost: string;
  /** The Azure Resource Manager token scope; the double slash is right (the resource ends in `/`). */
  managementScope: string;
  /** DNS suffix of Key Vault URIs, with its leading dot. */
  keyVaultSuffix: string;
}

export const AZURE_PUBLIC: AzureCloud = {
  name: 'AzureCloud',
  label: 'Azure (public)',
  workspaceZone: '.azuredatabricks.net',
  authorityHost: 'https://login.microsoftonline.com',
  managementScope: 'https://management.core.windows.net//.default',
  keyVaultSuffix: '.vault.azure.net',
};

export const AZURE_US_GOVERNMENT: AzureCloud = {
  name: 'AzureUSGovernment',
  label: 'Azure Government',
  workspaceZone: '.databricks.azure.us',
  authorityHost: 'https://login.microsoftonline.us',
  managementScope: 'https://management.core.usgovcloudapi.net//.default',
  keyVaultSuffix: '.vault.usgovcloudapi.net',
};

export const AZURE_CHINA: AzureCloud = {
  name: 'AzureChinaCloud',
  label: 'Azure China (21Vianet)',
  workspaceZone: '.databricks.azure.cn',
  authorityHost: 'https://login.chinacloudapi.cn',
  managementScope: 'https://management.core.chinacloudapi.cn//.default',
  keyVaultSuffix: '.vault.azure.cn',
};

export const AZURE_CLOUDS: readonly AzureCloud[] = [AZURE_PUBLIC, AZURE_US_GOVERNMENT, AZURE_CHINA];

/** The cloud whose workspace zone `host` (a URL) is in; undefined for anything else (an emulator, a proxy name). */
export function cloudOfWorkspace(host: string): AzureCloud | undefined {
  let hostname: string;
  try {
    hostname = new URL(host).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return AZURE_CLOUDS.find((c) => hostname.endsWith(c.workspaceZone));
}

/** The cloud of a Key Vault URI (`https://<name>.vault.azure.cn/`), or undefined. */
export function cloudOfKeyVault(dnsName: string): AzureCloud | undefined {
  let hostname: string;
  try {
    hostname = new URL(dnsName).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return AZURE_CLOUDS.find((c) => hostname.endsWith(c.keyVaultSuffix));
}
