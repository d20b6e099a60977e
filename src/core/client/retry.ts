/**
 * What a failed attempt means, and whether to try again (reference/databricks-api.md §1 "Retries").
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
import { ProxyRefusedError, proxyRefusalMessage } from '../proxy.js';
import { redactSecrets } from '../redact.js';
import { DatabricksError, parseErrorBody, type TransportErrorCode } from './errors.js';
import { header, PREMATURE_CLOSE, type RawAnswer, TOO_LARGE } from './transport.js';

/** What a failed attempt tells us about whether the request took effect. */
export type FailureKind =
  /** Rejected before being applied (a 429, or a 503 that says REQUEST_LIMIT_EXCEEDED). */
  | 'rejected'
  /** Never sent (connection refused, DNS). */
  | 'unsent'
  /** May have been applied (reset, timeout, any other 5xx, with a body or without). */
  | 'maybe-applied'
  /** A definite answer that retrying will not change (4xx, a malformed 2xx). */
  | 'final';

export type AttemptResult =
  | { ok: true; value: unknown }
  | { ok: false; error: DatabricksError; kind: FailureKind; reason: string; retryAfterMs?: number };

/** Who sent the attempt, for the errors it makes. */
export interface AttemptContext {
  method: string;
  path: string;
  region: string;
  /** scheme://host:port, what a connection error names. */
  endpoint: string;
  /** The proxy the request went through, if any. */
  proxy: string | undefined;
  credentialSource: string | undefined;
  maxResponseBytes: number;
}

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

/** Retry-After: integer seconds (what Databricks sends) or an HTTP date; undefined when absent. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full jitter: uniform in [0, min(cap, base·2^(n-1))). */
export function backoffDelay(failures: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.floor(random() * ceiling);
}

/** An error of the attempt's own making (no server error body to read). */
export function attemptError(
  ctx: AttemptContext,
  status: number,
  errorCode: string,
  message: string,
  cause?: unknown,
): DatabricksError {
  return new DatabricksError({
    status,
    errorCode,
    message,
    method: ctx.method,
    path: ctx.path,
    region: ctx.region,
    credentialSource: ctx.credentialSource,
    cause,
  });
}

function failure(kind: FailureKind, reason: string, error: DatabricksError): AttemptResult {
  return { ok: false, kind, reason, error };
}

/**
 * Reads an answer: a 2xx's JSON, or the error it carries and what that says about retrying.
 * `scrub` hides credentials and secrets in server text before it reaches a message.
 */
export function classifyAnswer(
  ctx: AttemptContext,
  res: RawAnswer,
  scrub: (text: string) => string,
): AttemptResult {
  const { status, text } = res;
  if (status >= 200 && status < 300) {
    if (text.trim() === '') return { ok: true, value: {} };
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      const error = attemptError(ctx, status, 'MALFORMED_RESPONSE', `the ${status} answer is not JSON`);
      return failure('final', 'malformed', error);
    }
  }
  if (status === 407 && ctx.proxy) {
    // Only a proxy answers 407 (a plain-http target's proxy answers the request itself).
    const message = proxyRefusalMessage(ctx.proxy, status, res.statusText);
    return failure('final', 'proxy', attemptError(ctx, 0, 'PROXY_REFUSED', message));
  }
  const parsed = parseErrorBody(status, scrub(text), scrub(res.statusText));
  const reasonPhrase = header(res.headers, 'x-databricks-reason-phrase') ?? undefined;
  const error = new DatabricksError({
    status,
    errorCode: parsed.errorCode,
    message: parsed.message,
    method: ctx.method,
    path: ctx.path,
    region: ctx.region,
    details: parsed.details,
    rawErrorCode: parsed.rawErrorCode,
    reasonPhrase: reasonPhrase === undefined ? undefined : scrub(reasonPhrase),
    credentialSource: ctx.credentialSource,
  });
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
  if (status === 500 || status === 502 || status === 504) return failure('maybe-applied', '5xx', error);
  return failure('final', String(status), error);
}

/** The request's credentials and the run's redactor applied to server text. */
export function scrubber(secrets: string[], redact: (text: string) => string): (text: string) => string {
  return (t: string) => redact(redactSecrets(t, secrets));
}

const UNSENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * Reads an exchange that got no answer: a timeout, a reset, a refused connection, TLS, an answer
 * too large. Anything that is not a network failure is a bug and is thrown.
 */
export function classifyTransportFailure(
  ctx: AttemptContext,
  e: unknown,
  timedOut: boolean,
  timeoutMs: number,
): AttemptResult {
  const { method, path, endpoint, proxy } = ctx;
  if ((e as { code?: unknown } | undefined)?.code === TOO_LARGE) {
    // The same request would get the same answer: final, and no other call is affected.
    const mb = Math.round((ctx.maxResponseBytes / 1024 / 1024) * 10) / 10;
    const message = `the answer to ${method} ${path} exceeded ${mb} MB`;
    return failure('final', 'too-large', attemptError(ctx, 0, TOO_LARGE, message, e));
  }
  if (timedOut) {
    const message = `no answer from ${endpoint} within ${formatMs(timeoutMs)}`;
    return failure('maybe-applied', 'timeout', attemptError(ctx, 0, 'TIMEOUT', message, e));
  }
  if (!isNetworkError(e)) {
    // Not a network failure (e.g. a header the token provider built wrongly): a bug, not a retry.
    throw e;
  }
  if (e instanceof ProxyRefusedError) {
    // Sent nowhere, and asking again gets the same policy answer.
    return failure('final', 'proxy', attemptError(ctx, 0, e.code, e.message));
  }
  const code = e.code ?? '';
  if (UNSENT_CODES.has(code)) {
    const message = `could not connect to ${endpoint} (${code}${proxy ? `, through the proxy ${proxy}` : ''})`;
    return failure('unsent', 'refused', attemptError(ctx, 0, 'CONNECTION_REFUSED', message, e));
  }
  if (/CERT|SSL|TLS|SELF_SIGNED/.test(code)) {
    const message = `TLS failure with ${endpoint} (${code})`;
    return failure('final', 'tls', attemptError(ctx, 0, 'NETWORK_ERROR', message, e));
  }
  // A proxy in the way is the first suspect of any network failure: name it.
  const reason = describeReason(e.message) + (proxy ? ` (through the proxy ${proxy})` : '');
  const reset =
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    code === PREMATURE_CLOSE ||
    /socket hang up|other side closed|premature close|ECONNRESET/i.test(e.message);
  const errorCode: TransportErrorCode = reset ? 'CONNECTION_RESET' : 'NETWORK_ERROR';
  const message = reset
    ? `the connection to ${endpoint} was closed before an answer arrived (${reason})`
    : `${endpoint}: ${reason}`;
  return failure('maybe-applied', reset ? 'reset' : 'network', attemptError(ctx, 0, errorCode, message, e));
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
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
