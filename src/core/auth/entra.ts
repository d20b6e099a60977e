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
import type { AccessToken, TokenCredential } from '@azure/identity';
import { AZURE_PUBLIC, cloudOfWorkspace } from '../clouds.js';
import type { AuthConfig, RegionConfig } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import { type IssuedToken, RefreshingToken } from './cache.js';
import {
  type Claims,
  CredentialError,
  decodeJwtClaims,
  type EntraErrorContext,
  explainAadsts,
  rememberingMask,
  scrub,
} from './errors.js';
import { type AuthHttpOptions, authHttpOptions, authRequest, jsonObject, trustedCas } from './fetch.js';
import { azurePipelinesIdTokens, githubIdTokens, transportError } from './id-tokens.js';
import type { AuthOptions, TokenProvider } from './types.js';

/** The AzureDatabricks first-party application, the same in every cloud (go-sdk environments.go). */
export const AZURE_DATABRICKS_APP_ID = '2ff814a6-3304-4ab8-85cb-cd0e6f879c1d';
export const AZURE_DATABRICKS_SCOPE = `${AZURE_DATABRICKS_APP_ID}/.default`;
/** Azure Resource Manager of the public cloud (per cloud: ../clouds.ts). */
export const AZURE_MANAGEMENT_SCOPE = AZURE_PUBLIC.managementScope;
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';
export const PUBLIC_AUTHORITY_HOST = AZURE_PUBLIC.authorityHost;
/** Hosts MSAL's instance discovery knows (public, US Government, China). */
const KNOWN_AUTHORITY_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);
const TENANT_ID = /^[0-9a-zA-Z.-]+$/;
const WORKSPACE_RESOURCE_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Databricks\/workspaces\/[^/]+$/i;

export type EntraAuthConfig = Exclude<AuthConfig, { type: 'pat' } | { type: 'databricks-oidc' }>;

export function isEntraAuth(auth: AuthConfig): auth is EntraAuthConfig {
  return auth.type !== 'pat' && auth.type !== 'databricks-oidc';
}

export interface AuthorityHost {
  /** Origin without a trailing slash. */
  host: string;
  /** True for anything but a cloud MSAL knows: instance discovery is then turned off. */
  custom: boolean;
}

/**
 * `authority_host` from the config, else AZURE_AUTHORITY_HOST, else the authority of the cloud the
 * workspace host is in, else the public cloud's.
 */
export function resolveAuthorityHost(
  region: string,
  auth: EntraAuthConfig,
  env: NodeJS.ProcessEnv,
  workspaceHost = '',
): AuthorityHost {
  const fromConfig = auth.authority_host?.trim();
  const fromEnv = env.AZURE_AUTHORITY_HOST?.trim();
  const cloud = cloudOfWorkspace(workspaceHost);
  const raw = fromConfig || fromEnv || cloud?.authorityHost || PUBLIC_AUTHORITY_HOST;
  const origin = fromConfig
    ? 'authority_host'
    : fromEnv
      ? 'AZURE_AUTHORITY_HOST'
      : cloud
        ? `the ${cloud.label} authority`
        : 'the default';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(`region ${region} (auth ${auth.type}): ${origin} '${raw}' is not a URL`);
  }
  if (url.protocol !== 'https:')
    throw new ConfigurationError(
      `region ${region} (auth ${auth.type}): ${origin} '${raw}' must be an https:// URL (MSAL refuses any other authority)`,
    );
  return { host: url.origin, custom: !KNOWN_AUTHORITY_HOSTS.has(url.hostname.toLowerCase()) };
}

interface Built {
  credential: TokenCredential;
  source: string;
  /** Filled in by the federated types with the claims of the last assertion they sent. */
  lastAssertion?: () => Claims | undefined;
}

/**
 * MSAL evaluates the assertion callback twice per token it acquires (once when the request is
 * built, again for the token request itself). Within one acquisition the first ID token is reused,
 * so each Entra token costs one CI request, not two; `reset()` at the start of every acquisition
 * makes each new Entra token get a fresh ID token.
 */
interface AssertionSource {
  get(): Promise<string>;
  reset(): void;
  /** What the source itself last threw, once: MSAL hands it back wrapped in its own error. */
  takeError(): unknown;
}

function assertionSource(fetchToken: () => Promise<string>): AssertionSource {
  let current: Promise<string> | undefined;
  let failed: { error: unknown } | undefined;
  return {
    get() {
      current ??= fetchToken().catch((error: unknown) => {
        failed = { error };
        current = undefined;
        throw error;
      });
      return current;
    },
    reset() {
      current = undefined;
      failed = undefined;
    },
    takeError() {
      const f = failed;
      failed = undefined;
      return f?.error;
    },
  };
}

/**
 * A service principal that signs in with a CI ID token as its client assertion (workload identity
 * federation). MSAL calls the callback whenever it needs a new Entra token: the ID tokens live
 * minutes. The claims of the last one sent explain a refusal.
 */
