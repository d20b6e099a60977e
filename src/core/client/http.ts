/**
 * The one HTTP layer every Databricks call goes through: JSON over node:http(s) with a keep-alive
 * agent, per-attempt timeouts, retries under a per-call deadline, bounded concurrency and a
 * per-family rate limiter (reference/databricks-api.md §1 "Retries", §2 "Limits").
 *
 * Retry rules, and why:
 * - 429 (REQUEST_LIMIT_EXCEEDED, whatever the body) is the rate limiter refusing the request
 *   before it is processed (the documented per-API limits answer 429 with Retry-After; RFC 6585
 *   §4), so every request, creates too, is retried after `Retry-After`.
 * - Every other 5xx — a 503 included, empty body or not — may hide an applied request: the
 *   Databricks errors reference (docs.databricks.com/api/account/errors) promises nothing about a
 *   5xx but "an error on the Databricks side", and a front door answers 503 when the backend is
 *   slow, after the backend may have finished. Only a 503 whose error_code says the rate limiter refused it (REQUEST_LIMIT_EXCEEDED)
 *   is a refusal. Dropped connections and timeouts may hide an applied request too.
 *   Reads and idempotent writes are retried; the non-idempotent creates are not, because a second
 *   create makes a duplicate: they fail with OutcomeUnknownError, and the caller looks the object
 *   up before creating it again (createAtMostOnce, the one way every create is made).
 * - A connection that was never made (refused, DNS) sent nothing and is always retried.
 * Waits are exponential with full jitter, capped; the deadline counts from the first attempt, so
 * time spent queued behind the concurrency or rate limits does not eat into it.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { TokenProvider } from '../auth/types.js';
import { type ApiFamily, apiFamily, DEFAULT_RATE_LIMITS, TokenBucket } from '../limits.js';
import { type Logger, nullLogger } from '../logger.js';
import {
  type ProxiedAgent,
  ProxyRefusedError,
  proxyAgentFor,
  proxyConfigured,
  proxyRefusalMessage,
} from '../proxy.js';
import { redactSecrets } from '../redact.js';
import { USER_AGENT } from '../version.js';
import { DatabricksError, OutcomeUnknownError, parseErrorBody, type TransportErrorCode } from './errors.js';

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

/**
 * 64 MB: far above any answer the APIs give (a notebook export is capped at 10 MB, list pages at
 * 100 items), far below what would threaten the process.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

// secrets/put and secrets/acls/put overwrite (a repeat writes the same value), so they are retried
// like any idempotent write; these three make a second object when repeated.
const NON_IDEMPOTENT = new Set(['jobs/create', 'clusters/create', 'secrets/scopes/create']);

/** The creates a retry could duplicate (run-now and runs/submit are safe with an idempotency_token). */
export function isNonIdempotent(method: string, path: string, body?: unknown): boolean {
  if (method === 'GET') return false;
  const op = path.replace(/^\/api\/[0-9.]+\//, '');
  if (NON_IDEMPOTENT.has(op)) return true;
  if (op === 'jobs/run-now' || op === 'jobs/runs/submit') {
    const token =
      typeof body === 'object' && body !== null
        ? (body as Record<string, unknown>).idempotency_token
        : undefined;
    return typeof token !== 'string' || token === '';
  }
  return false;
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

/** Retry-After: integer seconds (what Databricks sends) or an HTTP date; undefined when absent. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A FIFO semaphore: slots are handed over in arrival order, so no caller starves. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  get inUse(): number {
    return this.active;
  }

  async acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `active` stays the same.
    if (next) next();
    else this.active--;
  }
}

interface FamilyLimiter {
  bucket: TokenBucket;
  /** Set by a 429 so the family's other requests hold off too instead of collecting 429s. */
  pausedUntil: number;
}

/** What a failed attempt tells us about whether the request took effect. */
type FailureKind =
  /** Rejected before being applied (a 429, or a 503 that says REQUEST_LIMIT_EXCEEDED). */
  | 'rejected'
  /** Never sent (connection refused, DNS). */
  | 'unsent'
  /** May have been applied (reset, timeout, any other 5xx, with a body or without). */
  | 'maybe-applied'
  /** A definite answer that retrying will not change (4xx, a malformed 2xx). */
  | 'final';

type AttemptResult =
  | { ok: true; value: unknown }
  | { ok: false; error: DatabricksError; kind: FailureKind; reason: string; retryAfterMs?: number };

const UNSENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** A whole answer: status line, headers and the body as text. */
interface RawAnswer {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  text: string;
}

/** The error `send` gives for an answer whose connection closed before the body was complete. */
const PREMATURE_CLOSE = 'ERR_STREAM_PREMATURE_CLOSE';
/** The error `send` gives for an answer longer than `maxResponseBytes`. */
const TOO_LARGE = 'RESPONSE_TOO_LARGE';

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const v = headers[name];
  return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HttpClient {
  readonly region: string;
  /** The workspace origin, without a trailing slash. */
  readonly host: string;
  /** scheme://host:port, the port always shown: what a connection error names. */
  readonly endpoint: string;
  private readonly maxResponseBytes: number;
  private readonly tokenProvider: TokenProvider;
  /** The keep-alive agent, direct or through a proxy (decided once: the host never changes). */
  private transport: Transport | Promise<Transport>;
  /** The proxy the requests go through, for messages; set once the transport is chosen. */
  private proxy: string | undefined;
  private readonly timeoutMs: number;
  private readonly deadlineMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private readonly logger: Logger;
  private readonly redact: (text: string) => string;
  private readonly sleep: (ms: number, reason: SleepReason) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly slots: Semaphore;
  private readonly rates: Partial<Record<ApiFamily, number>>;
  private readonly limiters = new Map<ApiFamily, FamilyLimiter>();
  private readonly counters: ClientStats;

  constructor(options: HttpClientOptions) {
    this.region = options.region;
    let url: URL;
    try {
      url = new URL(options.host);
    } catch {
      throw new TypeError(`Region ${options.region}: host '${options.host}' is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new TypeError(`Region ${options.region}: host '${options.host}' must be an http(s) URL`);
    }
    this.host = url.origin;
    this.endpoint = `${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
    this.maxResponseBytes = positive(
      options.maxResponseBytes,
      DEFAULT_MAX_RESPONSE_BYTES,
      'maxResponseBytes',
    );
    this.tokenProvider = options.tokenProvider;
    const maxConcurrency = positive(options.maxConcurrency, 16, 'maxConcurrency');
    // One socket per concurrent request; keep-alive saves a TLS handshake on every call.
    const agentOptions = { keepAlive: true, maxSockets: maxConcurrency };
    this.transport = selectTransport(url, agentOptions, (proxy) => {
      this.proxy = proxy;
    });
    this.timeoutMs = positive(options.timeoutMs, 60_000, 'timeoutMs');
    this.deadlineMs = positive(options.deadlineMs, 120_000, 'deadlineMs');
    this.backoffBaseMs = positive(options.backoffBaseMs, 250, 'backoffBaseMs');
    this.backoffCapMs = positive(options.backoffCapMs, 10_000, 'backoffCapMs');
    this.logger = options.logger ?? nullLogger;
    this.redact = options.redact ?? ((text) => text);
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.slots = new Semaphore(maxConcurrency);
    this.rates = resolveRates(options.rateLimits);
    this.counters = {
      region: this.region,
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

  /** A snapshot of the counters. */
  stats(): ClientStats {
    const c = this.counters;
    return {
      ...c,
      byFamily: { ...c.byFamily },
      byMethod: { ...c.byMethod },
      byEndpoint: { ...c.byEndpoint },
      byStatus: { ...c.byStatus },
      retriesByReason: { ...c.retriesByReason },
    };
  }

  /** The client's rate for a family (requests per second), or undefined when unlimited. */
  rateLimit(family: ApiFamily): number | undefined {
    return this.rates[family];
  }

  /** Closes idle keep-alive sockets so the process can exit. */
  close(): void {
    const { transport } = this;
    if (transport instanceof Promise)
      void transport.then(
        (t) => t.agent.destroy(),
        () => {},
      );
    else transport.agent.destroy();
  }

  get<T>(path: string, query?: Query, options: Omit<RequestOptions, 'query' | 'body'> = {}): Promise<T> {
    return this.request<T>('GET', path, { ...options, query });
  }

  post<T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const idempotent = options.idempotent ?? !isNonIdempotent(method, path, options.body);
    const family = apiFamily(method, path);
    const deadlineMs = options.deadlineMs ?? this.deadlineMs;
    const url = `${this.host}${path}${encodeQuery(options.query)}`;
    const body = options.body === undefined || method === 'GET' ? undefined : JSON.stringify(options.body);
    this.counters.calls++;

    let attempt = 0;
    let started: number | undefined;
    let lostEarlier = false;
    for (;;) {
      attempt++;
      await this.admit(family);
      started ??= this.now();
      const remaining = deadlineMs - (this.now() - started);
      // An attempt may not outlive the deadline by much, but a near-exhausted deadline still gets
      // a fair try rather than a timeout too short to succeed.
      const timeoutMs = Math.min(options.timeoutMs ?? this.timeoutMs, Math.max(remaining, 1_000));
      let result: AttemptResult;
      try {
        result = await this.attempt(method, url, path, family, body, timeoutMs);
      } finally {
        this.counters.inFlight--;
        this.slots.release();
      }
      if (result.ok) return result.value as T;
      const { error, kind } = result;

      if (kind === 'final') {
        const verdict = lostEarlier && options.afterLostAttempt ? options.afterLostAttempt(error) : 'error';
        if (verdict === 'success') {
          this.logger.debug(
            `${this.region}: ${method} ${path}: ${error.errorCode} after a lost answer; the earlier attempt was applied`,
          );
          return {} as T;
        }
        if (verdict === 'unknown') throw this.outcomeUnknown(method, path, error, attempt);
        throw this.fail(error.withAttempts(attempt));
      }
      if (kind === 'maybe-applied' && !idempotent) throw this.outcomeUnknown(method, path, error, attempt);
      if (kind === 'maybe-applied') lostEarlier = true;

      if (error.status === 429 && result.retryAfterMs !== undefined) this.pause(family, result.retryAfterMs);
      const wait = result.retryAfterMs ?? this.backoff(attempt);
      if (this.now() + wait - started > deadlineMs) {
        this.logger.debug(
          `${this.region}: ${method} ${path}: giving up after ${attempt} attempts (deadline)`,
        );
        throw this.fail(error.withAttempts(attempt));
      }
      this.counters.retries++;
      this.counters.retriesByReason[result.reason] = (this.counters.retriesByReason[result.reason] ?? 0) + 1;
      this.logger.debug(
        `${this.region}: ${method} ${path}: ${error.status || error.errorCode}, retrying in ${wait} ms (attempt ${attempt + 1})`,
      );
      await this.sleep(wait, 'retry');
    }
  }

  /** Full jitter: uniform in [0, min(cap, base·2^(n-1))). */
  private backoff(failures: number): number {
    const ceiling = Math.min(this.backoffCapMs, this.backoffBaseMs * 2 ** Math.min(failures - 1, 30));
    return Math.floor(this.random() * ceiling);
  }

  private fail(error: DatabricksError): DatabricksError {
    this.counters.failures++;
    return error;
  }

  private outcomeUnknown(
    method: string,
    path: string,
    cause: DatabricksError,
    attempts: number,
  ): OutcomeUnknownError {
    this.counters.failures++;
    this.counters.outcomeUnknown++;
    this.logger.debug(`${this.region}: ${method} ${path}: answer lost (${cause.errorCode}); outcome unknown`);
    return new OutcomeUnknownError(method, path, this.region, cause.withAttempts(attempts), attempts);
  }

  private limiter(family: ApiFamily): FamilyLimiter | undefined {
    const rate = this.rates[family];
    if (rate === undefined) return undefined;
    let limiter = this.limiters.get(family);
    if (!limiter) {
      // One token less burst than the server's bucket (TokenBucket's capacity is max(1, rate)):
      // that spare token absorbs the jitter between our send and the server's receive, which at
      // exactly the same rate would otherwise turn into the occasional 429.
      limiter = { bucket: new TokenBucket(rate, this.now(), Math.max(1, rate - 1)), pausedUntil: 0 };
      this.limiters.set(family, limiter);
    }
    return limiter;
  }

  private pause(family: ApiFamily, ms: number): void {
    const limiter = this.limiter(family);
    if (limiter) limiter.pausedUntil = Math.max(limiter.pausedUntil, this.now() + ms);
  }

  /**
   * Waits for a concurrency slot, then for the family's rate limiter. The rate wait happens while
   * holding the slot so the send goes out at exactly the booked time: booking first and queueing
   * for a slot afterwards could release several booked requests at once, a burst the server would
   * answer with 429s.
   */
  private async admit(family: ApiFamily): Promise<void> {
    await this.slots.acquire();
    this.counters.inFlight++;
    this.counters.maxInFlight = Math.max(this.counters.maxInFlight, this.counters.inFlight);
    const limiter = this.limiter(family);
    if (!limiter) return;
    try {
      const paused = limiter.pausedUntil - this.now();
      if (paused > 0) {
        this.counters.rateLimitWaits++;
        this.counters.rateLimitWaitMs += paused;
        await this.sleep(paused, 'rate-limit');
      }
      const wait = limiter.bucket.take(this.now());
      if (wait > 0) {
        this.counters.rateLimitWaits++;
        this.counters.rateLimitWaitMs += wait;
        await this.sleep(wait, 'rate-limit');
      }
    } catch (e) {
      this.counters.inFlight--;
      this.slots.release();
      throw e;
    }
  }

  private async headers(hasBody: boolean): Promise<{ headers: Record<string, string>; secrets: string[] }> {
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': USER_AGENT };
    if (hasBody) headers['Content-Type'] = 'application/json';
    const secrets: string[] = [];
    const extra = this.tokenProvider.headers ? await this.tokenProvider.headers() : {};
    for (const [k, v] of Object.entries(extra)) {
      headers[k] = v;
      secrets.push(v);
    }
    const token = await this.tokenProvider.token();
    if (token !== '') {
      headers.Authorization = `Bearer ${token}`;
      secrets.push(token);
    }
    return { headers, secrets };
  }

  private async attempt(
    method: HttpMethod,
    url: string,
    path: string,
    family: ApiFamily,
    body: string | undefined,
    timeoutMs: number,
  ): Promise<AttemptResult> {
    // Credentials first: a provider that fails (e.g. Entra down) sent nothing, so counts nothing.
    const { headers, secrets } = await this.headers(body !== undefined);
    const c = this.counters;
    c.requests++;
    c.byFamily[family] = (c.byFamily[family] ?? 0) + 1;
    c.byMethod[method] = (c.byMethod[method] ?? 0) + 1;
    const endpoint = `${method} ${path}`;
    c.byEndpoint[endpoint] = (c.byEndpoint[endpoint] ?? 0) + 1;
    const count = (status: number) => {
      c.byStatus[status] = (c.byStatus[status] ?? 0) + 1;
    };

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const t0 = performance.now();
    let res: RawAnswer;
    try {
      // The body is read under the same timeout: an answer cut off mid-body is a lost answer.
      res = await this.send(method, url, headers, body, controller.signal);
    } catch (e) {
      count(0);
      return this.transportFailure(method, path, e, timedOut, timeoutMs);
    } finally {
      clearTimeout(timer);
    }
    const { status, text } = res;
    count(status);
    this.logger.debug(
      `${this.region}: ${method} ${path} → ${status} in ${Math.round(performance.now() - t0)} ms`,
    );

    if (status >= 200 && status < 300) {
      if (text.trim() === '') return { ok: true, value: {} };
      try {
        return { ok: true, value: JSON.parse(text) };
      } catch {
        return {
          ok: false,
          kind: 'final',
          reason: 'malformed',
          error: this.error(
            method,
            path,
            status,
            'MALFORMED_RESPONSE',
            `the ${status} answer is not JSON`,
            {},
          ),
        };
      }
    }
    if (status === 407 && this.proxy) {
      // Only a proxy answers 407 (a plain-http target's proxy answers the request itself).
      const message = proxyRefusalMessage(this.proxy, status, res.statusText);
      return {
        ok: false,
        kind: 'final',
        reason: 'proxy',
        error: this.error(method, path, 0, 'PROXY_REFUSED', message, {}),
      };
    }
    // Server text can echo request data: no credential or secret may reach a message or a log.
    const scrub = (t: string) => this.redact(redactSecrets(t, secrets));
    const parsed = parseErrorBody(status, scrub(text), scrub(res.statusText));
    const reasonPhrase = header(res.headers, 'x-databricks-reason-phrase') ?? undefined;
    const error = new DatabricksError({
      status,
      errorCode: parsed.errorCode,
      message: parsed.message,
      method,
      path,
      region: this.region,
      details: parsed.details,
      rawErrorCode: parsed.rawErrorCode,
      reasonPhrase: reasonPhrase === undefined ? undefined : scrub(reasonPhrase),
      credentialSource: this.tokenProvider.source,
    });
    if (status === 429) c.throttled++;
    if (status === 429 || status === 503) {
      const retryAfterMs = parseRetryAfter(header(res.headers, 'retry-after'), Date.now());
      const refused = status === 429 || parsed.errorCode === 'REQUEST_LIMIT_EXCEEDED';
      return {
        ok: false,
        error,
        kind: refused ? 'rejected' : 'maybe-applied',
        reason: String(status),
        retryAfterMs,
      };
    }
    if (status === 500 || status === 502 || status === 504) {
      return { ok: false, error, kind: 'maybe-applied', reason: '5xx' };
    }
    return { ok: false, error, kind: 'final', reason: String(status) };
  }

  /**
   * One HTTP exchange on the keep-alive agent; redirects are not followed. This is node:http
   * directly rather than a fetch implementation: node-fetch allocated ~100 KB of short-lived
   * objects per request (Headers, stream pipelines, listeners), and at 10,000 notebook uploads that
   * garbage, promoted while requests were in flight, grew the heap to 250+ MB for a live set of
   * ~35 MB (bench/RESULTS.md, "Memory").
   */
  private async send(
    method: HttpMethod,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal,
  ): Promise<RawAnswer> {
    const { agent, sendRequest } = await this.transport;
    return new Promise<RawAnswer>((resolve, reject) => {
      const outgoing = body === undefined ? undefined : Buffer.from(body, 'utf8');
      if (outgoing) headers['Content-Length'] = String(outgoing.length);
      const req = sendRequest(url, { method, headers, agent, signal }, (res) => {
        const chunks: Buffer[] = [];
        let ended = false;
        let received = 0;
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > this.maxResponseBytes) {
            // Stop reading (and drop what was read) rather than hold an answer nothing could parse.
            chunks.length = 0;
            ended = true;
            reject(Object.assign(new Error('answer too large'), { code: TOO_LARGE }));
            req.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          ended = true;
          resolve({
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', reject);
        res.on('close', () => {
          if (!ended) {
            const e = new Error('premature close: the connection closed before the whole answer arrived');
            reject(Object.assign(e, { code: PREMATURE_CLOSE }));
          }
        });
      });
      req.on('error', reject);
      req.end(outgoing);
    });
  }

  private transportFailure(
    method: HttpMethod,
    path: string,
    e: unknown,
    timedOut: boolean,
    timeoutMs: number,
  ): AttemptResult {
    if ((e as { code?: unknown } | undefined)?.code === TOO_LARGE) {
      // The same request would get the same answer: final, and no other call is affected.
      const mb = Math.round((this.maxResponseBytes / 1024 / 1024) * 10) / 10;
      return {
        ok: false,
        kind: 'final',
        reason: 'too-large',
        error: this.error(method, path, 0, TOO_LARGE, `the answer to ${method} ${path} exceeded ${mb} MB`, {
          cause: e,
        }),
      };
    }
    if (timedOut) {
      return {
        ok: false,
        kind: 'maybe-applied',
        reason: 'timeout',
        error: this.error(
          method,
          path,
          0,
          'TIMEOUT',
          `no answer from ${this.endpoint} within ${formatMs(timeoutMs)}`,
          { cause: e },
        ),
      };
    }
    if (!isNetworkError(e)) {
      // Not a network failure (e.g. a header the token provider built wrongly): a bug, not a retry.
      throw e;
    }
    if (e instanceof ProxyRefusedError) {
      // Sent nowhere, and asking again gets the same policy answer.
      return {
        ok: false,
        kind: 'final',
        reason: 'proxy',
        error: this.error(method, path, 0, e.code, e.message, {}),
      };
    }
    const code = e.code ?? '';
    // A proxy in the way is the first suspect of any network failure: name it.
    const reason = describeReason(e.message) + (this.proxy ? ` (through the proxy ${this.proxy})` : '');
    if (UNSENT_CODES.has(code)) {
      return {
        ok: false,
        kind: 'unsent',
        reason: 'refused',
        error: this.error(
          method,
          path,
          0,
          'CONNECTION_REFUSED',
          `could not connect to ${this.endpoint} (${code}${this.proxy ? `, through the proxy ${this.proxy}` : ''})`,
          {
            cause: e,
          },
        ),
      };
    }
    if (/CERT|SSL|TLS|SELF_SIGNED/.test(code)) {
      return {
        ok: false,
        kind: 'final',
        reason: 'tls',
        error: this.error(method, path, 0, 'NETWORK_ERROR', `TLS failure with ${this.endpoint} (${code})`, {
          cause: e,
        }),
      };
    }
    const reset =
      code === 'ECONNRESET' ||
      code === 'EPIPE' ||
      code === PREMATURE_CLOSE ||
      /socket hang up|other side closed|premature close|ECONNRESET/i.test(e.message);
    const errorCode: TransportErrorCode = reset ? 'CONNECTION_RESET' : 'NETWORK_ERROR';
    return {
      ok: false,
      kind: 'maybe-applied',
      reason: reset ? 'reset' : 'network',
      error: this.error(
        method,
        path,
        0,
        errorCode,
        reset
          ? `the connection to ${this.endpoint} was closed before an answer arrived (${reason})`
          : `${this.endpoint}: ${reason}`,
        { cause: e },
      ),
    };
  }

  private error(
    method: string,
    path: string,
    status: number,
    errorCode: string,
    message: string,
    extra: { cause?: unknown },
  ): DatabricksError {
    return new DatabricksError({
      status,
      errorCode,
      message,
      method,
      path,
      region: this.region,
      credentialSource: this.tokenProvider.source,
      cause: extra.cause,
    });
  }
}

interface Transport {
  agent: HttpAgent;
  sendRequest: typeof httpRequest;
}

/**
 * A direct keep-alive agent, or — when a proxy variable is set and NO_PROXY does not list the host —
 * one through the proxy (loaded lazily, so a run without a proxy pays nothing for the option).
 */
function selectTransport(
  url: URL,
  agentOptions: { keepAlive: boolean; maxSockets: number },
  onProxy: (proxy: string) => void,
): Transport | Promise<Transport> {
  const https = url.protocol === 'https:';
  const sendRequest = https ? httpsRequest : httpRequest;
  const direct = (): Transport => ({
    agent: https ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions),
    sendRequest,
  });
  if (!proxyConfigured()) return direct();
  return proxyAgentFor(url.href, agentOptions).then((proxied: ProxiedAgent | undefined) => {
    if (!proxied) return direct();
    onProxy(proxied.proxy);
    return { agent: proxied.agent, sendRequest };
  });
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`${name} must be a positive number`);
  return value;
}

function resolveRates(option: HttpClientOptions['rateLimits']): Partial<Record<ApiFamily, number>> {
  const rates: Partial<Record<ApiFamily, number>> = {};
  if (option === 'off') return rates;
  for (const [family, rate] of Object.entries(DEFAULT_RATE_LIMITS) as [ApiFamily, number | undefined][]) {
    if (rate !== undefined) rates[family] = rate;
  }
  if (option === undefined || option === 'default') return rates;
  for (const [family, rate] of Object.entries(option) as [ApiFamily, number | 'off' | undefined][]) {
    if (rate === 'off' || rate === undefined) delete rates[family];
    else if (Number.isFinite(rate) && rate > 0) rates[family] = rate;
    else throw new TypeError(`rate limit for ${family} must be a positive number or 'off'`);
  }
  return rates;
}

/**
 * Whether a failed exchange is the network's doing (worth classifying and maybe retrying) rather
 * than a bug: system errors (they carry errno/syscall, or ECONNRESET for "socket hang up"), TLS
 * failures, an answer cut short, an abort. Node's own argument errors (ERR_INVALID_CHAR for a
 * malformed header, ERR_INVALID_URL…) are TypeErrors and are bugs.
 */
function isNetworkError(e: unknown): e is Error & { code?: string } {
  if (!(e instanceof Error) || e instanceof TypeError || e instanceof RangeError) return false;
  if (e.name === 'AbortError') return true;
  const { code, syscall } = e as Error & { code?: unknown; syscall?: unknown };
  if (typeof syscall === 'string') return true;
  if (typeof code !== 'string') return false;
  return !code.startsWith('ERR_') || code === PREMATURE_CLOSE || /CERT|SSL|TLS/.test(code);
}

/** Messages can carry a full URL; keep only the reason (paths can be sensitive). */
function describeReason(message: string): string {
  const m = /reason: (.*)$/s.exec(message);
  const reason = m ? m[1] : message;
  return reason.replace(/https?:\/\/\S+/g, '<url>').trim();
}

/**
 * Every page of a listing that continues with `next_page_token`, fetched one after another. A token
 * seen before would loop for ever: the server would be wrong, but the listing must end.
 */
export async function* followPages<P extends { next_page_token?: string }>(
  fetchPage: (token: string | undefined) => Promise<P>,
): AsyncGenerator<P> {
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    yield page;
    token = page.next_page_token || undefined;
    if (token !== undefined) {
      if (seen.has(token)) break;
      seen.add(token);
    }
  } while (token !== undefined);
}
