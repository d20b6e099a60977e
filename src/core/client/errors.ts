/**
 * The client's errors. Every failed call ends in one of two types:
 * - `DatabricksError`: the workspace answered with an error, or never answered (status 0).
 * - `OutcomeUnknownError`: a create that is not idempotent was sent, and the answer was lost, so
 *   only a look-up by name can tell whether it was applied.
 *
 * Error envelopes vary across Databricks APIs (reference/databricks-api.md §1); `parseErrorBody`
 * reads all the forms go-sdk knows, so callers only ever look at `status` and `errorCode`.
 */

/** The error code for a status when the body does not carry a usable one. */
const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'RESOURCE_CONFLICT',
  429: 'REQUEST_LIMIT_EXCEEDED',
  499: 'CANCELLED',
  500: 'INTERNAL_ERROR',
  501: 'NOT_IMPLEMENTED',
  502: 'BAD_GATEWAY',
  503: 'TEMPORARILY_UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

export function errorCodeForStatus(status: number): string {
  return STATUS_CODES[status] ?? `HTTP_${status}`;
}

/** Error codes for failures without a usable HTTP answer (status 0). */
export type TransportErrorCode =
  | 'CONNECTION_RESET'
  | 'CONNECTION_REFUSED'
  | 'TIMEOUT'
  | 'NETWORK_ERROR'
  /** The answer was longer than the client reads (HttpClientOptions.maxResponseBytes). */
  | 'RESPONSE_TOO_LARGE';

export interface ParsedErrorBody {
  errorCode: string;
  message: string;
  details?: unknown[];
  /** `error_code` exactly as sent, when it was not a string (the auth layer's integers). */
  rawErrorCode?: unknown;
}

