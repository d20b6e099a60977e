/**
 * One emulated workspace: an HTTP server at the root of its own port. Every non-admin request
 * goes through the same pipeline, in the order a real request meets these things:
 * outage → fault rule → latency → auth → route → rate limit → read-only → handler.
 * The admin API (`/__emulator/…`, admin-api.ts) bypasses all of it: it is the test's side door,
 * never faulted, limited, logged or authenticated.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../core/logger.js';
import { type AdminTarget, adminAnswer } from './admin-api.js';
import { authenticate, RateLimiter, readOnlyRefusal } from './admission.js';
import { type Answer, errorAnswer, faultAnswer, MAX_BODY_BYTES, sendAnswer, tooLarge } from './answers.js';
import { seedAssets } from './assets-api.js';
import { buildCatalog, catalogIds, catalogListError } from './catalog.js';
import { settleAllClusters } from './clusters-api.js';
import type { ApiContext, EmulatorConfig, TokenKind, WorkspaceSettings } from './context.js';
import { FaultInjector } from './faults.js';
import { ApiError, ApiRequest, clone, type JsonObject, readBody, StatusResponse } from './http.js';
import { settleAllRuns } from './job-runs.js';
import type { RateLimits } from './limits.js';
import type { IdentityHooks } from './oidc.js';
import { router } from './routes.js';
import { emptyState, StateStore, upgradeState, workspaceId } from './state.js';
import type {
  CatalogIds,
  FaultRule,
  FaultSpec,
  RequestLogEntry,
  WorkspaceSpec,
  WorkspaceTier,
} from './types.js';
import { settleWarehouse } from './warehouses-api.js';
import type { WorkspaceState } from './workspace-state.js';

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

/** Old entries are dropped beyond this, so a long-running emulator does not grow without end. */
const MAX_LOG_ENTRIES = 100_000;

export class WorkspaceServer implements AdminTarget {
  readonly name: string;
  readonly token: string;
  private readonly server: Server;
  private port: number;
  private live: WorkspaceState;
  private readonly store: StateStore | undefined;
  private readonly faults: FaultInjector;
  private readonly tokens = new Map<string, TokenKind>();
  private readonly limiter: RateLimiter;
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
    this.limiter = new RateLimiter(settings.rateLimits, name);
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
          sendAnswer(res, { status: 500, body: { error_code: 'INTERNAL_ERROR', message: 'Internal error' } });
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

  tier(): WorkspaceTier {
    return this.workspace.tier;
  }

  seedAssets(body: JsonObject): unknown {
    seedAssets(this.live, body, Date.now(), this.settings.config.userName);
    return this.live.assets;
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

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1));

    if (path.startsWith('/__emulator/')) {
      const body = await readBody(req, MAX_BODY_BYTES);
      sendAnswer(res, body ? adminAnswer(this, method, path, body) : tooLarge());
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
      const answer = faultAnswer(rule, this.name);
      log(answer.status, rule.fault);
      sendAnswer(res, answer);
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
      const unavailable = faultAnswer({ ...rule, body: rule.body ?? 'empty' }, this.name);
      log(unavailable.status, 'applied-503');
      sendAnswer(res, unavailable);
      return;
    }
    log(answer.status);
    sendAnswer(res, answer);
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
    const auth = authenticate(
      req,
      (token) => this.tokens.get(token) ?? this.settings.identity?.tokenKind(token, this.url),
    );
    if (typeof auth !== 'string') return auth;

    const handler = router.find(method, path);
    if (!handler)
      return errorAnswer(new ApiError(404, 'ENDPOINT_NOT_FOUND', `No API found for '${method} ${path}'`));

    const limited = this.limiter.refusal(method, path);
    if (limited) return limited;
    if (mutation && this.readOnly) return readOnlyRefusal(this.name, method, path);

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
