/**
 * Outbound HTTP proxies, the way corporate networks configure them: `HTTPS_PROXY` / `HTTP_PROXY`
 * (`ALL_PROXY` as a fallback) and `NO_PROXY`, lower-case forms first, as curl reads them. Every
 * request the engine sends itself goes through here — the workspaces (client/http.ts) and the auth
 * calls (auth/fetch.ts: GitHub's and Azure DevOps' ID-token endpoints, Databricks' token exchange);
 * `@azure/identity` reads the same variables itself (its core pipeline's proxy policy).
 *
 * The proxy for a URL and the NO_PROXY rules come from `proxy-from-env`, the tunnels from
 * `https-proxy-agent` (CONNECT for https://) and `http-proxy-agent` (absolute-URI requests for
 * http://). They are imported only when a proxy variable is set: a run without a proxy — every
 * GitHub-hosted runner — loads none of it (an action's cold start is measured in bench/).
 */
import type { Agent, AgentOptions, ClientRequest } from 'node:http';

/** Variables that can name a proxy; NO_PROXY alone changes nothing. */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'all_proxy', 'ALL_PROXY'];

/** Whether any proxy variable is set (a cheap check before loading the proxy libraries). */
export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_VARIABLES.some((name) => (env[name] ?? '').trim() !== '');
}

/** The proxy URL for messages: scheme, host and port — never a user name or password. */
export function describeProxy(proxy: string): string {
  try {
    const url = new URL(proxy);
    return `${url.protocol}//${url.host}`;
  } catch {
    return '(an unparsable proxy URL)';
  }
}

/** A proxy that answered the tunnel or the request with a refusal (407, 403, …) instead of passing it on. */
export class ProxyRefusedError extends Error {
  override name = 'ProxyRefusedError';
  readonly code = 'PROXY_REFUSED';
  constructor(
    readonly proxy: string,
    readonly status: number,
    statusText: string,
  ) {
    super(proxyRefusalMessage(proxy, status, statusText));
  }
}

export function proxyRefusalMessage(proxy: string, status: number, statusText: string): string {
  const answer = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  const hint =
    status === 407
      ? 'it wants credentials: put them in the proxy URL (http://user:password@proxy:port) of HTTPS_PROXY / HTTP_PROXY'
      : 'ask for the host to be allowed through the proxy, or list it in NO_PROXY if it is reachable directly';
  return `the proxy ${describeProxy(proxy)} refused the request (${answer}): ${hint}`;
}

export interface ProxiedAgent {
  agent: Agent;
  /** The proxy as `describeProxy` gives it. */
  proxy: string;
}

/** Node's agent options plus TLS trust for the target (passed through to the tunnelled TLS). */
export type ProxyAgentOptions = AgentOptions & { ca?: string | string[] };

/**
 * The agent that reaches `url` through the configured proxy, or undefined when no proxy applies
 * (none set, or NO_PROXY lists the host). A tunnel the proxy refuses fails the request with a
 * ProxyRefusedError instead of handing the proxy's answer on as if the server had sent it.
 */
export async function proxyAgentFor(
  url: string,
  options: ProxyAgentOptions = {},
): Promise<ProxiedAgent | undefined> {
  if (!proxyConfigured()) return undefined;
  const { getProxyForUrl } = await import('proxy-from-env');
  const proxy = getProxyForUrl(url);
  if (!proxy) return undefined;
  let agent: Agent;
  if (url.startsWith('https:')) {
    const { HttpsProxyAgent } = await import('https-proxy-agent');
    agent = new HttpsProxyAgent(proxy, options);
  } else {
    const { HttpProxyAgent } = await import('http-proxy-agent');
    agent = new HttpProxyAgent(proxy, options);
  }
  // https-proxy-agent replays a refused CONNECT's answer to the request as if the server had sent
  // it (and sends the request nowhere); fail the request instead, naming the proxy.
  agent.on('proxyConnect', (connect: { statusCode?: number; statusText?: string }, req: ClientRequest) => {
    if (connect.statusCode !== undefined && connect.statusCode !== 200)
      req.destroy(new ProxyRefusedError(proxy, connect.statusCode, connect.statusText ?? ''));
  });
  return { agent, proxy: describeProxy(proxy) };
}