function federated(
  tenantId: string,
  clientId: string,
  source: AssertionSource,
  options: ConstructorParameters<typeof import('@azure/identity').ClientAssertionCredential>[3],
  description: string,
): (identity: typeof import('@azure/identity')) => Built {
  let last: Claims | undefined;
  return (identity) => ({
    credential: new identity.ClientAssertionCredential(
      tenantId,
      clientId,
      async () => {
        const token = await source.get();
        last = decodeJwtClaims(token);
        return token;
      },
      options,
    ),
    source: description,
    lastAssertion: () => last,
  });
}

function requireNonEmpty(region: string, type: string, key: string, value: string | undefined): string {
  const v = value?.trim();
  if (!v) throw new ConfigurationError(`region ${region} (auth ${type}): ${key} is required`);
  return v;
}

function checkTenant(region: string, type: string, tenant: string): void {
  if (!TENANT_ID.test(tenant))
    throw new ConfigurationError(
      `region ${region} (auth ${type}): tenant_id '${tenant}' is not a tenant ID: use the "Directory (tenant) ID" GUID (or the tenant's domain)`,
    );
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
  const resourceId = auth.workspace_resource_id?.trim() || undefined;
  if (resourceId && !WORKSPACE_RESOURCE_ID.test(resourceId))
    throw new ConfigurationError(
      `${at}workspace_resource_id '${resourceId}' is not a workspace's Azure resource ID: expected /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Databricks/workspaces/<name> (the workspace's "JSON View" in the portal)`,
    );

  // Secrets seen so far: masked on sight, and scrubbed from any server text quoted in an error.
  const { mask, seen } = rememberingMask(options.mask);
  const http = authHttpOptions(options);
  const extraCa = http.ca ?? [];
  const common = {
    authorityHost: authority.host,
    disableInstanceDiscovery: authority.custom,
    ...(extraCa.length > 0 ? { tlsOptions: { ca: trustedCas(extraCa) } } : {}),
  };
  const where = { region: name, type: auth.type };

  // Checks that need no network come first, so a misconfigured region fails before any request.
  let tenantId: string | undefined;
  let clientId: string | undefined;
  let secretEnv: string | undefined;
  let build: (identity: typeof import('@azure/identity')) => Built;
  let assertions: AssertionSource | undefined;
  switch (auth.type) {
    case 'azure-client-secret': {
      tenantId = requireNonEmpty(name, auth.type, 'tenant_id', auth.tenant_id);
      clientId = requireNonEmpty(name, auth.type, 'client_id', auth.client_id);
      checkTenant(name, auth.type, tenantId);
      const envName = requireNonEmpty(name, auth.type, 'client_secret_env', auth.client_secret_env);
      secretEnv = `environment variable ${envName}`;
      const raw = env[envName];
      if (raw === undefined || raw.trim() === '')
        throw new ConfigurationError(
          `${at}environment variable ${envName} is ${raw === undefined ? 'not set' : 'empty'}: it must hold the client secret of client_id ${clientId} (set it from a CI secret).`,
        );
      const secret = raw.trim();
      mask(secret);
      const t = tenantId;
      const c = clientId;
      build = (identity) => ({
        credential: new identity.ClientSecretCredential(t, c, secret, common),
        source: `Entra ID service principal ${c} (client secret from ${envName})`,
      });
      break;
    }
    case 'azure-oidc': {
      tenantId = requireNonEmpty(name, auth.type, 'tenant_id', auth.tenant_id);
      clientId = requireNonEmpty(name, auth.type, 'client_id', auth.client_id);
      checkTenant(name, auth.type, tenantId);
      const idTokens = githubIdTokens(where, env, mask, http);
      assertions = assertionSource(() => idTokens(TOKEN_EXCHANGE_AUDIENCE));
      build = federated(
        tenantId,
        clientId,
        assertions,
        common,
        `Entra ID service principal ${clientId} (GitHub OIDC)`,
      );
      break;
    }
    case 'azure-pipelines': {
      tenantId = requireNonEmpty(name, auth.type, 'tenant_id', auth.tenant_id);
      clientId = requireNonEmpty(name, auth.type, 'client_id', auth.client_id);
      checkTenant(name, auth.type, tenantId);
      const connection = requireNonEmpty(
        name,
        auth.type,
        'service_connection_id',
        auth.service_connection_id,
      );
      assertions = assertionSource(azurePipelinesIdTokens(where, connection, env, mask, http));
      build = federated(
        tenantId,
        clientId,
        assertions,
        common,
        `Entra ID service principal ${clientId} (Azure DevOps service connection ${connection})`,
      );
      break;
    }
    case 'azure-cli':
      build = (identity) => ({
        // `az` can take a while on its first call (it may refresh its own token cache).
        credential: new identity.AzureCliCredential({ processTimeoutInMs: 60_000 }),
        source: 'the Azure CLI’s signed-in account (az login)',
      });
      break;
    case 'azure-msi': {
      const miClient = auth.client_id?.trim() || undefined;
      clientId = miClient;
      build = (identity) => ({
        credential: new identity.ManagedIdentityCredential(miClient ? { clientId: miClient } : {}),
        source: miClient
          ? `user-assigned managed identity ${miClient}`
          : 'the system-assigned managed identity',
      });
      break;
    }
  }

  const identity = await import('@azure/identity');
  let built: Built;
  try {
    built = build(identity);
  } catch (e) {
    // Constructors validate their arguments; anything left here is a configuration problem.
    throw new ConfigurationError(`${at}${scrub(e instanceof Error ? e.message : String(e), seen)}`);
  }
  const { credential } = built;

  const context = (): EntraErrorContext => ({
    region: name,
    type: auth.type,
    tenantId,
    clientId,
    authorityHost: authority.host,
    secretEnv,
    assertionClaims: built.lastAssertion?.(),
    secrets: seen,
  });

  const explain = async (e: unknown): Promise<Error> => {
    // Our own errors from the assertion callback, which MSAL hands back wrapped.
    const own = assertions?.takeError();
    if (own instanceof Error) return own;
    if (e instanceof ConfigurationError || e instanceof CredentialError) return e;
    const message = e instanceof Error ? e.message : String(e);
    const mapped = explainAadsts(message, context());
    if (mapped) return mapped;
    if (auth.type === 'azure-cli') return explainCli(at, message, seen);
    if (auth.type === 'azure-msi') return explainMsi(at, clientId, message, seen);
    if (
      /endpoints_resolution_error|ENOTFOUND|ECONNREFUSED|certificate|self.signed/i.test(message) &&
      tenantId
    ) {
      // MSAL reduces a failed discovery to "endpoints_resolution_error", hiding whether the tenant
      // is unknown or the host unreachable/untrusted; ask the discovery document ourselves.
      const probed = await probeAuthority(authority.host, tenantId, context(), http);
      if (probed) return probed;
    }
    return new CredentialError(`${at}could not get an Entra ID token: ${scrub(message, seen)}`);
  };

  const fetchScope = async (scope: string): Promise<IssuedToken> => {
    let token: AccessToken | null;
    assertions?.reset();
    try {
      token = await credential.getToken(scope);
    } catch (e) {
      throw await explain(e);
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

async function probeAuthority(
  host: string,
  tenantId: string,
  ctx: EntraErrorContext,
  http: AuthHttpOptions,
): Promise<Error | undefined> {
  const at = `region ${ctx.region} (auth ${ctx.type}): `;
  try {
    const res = await authRequest(
      `${host}/${encodeURIComponent(tenantId)}/v2.0/.well-known/openid-configuration`,
      { method: 'GET' },
      { ...http, attempts: 1 },
    );
    const description = jsonObject(res.text)?.error_description;
    if (typeof description === 'string') return explainAadsts(description, ctx);
    if (res.status !== 200)
      return new ConfigurationError(
        `${at}the authority host ${host} answered HTTP ${res.status} for tenant ${tenantId}'s OpenID configuration: check authority_host / AZURE_AUTHORITY_HOST and tenant_id`,
      );
    return undefined;
  } catch (e) {
    return transportError(ctx, `the Entra authority ${host}`, e);
  }
}

function explainCli(at: string, message: string, secrets: string[]): Error {
  if (/Azure CLI could not be found/i.test(message))
    return new ConfigurationError(
      `${at}the Azure CLI (az) is not on PATH. In Azure DevOps run the command inside an AzureCLI@2 task with a workload-identity service connection; on a laptop install the Azure CLI and run \`az login\`.`,
    );
  if (/az login/i.test(message))
    return new ConfigurationError(
      `${at}the Azure CLI is not signed in. Run \`az login\` (on a laptop), or run the command inside an AzureCLI@2 task, which signs in with its service connection.`,
    );
  return new CredentialError(`${at}the Azure CLI could not get a token: ${scrub(message, secrets)}`);
}

function explainMsi(at: string, clientId: string | undefined, message: string, secrets: string[]): Error {
  // MSAL pads missing fields with "Not Available", so match the phrases of real outcomes only.
  if (/identity not found/i.test(message))
    return new ConfigurationError(
      clientId
        ? `${at}no managed identity with client_id ${clientId} is assigned to this machine: assign it, or fix client_id (leave it out for the system-assigned identity).`
        : `${at}this machine has no system-assigned managed identity: enable it, or give the client_id of a user-assigned one.`,
    );
  if (
    /network unreachable|endpoint, but it is not available|ENETUNREACH|EHOSTUNREACH|ECONNREFUSED|timed? ?out/i.test(
      message,
    )
  )
    return new ConfigurationError(
      `${at}no managed identity endpoint is reachable from this machine. azure-msi works only where Azure provides one (a VM or scale set, App Service, Container Apps, or a self-hosted agent on them); elsewhere use another auth type.`,
    );
  return new CredentialError(`${at}the managed identity could not get a token: ${scrub(message, secrets)}`);
}
