/**
 * The few HTTP calls authentication makes itself (GitHub's and Azure DevOps' ID-token endpoints,
 * Databricks' `/oidc/v1/token`): node-fetch like the REST client, a per-attempt timeout, a couple
 * of retries for what is plainly transient (no connection, 429, 5xx — these endpoints are
 * idempotent), and extra trusted CAs when the caller gives them (an emulator, a private cloud).
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply as to every other request (../proxy.ts).
 *
 * URLs never appear in messages: GitHub's ID-token URL carries per-job identifiers.
 */
import { Agent as HttpsAgent } from 'node:https';
import { getCACertificates, rootCertificates } from 'node:tls';
import fetch, { type RequestInit } from 'node-fetch';
import { type ProxiedAgent, proxyAgentFor, proxyConfigured, proxyRefusalMessage } from '../proxy.js';

export interface AuthHttpOptions {
  /** Extra CA certificates (PEM) to trust on top of the process's defaults. */
  ca?: readonly string[];
  /** Per-attempt timeout in ms. Default 30 000. */
  timeoutMs?: number;
  /** The largest answer read, in bytes (a token answer is a few KB). Default 1 MB. */
  maxResponseBytes?: number;
  /** Attempts for transient failures. Default 3. */
  attempts?: number;
  /** Injectable wait between attempts (tests). */
  sleep?: (ms: number) => Promise<void>;
}

/** The transport settings of the auth calls, from the provider options. */
export function authHttpOptions(options: {
  ca?: string | readonly string[];
  timeoutMs?: number;
}): AuthHttpOptions {
  const ca = options.ca === undefined ? [] : typeof options.ca === 'string' ? [options.ca] : [...options.ca];
  return { ca, timeoutMs: options.timeoutMs };
}

export interface AuthHttpRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface AuthHttpResponse {
  status: number;
  text: string;
}

/** A request that got no HTTP answer; `code` is Node's (ECONNREFUSED, SELF_SIGNED_CERT_IN_CHAIN…). */
export class AuthTransportError extends Error {
  override name = 'AuthTransportError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

export function isTlsTrustCode(code: string): boolean {
  return TLS_CODE.test(code);
}

/**
 * The CA list for `ca`: the process's defaults (which include NODE_EXTRA_CA_CERTS and, where
 * enabled, the system store) plus the extra ones. Giving `ca` replaces Node's defaults, hence the
 * copy. `getCACertificates` exists from Node 22.15; older 22.x falls back to the bundled roots.
 */
export function trustedCas(extra: readonly string[]): string[] {
  const defaults = typeof getCACertificates === 'function' ? getCACertificates('default') : rootCertificates;
  return [...defaults, ...extra];
}

const agents = new WeakMap<readonly string[], HttpsAgent>();
/** Proxy agents by proxy, scheme and CA list: one tunnel agent serves every call of its kind. */
const proxied = new Map<string, Promise<ProxiedAgent | undefined>>();
const caKeys = new WeakMap<readonly string[], number>();
let caKeyCount = 0;

async function proxyAgent(url: string, ca: readonly string[] | undefined): Promise<ProxiedAgent | undefined> {
  if (!proxyConfigured()) return undefined;
  const extra = ca && ca.length > 0 ? ca : undefined;
  if (extra && !caKeys.has(extra)) caKeys.set(extra, ++caKeyCount);
  // NO_PROXY is decided per host, so the host is part of the key.
  const key = `${new URL(url).origin} ${extra ? caKeys.get(extra) : '-'}`;
  let agent = proxied.get(key);
  if (!agent) {
    // No keep-alive, as below.
    agent = proxyAgentFor(url, { keepAlive: false, ...(extra ? { ca: trustedCas(extra) } : {}) });
    proxied.set(key, agent);
  }
  return agent;
}

function agentFor(url: string, ca: readonly string[] | undefined): HttpsAgent | undefined {
  if (!ca || ca.length === 0 || !url.startsWith('https:')) return undefined;
  let agent = agents.get(ca);
  if (!agent) {
    // No keep-alive: a handful of calls an hour, and idle sockets would hold a CLI process open.
    agent = new HttpsAgent({ ca: trustedCas(ca), keepAlive: false });
    agents.set(ca, agent);
  }
  return agent;
}

/** What an identity provider's answer may weigh: a token answer is a few KB. */
export const AUTH_MAX_RESPONSE_BYTES = 1024 * 1024;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function authRequest(
  url: string,
  request: AuthHttpRequest,
  options: AuthHttpOptions = {},
): Promise<AuthHttpResponse> {
  const attempts = options.attempts ?? 3;
  const sleep = options.sleep ?? defaultSleep;
  let last: AuthHttpResponse | AuthTransportError | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(500 * 2 ** (attempt - 2));
    last = await once(url, request, options);
    if (last instanceof AuthTransportError) {
      // Retrying will not make a certificate trusted, change a proxy's policy, nor make a huge
      // answer smaller.
      if (isTlsTrustCode(last.code) || last.code === 'PROXY_REFUSED' || last.code === 'RESPONSE_TOO_LARGE')
        throw last;
      continue;
    }
    if (last.status !== 429 && last.status < 500) return last;
  }
  if (last instanceof AuthTransportError) throw last;
  return last as AuthHttpResponse;
}

async function once(
  url: string,
  request: AuthHttpRequest,
  options: AuthHttpOptions,
): Promise<AuthHttpResponse | AuthTransportError> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000);
  const init: RequestInit = {
    method: request.method,
    headers: request.headers,
    signal: controller.signal,
    redirect: 'manual',
    size: options.maxResponseBytes ?? AUTH_MAX_RESPONSE_BYTES,
  };
  if (request.body !== undefined) init.body = request.body;
  const viaProxy = await proxyAgent(url, options.ca);
  const agent = viaProxy?.agent ?? agentFor(url, options.ca);
  if (agent) init.agent = agent;
  try {
    const res = await fetch(url, init);
    if (res.status === 407 && viaProxy)
      return new AuthTransportError(
        proxyRefusalMessage(viaProxy.proxy, 407, res.statusText),
        'PROXY_REFUSED',
      );
    return { status: res.status, text: await res.text() };
  } catch (e) {
    const err = e as Error & { code?: string; name: string; type?: string };
    if (err.name === 'AbortError') return new AuthTransportError('no answer within the timeout', 'TIMEOUT');
    if (err.type === 'max-size') {
      const mb = (options.maxResponseBytes ?? AUTH_MAX_RESPONSE_BYTES) / 1024 / 1024;
      return new AuthTransportError(
        `the answer to ${request.method} exceeded ${Math.round(mb * 10) / 10} MB`,
        'RESPONSE_TOO_LARGE',
      );
    }
    const code = err.code ?? (err as { erroredSysCall?: string }).erroredSysCall ?? 'NETWORK_ERROR';
    const raw = /reason: (.*)$/s.exec(err.message)?.[1] ?? err.message;
    // Our own refusal message names the proxy without credentials; any other may carry a URL.
    const reason = code === 'PROXY_REFUSED' ? raw : raw.replace(/https?:\/\/\S+/g, '<url>').trim();
    // A refusal already names the proxy; any other failure through one names it too.
    const via = viaProxy && code !== 'PROXY_REFUSED' ? ` (through the proxy ${viaProxy.proxy})` : '';
    return new AuthTransportError(reason + via, code);
  } finally {
    clearTimeout(timer);
  }
}

/** The body as a JSON object, or undefined. */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