/** Long HTML pages and the like are cut, so one error never floods a log or a PR comment. */
const MAX_MESSAGE = 500;

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > MAX_MESSAGE ? `${t.slice(0, MAX_MESSAGE)}…` : t;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads an error body in any of the forms Databricks sends:
 * - `{"error_code":"CODE","message":"…","details":[…]}` (the documented envelope);
 * - `{"error_code":403,"message":"…"}` (the auth layer: a non-string code is treated as absent,
 *   as the docs say, and the code comes from the status);
 * - `{"message":"…"}` alone (the CLI's fake and some old endpoints);
 * - `{"error":"…"}` (API 1.2);
 * - SCIM `{"detail","status","scimType"}` → `SCIM_<status>`;
 * - text `CODE: message`, an HTML page whose `<pre>` holds the message, or any other text;
 * - an empty body (429s often have one) → the code for the status, message `statusText`.
 */
export function parseErrorBody(status: number, body: string, statusText = ''): ParsedErrorBody {
  const fallbackCode = errorCodeForStatus(status);
  const fallbackMessage = statusText || fallbackCode;
  const text = body.trim();
  if (text === '') return { errorCode: fallbackCode, message: fallbackMessage };

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (isRecord(json)) {
    const rawCode = json.error_code;
    let message = typeof json.message === 'string' ? json.message : '';
    let errorCode = typeof rawCode === 'string' && rawCode !== '' ? rawCode : fallbackCode;
    if (message === '' && typeof json.error === 'string') message = json.error;
    if (message === '' && (typeof json.detail === 'string' || typeof json.scimType === 'string')) {
      const detail = json.detail === 'null' ? 'SCIM API Internal Error' : String(json.detail ?? '');
      message = `${typeof json.scimType === 'string' ? json.scimType : ''} ${detail}`.trim();
      if (typeof rawCode !== 'string') errorCode = `SCIM_${String(json.status ?? status)}`;
    }
    if (message === '') message = fallbackMessage;
    const parsed: ParsedErrorBody = { errorCode, message: clip(message) };
    if (Array.isArray(json.details)) parsed.details = json.details;
    if (rawCode !== undefined && typeof rawCode !== 'string') parsed.rawErrorCode = rawCode;
    return parsed;
  }
  if (json !== undefined) {
    // Valid JSON but not an object (a bare string or number): show it as text.
    return { errorCode: fallbackCode, message: clip(typeof json === 'string' ? json : text) };
  }

  const pre = /<pre>([\s\S]*?)<\/pre>/i.exec(text);
  if (pre)
    return { errorCode: fallbackCode, message: clip(decodeEntities(pre[1]).replace(/^[\s.]+|[\s.]+$/g, '')) };
  if (/^\s*</.test(text)) {
    // Some other HTML page (a gateway's): its title or text is the best message there is.
    const title = /<title>([\s\S]*?)<\/title>/i.exec(text);
    const stripped = decodeEntities((title ? title[1] : text).replace(/<[^>]*>/g, ' '));
    return { errorCode: fallbackCode, message: clip(stripped) || fallbackMessage };
  }
  const coded = /^([A-Z][A-Z0-9_]+): ([\s\S]*)$/.exec(text);
  if (coded) return { errorCode: coded[1], message: clip(coded[2]) };
  return { errorCode: fallbackCode, message: clip(text) };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export interface DatabricksErrorInit {
  status: number;
  errorCode: string;
  /** The workspace's own message (or, for status 0, what went wrong on the wire). */
  message: string;
  method: string;
  /** The URL path without the query string. */
  path: string;
  region: string;
  attempts?: number;
  details?: unknown[];
  rawErrorCode?: unknown;
  /** `X-Databricks-Reason-Phrase`, which the auth layer sets on a wrong token. */
  reasonPhrase?: string;
  /** Where the credential came from (TokenProvider.source), to point at it on a 403 bad token. */
  credentialSource?: string;
  cause?: unknown;
}

/**
 * An API call that failed. `status` 0 means no HTTP answer arrived (reset, refused, timeout); see
 * `isUnreachable`. The `message` is one line for logs: region, request, status, code, the
 * workspace's message, and what to do. `userMessage` is the same for people, without the request.
 */
export class DatabricksError extends Error {
  override name = 'DatabricksError';
  readonly status: number;
  readonly errorCode: string;
  readonly serverMessage: string;
  readonly method: string;
  readonly path: string;
  readonly region: string;
  readonly details?: unknown[];
  readonly rawErrorCode?: unknown;
  readonly reasonPhrase?: string;
  readonly credentialSource?: string;
  /** HTTP attempts made for this call, retries included. Set when the client gives up. */
  attempts: number;

  constructor(init: DatabricksErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.serverMessage = init.message;
    this.method = init.method;
    this.path = init.path;
    this.region = init.region;
    this.attempts = init.attempts ?? 1;
    if (init.details !== undefined) this.details = init.details;
    if (init.rawErrorCode !== undefined) this.rawErrorCode = init.rawErrorCode;
    if (init.reasonPhrase !== undefined) this.reasonPhrase = init.reasonPhrase;
    if (init.credentialSource !== undefined) this.credentialSource = init.credentialSource;
    this.message = this.describe();
  }

  /** Records the attempt count once the client gives up, and refreshes the message with it. */
  withAttempts(attempts: number): this {
    this.attempts = attempts;
    this.message = this.describe();
    return this;
  }

  /** What to do about it, or '' when the workspace's message says it all (e.g. a bad field). */
  get hint(): string {
    const write = this.method !== 'GET';
    if (this.errorCode === 'RESPONSE_TOO_LARGE')
      return 'No Databricks API answers with that much; check what answers at the host (a proxy, a wrong URL).';
    if (this.status === 0) {
      return this.errorCode === 'TIMEOUT'
        ? 'The workspace did not answer in time; check that the host is right and the region is up, or raise the timeout.'
        : 'The workspace could not be reached; check the host and the network, or whether the region is down.';
    }
    if (this.status === 401) {
      return `No usable credential was sent (none, or of a type this API does not accept); check the region's auth settings${this.credentialSource ? ` (${this.credentialSource})` : ''}.`;
    }
    if (this.status === 403 && isInvalidToken(this)) {
      return `The access token is wrong or expired; check ${this.credentialSource ?? 'the environment variable that holds the region token'}.`;
    }
    if (this.status === 403) {
      return write
        ? 'The workspace is read-only or the identity lacks permission for this operation.'
        : 'The identity lacks permission to read this.';
    }
    if (this.status === 429) {
      return 'Rate limited by the workspace even after retrying; lower the concurrency or the client rate limits.';
    }
    if (this.status === 503) return 'The workspace is temporarily unavailable; try again later.';
    if (this.status >= 500) return 'The workspace failed to handle the request; try again later.';
    return '';
  }

  /** For people (summaries, PR comments): the region, what happened, and what to do. */
  get userMessage(): string {
    const what =
      this.status === 0
        ? `${this.serverMessage}`
        : `${this.errorCode} (HTTP ${this.status}): ${this.serverMessage}`;
    const tries = this.attempts > 1 ? ` (after ${this.attempts} attempts)` : '';
    const hint = this.hint;
    return `Region ${this.region}: ${what}${tries}.${hint ? ` ${hint}` : ''}`.replace(/\.\./g, '.');
  }

  private describe(): string {
    const status = this.status === 0 ? 'no response' : `${this.status}`;
    const tries = this.attempts > 1 ? ` after ${this.attempts} attempts` : '';
    const hint = this.hint;
    return `[${this.region}] ${this.method} ${this.path} failed${tries}: ${status} ${this.errorCode}: ${this.serverMessage}${hint ? ` — ${hint}` : ''}`;
  }
}

/**
 * A create that is not idempotent was sent and no answer said whether it was applied (reset,
 * timeout, a 5xx with or without a body). The object may or may not exist now. The client does not retry it, because a
 * blind retry could create a duplicate; the caller looks the object up by name and decides.
 */
export class OutcomeUnknownError extends Error {
  override name = 'OutcomeUnknownError';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly region: string,
    /** The failure that hid the outcome (a DatabricksError, status 0 for a dropped connection). */
    override readonly cause: DatabricksError,
    readonly attempts: number,
  ) {
    super(
      `[${region}] ${method} ${path}: the request was sent but no answer said whether it was applied ` +
        `(${cause.errorCode}: ${cause.serverMessage}); look the object up by name before creating it again.`,
    );
  }

  get userMessage(): string {
    return `Region ${this.region}: ${this.method} ${this.path} may or may not have been applied (${this.cause.errorCode}, no answer said which); check by name before retrying.`;
  }
}

function isInvalidToken(err: DatabricksError): boolean {
  return /invalid access token/i.test(`${err.reasonPhrase ?? ''} ${err.serverMessage}`);
}

/**
 * `(Job|Cluster|Run) … does not exist` from a 400 `INVALID_PARAMETER_VALUE` means not-found only
 * when the missing thing is the one the endpoint is about (go-sdk `error_overrides.go` does the
 * same by path): `jobs/create` saying "Cluster 1 does not exist" is a bad reference, not a miss.
 */
const NOT_EXIST = /\b(Job|Cluster|Run)\b.* does not exist/i;

function endpointEntity(path: string): string | undefined {
  const op = path.replace(/^\/api\/[0-9.]+\//, '');
  if (op.endsWith('/create') || op.endsWith('/submit')) return undefined;
  if (op.startsWith('jobs/runs/')) return 'run';
  if (op.startsWith('jobs/')) return 'job';
  if (op.startsWith('clusters/')) return 'cluster';
  return undefined;
}

/** The object the call is about does not exist (both the 404 and the 400 forms). */
export function isNotFound(err: unknown): err is DatabricksError {
  if (!(err instanceof DatabricksError)) return false;
  if (err.status === 404) return err.errorCode !== 'ENDPOINT_NOT_FOUND';
  if (err.errorCode === 'RESOURCE_DOES_NOT_EXIST') return true;
  if (err.status === 400 && err.errorCode === 'INVALID_PARAMETER_VALUE') {
    const m = NOT_EXIST.exec(err.serverMessage);
    return m !== null && m[1].toLowerCase() === endpointEntity(err.path);
  }
  return false;
}

export function isAlreadyExists(err: unknown): err is DatabricksError {
  return (
    err instanceof DatabricksError &&
    (err.errorCode === 'RESOURCE_ALREADY_EXISTS' ||
      err.errorCode === 'ALREADY_EXISTS' ||
      /already exists/i.test(err.serverMessage))
  );
}

export function isPermissionDenied(err: unknown): err is DatabricksError {
  return err instanceof DatabricksError && err.status === 403;
}

export function isRateLimited(err: unknown): err is DatabricksError {
  return err instanceof DatabricksError && err.status === 429;
}

export function isInvalidState(err: unknown): err is DatabricksError {
  return err instanceof DatabricksError && err.errorCode === 'INVALID_STATE';
}

/**
 * The region did not answer usefully: no HTTP response at all, or a gateway/unavailable status.
 * Fencing and failover treat such a region as unreachable rather than as a failed deploy.
 */
export function isUnreachable(err: unknown): err is DatabricksError {
  return (
    err instanceof DatabricksError &&
    err.errorCode !== 'RESPONSE_TOO_LARGE' &&
    (err.status === 0 || err.status === 502 || err.status === 503 || err.status === 504)
  );
}

export function isOutcomeUnknown(err: unknown): err is OutcomeUnknownError {
  return err instanceof OutcomeUnknownError;
}
