/**
 * The gates an API request passes before its handler runs, in the order Databricks applies them:
 * a known bearer token, the rate limit of its family, and a read-only workspace refusing writes.
 * Each returns the refusal to send, or the go-ahead.
 */
import type { IncomingMessage } from 'node:http';
import { type Answer, errorAnswer } from './answers.js';
import type { TokenKind } from './context.js';
import { ApiError } from './http.js';
import { type LimitFamily, limitFamily, type RateLimits, ServerBucket } from './limits.js';

/** The kind of the request's bearer token, or the 401/403 Databricks answers without a valid one. */
export function authenticate(
  req: IncomingMessage,
  known: (token: string) => TokenKind | undefined,
): TokenKind | Answer {
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
  const kind = known(m[1]);
  if (kind) return kind;
  return {
    status: 403,
    body: { error_code: 403, message: 'Invalid access token.' },
    headers: { 'x-databricks-reason-phrase': 'Invalid access token.' },
  };
}

/** One token bucket per limit family of one workspace; no limits at all when `rates` is undefined. */
export class RateLimiter {
  private readonly buckets = new Map<LimitFamily, ServerBucket>();

  constructor(
    private readonly rates: RateLimits | undefined,
    private readonly workspaceName: string,
  ) {}

  /** The 429 for a request over its family's rate, or undefined when it may go on. */
  refusal(method: string, path: string): Answer | undefined {
    if (!this.rates) return undefined;
    const family = limitFamily(method, path);
    const rate = family === undefined ? undefined : this.rates[family];
    if (family === undefined || rate === undefined) return undefined;
    let bucket = this.buckets.get(family);
    if (!bucket) {
      bucket = new ServerBucket(rate);
      this.buckets.set(family, bucket);
    }
    if (bucket.tryTake()) return undefined;
    const wait = bucket.secondsUntilAvailable();
    return errorAnswer(
      new ApiError(
        429,
        'REQUEST_LIMIT_EXCEEDED',
        `Workspace ${this.workspaceName} exceeded the rate limit of ${Math.round(rate * 100) / 100} requests per second for ${family} requests.`,
        { 'retry-after': String(wait) },
      ),
    );
  }
}

/** What a read-only workspace answers a write. */
export function readOnlyRefusal(workspaceName: string, method: string, path: string): Answer {
  return errorAnswer(
    new ApiError(
      403,
      'PERMISSION_DENIED',
      `Workspace ${workspaceName} is read-only: ${method} ${path} is not allowed.`,
    ),
  );
}
