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
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../core/logger.js';
import { generateTlsIdentity } from './cert.js';
import { aadError, json, notAllowed, notFound, type Reply } from './entra-replies.js';
import { clientCredentialsGrant, openidConfiguration, TOKEN_EXCHANGE_AUDIENCE } from './entra-token.js';
import { readBody } from './http.js';
import { JwtSigner } from './jwt.js';
import { databricksIdentity, EMULATOR_ACCOUNT_ID, GITHUB_ISSUER, type IdentityHooks } from './oidc.js';
import type { AuthorityRequestLogEntry, EntraAuthority, EntraOptions } from './types.js';

export { TOKEN_EXCHANGE_AUDIENCE } from './entra-token.js';

export const DEFAULT_TENANT_ID = '00000000-0000-0000-0000-000000000000';
export const DEFAULT_CLIENT_ID = 'dr-deployer';
export const DEFAULT_CLIENT_SECRET = 'emulator-secret';
export const DEFAULT_GITHUB_SUBJECT = 'repo:example-org/example-repo:environment:production';
const ADO_ORG_ID = '0a0d0000-0000-4000-8000-0000000000ad';
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_LOG_ENTRIES = 10_000;

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
      return method === 'GET' ? json(openidConfiguration(this, rest.startsWith('v2.0'))) : notAllowed();
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

  private token(form: URLSearchParams, v2: boolean): Reply {
    return clientCredentialsGrant(form, v2, {
      tenantId: this.tenantId,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      signer: this.signer,
      entraIssuer: this.entraIssuer,
      federatedSubjects: this.federatedSubjects,
      tokenLifetime: this.tokenLifetime,
    });
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
