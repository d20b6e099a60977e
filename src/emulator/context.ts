/**
 * What an API handler gets besides the request: the workspace's live state, the clock reading for
 * this request, who is calling, and the emulator's tunables. Handlers are plain functions over
 * this, so each API module stays independent of the HTTP server.
 */
import type { Catalog } from './catalog.js';
import { ApiError, type ApiRequest } from './http.js';
import type { WorkspaceTier } from './types.js';
import type { WorkspaceState } from './workspace-state.js';

export type TokenKind = 'pat' | 'entra';

/** Per-workspace settings that are configuration, not state (changed at run time by the admin API). */
export interface WorkspaceSettings {
  /** The pricing tier: Standard has no ACLs (secret scope ACLs, Permissions API). */
  tier: WorkspaceTier;
  /** Node types and runtimes this workspace offers (catalog.ts). */
  catalog: Catalog;
}

export interface EmulatorConfig {
  /** Status for a missing job/cluster/run: 400 INVALID_PARAMETER_VALUE (real) or 404. */
  notFoundStatus: 400 | 404;
  clusterStartMs: number;
  clusterTerminateMs: number;
  /** A run is PENDING this long, then RUNNING until runDurationMs after it began. */
  runPendingMs: number;
  runDurationMs: number;
  /** The user every token authenticates as. */
  userName: string;
}

export interface ApiContext {
  readonly state: WorkspaceState;
  /** One clock reading per request, so a request sees a consistent moment. */
  readonly now: number;
  readonly user: string;
  readonly tokenKind: TokenKind;
  /** The API version from the path: '2.0', '2.1' or '2.2'. */
  readonly version: string;
  readonly config: EmulatorConfig;
  readonly workspaceName: string;
  readonly url: string;
  readonly workspace: WorkspaceSettings;
  /** A fresh int64 id below 2^53, unique within the workspace. */
  nextId(): number;
}

export type Handler = (req: ApiRequest, ctx: ApiContext) => unknown;

/** Exact `METHOD path` routes plus a few prefix routes (paths carrying an object path). */
export class Router {
  private readonly exact = new Map<string, Handler>();
  private readonly prefixes: { method: string; prefix: string; handler: Handler }[] = [];

  add(method: string, path: string, handler: Handler): void {
    this.exact.set(`${method} ${path}`, handler);
  }

  /** Registers `handler` for each version, e.g. `/api/{v}/jobs/get` for 2.1 and 2.2. */
  addVersions(method: string, versions: string[], pathAfterVersion: string, handler: Handler): void {
    for (const v of versions) this.add(method, `/api/${v}/${pathAfterVersion}`, handler);
  }

  addPrefix(method: string, prefix: string, handler: Handler): void {
    this.prefixes.push({ method, prefix, handler });
  }

  /** Every route as `METHOD path`, prefix routes as `METHOD prefix*`, sorted (for the docs). */
  routes(): string[] {
    const prefixes = this.prefixes.map((p) => `${p.method} ${p.prefix}*`);
    return [...this.exact.keys(), ...prefixes].sort();
  }

  find(method: string, path: string): Handler | undefined {
    const h = this.exact.get(`${method} ${path}`);
    if (h) return h;
    for (const p of this.prefixes) if (p.method === method && path.startsWith(p.prefix)) return p.handler;
    return undefined;
  }
}

/**
 * A missing job, run or cluster. The real API answers 400 INVALID_PARAMETER_VALUE with a stable
 * "… does not exist" message; the CLI's fake and tf tests use 404, so it is configurable.
 */
export function missing(ctx: ApiContext, message: string): ApiError {
  return ctx.config.notFoundStatus === 404
    ? new ApiError(404, 'RESOURCE_DOES_NOT_EXIST', message)
    : new ApiError(400, 'INVALID_PARAMETER_VALUE', message);
}
