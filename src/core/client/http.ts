/**
 * The one HTTP layer every Databricks call goes through: JSON over node:http(s) with a keep-alive
 * agent, per-attempt timeouts, retries under a per-call deadline, bounded concurrency and a
 * per-family rate limiter (reference/databricks-api.md §1 "Retries", §2 "Limits").
 *
 * The parts live beside it: options.ts (options and defaults), transport.ts (one exchange),
 * retry.ts (what a failure means, the retry rules and why), rate-limiter.ts (pacing),
 * request-stats.ts (counts), paging.ts (listings over pages). This module runs the retry loop and
 * re-exports the parts, so callers import the HTTP layer from one place.
 */
import type { TokenProvider } from '../auth/types.js';
import { type Logger, nullLogger } from '../logger.js';
import { type DatabricksError, OutcomeUnknownError } from './errors.js';
import {
  type ClientTimings,
  encodeQuery,
  type HttpClientOptions,
  type HttpMethod,
  parseHost,
  type Query,
  type RequestOptions,
  resolveTimings,
  type SleepReason,
} from './options.js';
import { RequestGate, resolveRates } from './rate-limiter.js';
import { type ApiFamily, apiFamily } from './rate-limits.js';
import {
  type ClientStats,
  countAttempt,
  countRetry,
  countStatus,
  emptyStats,
  snapshotStats,
} from './request-stats.js';
import {
  type AttemptContext,
  type AttemptResult,
  backoffDelay,
  classifyAnswer,
  classifyTransportFailure,
  isNonIdempotent,
  scrubber,
} from './retry.js';
import { closeTransport, exchange, requestHeaders, selectTransport, type Transport } from './transport.js';

export {
  type ClientRateLimits,
  DEFAULT_MAX_RESPONSE_BYTES,
  encodeQuery,
  type HttpClientOptions,
  type HttpMethod,
  type Query,
  type QueryScalar,
  type QueryValue,
  type RequestOptions,
  type SleepReason,
} from './options.js';
export { followPages } from './paging.js';
export { type ApiFamily, apiFamily, DEFAULT_RATE_LIMITS } from './rate-limits.js';
export type { ClientStats } from './request-stats.js';
export { isNonIdempotent, parseRetryAfter } from './retry.js';

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One call's fixed parts, shared by its attempts. */
interface Call {
  method: HttpMethod;
  path: string;
  url: string;
  family: ApiFamily;
  /** JSON text, or JSON already encoded as bytes (jsonWithBase64). */
  body: string | Buffer | undefined;
}

export class HttpClient {
  readonly region: string;
  /** The workspace origin, without a trailing slash. */
  readonly host: string;
  /** scheme://host:port, the port always shown: what a connection error names. */
  readonly endpoint: string;
  private readonly timings: ClientTimings;
  private readonly tokenProvider: TokenProvider;
  /** The keep-alive agent, direct or through a proxy (decided once: the host never changes). */
  private readonly transport: Transport | Promise<Transport>;
  /** The proxy the requests go through, for messages; set once the transport is chosen. */
  private proxy: string | undefined;
  private readonly logger: Logger;
  private readonly redact: (text: string) => string;
  private readonly sleep: (ms: number, reason: SleepReason) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly gate: RequestGate;
  private readonly counters: ClientStats;

  constructor(options: HttpClientOptions) {
    this.region = options.region;
    const { url, origin, endpoint } = parseHost(options.region, options.host);
    this.host = origin;
    this.endpoint = endpoint;
    this.timings = resolveTimings(options);
    this.tokenProvider = options.tokenProvider;
    // One socket per concurrent request; keep-alive saves a TLS handshake on every call.
    const agentOptions = { keepAlive: true, maxSockets: this.timings.maxConcurrency };
    this.transport = selectTransport(url, agentOptions, (proxy) => {
      this.proxy = proxy;
    });
    this.logger = options.logger ?? nullLogger;
    this.redact = options.redact ?? ((text) => text);
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.counters = emptyStats(this.region);
    const rates = resolveRates(options.rateLimits);
    this.gate = new RequestGate(this.timings.maxConcurrency, rates, this.counters, this.now, this.sleep);
  }

  /** A snapshot of the counters. */
  stats(): ClientStats {
    return snapshotStats(this.counters);
  }

  /** The client's rate for a family (requests per second), or undefined when unlimited. */
  rateLimit(family: ApiFamily): number | undefined {
    return this.gate.rateLimit(family);
  }

  /** Closes idle keep-alive sockets so the process can exit. */
  close(): void {
    closeTransport(this.transport);
  }

  get<T>(path: string, query?: Query, options: Omit<RequestOptions, 'query' | 'body'> = {}): Promise<T> {
    return this.request<T>('GET', path, { ...options, query });
  }

