/**
 * One emulated workspace: an HTTP server at the root of its own port. Every non-admin request
 * goes through the same pipeline, in the order a real request meets these things:
 * outage → fault rule → latency → auth → route → rate limit → read-only → handler.
 * The admin API (`/__emulator/…`) bypasses all of it: it is the test's side door, never faulted,
 * limited, logged or authenticated.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../core/logger.js';
import { assetNamesError, registerAssets, seedAssets } from './assets-api.js';
import { buildCatalog, catalogIds, catalogListError, registerCatalog } from './catalog.js';
import { registerClusters, settleAllClusters } from './clusters-api.js';
import { registerCompute } from './compute-api.js';
import type { ApiContext, EmulatorConfig, TokenKind, WorkspaceSettings } from './context.js';
import { Router } from './context.js';
import { FaultInjector, validateFaultSpec } from './faults.js';
import {
  ApiError,
  ApiRequest,
  clone,
  isObject,
  type JsonObject,
  RawResponse,
  readBody,
  ScimError,
  StatusResponse,
} from './http.js';
import { settleAllRuns } from './job-runs.js';
import { registerJobRuns } from './job-runs-api.js';
import { registerJobs } from './jobs-api.js';
import { type LimitFamily, limitFamily, type RateLimits, ServerBucket } from './limits.js';
import type { IdentityHooks } from './oidc.js';
import { registerPermissions } from './permissions-api.js';
import { registerPipelines } from './pipelines-api.js';
import { registerPrincipals } from './principals.js';
import { registerRunsSubmit } from './runs-submit.js';
import { registerSecrets } from './secrets-api.js';
import { emptyState, StateStore, upgradeState, workspaceId } from './state.js';
import { registerStatements } from './statements-api.js';
import type {
  CatalogIds,
  EmulatedWorkspace,
  FaultRule,
  FaultSpec,
  RequestLogEntry,
  WorkspaceSpec,
  WorkspaceState,
  WorkspaceTier,
} from './types.js';
import { registerWarehouses, settleWarehouse } from './warehouses-api.js';
import { registerWorkspace } from './workspace-api.js';

/** Settings shared by every workspace of one emulator. */
export interface ServerSettings {
  token: string;
  latencyMs: number;
  /** Requests per second per family; undefined = unlimited. Undefined map = limits off. */
  rateLimits: RateLimits | undefined;
  faults?: FaultSpec;
  stateDir?: string;
  readOnly: boolean;
  config: EmulatorConfig;
  logger: Logger;
  /** Log every request (method, path, status, fault, ms) through the logger. */
  logRequests?: boolean;
  /** Tokens issued by the emulator's Entra authority and OIDC exchange, and the `/oidc/…` routes. */
  identity?: IdentityHooks;
}

/** Bodies above this are refused before parsing (the largest real limit is 10 MB of content). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** Old entries are dropped beyond this, so a long-running emulator does not grow without end. */
const MAX_LOG_ENTRIES = 100_000;

const router = new Router();
registerJobs(router);
registerJobRuns(router);
registerRunsSubmit(router);
registerClusters(router);
registerWorkspace(router);
registerSecrets(router);
registerPrincipals(router);
registerPermissions(router);
registerPipelines(router);
registerCatalog(router);
registerCompute(router);
registerWarehouses(router);
registerStatements(router);
registerAssets(router);

/** The routes every emulated workspace serves (docs/emulator.md lists them). */
export const servedRoutes = (): string[] => router.routes();

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const errorAnswer = (e: ApiError): Answer => ({
  status: e.status,
  body: e instanceof ScimError ? e.body() : { error_code: e.code, message: e.message },
  headers: e.headers,
});

const tooLarge = (): Answer =>
  errorAnswer(
    new ApiError(413, 'REQUEST_ENTITY_TOO_LARGE', `The request body exceeds ${MAX_BODY_BYTES} bytes.`),
  );

export class WorkspaceServer implements EmulatedWorkspace {
  readonly name: string;
  readonly token: string;
  private readonly server: Server;
  private port: number;
  private live: WorkspaceState;
  private readonly store: StateStore | undefined;
  private readonly faults: FaultInjector;
  private readonly tokens = new Map<string, TokenKind>();
  private readonly buckets = new Map<LimitFamily, ServerBucket>();
  private log: RequestLogEntry[] = [];
  private down = false;
  private readOnly: boolean;
  private listening = false;
  private readonly workspace: WorkspaceSettings;

