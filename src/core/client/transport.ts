/**
 * One HTTP exchange with a workspace: the keep-alive agent (direct or through a proxy), the
 * request's headers and credentials, and reading the whole answer under a byte cap and a timeout.
 * Whether to retry is decided elsewhere (retry.ts).
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { TokenProvider } from '../auth/types.js';
import { type ProxiedAgent, proxyAgentFor, proxyConfigured } from '../proxy.js';
import { USER_AGENT } from '../version.js';
import type { HttpMethod } from './options.js';

export interface Transport {
  agent: HttpAgent;
  sendRequest: typeof httpRequest;
}

/** A whole answer: status line, headers and the body as text. */
export interface RawAnswer {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  text: string;
}

/** The error `send` gives for an answer whose connection closed before the body was complete. */
export const PREMATURE_CLOSE = 'ERR_STREAM_PREMATURE_CLOSE';
/** The error `send` gives for an answer longer than `maxResponseBytes`. */
export const TOO_LARGE = 'RESPONSE_TOO_LARGE';

export function header(headers: IncomingHttpHeaders, name: string): string | null {
  const v = headers[name];
  return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
}

/**
 * A direct keep-alive agent, or — when a proxy variable is set and NO_PROXY does not list the host —
 * one through the proxy (loaded lazily, so a run without a proxy pays nothing for the option).
 */
export function selectTransport(
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

/** Closes the idle keep-alive sockets, once the transport is chosen. */
export function closeTransport(transport: Transport | Promise<Transport>): void {
  if (transport instanceof Promise)
    void transport.then(
      (t) => t.agent.destroy(),
      () => {},
    );
  else transport.agent.destroy();
}

/**
 * The request's headers, and the values among them that are credentials (to be hidden from any
 * text the server echoes back).
 */
export async function requestHeaders(
  tokenProvider: TokenProvider,
  hasBody: boolean,
): Promise<{ headers: Record<string, string>; secrets: string[] }> {
  const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': USER_AGENT };
  if (hasBody) headers['Content-Type'] = 'application/json';
  const secrets: string[] = [];
  const extra = tokenProvider.headers ? await tokenProvider.headers() : {};
  for (const [k, v] of Object.entries(extra)) {
    headers[k] = v;
    secrets.push(v);
  }
  const token = await tokenProvider.token();
  if (token !== '') {
    headers.Authorization = `Bearer ${token}`;
    secrets.push(token);
  }
  return { headers, secrets };
}

export interface Exchange {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body: string | Buffer | undefined;
  timeoutMs: number;
  maxResponseBytes: number;
}

/**
 * Sends the request and reads the whole answer; the body is read under the same timeout, since an
 * answer cut off mid-body is a lost answer. A failure says whether the timeout caused it.
 */
export async function exchange(
  transport: Transport | Promise<Transport>,
  request: Exchange,
): Promise<{ ok: true; answer: RawAnswer } | { ok: false; error: unknown; timedOut: boolean }> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  try {
    return { ok: true, answer: await send(await transport, request, controller.signal) };
  } catch (error) {
    return { ok: false, error, timedOut };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One HTTP exchange on the keep-alive agent; redirects are not followed. This is node:http
 * directly rather than a fetch implementation: node-fetch allocated ~100 KB of short-lived
 * objects per request (Headers, stream pipelines, listeners), and at 10,000 notebook uploads that
 * garbage, promoted while requests were in flight, grew the heap to 250+ MB for a live set of
 * ~35 MB (bench/RESULTS.md, "Memory").
 */
function send({ agent, sendRequest }: Transport, request: Exchange, signal: AbortSignal): Promise<RawAnswer> {
  const { method, url, headers, body, maxResponseBytes } = request;
  return new Promise<RawAnswer>((resolve, reject) => {
    const outgoing = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    if (outgoing) headers['Content-Length'] = String(outgoing.length);
    const req = sendRequest(url, { method, headers, agent, signal }, (res) => {
      const chunks: Buffer[] = [];
      let ended = false;
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxResponseBytes) {
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
