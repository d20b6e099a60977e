/**
 * A local Microsoft Entra ID authority, plus the CI token endpoints that feed it, so the real
 * `@azure/identity` / MSAL code paths run offline (reference/ci-conventions.md Appendix).
 *
 * MSAL talks only to `https://` authorities and makes two requests: the tenant's
 * `/{tenant}/v2.0/.well-known/openid-configuration`, then a form POST to its `token_endpoint`.
 * So the server speaks HTTPS with a certificate from a CA generated at start (`caFile`, to trust
 * through NODE_EXTRA_CA_CERTS or a client's `ca` option), and answers:
 *
 * - `GET  /{tenant}/v2.0/.well-known/openid-configuration` (and the v1 form), `…/discovery/v2.0/keys`
 * - `POST /{tenant}/oauth2/v2.0/token` (and v1 `/oauth2/token` with `resource=`): client credentials
 *   with a client secret or a client assertion (a JWT from the stand-ins below, audience
 *   `api://AzureADTokenExchange`). Refusals carry the AADSTS codes real Entra sends, so the error
 *   mapping in src/core/auth is tested against the same text users see.
 * - `GET  /_github/idtoken?api-version=2.0&audience=…`: GitHub's ACTIONS_ID_TOKEN_REQUEST_URL, with
 *   `Authorization: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>` → `{"value": "<jwt>"}`.
 * - `POST /_ado/oidctoken?api-version=7.1&serviceConnectionId=…`: Azure DevOps' SYSTEM_OIDCREQUESTURI,
 *   with `Authorization: Bearer <System.AccessToken>` → `{"oidcToken": "<jwt>"}`.
 *
 * Every token is an ES256 JWT from one signer shared with the workspaces, which accept the Entra
 * ones for the AzureDatabricks resource as Entra tokens until they expire.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../core/logger.js';
import { generateTlsIdentity } from './cert.js';
import { readBody } from './http.js';
import { type Claims, decodeClaims, JwtSigner, secondsLeft } from './jwt.js';
import { databricksIdentity, EMULATOR_ACCOUNT_ID, GITHUB_ISSUER, type IdentityHooks } from './oidc.js';
import type { AuthorityRequestLogEntry, EntraAuthority, EntraOptions } from './types.js';

export const DEFAULT_TENANT_ID = '00000000-0000-0000-0000-000000000000';
export const DEFAULT_CLIENT_ID = 'dr-deployer';
export const DEFAULT_CLIENT_SECRET = 'emulator-secret';
export const DEFAULT_GITHUB_SUBJECT = 'repo:example-org/example-repo:environment:production';
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const ADO_ORG_ID = '0a0d0000-0000-4000-8000-0000000000ad';
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_LOG_ENTRIES = 10_000;

interface Reply {
  status: number;
  body: unknown;
  /** For the log: the AADSTS code or OAuth error of a refusal. */
  error?: string;
  grant?: AuthorityRequestLogEntry['grant'];
}

const json = (body: unknown, status = 200): Reply => ({ status, body });

/**
 * An Entra error body as login.microsoftonline.com sends it. MSAL copies `error_description` into
 * its error message and `@azure/identity` into AuthenticationError, so the text matters.
 */
