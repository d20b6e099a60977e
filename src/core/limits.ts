/**
 * Databricks REST rate limits, per workspace and per API family. The client paces itself with
 * these and the emulator enforces them, so both agree on what "within the limits" means.
 * Numbers: reference/databricks-api.md §2 (a third-party transcription of the limits page; treat
 * them as overridable defaults).
 */

export type ApiFamily =
  | 'workspace-import'
  | 'workspace-export'
  | 'workspace-list'
  | 'workspace-delete'
  | 'workspace-other'
  | 'jobs'
  | 'jobs-delete-update'
  | 'jobs-runs'
  | 'clusters'
  | 'secrets'
  | 'permissions-read'
  | 'permissions-write'
  | 'other';

/** Requests per second; undefined means no documented limit. */
export const DEFAULT_RATE_LIMITS: Readonly<Record<ApiFamily, number | undefined>> = {
  'workspace-import': 30,
  'workspace-export': 60,
  'workspace-list': 50,
  'workspace-delete': 2,
  // get-status and mkdirs have no documented limit; the list limit is the closest documented one.
  'workspace-other': 50,
  jobs: 20,
  'jobs-delete-update': 10,
  'jobs-runs': 100,
  clusters: undefined,
  secrets: 1100 / 60,
  'permissions-read': 100,
  'permissions-write': 30,
  other: undefined,
};

export type RateLimits = Partial<Record<ApiFamily, number | undefined>>;

/** Which family a request belongs to. `path` is the URL path without the query string. */
export function apiFamily(method: string, path: string): ApiFamily {
  const p = path.replace(/^\/api\/[0-9.]+\//, '');
  if (path.startsWith('/api/2.0/workspace-files/import-file')) return 'workspace-import';
  if (p.startsWith('workspace/')) {
    const op = p.slice('workspace/'.length);
    if (op === 'import') return 'workspace-import';
    if (op === 'export') return 'workspace-export';
    if (op === 'list') return 'workspace-list';
    if (op === 'delete') return 'workspace-delete';
    return 'workspace-other';
  }
  if (p.startsWith('jobs/runs/')) return 'jobs-runs';
  if (p === 'jobs/delete' || p === 'jobs/update') return 'jobs-delete-update';
  if (p.startsWith('jobs/')) return 'jobs';
  if (p.startsWith('clusters/')) return 'clusters';
  if (p.startsWith('secrets/')) return 'secrets';
  if (p.startsWith('permissions/')) return method === 'GET' ? 'permissions-read' : 'permissions-write';
  return 'other';
}

/**
 * A token bucket holding at most one second of requests (at least one). `take` answers how long
 * to wait before the request may go (0: now) and books the slot; `tryTake` books only if free now.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  readonly capacity: number;

  constructor(
    readonly ratePerSecond: number,
    now: number = Date.now(),
    capacity?: number,
  ) {
    this.capacity = capacity ?? Math.max(1, ratePerSecond);
    this.tokens = this.capacity;
    this.last = now;
  }

  private refill(now: number) {
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
      this.last = now;
    }
  }

  /** Books one request; returns the milliseconds to wait before sending it. */
  take(now: number = Date.now()): number {
    this.refill(now);
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.ratePerSecond) * 1000);
  }

  /** Books one request only if one is available now (the emulator's admission check). */
  tryTake(now: number = Date.now()): boolean {
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }

  /** Seconds until one token is available, rounded up (for Retry-After). */
  secondsUntilAvailable(now: number = Date.now()): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - this.tokens) / this.ratePerSecond));
  }
}
