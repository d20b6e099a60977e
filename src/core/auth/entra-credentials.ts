/**
 * The `@azure/identity` credential of each Entra auth type, built from the region's config after
 * every check that needs no network.
 */
import type { TokenCredential } from '@azure/identity';
import type { AuthConfig } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import type { AuthorityHost } from './entra-authority.js';
import { type Claims, decodeJwtClaims } from './errors.js';
import { type AuthHttpOptions, trustedCas } from './fetch.js';
import { azurePipelinesIdTokens, githubIdTokens, type Mask } from './id-tokens.js';

export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';
const TENANT_ID = /^[0-9a-zA-Z.-]+$/;

export type EntraAuthConfig = Exclude<AuthConfig, { type: 'pat' } | { type: 'databricks-oidc' }>;

export function isEntraAuth(auth: AuthConfig): auth is EntraAuthConfig {
  return auth.type !== 'pat' && auth.type !== 'databricks-oidc';
}

export interface Built {
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
export interface AssertionSource {
  get(): Promise<string>;
  reset(): void;
  /** What the source itself last threw, once: MSAL hands it back wrapped in its own error. */
  takeError(): unknown;
}

export function assertionSource(fetchToken: () => Promise<string>): AssertionSource {
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

/** A region's credential and what its errors are explained with. */
export interface EntraCredential {
  tenantId?: string;
  clientId?: string;
  /** Where the client secret comes from (azure-client-secret), for error messages. */
  secretEnv?: string;
  build: (identity: typeof import('@azure/identity')) => Built;
  assertions?: AssertionSource;
}

/** The tenant and application of a service principal's config, both required and well-formed. */
function servicePrincipal(
  region: string,
  auth: { type: string; tenant_id: string; client_id: string },
): { tenantId: string; clientId: string } {
  const tenantId = requireNonEmpty(region, auth.type, 'tenant_id', auth.tenant_id);
  const clientId = requireNonEmpty(region, auth.type, 'client_id', auth.client_id);
  checkTenant(region, auth.type, tenantId);
  return { tenantId, clientId };
}

type AzureIdentityOptions = ConstructorParameters<typeof import('@azure/identity').ClientSecretCredential>[3];

function clientSecretCredential(
  name: string,
  auth: Extract<EntraAuthConfig, { type: 'azure-client-secret' }>,
  env: NodeJS.ProcessEnv,
  mask: Mask,
  common: AzureIdentityOptions,
): EntraCredential {
  const at = `region ${name} (auth ${auth.type}): `;
  const { tenantId, clientId } = servicePrincipal(name, auth);
  const envName = requireNonEmpty(name, auth.type, 'client_secret_env', auth.client_secret_env);
  const raw = env[envName];
  if (raw === undefined || raw.trim() === '')
    throw new ConfigurationError(
      `${at}environment variable ${envName} is ${raw === undefined ? 'not set' : 'empty'}: it must hold the client secret of client_id ${clientId} (set it from a CI secret).`,
    );
  const secret = raw.trim();
  mask(secret);
  return {
    tenantId,
    clientId,
    secretEnv: `environment variable ${envName}`,
    build: (identity) => ({
      credential: new identity.ClientSecretCredential(tenantId, clientId, secret, common),
      source: `Entra ID service principal ${clientId} (client secret from ${envName})`,
    }),
  };
}

/** Checks that need no network come first, so a misconfigured region fails before any request. */
export function entraCredential(
  name: string,
  auth: EntraAuthConfig,
  env: NodeJS.ProcessEnv,
  authority: AuthorityHost,
  mask: Mask,
  http: AuthHttpOptions,
): EntraCredential {
  const extraCa = http.ca ?? [];
  const common = {
    authorityHost: authority.host,
    disableInstanceDiscovery: authority.custom,
    ...(extraCa.length > 0 ? { tlsOptions: { ca: trustedCas(extraCa) } } : {}),
  };
  const where = { region: name, type: auth.type };
  switch (auth.type) {
    case 'azure-client-secret':
      return clientSecretCredential(name, auth, env, mask, common);
    case 'azure-oidc': {
      const { tenantId, clientId } = servicePrincipal(name, auth);
      const idTokens = githubIdTokens(where, env, mask, http);
      const assertions = assertionSource(() => idTokens(TOKEN_EXCHANGE_AUDIENCE));
      const source = `Entra ID service principal ${clientId} (GitHub OIDC)`;
      return {
        tenantId,
        clientId,
        assertions,
        build: federated(tenantId, clientId, assertions, common, source),
      };
    }
    case 'azure-pipelines': {
      const { tenantId, clientId } = servicePrincipal(name, auth);
      const connection = requireNonEmpty(
        name,
        auth.type,
        'service_connection_id',
        auth.service_connection_id,
      );
      const assertions = assertionSource(azurePipelinesIdTokens(where, connection, env, mask, http));
      const source = `Entra ID service principal ${clientId} (Azure DevOps service connection ${connection})`;
      return {
        tenantId,
        clientId,
        assertions,
        build: federated(tenantId, clientId, assertions, common, source),
      };
    }
    case 'azure-cli':
      return {
        build: (identity) => ({
          // `az` can take a while on its first call (it may refresh its own token cache).
          credential: new identity.AzureCliCredential({ processTimeoutInMs: 60_000 }),
          source: 'the Azure CLI’s signed-in account (az login)',
        }),
      };
    case 'azure-msi': {
      const miClient = auth.client_id?.trim() || undefined;
      return {
        clientId: miClient,
        build: (identity) => ({
          credential: new identity.ManagedIdentityCredential(miClient ? { clientId: miClient } : {}),
          source: miClient
            ? `user-assigned managed identity ${miClient}`
            : 'the system-assigned managed identity',
        }),
      };
    }
  }
}
