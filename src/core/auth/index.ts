/**
 * Picks each region's token provider from its config (DESIGN.md "Auth"): a PAT from an
 * environment variable, an Entra ID token through `@azure/identity` (client secret, GitHub OIDC,
 * Azure CLI, Azure Pipelines service connection, managed identity), or a Databricks OAuth token
 * from GitHub OIDC federation.
 *
 * Async because the Entra types load `@azure/identity` on demand. Everything that can be checked
 * without the network (env vars present, ids well-formed, `id-token: write` granted) is checked
 * here, so a misconfigured region fails before the first request; tokens themselves are fetched
 * on first use and refreshed before they expire.
 */
import type { RegionConfig } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import { databricksOidcProvider } from './databricks-oidc.js';
import { entraProvider, isEntraAuth } from './entra.js';
import { patFromEnv } from './pat.js';
import type { AuthOptions, TokenProvider } from './types.js';

export { DEFAULT_REFRESH_MARGIN_MS, type IssuedToken, RefreshingToken } from './cache.js';
export { databricksOidcAudience } from './databricks-oidc.js';
export {
  AZURE_DATABRICKS_APP_ID,
  AZURE_DATABRICKS_SCOPE,
  AZURE_MANAGEMENT_SCOPE,
  isEntraAuth,
  PUBLIC_AUTHORITY_HOST,
  resolveAuthorityHost,
  TOKEN_EXCHANGE_AUDIENCE,
} from './entra.js';
export { CredentialError } from './errors.js';
export { patFromEnv, patProvider } from './pat.js';
export type { AuthOptions, TokenProvider } from './types.js';

export async function tokenProviderFor(
  region: RegionConfig,
  env: NodeJS.ProcessEnv = process.env,
  options: AuthOptions = {},
): Promise<TokenProvider> {
  const auth = region.auth;
  if (auth.type === 'pat') {
    const provider = patFromEnv(auth.token_env, env);
    options.mask?.(await provider.token());
    return provider;
  }
  if (auth.type === 'databricks-oidc') return databricksOidcProvider(region, auth, env, options);
  if (isEntraAuth(auth)) return entraProvider(region, auth, env, options);
  // A config that bypassed validation (a type this version does not know).
  throw new ConfigurationError(
    `region ${region.name}: unknown auth type '${(auth as { type: string }).type}'; use one of pat, azure-client-secret, azure-oidc, azure-cli, azure-pipelines, azure-msi, databricks-oidc`,
  );
}

/**
 * Creating a Key Vault-backed secret scope needs a Microsoft Entra ID token: Databricks uses it to
 * grant itself access to the vault. A PAT or a Databricks OAuth token (databricks-oidc) is
 * refused with "Scope with Azure KeyVault must have userAADToken defined!", so the deploy engine
 * calls this before any request and stops with a message that says what to change instead.
 */
export function checkKeyVaultAuth(
  region: Pick<RegionConfig, 'name' | 'auth'>,
  scopes: readonly string[] = [],
): void {
  if (isEntraAuth(region.auth)) return;
  const which =
    scopes.length === 0
      ? 'a Key Vault-backed secret scope'
      : `Key Vault-backed secret scope${scopes.length > 1 ? 's' : ''} ${scopes.map((s) => `'${s}'`).join(', ')}`;
  const why =
    region.auth.type === 'pat'
      ? 'a personal access token'
      : 'a Databricks OAuth token (databricks-oidc), not an Entra ID token';
  throw new ConfigurationError(
    `region ${region.name}: cannot create ${which} with auth type ${region.auth.type}: Azure Databricks creates Key Vault-backed scopes only for a Microsoft Entra ID token, and this region authenticates with ${why}. ` +
      'Use an Entra auth type for this region (azure-oidc, azure-client-secret, azure-pipelines, azure-cli or azure-msi), or make the scope `backend: databricks`.',
  );
}
