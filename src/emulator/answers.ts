/**
 * What a workspace sends back: an answer (status, JSON or raw body, headers), the Databricks error
 * envelope (SCIM's own for SCIM), the answers of injected faults, and writing one to the socket.
 */
import type { ServerResponse } from 'node:http';
import { ApiError, RawResponse, ScimError } from './http.js';
import type { FaultRule } from './types.js';

/** Bodies above this are refused before parsing (the largest real limit is 10 MB of content). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const errorAnswer = (e: ApiError): Answer => ({
  status: e.status,
  body: e instanceof ScimError ? e.body() : { error_code: e.code, message: e.message },
  headers: e.headers,
});

export const tooLarge = (): Answer =>
  errorAnswer(
    new ApiError(413, 'REQUEST_ENTITY_TOO_LARGE', `The request body exceeds ${MAX_BODY_BYTES} bytes.`),
  );

export function sendAnswer(res: ServerResponse, answer: Answer): void {
  const raw = answer.body instanceof RawResponse;
  const data =
    answer.body instanceof RawResponse
      ? answer.body.body
      : answer.body === undefined
        ? Buffer.alloc(0)
        : Buffer.from(JSON.stringify(answer.body));
  res.writeHead(answer.status, {
    'content-type': raw ? (answer.body as RawResponse).contentType : 'application/json',
    'content-length': data.length,
    ...answer.headers,
  });
  res.end(data);
}

/** The answer of a `429`/`503` fault rule (or what `applied-503` sends once the write took effect). */
export function faultAnswer(rule: FaultRule, workspaceName: string): Answer {
  const status = rule.fault === '429' ? 429 : 503;
  const code = status === 429 ? 'REQUEST_LIMIT_EXCEEDED' : 'TEMPORARILY_UNAVAILABLE';
  const message =
    status === 429
      ? `Workspace ${workspaceName} exceeded the concurrent limit of 20 requests.`
      : 'Authentication is temporarily unavailable. Please try again later.';
  const headers = { 'retry-after': String(rule.retry_after ?? 1) };
  if (rule.body === 'empty') return { status, body: undefined, headers };
  if (rule.body === 'int-code') return { status, body: { error_code: status, message }, headers };
  return { status, body: { error_code: code, message }, headers };
}
