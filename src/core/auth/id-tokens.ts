/**
 * ID tokens from the CI system, used as federated credentials: GitHub Actions' OIDC token
 * (`ACTIONS_ID_TOKEN_REQUEST_URL`/`_TOKEN`, present only with `permissions: id-token: write`) and
 * Azure DevOps' service-connection token (`SYSTEM_OIDCREQUESTURI` + `System.AccessToken`).
 *
 * Implemented here rather than through `@actions/core` (src/core never imports it, so the same code
 * serves the CLI and Azure DevOps) or `AzurePipelinesCredential` (which reads `process.env` directly
 * and never shows us the token, so it could not be masked). The protocols are the ones those
 * libraries speak: GitHub `GET <url>&audience=<aud>` → `{"value": jwt}`; Azure DevOps
 * `POST <uri>?api-version=7.1&serviceConnectionId=<id>` → `{"oidcToken": jwt}`.
 *
 * A new ID token is fetched every time one is needed: they live minutes, a deploy may run longer.
 */
import type { AuthType } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import { CredentialError, scrub } from './errors.js';
import {
  type AuthHttpOptions,
  AuthTransportError,
  authRequest,
  isTlsTrustCode,
  jsonObject,
} from './fetch.js';

export type Mask = (secret: string) => void;

/** A fresh ID token for `audience` (masked before it is returned). */
export type IdTokenSource = (audience: string) => Promise<string>;

interface Where {
  region: string;
  type: AuthType;
}

const prefix = (w: Where) => `region ${w.region} (auth ${w.type}): `;

/**
 * The GitHub Actions ID-token source. Throws at once, before any request, when the job was not
 * granted `id-token: write` (the runner then leaves both variables out).
 */
export function githubIdTokens(
  where: Where,
  env: NodeJS.ProcessEnv,
  mask: Mask,
  http: AuthHttpOptions,
): IdTokenSource {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL?.trim();
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim();
  if (!url || !requestToken) {
    const missing = [
      !url ? 'ACTIONS_ID_TOKEN_REQUEST_URL' : undefined,
      !requestToken ? 'ACTIONS_ID_TOKEN_REQUEST_TOKEN' : undefined,
    ].filter(Boolean);
    throw new ConfigurationError(
      `${prefix(where)}${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set, so GitHub will not issue an ID token to this job. ` +
        'Add `permissions: id-token: write` to the job (and to the caller of a reusable workflow). ' +
        'Outside GitHub Actions use another auth type (azure-client-secret, azure-cli, azure-pipelines, pat).',
    );
  }
  mask(requestToken);
  return async (audience: string) => {
    const separator = url.includes('?') ? '&' : '?';
    let res: Awaited<ReturnType<typeof authRequest>>;
    try {
      res = await authRequest(
        `${url}${separator}audience=${encodeURIComponent(audience)}`,
        { method: 'GET', headers: { Authorization: `Bearer ${requestToken}`, Accept: 'application/json' } },
        http,
      );
    } catch (e) {
      throw transportError(where, 'GitHub’s ID-token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL)', e);
    }
    const value = jsonObject(res.text)?.value;
    if (res.status === 200 && typeof value === 'string' && value !== '') {
      mask(value);
      return value;
    }
    if (res.status === 401 || res.status === 403)
      throw new ConfigurationError(
        `${prefix(where)}GitHub refused the ID-token request (HTTP ${res.status}). ACTIONS_ID_TOKEN_REQUEST_TOKEN is valid only inside the job that received it; check that the job has \`permissions: id-token: write\`.`,
      );
    throw new CredentialError(
      `${prefix(where)}GitHub's ID-token endpoint answered HTTP ${res.status} without a token: ${scrub(res.text.slice(0, 200), [requestToken])}`,
    );
  };
}

/**
 * The Azure DevOps service-connection ID-token source. `System.AccessToken` is not in a script's
 * environment unless mapped, which is the usual mistake, so the message shows the mapping.
 */
export function azurePipelinesIdTokens(
  where: Where,
  serviceConnectionId: string,
  env: NodeJS.ProcessEnv,
  mask: Mask,
  http: AuthHttpOptions,
): () => Promise<string> {
  const uri = env.SYSTEM_OIDCREQUESTURI?.trim();
  const accessToken = env.SYSTEM_ACCESSTOKEN?.trim();
  if (!uri)
    throw new ConfigurationError(
      `${prefix(where)}SYSTEM_OIDCREQUESTURI is not set: auth type azure-pipelines works only inside an Azure Pipelines job (the agent sets it). Elsewhere use another auth type.`,
    );
  if (!accessToken)
    throw new ConfigurationError(
      `${prefix(where)}SYSTEM_ACCESSTOKEN is not set. Map it into the step's environment: \`env: { SYSTEM_ACCESSTOKEN: $(System.AccessToken) }\`.`,
    );
  mask(accessToken);
  return async () => {
    const separator = uri.includes('?') ? '&' : '?';
    let res: Awaited<ReturnType<typeof authRequest>>;
    try {
      res = await authRequest(
        `${uri}${separator}api-version=7.1&serviceConnectionId=${encodeURIComponent(serviceConnectionId)}`,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${accessToken}`,
            // Without it Azure DevOps answers an auth problem with a redirect to a sign-in page.
            'X-TFS-FedAuthRedirect': 'Suppress',
          },
        },
        http,
      );
    } catch (e) {
      throw transportError(where, 'the Azure DevOps OIDC endpoint (SYSTEM_OIDCREQUESTURI)', e);
    }
    const token = jsonObject(res.text)?.oidcToken;
    if (res.status === 200 && typeof token === 'string' && token !== '') {
      mask(token);
      return token;
    }
    if (res.status === 401 || res.status === 403)
      throw new ConfigurationError(
        `${prefix(where)}Azure DevOps refused SYSTEM_ACCESSTOKEN (HTTP ${res.status}). Map \`SYSTEM_ACCESSTOKEN: $(System.AccessToken)\` into the step's env, and allow this pipeline to use service connection ${serviceConnectionId}.`,
      );
    if (res.status === 400 || res.status === 404)
      throw new ConfigurationError(
        `${prefix(where)}Azure DevOps has no workload-identity service connection ${serviceConnectionId} for this pipeline (HTTP ${res.status}). Check service_connection_id (the connection's ID, a GUID, from its URL or properties) and that the connection uses workload identity federation.`,
      );
    throw new CredentialError(
      `${prefix(where)}the Azure DevOps OIDC endpoint answered HTTP ${res.status} without a token: ${scrub(res.text.slice(0, 200), [accessToken])}`,
    );
  };
}

/** A failure to reach an endpoint, in words; a TLS trust failure says how to add a CA. */
export function transportError(where: Where, what: string, e: unknown): Error {
  if (!(e instanceof AuthTransportError)) return e instanceof Error ? e : new Error(String(e));
  if (isTlsTrustCode(e.code))
    return new ConfigurationError(
      `${prefix(where)}the TLS certificate of ${what} is not trusted (${e.code}). For a private or emulated endpoint add its CA to NODE_EXTRA_CA_CERTS.`,
    );
  return new CredentialError(`${prefix(where)}could not reach ${what}: ${e.message} (${e.code})`);
}
