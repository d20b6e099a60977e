/**
 * The request counts a client keeps (`DatabricksClient.stats()`): what the benchmarks and tests
 * read to tell calls from attempts, pacing from backing off.
 */
import type { ApiFamily } from './rate-limits.js';

export interface ClientStats {
  region: string;
  /** Logical calls (one per `request`). */
  calls: number;
  /** HTTP attempts sent, retries included. */
  requests: number;
  byFamily: Partial<Record<ApiFamily, number>>;
  byMethod: Record<string, number>;
  /** `GET /api/2.2/jobs/list` → attempts. */
  byEndpoint: Record<string, number>;
  /** HTTP status → attempts; `0` for no answer. */
  byStatus: Record<string, number>;
  retries: number;
  /** '429', '503', '5xx', 'reset', 'timeout', 'refused', 'network' → retries. */
  retriesByReason: Record<string, number>;
  /** 429 answers received. */
  throttled: number;
  /** Times a request waited for the client's own rate limiter, and for how long in total. */
  rateLimitWaits: number;
  rateLimitWaitMs: number;
  /** Calls that ended in OutcomeUnknownError. */
  outcomeUnknown: number;
  /** Calls that ended in any error. */
  failures: number;
  inFlight: number;
  maxInFlight: number;
}

export function emptyStats(region: string): ClientStats {
  return {
    region,
    calls: 0,
    requests: 0,
    byFamily: {},
    byMethod: {},
    byEndpoint: {},
    byStatus: {},
    retries: 0,
    retriesByReason: {},
    throttled: 0,
    rateLimitWaits: 0,
    rateLimitWaitMs: 0,
    outcomeUnknown: 0,
    failures: 0,
    inFlight: 0,
    maxInFlight: 0,
  };
}

/** A copy the caller may keep: later requests do not change it. */
export function snapshotStats(c: ClientStats): ClientStats {
  return {
    ...c,
    byFamily: { ...c.byFamily },
    byMethod: { ...c.byMethod },
    byEndpoint: { ...c.byEndpoint },
    byStatus: { ...c.byStatus },
    retriesByReason: { ...c.retriesByReason },
  };
}

/** One HTTP attempt about to be sent. */
export function countAttempt(c: ClientStats, family: ApiFamily, method: string, path: string): void {
  c.requests++;
  c.byFamily[family] = (c.byFamily[family] ?? 0) + 1;
  c.byMethod[method] = (c.byMethod[method] ?? 0) + 1;
  const endpoint = `${method} ${path}`;
  c.byEndpoint[endpoint] = (c.byEndpoint[endpoint] ?? 0) + 1;
}

/** The status an attempt got; 0 for no answer. */
export function countStatus(c: ClientStats, status: number): void {
  c.byStatus[status] = (c.byStatus[status] ?? 0) + 1;
  if (status === 429) c.throttled++;
}

export function countRetry(c: ClientStats, reason: string): void {
  c.retries++;
  c.retriesByReason[reason] = (c.retriesByReason[reason] ?? 0) + 1;
}