  /** `body` is serialised as JSON; a Buffer is taken as JSON already encoded. */
  post<T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const idempotent = options.idempotent ?? !isNonIdempotent(method, path, options.body);
    const call: Call = {
      method,
      path,
      url: `${this.host}${path}${encodeQuery(options.query)}`,
      family: apiFamily(method, path),
      body:
        options.body === undefined || method === 'GET'
          ? undefined
          : Buffer.isBuffer(options.body)
            ? options.body
            : JSON.stringify(options.body),
    };
    const deadlineMs = options.deadlineMs ?? this.timings.deadlineMs;
    this.counters.calls++;

    let attempt = 0;
    let started: number | undefined;
    let lostEarlier = false;
    for (;;) {
      attempt++;
      await this.gate.admit(call.family);
      started ??= this.now();
      const remaining = deadlineMs - (this.now() - started);
      // An attempt may not outlive the deadline by much, but a near-exhausted deadline still gets
      // a fair try rather than a timeout too short to succeed.
      const timeoutMs = Math.min(options.timeoutMs ?? this.timings.timeoutMs, Math.max(remaining, 1_000));
      let result: AttemptResult;
      try {
        result = await this.attempt(call, timeoutMs);
      } finally {
        this.gate.release();
      }
      if (result.ok) return result.value as T;
      const { error, kind } = result;

      if (kind === 'final') return this.finalError<T>(call, error, attempt, lostEarlier, options);
      if (kind === 'maybe-applied' && !idempotent) throw this.outcomeUnknown(call, error, attempt);
      if (kind === 'maybe-applied') lostEarlier = true;

      if (error.status === 429 && result.retryAfterMs !== undefined)
        this.gate.pause(call.family, result.retryAfterMs);
      const wait = result.retryAfterMs ?? this.backoff(attempt);
      if (this.now() + wait - started > deadlineMs) {
        this.logger.debug(
          `${this.region}: ${method} ${path}: giving up after ${attempt} attempts (deadline)`,
        );
        throw this.fail(error.withAttempts(attempt));
      }
      countRetry(this.counters, result.reason);
      this.logger.debug(
        `${this.region}: ${method} ${path}: ${error.status || error.errorCode}, retrying in ${wait} ms (attempt ${attempt + 1})`,
      );
      await this.sleep(wait, 'retry');
    }
  }

  /**
   * A final error ends the call, unless an earlier attempt's answer was lost and the caller reads
   * this error as that attempt's doing (`afterLostAttempt`).
   */
  private finalError<T>(
    call: Call,
    error: DatabricksError,
    attempt: number,
    lostEarlier: boolean,
    options: RequestOptions,
  ): T {
    const verdict = lostEarlier && options.afterLostAttempt ? options.afterLostAttempt(error) : 'error';
    if (verdict === 'success') {
      this.logger.debug(
        `${this.region}: ${call.method} ${call.path}: ${error.errorCode} after a lost answer; the earlier attempt was applied`,
      );
      return {} as T;
    }
    if (verdict === 'unknown') throw this.outcomeUnknown(call, error, attempt);
    throw this.fail(error.withAttempts(attempt));
  }

  private backoff(failures: number): number {
    return backoffDelay(failures, this.timings.backoffBaseMs, this.timings.backoffCapMs, this.random);
  }

  private fail(error: DatabricksError): DatabricksError {
    this.counters.failures++;
    return error;
  }

  private outcomeUnknown(call: Call, cause: DatabricksError, attempts: number): OutcomeUnknownError {
    const { method, path } = call;
    this.counters.failures++;
    this.counters.outcomeUnknown++;
    this.logger.debug(`${this.region}: ${method} ${path}: answer lost (${cause.errorCode}); outcome unknown`);
    return new OutcomeUnknownError(method, path, this.region, cause.withAttempts(attempts), attempts);
  }

  private context(call: Call): AttemptContext {
    return {
      method: call.method,
      path: call.path,
      region: this.region,
      endpoint: this.endpoint,
      proxy: this.proxy,
      credentialSource: this.tokenProvider.source,
      maxResponseBytes: this.timings.maxResponseBytes,
    };
  }

  private async attempt(call: Call, timeoutMs: number): Promise<AttemptResult> {
    const { method, path, url, body } = call;
    // Credentials first: a provider that fails (e.g. Entra down) sent nothing, so counts nothing.
    const { headers, secrets } = await requestHeaders(this.tokenProvider, body !== undefined);
    countAttempt(this.counters, call.family, method, path);
    const t0 = performance.now();
    const { maxResponseBytes } = this.timings;
    const sent = await exchange(this.transport, { method, url, headers, body, timeoutMs, maxResponseBytes });
    if (!sent.ok) {
      countStatus(this.counters, 0);
      return classifyTransportFailure(this.context(call), sent.error, sent.timedOut, timeoutMs);
    }
    countStatus(this.counters, sent.answer.status);
    this.logger.debug(
      `${this.region}: ${method} ${path} → ${sent.answer.status} in ${Math.round(performance.now() - t0)} ms`,
    );
    // Server text can echo request data: no credential or secret may reach a message or a log.
    return classifyAnswer(this.context(call), sent.answer, scrubber(secrets, this.redact));
  }
}
