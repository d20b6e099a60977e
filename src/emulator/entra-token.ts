/**
 * The emulated authority's OpenID configuration and its token endpoint: the client-credentials
 * grant with a client secret or a federated client assertion, refused with the AADSTS codes real
 * Entra sends.
 */

import { aadError, type Reply } from './entra-replies.js';
import type { JwtSigner } from './jwt.js';
import { type Claims, decodeClaims, secondsLeft } from './jwt.js';

export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** What the token endpoint checks a request against, and signs with. */
export interface GrantPolicy {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  signer: JwtSigner;
  /** The `iss` of access tokens. */
  entraIssuer: string;
  /** Subjects of the app's federated credentials; any subject when absent. */
  federatedSubjects: readonly string[] | undefined;
  tokenLifetime: number;
}

export function openidConfiguration(
  authority: { authorityHost: string; tenantId: string; entraIssuer: string },
  v2: boolean,
): Record<string, unknown> {
  const base = `${authority.authorityHost}/${authority.tenantId}`;
  const v = v2 ? '/v2.0' : '';
  return {
    token_endpoint: `${base}/oauth2${v}/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery${v}/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['ES256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: v2 ? `${base}/v2.0` : authority.entraIssuer,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${base}/openid/userinfo`,
    authorization_endpoint: `${base}/oauth2${v}/authorize`,
    device_authorization_endpoint: `${base}/oauth2${v}/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2${v}/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'oid'],
    tenant_region_scope: 'NA',
    cloud_instance_name: new URL(authority.authorityHost).host,
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

/** The client-credentials grant, checked in the order Entra does: client, credential, scope. */
export function clientCredentialsGrant(form: URLSearchParams, v2: boolean, policy: GrantPolicy): Reply {
  if (form.get('grant_type') !== 'client_credentials')
    return aadError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${form.get('grant_type') ?? ''}'.`,
    );
  const clientId = form.get('client_id') ?? '';
  if (clientId !== policy.clientId)
    return aadError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${policy.tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  const { grant, refused } = checkCredential(form, clientId, policy);
  if (refused) return refused;

  let resource: string | undefined;
  if (v2) {
    const scope = (form.get('scope') ?? '').split(/\s+/).find((s) => s.endsWith('/.default'));
    resource = scope?.slice(0, -'/.default'.length);
  } else {
    resource = form.get('resource') ?? undefined;
  }
  if (!resource)
    return {
      ...aadError(
        400,
        'invalid_scope',
        1002012,
        v2
          ? 'The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).'
          : "The request body must contain the following parameter: 'resource'.",
      ),
      grant,
    };
  return { status: 200, body: accessTokenAnswer(resource, clientId, v2, policy), grant };
}

/** The client secret or client assertion of a grant, and the refusal when it is wrong or absent. */
function checkCredential(
  form: URLSearchParams,
  clientId: string,
  policy: GrantPolicy,
): { grant?: Reply['grant']; refused?: Reply } {
  const secret = form.get('client_secret');
  const assertion = form.get('client_assertion');
  if (secret !== null) {
    const grant = 'client_secret';
    if (secret !== policy.clientSecret)
      return {
        grant,
        refused: {
          ...aadError(
            401,
            'invalid_client',
            7000215,
            `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
          ),
          grant,
        },
      };
    return { grant };
  }
  if (assertion !== null) {
    const grant = 'client_assertion';
    if (form.get('client_assertion_type') !== JWT_BEARER)
      return {
        grant,
        refused: {
          ...aadError(
            400,
            'invalid_request',
            50027,
            `Invalid client_assertion_type; expected '${JWT_BEARER}'.`,
          ),
          grant,
        },
      };
    const refused = checkAssertion(assertion, policy);
    return refused ? { grant, refused: { ...refused, grant } } : { grant };
  }
  return {
    refused: aadError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    ),
  };
}

/** A signed access token for `resource`, in the v2 or v1 answer shape. */
function accessTokenAnswer(
  resource: string,
  clientId: string,
  v2: boolean,
  policy: GrantPolicy,
): Record<string, unknown> {
  const lifetime = policy.tokenLifetime;
  const now = Date.now();
  const exp = Math.floor(now / 1000) + lifetime;
  const accessToken = policy.signer.sign(
    {
      aud: resource,
      iss: policy.entraIssuer,
      tid: policy.tenantId,
      appid: clientId,
      azp: clientId,
      oid: servicePrincipalObjectId(clientId),
      sub: servicePrincipalObjectId(clientId),
      idtyp: 'app',
      ver: '1.0',
      exp,
    },
    now,
  );
  return v2
    ? { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: accessToken }
    : {
        token_type: 'Bearer',
        expires_in: String(lifetime),
        ext_expires_in: String(lifetime),
        expires_on: String(exp),
        not_before: String(Math.floor(now / 1000)),
        resource,
        access_token: accessToken,
      };
}

/**
 * A federated assertion must come from one of the emulator's stand-ins (the signature stands in
 * for Entra's fetch of the issuer's keys), be for `api://AzureADTokenExchange`, be current, and
 * match a federated credential's subject when subjects are configured.
 */
function checkAssertion(assertion: string, policy: GrantPolicy): Reply | undefined {
  const unverified = decodeClaims(assertion);
  if (!unverified) return aadError(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.');
  const claims: Claims | undefined = policy.signer.verify(assertion);
  if (!claims)
    return aadError(
      401,
      'invalid_client',
      700211,
      `No matching federated identity record found for presented assertion issuer '${String(unverified.iss)}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`,
    );
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes(TOKEN_EXCHANGE_AUDIENCE))
    return aadError(
      401,
      'invalid_client',
      700212,
      `No matching federated identity record found for presented assertion audience '${aud.join(',')}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`,
    );
  const left = secondsLeft(claims);
  if (left === undefined || left <= 0)
    return aadError(
      400,
      'invalid_client',
      700024,
      `Client assertion is not within its valid time range. Current time: ${new Date().toISOString()}, expiry time of assertion ${typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : 'absent'}.`,
    );
  if (policy.federatedSubjects && !policy.federatedSubjects.includes(String(claims.sub)))
    return aadError(
      401,
      'invalid_client',
      700213,
      `No matching federated identity record found for presented assertion subject '${String(claims.sub)}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`,
    );
  return undefined;
}

/** A stable object id per client id, so tokens for one app always name the same principal. */
function servicePrincipalObjectId(clientId: string): string {
  let h = 0x811c9dc5;
  for (const ch of clientId) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const hex = h.toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}0000`;
}
