/**
 * What a workspace needs from the emulator's identity services: which bearer tokens it accepts
 * besides its PAT, and Databricks' own OAuth endpoints (`/oidc/…`), where a GitHub ID token is
 * exchanged for a workspace token under a service principal's federation policy
 * (reference/databricks-api.md §7 "GitHub OIDC → Databricks federation").
 *
 * Token kinds: an Entra access token for the AzureDatabricks resource is 'entra' (it can create
 * Key Vault-backed scopes). A Databricks OAuth token is a workspace token like a PAT, not an Entra
 * token, so it is 'pat' here: real workspaces refuse Key Vault scopes to it just the same.
 */
import type { TokenKind } from './context.js';
import { type Claims, decodeClaims, type JwtSigner, secondsLeft } from './jwt.js';

/** The AzureDatabricks first-party application: the audience of Entra tokens workspaces accept. */
export const AZURE_DATABRICKS_APP_ID = '2ff814a6-3304-4ab8-85cb-cd0e6f879c1d';
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** The emulator's Databricks account id: the default audience of a federation policy. */
export const EMULATOR_ACCOUNT_ID = 'e0000000-0000-4000-8000-00000000acc7';

export interface OidcAnswer {
  status: number;
  body: unknown;
}

/** Hooks a workspace server calls; one instance serves every workspace of an emulator. */
export interface IdentityHooks {
  /** The kind of a token this emulator issued and that `workspaceUrl` accepts, else undefined. */
  tokenKind(token: string, workspaceUrl: string): TokenKind | undefined;
  /** Answers `/oidc/…` for the workspace at `workspaceUrl`; undefined for an unknown path. */
  oidc(method: string, path: string, body: Buffer, workspaceUrl: string): OidcAnswer | undefined;
}

export interface FederationPolicy {
  /** The service principal's application id: `client_id` must name it. */
  clientId: string;
  /** Accepted `aud` values besides the workspace's token endpoint URL. */
  audiences: readonly string[];
  /** Accepted `sub` values; undefined: any. */
  subjects: readonly string[] | undefined;
}

export interface DatabricksOidcSettings {
  signer: JwtSigner;
  policy: FederationPolicy;
  /** Lifetime of issued tokens in seconds (read per request: tests shorten it at run time). */
  lifetimeSeconds(): number;
  /** Issuer of Entra tokens (`https://sts.windows.net/<tenant>/`), to tell them from others. */
  entraIssuer: string;
}

const oauthError = (status: number, error: string, description: string): OidcAnswer => ({
  status,
  body: { error, error_description: description },
});

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';

export function databricksIdentity(settings: DatabricksOidcSettings): IdentityHooks {
  return {
    tokenKind: (token, workspaceUrl) => tokenKind(settings, token, workspaceUrl),
    oidc(method, path, body, workspaceUrl) {
      if (method === 'GET' && path === '/oidc/.well-known/oauth-authorization-server') {
        return {
          status: 200,
          body: {
            issuer: `${workspaceUrl}/oidc`,
            authorization_endpoint: `${workspaceUrl}/oidc/v1/authorize`,
            token_endpoint: `${workspaceUrl}/oidc/v1/token`,
            grant_types_supported: ['client_credentials', TOKEN_EXCHANGE],
            scopes_supported: ['all-apis', 'offline_access'],
          },
        };
      }
      if (path === '/oidc/v1/token') {
        if (method !== 'POST') return oauthError(405, 'invalid_request', 'Use POST.');
        return exchange(settings, new URLSearchParams(body.toString('utf8')), workspaceUrl);
      }
      return undefined;
    },
  };
}

function tokenKind(
  settings: DatabricksOidcSettings,
  token: string,
  workspaceUrl: string,
): TokenKind | undefined {
  const claims = settings.signer.verify(token);
  if (!claims) return undefined;
  const left = secondsLeft(claims);
  if (left === undefined || left <= 0) return undefined;
  if (claims.iss === settings.entraIssuer && claims.aud === AZURE_DATABRICKS_APP_ID) return 'entra';
  // A workspace's OAuth token is good only at the workspace that issued it.
  if (claims.iss === `${workspaceUrl}/oidc`) return 'pat';
  return undefined;
}

/** The token endpoint: a GitHub ID token exchanged for a workspace token under the federation policy. */
function exchange(settings: DatabricksOidcSettings, form: URLSearchParams, workspaceUrl: string): OidcAnswer {
  const { signer, policy } = settings;
  const refused = requestRefusal(form);
  if (refused) return refused;
  const subjectToken = form.get('subject_token') ?? '';
  if (decodeClaims(subjectToken) === undefined)
    return oauthError(400, 'invalid_request', 'subject_token is not a JWT.');
  const claims: Claims | undefined = signer.verify(subjectToken);
  if (!claims || claims.iss !== GITHUB_ISSUER)
    return oauthError(
      401,
      'invalid_client',
      'Token signature could not be verified against any federation policy issuer.',
    );
  const left = secondsLeft(claims);
  if (left === undefined || left <= 0)
    return oauthError(401, 'invalid_client', 'The subject token has expired.');
  const unmatched = policyRefusal(policy, claims, form.get('client_id'), workspaceUrl);
  if (unmatched) return unmatched;
  const lifetime = settings.lifetimeSeconds();
  const now = Date.now();
  const accessToken = signer.sign(
    {
      iss: `${workspaceUrl}/oidc`,
      aud: workspaceUrl,
      sub: policy.clientId,
      client_id: policy.clientId,
      scope: 'all-apis',
      exp: Math.floor(now / 1000) + lifetime,
    },
    now,
  );
  return {
    status: 200,
    body: { access_token: accessToken, token_type: 'Bearer', expires_in: lifetime, scope: 'all-apis' },
  };
}

/** A token request that is not a JWT token exchange for `all-apis`. */
function requestRefusal(form: URLSearchParams): OidcAnswer | undefined {
  const grant = form.get('grant_type');
  if (grant !== TOKEN_EXCHANGE)
    return oauthError(400, 'unsupported_grant_type', `Unsupported grant_type '${grant ?? ''}'.`);
  if (form.get('subject_token_type') !== JWT_TOKEN_TYPE)
    return oauthError(400, 'invalid_request', `subject_token_type must be ${JWT_TOKEN_TYPE}.`);
  const scopes = (form.get('scope') ?? '').split(/\s+/);
  if (!scopes.includes('all-apis'))
    return oauthError(400, 'invalid_scope', "The requested scope must include 'all-apis'.");
  return undefined;
}

/** A verified subject token that the service principal's federation policy does not accept. */
function policyRefusal(
  policy: FederationPolicy,
  claims: Claims,
  clientId: string | null,
  workspaceUrl: string,
): OidcAnswer | undefined {
  if (clientId !== policy.clientId)
    return oauthError(
      401,
      'invalid_client',
      `No service principal federation policy matches client_id '${clientId ?? ''}'.`,
    );
  const audiences = [`${workspaceUrl}/oidc/v1/token`, ...policy.audiences];
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.some((a) => typeof a === 'string' && audiences.includes(a)))
    return oauthError(
      401,
      'invalid_client',
      `The token audience '${aud.join(',')}' is not allowed by the federation policy (allowed: ${audiences.join(', ')}).`,
    );
  if (policy.subjects && !policy.subjects.includes(String(claims.sub)))
    return oauthError(
      401,
      'invalid_client',
      `The token subject '${String(claims.sub)}' does not match the federation policy.`,
    );
  return undefined;
}
