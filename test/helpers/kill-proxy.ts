/**
 * A proxy in front of an emulated workspace that kills a spawned command with SIGKILL when the
 * request marking a point arrives: the tool under test knows nothing of it.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The request that marks a kill point: the `nth` matching one (1-based). Without a method and
 * path, every request that changes state (anything but GET under /api/) matches.
 */
export interface KillPoint {
  method?: string;
  path?: string;
  /** Only requests whose JSON body passes this count. */
  body?: (body: Record<string, unknown>) => boolean;
  nth?: number;
  /** Whether the request still reaches the workspace (sent just before the process died). */
  forward: boolean;
}

function matches(point: KillPoint, method: string, pathname: string): boolean {
  if (point.method === undefined && point.path === undefined)
    return method !== 'GET' && pathname.startsWith('/api/');
  return method === point.method && pathname === point.path;
}

/**
 * Forwards everything to a workspace; when the kill point's request arrives, SIGKILLs the deploy
 * and then forwards that request or not. Requests in flight at that moment reach the workspace as
 * they would have.
 */
export class KillProxy {
  private server: Server;
  private seen = 0;
  private inFlight = new Set<Promise<unknown>>();
  killed = false;
  child?: ChildProcess;

  private constructor(
    private readonly target: string,
    private readonly point: KillPoint | undefined,
  ) {
    this.server = createServer((req, res) => {
      const done = this.handle(req).then(
        (answer) => {
          if (!answer) return res.destroy();
          // Retry-After is passed on: the client's waits are the workspace's, not the proxy's.
          const retryAfter = answer.retryAfter ? { 'retry-after': answer.retryAfter } : {};
          res.writeHead(answer.status, { 'content-type': 'application/json', ...retryAfter });
          res.end(answer.text);
        },
        () => res.destroy(),
      );
      this.inFlight.add(done);
      void done.finally(() => this.inFlight.delete(done));
    });
  }

  static async start(target: string, point?: KillPoint): Promise<KillProxy> {
    const proxy = new KillProxy(target, point);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; text: string; retryAfter?: string } | undefined> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const p = this.point;
    const url = new URL(req.url ?? '/', this.target);
    if (p && !this.killed && matches(p, req.method ?? 'GET', url.pathname)) {
      const json = () =>
        body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
      if (!p.body || p.body(json())) {
        this.seen++;
        if (this.seen === (p.nth ?? 1)) {
          this.killed = true;
          this.child?.kill('SIGKILL');
          if (!p.forward) return undefined;
        }
      }
    }
    const headers: Record<string, string> = {};
    for (const h of ['authorization', 'content-type', 'user-agent'])
      if (typeof req.headers[h] === 'string') headers[h] = req.headers[h] as string;
    const res = await fetch(url, {
      method: req.method,
      headers,
      body: req.method === 'GET' ? undefined : body,
    });
    return {
      status: res.status,
      text: await res.text(),
      retryAfter: res.headers.get('retry-after') ?? undefined,
    };
  }

  /** Waits until every request that reached the proxy has reached the workspace. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
