/**
 * Databricks' own workload identity federation (DESIGN.md auth `databricks-oidc`): GitHub's ID
 * token is exchanged at the workspace's `/oidc/v1/token` (RFC 8693, form-encoded, `scope=all-apis`,
 * `client_id` = the service principal's application id) for a Databricks OAuth token. No Azure is
 * involved, so the token is not an Entra token (no Key Vault-backed scopes).
 *
 * The audience follows go-sdk (config/auth_oidc.go): config `audience`, else
 * DATABRICKS_TOKEN_AUDIENCE, else the workspace's token endpoint URL. A federation policy created
 * with defaults expects the *account id*, hence the hint in the mismatch message.
 */
import type { AuthConfig, RegionConfig } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import { RefreshingToken } from './cache.js';
import { CredentialError, decodeJwtClaims, describeClaims, rememberingMask, scrub } from './errors.js';
import { authHttpOptions, authRequest, jsonObject } from './fetch.js';
import { githubIdTokens, transportError } from './id-tokens.js';
import type { AuthOptions, TokenProvider } from './types.js';

type DatabricksOidcAuth = Extract<AuthConfig, { type: 'databricks-oidc' }>;

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';

export function databricksOidcAudience(
  region: RegionConfig,
  auth: DatabricksOidcAuth,
  env: NodeJS.ProcessEnv,
): string {
  return auth.audience?.trim() || env.DATABRICKS_TOKEN_AUDIENCE?.trim() || `${tokenEndpoint(region)}`;
}

function tokenEndpoint(region: RegionConfig): string {
  return `${new URL(region.host).origin}/oidc/v1/token`;
}

export function databricksOidcProvider(
  region: RegionConfig,
  auth: DatabricksOidcAuth,
  env: NodeJS.ProcessEnv,
  options: AuthOptions,
): TokenProvider {
  const at = `region ${region.name} (auth databricks-oidc): `;
  const clientId = auth.client_id?.trim();
  if (!clientId)
    throw new ConfigurationError(`${at}client_id (the service principal's application ID) is required`);
  const { mask, seen } = rememberingMask(options.mask);
  const http = authHttpOptions(options);
  const where = { region: region.name, type: 'databricks-oidc' as const };
  const idTokens = githubIdTokens(where, env, mask, http);
  const audience = databricksOidcAudience(region, auth, env);
  const endpoint = tokenEndpoint(region);

  const exchange = async () => {
    const idToken = await idTokens(audience);
    const form = new URLSearchParams({
      grant_type: TOKEN_EXCHANGE,
      subject_token: idToken,
      subject_token_type: JWT_TOKEN_TYPE,
      scope: 'all-apis',
      client_id: clientId,
    });
    const obtainedAt = (options.now ?? Date.now)();
    let res: Awaited<ReturnType<typeof authRequest>>;
    try {
      res = await authRequest(
        endpoint,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
          body: form.toString(),
        },
        http,
      );
    } catch (e) {
      throw transportError(where, `the workspace's token endpoint ${endpoint}`, e);
    }
    const body = jsonObject(res.text);
    const accessToken = body?.access_token;
    if (res.status === 200 && typeof accessToken === 'string' && accessToken !== '') {
      mask(accessToken);
      const expiresIn = Number(body?.expires_in);
      // Without expires_in, assume the GitHub token's lifetime bounds it (it does at Databricks).
      const seconds = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 300;
      return { token: accessToken, expiresAt: obtainedAt + seconds * 1000 };
    }
    const error = typeof body?.error === 'string' ? body.error : undefined;
    const description = typeof body?.error_description === 'string' ? body.error_description : undefined;
    const said = scrub([error, description].filter(Boolean).join(': ') || res.text.slice(0, 200), seen);
    if (res.status === 404)
      throw new ConfigurationError(
        `${at}${endpoint} does not exist (HTTP 404): check the region's host; token federation needs a workspace URL (https://adb-….azuredatabricks.net).`,
      );
    if (res.status === 400 || res.status === 401 || res.status === 403)
      throw new ConfigurationError(
        `${at}Databricks refused to exchange the GitHub ID token for client_id ${clientId} (HTTP ${res.status}: ${said}). ` +
          `The token has ${describeClaims(decodeJwtClaims(idToken))}. The service principal needs a federation policy with issuer 'https://token.actions.githubusercontent.com', that subject, and that audience — ` +
          'or set `audience` (or DATABRICKS_TOKEN_AUDIENCE) to the audience the policy expects (by default the Databricks account ID).',
      );
    throw new CredentialError(`${at}the token exchange at ${endpoint} failed (HTTP ${res.status}): ${said}`);
  };

  const cache = new RefreshingToken(exchange, {
    now: options.now,
    refreshMarginMs: options.refreshMarginMs,
    onStaleRefreshError: (e) =>
      options.warn?.(`${at}token refresh failed, using the current token meanwhile: ${(e as Error).message}`),
  });
  return {
    kind: 'databricks-oidc',
    source: `Databricks service principal ${clientId} (GitHub OIDC federation)`,
    token: () => cache.get(),
  };
}
