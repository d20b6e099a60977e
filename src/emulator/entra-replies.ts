/**
 * The replies of the emulated Entra authority: JSON bodies, and refusals worded and shaped as
 * login.microsoftonline.com sends them.
 */
import { randomUUID } from 'node:crypto';
import type { AuthorityRequestLogEntry } from './types.js';

export interface Reply {
  status: number;
  body: unknown;
  /** For the log: the AADSTS code or OAuth error of a refusal. */
  error?: string;
  grant?: AuthorityRequestLogEntry['grant'];
}

export const json = (body: unknown, status = 200): Reply => ({ status, body });

/**
 * An Entra error body as login.microsoftonline.com sends it. MSAL copies `error_description` into
 * its error message and `@azure/identity` into AuthenticationError, so the text matters.
 */
export function aadError(status: number, error: string, code: number, description: string): Reply {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    status,
    error: `AADSTS${code}`,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

export const notFound = (): Reply =>
  json({ error: 'not_found', error_description: 'No such endpoint.' }, 404);
export const notAllowed = (): Reply =>
  json({ error: 'invalid_request', error_description: 'Method not allowed.' }, 405);
