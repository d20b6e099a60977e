/**
 * What a caller can ask of the HTTP layer: the client's options with their defaults, and the
 * per-call request options. The defaults are the client's own (the server's limits are the
 * emulator's business: src/emulator/limits.ts).
 */
import type { TokenProvider } from '../auth/types.js';
import type { Logger } from '../logger.js';
import type { DatabricksError } from './errors.js';
import type { ApiFamily } from './rate-limits.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryScalar = string | number | boolean;
export type QueryValue =
  | QueryScalar
  | readonly QueryScalar[]
  | { [key: string]: QueryValue }
  | undefined
  | null;
export type Query = Record<string, QueryValue>;

/** Why the client is sleeping, so tests and benchmarks can tell pacing from backing off. */
export type SleepReason = 'retry' | 'rate-limit';

/** Per-family rate (requests per second) or 'off'; unlisted families keep their default. */
export type ClientRateLimits = Partial<Record<ApiFamily, number | 'off'>>;

export interface HttpClientOptions {
  /** The region name, for messages and logs. */
  region: string;
  /** `https://adb-….azuredatabricks.net` (any path is dropped: the API lives at the root). */
  host: string;
  tokenProvider: TokenProvider;
  /** Per-attempt timeout in ms. Default 60 000. */
  timeoutMs?: number;
  /** Total time per call from its first attempt, retries included, in ms. Default 120 000. */
  deadlineMs?: number;
  /** First backoff step in ms (before jitter). Default 250. */
  backoffBaseMs?: number;
  /** Largest backoff wait in ms (Retry-After is honoured even when longer). Default 10 000. */
  backoffCapMs?: number;
  /**
   * The largest answer read, in bytes; a longer one fails that call with RESPONSE_TOO_LARGE (and is
   * not retried) instead of exhausting memory for every region. Default DEFAULT_MAX_RESPONSE_BYTES.
   */
  maxResponseBytes?: number;
  /** Requests in flight at once for this workspace. Default 16. */
  maxConcurrency?: number;
  /** 'default' (DEFAULT_RATE_LIMITS), 'off', or per-family overrides on top of the defaults. */
  rateLimits?: 'default' | 'off' | ClientRateLimits;
  logger?: Logger;
  /**
   * Hides secrets in server text before it becomes part of an error (a workspace or a proxy can
   * echo a request body, secret values included): the run's redactor. The request's own
   * credentials are always hidden.
   */
  redact?: (text: string) => string;
  /** Injectable for tests: how to wait. Default: a timer. */
  sleep?: (ms: number, reason: SleepReason) => Promise<void>;
  /** Injectable for tests: uniform [0, 1) for jitter. Default Math.random. */
  random?: () => number;
  /** Injectable for tests: the clock, in ms, for deadlines and the rate limiter. Default Date.now. */
  now?: () => number;
}

export interface RequestOptions {
  query?: Query;
  /** Sent as JSON (POST/PUT/PATCH). */
  body?: unknown;
  /**
   * Whether repeating the request is harmless. Default: everything but the creates that are not
   * idempotent (`isNonIdempotent`).
   */
  idempotent?: boolean;
  /** Overrides the client's deadline for this call (e.g. a short probe of a region). */
  deadlineMs?: number;
  /** Overrides the client's per-attempt timeout for this call. */
  timeoutMs?: number;
  /**
   * Reads a final error that follows an attempt whose outcome was unknown (a reset, a timeout, a
   * 5xx), i.e. an error the earlier attempt may have caused: a retried delete answering "does not
   * exist", an import without overwrite answering "already exists". 'success' ends the call as if
   * it had succeeded, 'unknown' throws OutcomeUnknownError, 'error' throws the error.
   */
  afterLostAttempt?: (err: DatabricksError) => 'success' | 'unknown' | 'error';
}

/**
 * 64 MB: far above any answer the APIs give (a notebook export is capped at 10 MB, list pages at
 * 100 items), far below what would threaten the process.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** The numeric options after defaults and validation. */
export interface ClientTimings {
  timeoutMs: number;
  deadlineMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  maxResponseBytes: number;
  maxConcurrency: number;
}

/** Applies the defaults; a value that is not a positive number is a caller's bug (TypeError). */
export function resolveTimings(options: HttpClientOptions): ClientTimings {
  return {
    maxResponseBytes: positive(options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES, 'maxResponseBytes'),
    maxConcurrency: positive(options.maxConcurrency, 16, 'maxConcurrency'),
    timeoutMs: positive(options.timeoutMs, 60_000, 'timeoutMs'),
    deadlineMs: positive(options.deadlineMs, 120_000, 'deadlineMs'),
    backoffBaseMs: positive(options.backoffBaseMs, 250, 'backoffBaseMs'),
    backoffCapMs: positive(options.backoffCapMs, 10_000, 'backoffCapMs'),
  };
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`${name} must be a positive number`);
  return value;
}

/** The workspace origin and the endpoint a connection error names; a host that is no URL throws. */
export function parseHost(region: string, host: string): { url: URL; origin: string; endpoint: string } {
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw new TypeError(`Region ${region}: host '${host}' is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`Region ${region}: host '${host}' must be an http(s) URL`);
  }
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return { url, origin: url.origin, endpoint: `${url.protocol}//${url.hostname}:${port}` };
}

/** Flattens a query: nested objects become dotted keys, arrays repeat the key (as the SDKs do). */
export function encodeQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  const add = (key: string, value: QueryValue) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (const v of value) params.append(key, String(v));
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) add(`${key}.${k}`, v);
    } else {
      params.append(key, String(value));
    }
  };
  for (const [k, v] of Object.entries(query)) add(k, v);
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}