function aadError(status: number, error: string, code: number, description: string): Reply {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    status,
    error: `AADSTS${code}`,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

/** A tenant path segment: a GUID or a DNS name (contoso.onmicrosoft.com); else AADSTS900023. */
const TENANT_FORMAT =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i;

function positiveSeconds(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds`);
  return Math.ceil(value);
}

function bearer(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return m ? m[1] : undefined;
}

export class EntraAuthorityServer implements EntraAuthority {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly idTokenRequestToken: string;
  readonly systemAccessToken: string;
  readonly databricksClientId: string;
  readonly caCert: string;
  readonly signer = new JwtSigner();
  /** What workspaces consult for bearer tokens and `/oidc/…`. */
  readonly hooks: IdentityHooks;
  private readonly server: Server;
  private readonly githubSubject: string;
  private readonly federatedSubjects: readonly string[] | undefined;
  private readonly idTokenLifetime: number;
  private tokenLifetime: number;
  private port: number;
  private dir: string | undefined;
  private log: AuthorityRequestLogEntry[] = [];

  constructor(
    options: EntraOptions,
    private readonly logger: Logger,
  ) {
    this.tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
    if (!TENANT_FORMAT.test(this.tenantId))
      throw new Error(`entra.tenantId '${this.tenantId}' must be a GUID or a domain name`);
    this.clientId = options.clientId ?? DEFAULT_CLIENT_ID;
    this.clientSecret = options.clientSecret ?? DEFAULT_CLIENT_SECRET;
    this.idTokenRequestToken = options.idTokenRequestToken ?? randomBytes(24).toString('base64url');
    this.systemAccessToken = options.systemAccessToken ?? randomBytes(24).toString('base64url');
    this.databricksClientId = options.databricksClientId ?? this.clientId;
    this.githubSubject = options.githubSubject ?? DEFAULT_GITHUB_SUBJECT;
    this.federatedSubjects = options.federatedSubjects;
    this.tokenLifetime = positiveSeconds(options.tokenLifetimeSeconds, 3599, 'entra.tokenLifetimeSeconds');
    this.idTokenLifetime = positiveSeconds(
      options.idTokenLifetimeSeconds,
      300,
      'entra.idTokenLifetimeSeconds',
    );
    this.port = options.port ?? 0;
    const tls = generateTlsIdentity();
    this.caCert = tls.caCert;
    this.hooks = databricksIdentity({
      signer: this.signer,
      policy: {
        clientId: this.databricksClientId,
        audiences: options.databricksAudiences ?? [EMULATOR_ACCOUNT_ID],
        subjects: this.federatedSubjects,
      },
      lifetimeSeconds: () => this.tokenLifetime,
      entraIssuer: this.entraIssuer,
    });
    this.server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        this.logger.error(`entra: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        if (!res.headersSent) this.send(res, json({ error: 'server_error' }, 500));
      });
    });
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
  }

  get authorityHost(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  get caFile(): string {
    if (!this.dir) throw new Error('the Entra authority is not started');
    return join(this.dir, 'ca.pem');
  }

  get idTokenRequestUrl(): string {
    // GitHub's URL already carries a query, which is why clients append `&audience=`.
    return `${this.authorityHost}/_github/idtoken?api-version=2.0`;
  }

  get oidcRequestUri(): string {
    return `${this.authorityHost}/_ado/oidctoken`;
  }

  /** The `iss` of access tokens (v1 form, as Entra issues for the AzureDatabricks resource). */
  get entraIssuer(): string {
    return `https://sts.windows.net/${this.tenantId}/`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      this.server.once('error', onError);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.dir = mkdtempSync(join(tmpdir(), 'databricks-dr-emulator-'));
    writeFileSync(join(this.dir, 'ca.pem'), this.caCert);
  }

  async stop(): Promise<void> {
    if (this.server.listening) {
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      this.server.closeAllConnections();
      await closed;
    }
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  setTokenLifetime(seconds: number): void {
    this.tokenLifetime = positiveSeconds(seconds, 3599, 'token lifetime');
  }

  issueIdToken(audience: string, subject: string = this.githubSubject): string {
    const repo = /^repo:([^:]+):/.exec(subject)?.[1] ?? 'example-org/example-repo';
    const environment = /:environment:([^:]+)$/.exec(subject)?.[1];
    return this.signer.sign({
      iss: GITHUB_ISSUER,
      aud: audience,
      sub: subject,
      exp: Math.floor(Date.now() / 1000) + this.idTokenLifetime,
      repository: repo,
      repository_owner: repo.split('/')[0],
      ref: 'refs/heads/main',
      event_name: 'push',
      job_workflow_ref: `${repo}/.github/workflows/deploy.yml@refs/heads/main`,
      runner_environment: 'github-hosted',
      ...(environment ? { environment } : {}),
    });
  }

  requests(): AuthorityRequestLogEntry[] {
    return this.log.map((e) => ({ ...e }));
  }

  clearRequests(): void {
    this.log = [];
  }

  env(): Record<string, string> {
    return {
      AZURE_AUTHORITY_HOST: this.authorityHost,
      NODE_EXTRA_CA_CERTS: this.caFile,
      ACTIONS_ID_TOKEN_REQUEST_URL: this.idTokenRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: this.idTokenRequestToken,
      SYSTEM_OIDCREQUESTURI: this.oidcRequestUri,
      SYSTEM_ACCESSTOKEN: this.systemAccessToken,
    };
  }

  private send(res: ServerResponse, reply: Reply): void {
    const data = Buffer.from(JSON.stringify(reply.body));
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': data.length,
      'cache-control': 'no-store',
    });
    res.end(data);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', this.authorityHost);
    const body = await readBody(req, MAX_BODY_BYTES);
    const reply = body
      ? this.route(method, url, req, body)
      : json({ error: 'invalid_request', error_description: 'The request body is too large.' }, 413);
    this.log.push({
      method,
      path: url.pathname,
      status: reply.status,
      ...(reply.grant ? { grant: reply.grant } : {}),
      ...(reply.error ? { error: reply.error } : {}),
    });
    if (this.log.length > MAX_LOG_ENTRIES * 1.1) this.log = this.log.slice(-MAX_LOG_ENTRIES);
    this.send(res, reply);
  }

  private route(method: string, url: URL, req: IncomingMessage, body: Buffer): Reply {
    const path = url.pathname;
    if (path === '/_github/idtoken') return method === 'GET' ? this.githubIdToken(url, req) : notAllowed();
    if (path === '/_ado/oidctoken') return method === 'POST' ? this.adoIdToken(url, req) : notAllowed();
    const m = /^\/([^/]+)\/(.*)$/.exec(path);
    if (!m) return notFound();
    const [, tenant, rest] = m;
    const discovery =
      rest === 'v2.0/.well-known/openid-configuration' || rest === '.well-known/openid-configuration';
    const keys = rest === 'discovery/v2.0/keys' || rest === 'discovery/keys';
    const token = rest === 'oauth2/v2.0/token' || rest === 'oauth2/token';
    if (!discovery && !keys && !token) return notFound();
    const tenantError = this.checkTenant(tenant);
    if (tenantError) return tenantError;
    if (discovery)
      return method === 'GET' ? json(this.openidConfiguration(rest.startsWith('v2.0'))) : notAllowed();
    if (!token) return method === 'GET' ? json(this.signer.jwks()) : notAllowed();
    if (method !== 'POST') return notAllowed();
    return this.token(new URLSearchParams(body.toString('utf8')), rest === 'oauth2/v2.0/token');
  }

  private checkTenant(tenant: string): Reply | undefined {
    if (!TENANT_FORMAT.test(tenant))
      return aadError(
        400,
        'invalid_request',
        900023,
        `Specified tenant identifier '${tenant}' is neither a valid DNS name, nor a valid external domain.`,
      );
    if (tenant.toLowerCase() !== this.tenantId.toLowerCase())
      return aadError(
        400,
        'invalid_tenant',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
      );
    return undefined;
  }

  private openidConfiguration(v2: boolean): Record<string, unknown> {
    const base = `${this.authorityHost}/${this.tenantId}`;
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
      issuer: v2 ? `${base}/v2.0` : this.entraIssuer,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${base}/openid/userinfo`,
      authorization_endpoint: `${base}/oauth2${v}/authorize`,
      device_authorization_endpoint: `${base}/oauth2${v}/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2${v}/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'oid'],
      tenant_region_scope: 'NA',
      cloud_instance_name: new URL(this.authorityHost).host,
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    };
  }

  /** The client-credentials grant, checked in the order Entra does: client, credential, scope. */
  private token(form: URLSearchParams, v2: boolean): Reply {
    if (form.get('grant_type') !== 'client_credentials')
      return aadError(
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${form.get('grant_type') ?? ''}'.`,
      );
    const clientId = form.get('client_id') ?? '';
    if (clientId !== this.clientId)
      return aadError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${this.tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      );
    let grant: Reply['grant'];
    const secret = form.get('client_secret');
    const assertion = form.get('client_assertion');
    if (secret !== null) {
      grant = 'client_secret';
      if (secret !== this.clientSecret)
        return {
          ...aadError(
            401,
            'invalid_client',
            7000215,
            `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
          ),
          grant,
        };
    } else if (assertion !== null) {
      grant = 'client_assertion';
      if (form.get('client_assertion_type') !== JWT_BEARER)
        return {
          ...aadError(
            400,
            'invalid_request',
            50027,
            `Invalid client_assertion_type; expected '${JWT_BEARER}'.`,
          ),
          grant,
        };
      const refused = this.checkAssertion(assertion);
      if (refused) return { ...refused, grant };
    } else {
      return aadError(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    }

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
    const lifetime = this.tokenLifetime;
    const now = Date.now();
    const exp = Math.floor(now / 1000) + lifetime;
    const accessToken = this.signer.sign(
      {
        aud: resource,
        iss: this.entraIssuer,
        tid: this.tenantId,
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
    const answer = v2
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
    return { status: 200, body: answer, grant };
  }

  /**
   * A federated assertion must come from one of the emulator's stand-ins (the signature stands in
   * for Entra's fetch of the issuer's keys), be for `api://AzureADTokenExchange`, be current, and
   * match a federated credential's subject when subjects are configured.
   */
  private checkAssertion(assertion: string): Reply | undefined {
    const unverified = decodeClaims(assertion);
    if (!unverified) return aadError(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.');
    const claims: Claims | undefined = this.signer.verify(assertion);
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
    if (this.federatedSubjects && !this.federatedSubjects.includes(String(claims.sub)))
      return aadError(
        401,
        'invalid_client',
        700213,
        `No matching federated identity record found for presented assertion subject '${String(claims.sub)}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`,
      );
    return undefined;
  }

  private githubIdToken(url: URL, req: IncomingMessage): Reply {
    if (bearer(req) !== this.idTokenRequestToken)
      return json({ message: 'Bad credentials: the request token is missing or wrong.' }, 401);
    const audience = url.searchParams.get('audience') ?? `https://github.com/example-org`;
    const value = this.issueIdToken(audience);
    return json({ count: value.length, value });
  }

  private adoIdToken(url: URL, req: IncomingMessage): Reply {
    if (bearer(req) !== this.systemAccessToken)
      return json({ message: 'TF400813: The user is not authorized to access this resource.' }, 401);
    const connection = url.searchParams.get('serviceConnectionId');
    if (!connection)
      return json({ message: 'serviceConnectionId is required.', typeKey: 'InvalidOperationException' }, 400);
    const oidcToken = this.signer.sign({
      iss: `https://vstoken.dev.azure.com/${ADO_ORG_ID}`,
      aud: TOKEN_EXCHANGE_AUDIENCE,
      sub: `sc://example-org/example-project/${connection}`,
      exp: Math.floor(Date.now() / 1000) + this.idTokenLifetime,
    });
    return json({ oidcToken });
  }
}

const notFound = (): Reply => json({ error: 'not_found', error_description: 'No such endpoint.' }, 404);
const notAllowed = (): Reply =>
  json({ error: 'invalid_request', error_description: 'Method not allowed.' }, 405);

/** A stable object id per client id, so tokens for one app always name the same principal. */
function servicePrincipalObjectId(clientId: string): string {
  let h = 0x811c9dc5;
  for (const ch of clientId) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const hex = h.toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}0000`;
}
