/** Shared helpers for the emulator tests: real HTTP with fetch against a started emulator. */
import type { EmulatedWorkspace } from '../../src/emulator/index.js';

export interface Reply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are probed field by field
  body: any;
  text: string;
}

/** Calls the workspace's API with its token (or `token`, or none when null); parses JSON replies. */
export async function call(
  ws: EmulatedWorkspace,
  method: string,
  path: string,
  body?: unknown,
  options: { token?: string | null; headers?: Record<string, string>; raw?: string | Uint8Array } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? ws.token : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let payload: string | Uint8Array | undefined = options.raw;
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${ws.url}${path}`, { method, headers, body: payload });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

export const get = (ws: EmulatedWorkspace, path: string) => call(ws, 'GET', path);
export const post = (ws: EmulatedWorkspace, path: string, body: unknown = {}) => call(ws, 'POST', path, body);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns true (for the lazy state machines), failing after `ms`. */
export async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

export const b64 = (s: string) => Buffer.from(s).toString('base64');
export const unb64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');
