/**
 * HTTP plumbing shared by the emulated APIs: the Databricks error envelope, request parsing and
 * small validators. Handlers throw `ApiError`; the server turns it into the JSON envelope the
 * official SDKs parse (`error_code` + `message`, never `details`, which breaks the JS SDK).
 */

import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { FaultKind } from './types.js';

export type JsonObject = Record<string, unknown>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers (e.g. Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * A SCIM error: the SCIM APIs answer with the SCIM envelope (`schemas`, `detail`, `status`,
 * `scimType`) rather than `error_code`/`message`; go-sdk parses both.
 */
export class ScimError extends ApiError {
  constructor(
    status: number,
    detail: string,
    readonly scimType?: string,
  ) {
    super(status, scimType ?? 'SCIM_ERROR', detail);
  }

  body(): JsonObject {
    return {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      detail: this.message,
      status: String(this.status),
      ...(this.scimType ? { scimType: this.scimType } : {}),
    };
  }
}

/** A JSON answer with a status other than 200 (SCIM create → 201). */
export class StatusResponse {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/** A non-JSON answer (workspace export with direct_download). */
export class RawResponse {
  constructor(
    readonly body: Buffer,
    readonly contentType = 'application/octet-stream',
  ) {}
}

export const invalidParameter = (message: string) => new ApiError(400, 'INVALID_PARAMETER_VALUE', message);
export const malformed = (message: string) => new ApiError(400, 'MALFORMED_REQUEST', message);
export const alreadyExists = (message: string) => new ApiError(400, 'RESOURCE_ALREADY_EXISTS', message);
export const doesNotExist = (message: string) => new ApiError(404, 'RESOURCE_DOES_NOT_EXIST', message);
export const invalidState = (message: string) => new ApiError(400, 'INVALID_STATE', message);
export const permissionDenied = (message: string) => new ApiError(403, 'PERMISSION_DENIED', message);

/** One parsed API request as the handlers see it. */
export class ApiRequest {
  private parsed: JsonObject | undefined;
  /** A fault the handler itself carries out (`archive-drop`); set by the server. */
  fault?: FaultKind;

  constructor(
    readonly method: string,
    /** URL path without the query string, percent-decoding left to the handler. */
    readonly path: string,
    readonly query: URLSearchParams,
    readonly headers: IncomingHttpHeaders,
    readonly body: Buffer,
  ) {}

  /** The body as a JSON object; an empty body is `{}`. Anything else is MALFORMED_REQUEST. */
  json(): JsonObject {
    if (this.parsed) return this.parsed;
    if (this.body.length === 0) {
      this.parsed = {};
      return this.parsed;
    }
    let value: unknown;
    try {
      value = JSON.parse(this.body.toString('utf8'));
    } catch {
      throw malformed('Invalid JSON given in the body of the request - failed to parse');
    }
    if (!isObject(value)) throw malformed('Invalid JSON given in the body of the request - expected a map');
    this.parsed = value;
    return value;
  }

  /**
   * A GET parameter. Old clients (legacy databricks-cli) send GET parameters as a JSON body, which
   * the real API accepts, so the body is the fallback.
   */
  param(name: string): string | undefined {
    const q = this.query.get(name);
    if (q !== null) return q;
    if (this.body.length === 0) return undefined;
    const v = this.json()[name];
    if (v === undefined || v === null) return undefined;
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }

  /** The header value, first one if repeated. */
  header(name: string): string | undefined {
    const v = this.headers[name.toLowerCase()];
    return Array.isArray(v) ? v[0] : v;
  }
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A required string field of a JSON body; missing or empty → 400 naming it. */
export function requireString(body: JsonObject, field: string): string {
  const v = body[field];
  if (v === undefined || v === null || v === '') throw invalidParameter(`Missing required field: ${field}`);
  if (typeof v !== 'string') throw invalidParameter(`Field ${field} must be a string`);
  return v;
}

export function optionalString(body: JsonObject, field: string): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidParameter(`Field ${field} must be a string`);
  return v;
}

export function optionalBoolean(body: JsonObject, field: string): boolean | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw invalidParameter(`Field ${field} must be a boolean`);
}

/**
 * An int64 id given as a JSON number or numeric string (the real API takes both). Returns
 * undefined when absent so callers choose whether it is required.
 */
export function parseId(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw invalidParameter(`Invalid value for ${field}: ${JSON.stringify(v)}`);
  return n;
}

export function requireId(v: unknown, field: string): number {
  const n = parseId(v, field);
  if (n === undefined) throw invalidParameter(`Missing required field: ${field}`);
  return n;
}

/** A query-string boolean (`true`/`false`; absent → fallback). */
export function queryBoolean(v: string | undefined, field: string, fallback = false): boolean {
  if (v === undefined || v === '') return fallback;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw invalidParameter(`Invalid boolean for ${field}: ${v}`);
}

/** Opaque page tokens: base64url of the next offset, so clients cannot depend on their shape. */
export function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

/** The Jobs API's paging fields of a list page at `offset` of `limit` items out of `total`. */
export function jobsPageFields(offset: number, limit: number, total: number): JsonObject {
  const hasMore = offset + limit < total;
  return {
    has_more: hasMore,
    ...(hasMore ? { next_page_token: encodePageToken(offset + limit) } : {}),
    ...(offset > 0 ? { prev_page_token: encodePageToken(Math.max(0, offset - limit)) } : {}),
  };
}

export function decodePageToken(token: string | undefined): number | undefined {
  if (token === undefined || token === '') return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (isObject(v) && typeof v.o === 'number' && Number.isSafeInteger(v.o) && v.o >= 0) return v.o;
  } catch {
    // fall through to the error below
  }
  throw invalidParameter(`Invalid page token: ${token}`);
}

/** A deep copy of JSON data (state handed to tests must not alias the live state). */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The whole request body, or null when it exceeds maxBytes (drained, not buffered). */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
