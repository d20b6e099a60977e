/**
 * A hostile stand-in for a workspace (or a proxy in front of one): forwards every request to the
 * real target (an emulated workspace) unless `answer` decides to answer itself — echoing the
 * request body in an error, streaming a huge body, and so on.
 */
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostileRequest {
  method: string;
  /** Path with the query string. */
  url: string;
  body: Buffer;
}

/** Answers the request itself (returning true), or lets it through to the target (false). */
export type Answer = (req: HostileRequest, res: ServerResponse) => boolean | Promise<boolean>;

export interface HostileProxy {
  url: string;
  /** Requests seen, in order. */
  seen: HostileRequest[];
  close(): Promise<void>;
}

export async function hostileProxy(target: string, answer: Answer): Promise<HostileProxy> {
  const seen: HostileRequest[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const r: HostileRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      body: Buffer.concat(chunks),
    };
    seen.push(r);
    if (await answer(r, res)) return;
    const upstream = request(
      new URL(r.url, target),
      { method: r.method, headers: { ...req.headers, host: new URL(target).host } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    upstream.end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on which nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Streams `totalBytes` of a JSON-looking body in 1 MB chunks, stopping when the client hangs up.
 * Resolves with the bytes actually written.
 */
export function streamHuge(res: ServerResponse, totalBytes: number): Promise<number> {
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write('{"objects":"');
  let sent = 0;
  return new Promise<number>((resolve) => {
    const pump = () => {
      while (sent < totalBytes && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end('"}');
      resolve(sent);
    };
    res.on('close', () => resolve(sent));
    pump();
  });
}

/**
 * Refuses every request to `pathPrefix` with a 400 whose message quotes the request body back as
 * written, base64-encoded (at whatever alignment a value falls) and URL-encoded: a workspace or a
 * proxy that echoes what it was sent. Other requests go through.
 */
export function echoBodyInError(pathPrefix: string): Answer {
  return (req, res) => {
    if (!req.url.startsWith(pathPrefix)) return false;
    const body = req.body.toString('utf8');
    res.writeHead(400, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        error_code: 'INVALID_PARAMETER_VALUE',
        message: `cannot store ${body}; base64 ${req.body.toString('base64')}; url ${encodeURIComponent(body)}`,
      }),
    );
    return true;
  };
}