  constructor(
    name: string,
    port: number,
    private readonly settings: ServerSettings,
    spec: WorkspaceSpec = { name },
  ) {
    this.name = name;
    this.port = port;
    this.token = settings.token;
    this.tokens.set(settings.token, 'pat');
    this.readOnly = settings.readOnly;
    this.faults = new FaultInjector(settings.faults);
    if (settings.stateDir) {
      this.store = new StateStore(
        settings.stateDir,
        name,
        () => this.live,
        (e) => settings.logger.error(`${name}: cannot save state: ${e.message}`),
      );
    }
    this.workspace = {
      tier: spec.tier ?? 'premium',
      catalog: buildCatalog(spec.nodeTypes, spec.sparkVersions),
    };
    const userName = settings.config.userName;
    const loaded = this.store?.load();
    this.live = loaded ? upgradeState(loaded, userName, spec) : emptyState(name, userName, Date.now(), spec);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        settings.logger.error(`${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        if (!res.headersSent)
          this.send(res, { status: 500, body: { error_code: 'INTERNAL_ERROR', message: 'Internal error' } });
      });
    });
    // Longer than any client's idle timeout, so the server never closes a socket the client is
    // about to reuse (that race shows up as spurious ECONNRESETs on keep-alive agents).
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.listening) return;
    await new Promise<void>((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      this.server.once('error', onError);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.listening = true;
  }

  async stop(): Promise<void> {
    if (this.listening) {
      this.listening = false;
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      this.server.closeAllConnections();
      await closed;
    }
    this.store?.flush();
  }

  restart(): Promise<void> {
    return this.start();
  }

  state(): WorkspaceState {
    const ctx = this.context(Date.now(), 'pat', '2.2');
    settleAllClusters(ctx);
    settleAllRuns(ctx);
    for (const w of Object.values(this.live.warehouses)) settleWarehouse(w, ctx.now);
    return clone(this.live);
  }

  requests(): RequestLogEntry[] {
    return this.log.map((e) => ({ ...e }));
  }

  clearRequests(): void {
    this.log = [];
  }

  setFaults(spec: FaultSpec | undefined): void {
    this.faults.set(spec);
  }

  setReadOnly(enabled: boolean): void {
    this.readOnly = enabled;
  }

  setOutage(down: boolean): void {
    this.down = down;
  }

  addToken(token: string, kind: 'pat' | 'entra'): void {
    this.tokens.set(token, kind);
  }

  setTier(tier: WorkspaceTier): void {
    if (tier !== 'premium' && tier !== 'standard') throw new Error(`Unknown tier '${String(tier)}'`);
    this.workspace.tier = tier;
  }

  setCatalog(catalog: { nodeTypes?: string[]; sparkVersions?: string[] }): void {
    const error =
      catalogListError(catalog.nodeTypes, 'nodeTypes') ??
      catalogListError(catalog.sparkVersions, 'sparkVersions');
    if (error) throw new Error(error);
    const current = catalogIds(this.workspace.catalog);
    this.workspace.catalog = buildCatalog(
      catalog.nodeTypes ?? current.node_types,
      catalog.sparkVersions ?? current.spark_versions,
    );
  }

  catalog(): CatalogIds {
    return catalogIds(this.workspace.catalog);
  }

  private context(now: number, tokenKind: TokenKind, version: string): ApiContext {
    return {
      state: this.live,
      now,
      user: this.settings.config.userName,
      tokenKind,
      version,
      config: this.settings.config,
      workspaceName: this.name,
      url: this.url,
      workspace: this.workspace,
      nextId: () => this.live.nextId++,
    };
  }

  private record(entry: RequestLogEntry): void {
    this.log.push(entry);
    if (this.settings.logRequests) {
      const fault = entry.fault ? ` [fault ${entry.fault}]` : '';
      this.settings.logger.info(
        `${this.name}: ${entry.method} ${entry.path} → ${entry.status || 'dropped'}${fault} (${entry.ms} ms)`,
      );
    }
    if (this.log.length > MAX_LOG_ENTRIES * 1.1) this.log = this.log.slice(-MAX_LOG_ENTRIES);
  }

  private send(res: ServerResponse, answer: Answer): void {
    const raw = answer.body instanceof RawResponse;
    const data =
      answer.body instanceof RawResponse
        ? answer.body.body
        : answer.body === undefined
          ? Buffer.alloc(0)
          : Buffer.from(JSON.stringify(answer.body));
    res.writeHead(answer.status, {
      'content-type': raw ? (answer.body as RawResponse).contentType : 'application/json',
      'content-length': data.length,
      ...answer.headers,
    });
    res.end(data);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1));

    if (path.startsWith('/__emulator/')) {
      const body = await readBody(req, MAX_BODY_BYTES);
      this.send(res, body ? this.admin(method, path, body) : tooLarge());
      return;
    }

    const isApi = path.startsWith('/api/');
    // The OAuth endpoints live on the workspace host, so an unreachable region refuses them too.
    const isOidc = path.startsWith('/oidc/');
    const mutation = isApi && method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
    let object: string | undefined;
    const log = (status: number, fault?: FaultRule['fault']) =>
      this.record({
        method,
        path,
        status,
        mutation,
        ms: Math.round((performance.now() - started) * 100) / 100,
        ...(fault ? { fault } : {}),
        ...(object ? { object } : {}),
      });

    if (this.down && (isApi || isOidc)) {
      // An unreachable region: the connection drops without an answer.
      log(0);
      req.socket.destroy();
      return;
    }
    const rule = this.faults.active ? this.faults.pick(method, path) : undefined;
    if (rule?.fault === 'reset') {
      log(0, 'reset');
      req.socket.destroy();
      return;
    }

    const body = await readBody(req, MAX_BODY_BYTES);
    if (body && mutation && path.startsWith('/api/2.0/workspace/')) object = workspaceObjectOf(body);
    if (isApi && this.settings.latencyMs > 0) await sleep(this.settings.latencyMs);

    if (rule && (rule.fault === '429' || rule.fault === '503')) {
      const answer = this.faultAnswer(rule);
      log(answer.status, rule.fault);
      this.send(res, answer);
      return;
    }

    const answer = body ? this.process(method, path, query, req, body, mutation, rule) : tooLarge();
    if (rule?.fault === 'lost') {
      // The request took effect; only the answer is lost.
      log(answer.status, 'lost');
      req.socket.destroy();
      return;
    }
    if (rule?.fault === 'applied-503') {
      // The request took effect; the gateway in front gave up waiting and answers 503 instead.
      const unavailable = this.faultAnswer({ ...rule, body: rule.body ?? 'empty' });
      log(unavailable.status, 'applied-503');
      this.send(res, unavailable);
      return;
    }
    log(answer.status);
    this.send(res, answer);
  }

  private faultAnswer(rule: FaultRule): Answer {
    const status = rule.fault === '429' ? 429 : 503;
    const code = status === 429 ? 'REQUEST_LIMIT_EXCEEDED' : 'TEMPORARILY_UNAVAILABLE';
    const message =
      status === 429
        ? `Workspace ${this.name} exceeded the concurrent limit of 20 requests.`
        : 'Authentication is temporarily unavailable. Please try again later.';
    const headers = { 'retry-after': String(rule.retry_after ?? 1) };
    if (rule.body === 'empty') return { status, body: undefined, headers };
    if (rule.body === 'int-code') return { status, body: { error_code: status, message }, headers };
    return { status, body: { error_code: code, message }, headers };
  }

  private authenticate(req: IncomingMessage): TokenKind | Answer {
    const auth = req.headers.authorization;
    const m = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
    if (!m) {
      return {
        status: 401,
        body: {
          error_code: 401,
          message: 'Credential was not sent or was of an unsupported type for this API.',
        },
      };
    }
    const kind = this.tokens.get(m[1]) ?? this.settings.identity?.tokenKind(m[1], this.url);
    if (kind) return kind;
    return {
      status: 403,
      body: { error_code: 403, message: 'Invalid access token.' },
      headers: { 'x-databricks-reason-phrase': 'Invalid access token.' },
    };
  }

  private process(
    method: string,
    path: string,
    query: URLSearchParams,
    req: IncomingMessage,
    body: Buffer,
    mutation: boolean,
    rule?: FaultRule,
  ): Answer {
    const request = new ApiRequest(method, path, query, req.headers, body);
    if (rule?.fault === 'archive-drop') request.fault = rule.fault;
    if (method === 'GET' && path === '/.well-known/databricks-config') {
      return {
        status: 200,
        body: { oidc_endpoint: `${this.url}/oidc`, workspace_id: String(workspaceId(this.name)) },
      };
    }
    if (path.startsWith('/oidc/') && this.settings.identity) {
      const answer = this.settings.identity.oidc(method, path, body, this.url);
      if (answer) return answer;
    }
    if (!path.startsWith('/api/')) {
      return errorAnswer(new ApiError(404, 'ENDPOINT_NOT_FOUND', `No API found for '${method} ${path}'`));
    }
    const auth = this.authenticate(req);
    if (typeof auth !== 'string') return auth;

    const handler = router.find(method, path);
    if (!handler)
      return errorAnswer(new ApiError(404, 'ENDPOINT_NOT_FOUND', `No API found for '${method} ${path}'`));

    if (this.settings.rateLimits) {
      const family = limitFamily(method, path);
      const rate = family === undefined ? undefined : this.settings.rateLimits[family];
      if (family !== undefined && rate !== undefined) {
        let bucket = this.buckets.get(family);
        if (!bucket) {
          bucket = new ServerBucket(rate);
          this.buckets.set(family, bucket);
        }
        if (!bucket.tryTake()) {
          const wait = bucket.secondsUntilAvailable();
          return errorAnswer(
            new ApiError(
              429,
              'REQUEST_LIMIT_EXCEEDED',
              `Workspace ${this.name} exceeded the rate limit of ${Math.round(rate * 100) / 100} requests per second for ${family} requests.`,
              { 'retry-after': String(wait) },
            ),
          );
        }
      }
    }
    if (mutation && this.readOnly) {
      return errorAnswer(
        new ApiError(
          403,
          'PERMISSION_DENIED',
          `Workspace ${this.name} is read-only: ${method} ${path} is not allowed.`,
        ),
      );
    }

    const version = /^\/api\/([0-9.]+)\//.exec(path)?.[1] ?? '2.0';
    try {
      const result = handler(request, this.context(Date.now(), auth, version));
      if (mutation) this.store?.markDirty();
      if (result instanceof StatusResponse) return { status: result.status, body: result.body };
      return { status: 200, body: result ?? {} };
    } catch (e) {
      if (e instanceof ApiError) {
        // A failed write may still have changed state (e.g. settled runs); persisting is harmless.
        if (mutation) this.store?.markDirty();
        return errorAnswer(e);
      }
      this.settings.logger.error(
        `${this.name}: ${method} ${path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      return errorAnswer(new ApiError(500, 'INTERNAL_ERROR', e instanceof Error ? e.message : String(e)));
    }
  }

  private admin(method: string, path: string, raw: Buffer): Answer {
    let body: JsonObject = {};
    if (raw.length > 0) {
      try {
        const parsed: unknown = JSON.parse(raw.toString('utf8'));
        if (!isObject(parsed)) throw new Error('not an object');
        body = parsed;
      } catch {
        return errorAnswer(new ApiError(400, 'MALFORMED_REQUEST', 'The body must be a JSON object'));
      }
    }
    const bad = (message: string) => errorAnswer(new ApiError(400, 'INVALID_PARAMETER_VALUE', message));
    const ok: Answer = { status: 200, body: {} };
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /__emulator/requests':
        return { status: 200, body: this.log };
      case 'DELETE /__emulator/requests':
        this.clearRequests();
        return ok;
      case 'GET /__emulator/state':
        return { status: 200, body: this.state() };
      case 'POST /__emulator/outage':
        if (typeof body.down !== 'boolean') return bad('Expected {"down": true|false}');
        this.setOutage(body.down);
        return ok;
      case 'POST /__emulator/read-only':
        if (typeof body.enabled !== 'boolean') return bad('Expected {"enabled": true|false}');
        this.setReadOnly(body.enabled);
        return ok;
      case 'POST /__emulator/tokens': {
        const kind = body.kind ?? 'pat';
        if (typeof body.token !== 'string' || body.token === '' || (kind !== 'pat' && kind !== 'entra'))
          return bad('Expected {"token": "...", "kind": "pat"|"entra"}');
        this.addToken(body.token, kind);
        return ok;
      }
      case 'GET /__emulator/catalog':
        return { status: 200, body: { tier: this.workspace.tier, ...this.catalog() } };
      case 'POST /__emulator/catalog': {
        const error =
          catalogListError(body.node_types, 'node_types') ??
          catalogListError(body.spark_versions, 'spark_versions');
        if (error || (body.node_types === undefined && body.spark_versions === undefined))
          return bad(
            error ??
              'Expected {"node_types": ["Standard_DS3_v2", ...], "spark_versions": ["15.4.x-scala2.12", ...]}',
          );
        this.setCatalog({
          nodeTypes: body.node_types as string[] | undefined,
          sparkVersions: body.spark_versions as string[] | undefined,
        });
        return { status: 200, body: this.catalog() };
      }
      case 'POST /__emulator/assets': {
        const error = assetNamesError(body);
        if (error) return bad(error);
        seedAssets(this.live, body, Date.now(), this.settings.config.userName);
        return { status: 200, body: this.live.assets };
      }
      case 'POST /__emulator/tier':
        if (body.tier !== 'premium' && body.tier !== 'standard')
          return bad('Expected {"tier": "premium"|"standard"}');
        this.setTier(body.tier);
        return ok;
      case 'POST /__emulator/faults': {
        const error = validateFaultSpec(body);
        if (error) return bad(error);
        this.setFaults(body as unknown as FaultSpec);
        return ok;
      }
      default:
        return errorAnswer(new ApiError(404, 'ENDPOINT_NOT_FOUND', `No emulator admin API for '${route}'`));
    }
  }
}

/** The `path` of a JSON Workspace API write, for the request log (which object a test saw written). */
function workspaceObjectOf(body: Buffer): string | undefined {
  try {
    const path = (JSON.parse(body.toString('utf8')) as { path?: unknown }).path;
    return typeof path === 'string' ? path : undefined;
  } catch {
    return undefined;
  }
}
