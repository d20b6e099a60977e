/**
 * Databricks' documented REST rate limits, per workspace, as the emulator enforces them: a request
 * over its family's rate gets 429 REQUEST_LIMIT_EXCEEDED with Retry-After. This table is the
 * emulator's own, kept apart from the client's pacing defaults (src/core/client/rate-limits.ts), so
 * test/client/rate-limits.test.ts can hold the client to the documented limits instead of to
 * itself.
 *
 * Source: the "API rate limits" table of the resource-limits page,
 * https://learn.microsoft.com/azure/databricks/resources/limits (Azure) and
 * https://docs.databricks.com/aws/en/resources/limits (AWS; the same table). The numbers were read
 * through third-party transcriptions of that page (api-evangelist `databricks-asset-bundles` and
 * `microsoft-azure-databricks`, rate-limits/*.yml, as of 2026-09); reference/databricks-api.md §2
 * records the same. Where the page gives no number for an endpoint the emulator serves, the
 * entry says how it is modelled.
 */

/** The groups of endpoints that share one limit. The names appear in the emulator's 429 messages. */
export type LimitFamily =
  | 'workspace-import'
  | 'workspace-export'
  | 'workspace-list'
  | 'workspace-delete'
  | 'workspace-other'
  | 'jobs'
  | 'jobs-delete-update'
  | 'jobs-runs'
  | 'secrets'
  | 'permissions-read'
  | 'permissions-write';

export interface DocumentedLimit {
  family: LimitFamily;
  /** The endpoints the limit covers. */
  endpoints: string;
  /** Requests per second, as enforced. */
  perSecond: number;
  /** The limit as the page states it. */
  documented: string;
  /** Where the number comes from. */
  source: string;
  /** How the emulator models it where the page is silent or coarser than the emulator. */
  modelled?: string;
}

const LIMITS_PAGE = 'https://learn.microsoft.com/azure/databricks/resources/limits';

export const DOCUMENTED_LIMITS: readonly DocumentedLimit[] = [
  {
    family: 'workspace-import',
    endpoints: 'POST workspace/import, POST workspace-files/import-file',
    perSecond: 30,
    documented: 'Workspace API import: 30 requests per second',
    source: LIMITS_PAGE,
    modelled: 'workspace-files/import-file is an import too and shares its limit',
  },
  {
    family: 'workspace-export',
    endpoints: 'GET workspace/export',
    perSecond: 60,
    documented: 'Workspace API export: 60 requests per second',
    source: LIMITS_PAGE,
  },
  {
    family: 'workspace-list',
    endpoints: 'GET workspace/list',
    perSecond: 50,
    documented: 'Workspace API list: 50 requests per second',
    source: LIMITS_PAGE,
  },
  {
    family: 'workspace-delete',
    endpoints: 'POST workspace/delete',
    perSecond: 2,
    documented: 'Workspace API delete: 2 requests per second',
    source: LIMITS_PAGE,
  },
  {
    family: 'workspace-other',
    endpoints: 'GET workspace/get-status, POST workspace/mkdirs',
    perSecond: 50,
    documented: 'none',
    source: LIMITS_PAGE,
    modelled: 'get-status and mkdirs have no documented limit; modelled as the list limit, the closest one',
  },
  {
    family: 'jobs',
    endpoints: 'jobs/create, get, list, reset, run-now (and the other jobs/* outside runs/)',
    perSecond: 20,
    documented: 'Jobs API create, get, list, reset, run-now: 20 requests per second',
    source: LIMITS_PAGE,
    modelled: 'jobs endpoints the page does not name share the 20/s of those it does',
  },
  {
    family: 'jobs-delete-update',
    endpoints: 'POST jobs/delete, POST jobs/update',
    perSecond: 10,
    documented: 'Jobs API delete, update: 10 requests per second',
    source: LIMITS_PAGE,
  },
  {
    family: 'jobs-runs',
    endpoints: 'jobs/runs/*',
    perSecond: 100,
    documented: 'Jobs API runs/get: 100 requests per second',
    source: LIMITS_PAGE,
    modelled:
      'the other runs/* endpoints share the runs/get limit; a generated transcription gives runs/submit 35/s, not confirmed on the page, so not modelled',
  },
  {
    family: 'secrets',
    endpoints: 'secrets/*',
    perSecond: 1100 / 60,
    documented: 'Secrets API: 1100 requests per minute',
    source: LIMITS_PAGE,
    modelled: 'a per-minute limit enforced as its per-second rate (a bucket of about 18)',
  },
  {
    family: 'permissions-read',
    endpoints: 'GET permissions/*',
    perSecond: 100,
    documented: 'Permissions API GET: 100 requests per second',
    source: LIMITS_PAGE,
  },
  {
    family: 'permissions-write',
    endpoints: 'PUT and PATCH permissions/*',
    perSecond: 30,
    documented: 'Permissions API PATCH/PUT: 30 requests per second',
    source: LIMITS_PAGE,
  },
  // Not enforced: clusters/* (no limit documented), and workspace SCIM GET (255 requests per minute
  // on the page): the emulator's SCIM is a small directory, and enforcing it would change what
  // preflight sees against today's emulator; add it here with a client default when that is wanted.
];

export type RateLimits = Partial<Record<LimitFamily, number | undefined>>;

/** The enforced rate of each family; families without a documented limit are absent. */
export const DOCUMENTED_RATE_LIMITS: Readonly<RateLimits> = Object.fromEntries(
  DOCUMENTED_LIMITS.map((l) => [l.family, l.perSecond]),
);

/** Which limit a request counts against, or undefined when none is documented. */
export function limitFamily(method: string, path: string): LimitFamily | undefined {
  const op = path.replace(/^\/api\/[0-9.]+\//, '');
  if (op.startsWith('workspace-files/import-file')) return 'workspace-import';
  if (op.startsWith('workspace/')) {
    const name = op.slice('workspace/'.length);
    if (name === 'import') return 'workspace-import';
    if (name === 'export') return 'workspace-export';
    if (name === 'list') return 'workspace-list';
    if (name === 'delete') return 'workspace-delete';
    return 'workspace-other';
  }
  if (op.startsWith('jobs/runs/')) return 'jobs-runs';
  if (op === 'jobs/delete' || op === 'jobs/update') return 'jobs-delete-update';
  if (op.startsWith('jobs/')) return 'jobs';
  if (op.startsWith('secrets/')) return 'secrets';
  if (op.startsWith('permissions/')) return method === 'GET' ? 'permissions-read' : 'permissions-write';
  return undefined;
}

/**
 * The server's bucket: it holds one second of requests (at least one) and admits a request only
 * when a whole token is there; a refused request is told when to come back.
 */
export class ServerBucket {
  private tokens: number;
  private last: number;
  private readonly capacity: number;

  constructor(
    private readonly ratePerSecond: number,
    now: number = Date.now(),
  ) {
    this.capacity = Math.max(1, ratePerSecond);
    this.tokens = this.capacity;
    this.last = now;
  }

  private refill(now: number) {
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
      this.last = now;
    }
  }

  /** Admits one request if a token is available now. */
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
