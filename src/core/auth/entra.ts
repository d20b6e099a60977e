/**
 * Microsoft Entra ID tokens for the AzureDatabricks resource, through `@azure/identity`
 * (DESIGN.md "Auth": azure-client-secret, azure-oidc, azure-cli, azure-pipelines, azure-msi).
 *
 * - `@azure/identity` is imported only here, dynamically, when a region uses an Entra type: it
 *   and MSAL are a large module graph that a PAT-only run should not load.
 * - Tokens are cached and refreshed before expiry by RefreshingToken (one in-flight refresh per
 *   provider). MSAL keeps its own cache too; ours decides when to ask, MSAL's answers from memory
 *   until the token is within its own 5-minute renewal window.
 * - The authority is config `authority_host`, else AZURE_AUTHORITY_HOST, else the one of the cloud
 *   the workspace host is in (Azure Government, Azure China: ../clouds.ts), else the public one.
 *   One MSAL does not know is passed with `disableInstanceDiscovery: true`: instance discovery asks login.microsoftonline.com about
 *   the host, which an air-gapped cloud or a test authority cannot answer.
 * - With `workspace_resource_id`, every request also carries the workspace's ARM id and a token
 *   for Azure Resource Manager, which lets a service principal that is not yet a workspace user in
 *   (as admin when it has Contributor on the workspace).
 */
import type { AccessToken } from '@azure/identity';
import { AZURE_PUBLIC, cloudOfWorkspace } from '../clouds.js';
import type { RegionConfig } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import { type IssuedToken, RefreshingToken } from './cache.js';
import { resolveAuthorityHost } from './entra-authority.js';
import { type Built, type EntraAuthConfig, entraCredential } from './entra-credentials.js';
import { explainEntraError } from './entra-explain.js';
import { CredentialError, type EntraErrorContext, rememberingMask, scrub } from './errors.js';
import { authHttpOptions } from './fetch.js';
import type { AuthOptions, TokenProvider } from './types.js';

export { type AuthorityHost, PUBLIC_AUTHORITY_HOST, resolveAuthorityHost } from './entra-authority.js';
export { type EntraAuthConfig, isEntraAuth, TOKEN_EXCHANGE_AUDIENCE } from './entra-credentials.js';

/** The AzureDatabricks first-party application, the same in every cloud (go-sdk environments.go). */
export const AZURE_DATABRICKS_APP_ID = '2ff814a6-3304-4ab8-85cb-cd0e6f879c1d';
export const AZURE_DATABRICKS_SCOPE = `${AZURE_DATABRICKS_APP_ID}/.default`;
/** Azure Resource Manager of the public cloud (per cloud: ../clouds.ts). */
export const AZURE_MANAGEMENT_SCOPE = AZURE_PUBLIC.managementScope;
const WORKSPACE_RESOURCE_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Databricks\/workspaces\/[^/]+$/i;

/** `workspace_resource_id`, checked: it must name an Azure Databricks workspace. */
function workspaceResourceId(at: string, auth: EntraAuthConfig): string | undefined {
  const resourceId = auth.workspace_resource_id?.trim() || undefined;
  if (resourceId && !WORKSPACE_RESOURCE_ID.test(resourceId))
    throw new ConfigurationError(
      `${at}workspace_resource_id '${resourceId}' is not a workspace's Azure resource ID: expected /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Databricks/workspaces/<name> (the workspace's "JSON View" in the portal)`,
    );
  return resourceId;
}

export async function entraProvider(
  region: RegionConfig,
  auth: EntraAuthConfig,
  env: NodeJS.ProcessEnv,
  options: AuthOptions,
): Promise<TokenProvider> {
  const name = region.name;
  const at = `region ${name} (auth ${auth.type}): `;
  const authority = resolveAuthorityHost(name, auth, env, region.host);
  const managementScope = (cloudOfWorkspace(region.host) ?? AZURE_PUBLIC).managementScope;
  const resourceId = workspaceResourceId(at, auth);

  // Secrets seen so far: masked on sight, and scrubbed from any server text quoted in an error.
  const { mask, seen } = rememberingMask(options.mask);
  const http = authHttpOptions(options);
  const entra = entraCredential(name, auth, env, authority, mask, http);

  const identity = await import('@azure/identity');
  let built: Built;
  try {
    built = entra.build(identity);
  } catch (e) {
    // Constructors validate their arguments; anything left here is a configuration problem.
    throw new ConfigurationError(`${at}${scrub(e instanceof Error ? e.message : String(e), seen)}`);
  }
  const { credential } = built;

  const context = (): EntraErrorContext => ({
    region: name,
    type: auth.type,
    tenantId: entra.tenantId,
    clientId: entra.clientId,
    authorityHost: authority.host,
    secretEnv: entra.secretEnv,
    assertionClaims: built.lastAssertion?.(),
    secrets: seen,
  });

  const fetchScope = async (scope: string): Promise<IssuedToken> => {
    let token: AccessToken | null;
    entra.assertions?.reset();
    try {
      token = await credential.getToken(scope);
    } catch (e) {
      throw await explainEntraError(e, context, entra.assertions, http);
    }
    if (!token) throw new CredentialError(`${at}Entra ID returned no token for ${scope}`);
    mask(token.token);
    return {
      token: token.token,
      expiresAt: token.expiresOnTimestamp,
      refreshAfter: token.refreshAfterTimestamp,
    };
  };

  const refresh = {
    now: options.now,
    refreshMarginMs: options.refreshMarginMs,
    onStaleRefreshError: (e: unknown) =>
      options.warn?.(`${at}token refresh failed, using the current token meanwhile: ${(e as Error).message}`),
  };
  const databricks = new RefreshingToken(() => fetchScope(AZURE_DATABRICKS_SCOPE), refresh);
  const management = resourceId ? new RefreshingToken(() => fetchScope(managementScope), refresh) : undefined;

  const provider: TokenProvider = {
    kind: 'entra',
    source: built.source,
    token: () => databricks.get(),
  };
  if (resourceId && management) {
    return {
      ...provider,
      headers: async () => ({
        'X-Databricks-Azure-Workspace-Resource-Id': resourceId,
        'X-Databricks-Azure-SP-Management-Token': await management.get(),
      }),
    };
  }
  return provider;
}
