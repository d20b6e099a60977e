/**
 * A real forward proxy for tests (the npm package `proxy`), and the CLI run from the sources in a
 * fresh process — the proxy variables are read from the process environment, so a test that sets
 * them needs a process of its own.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createProxy, type ProxyServer } from 'proxy';

const hooks = fileURLToPath(new URL('../emulator/ts-hooks.mjs', import.meta.url));
const cliEntry = fileURLToPath(new URL('../../src/cli/index.ts', import.meta.url));

export interface TestProxy {
  url: string;
  /** `GET http://host:port/path` for forwarded requests, `CONNECT host:port` for tunnels. */
  seen: string[];
  close(): Promise<void>;
}

export async function startProxy(options: { refuse?: boolean } = {}): Promise<TestProxy> {
  const server: ProxyServer = createProxy(createServer());
  const seen: string[] = [];
  server.on('request', (req) => seen.push(`${req.method} ${req.url}`));
  server.on('connect', (req) => seen.push(`CONNECT ${req.url}`));
  if (options.refuse) server.authenticate = () => false;
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

/** The parent's environment without proxy variables or anything that steers authentication. */
function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(AZURE_|ACTIONS_ID_TOKEN|SYSTEM_|NODE_EXTRA_CA_CERTS|NODE_OPTIONS|DATABRICKS_)/.test(k)) continue;
    if (/^(https?|all|no)_proxy$/i.test(k)) continue;
    env[k] = v;
  }
  return env;
}

export function cli(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--experimental-transform-types', '--no-warnings', '--import', hooks, cliEntry, ...args],
      { cwd, env: { ...baseEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (c) => {
      output += c;
    });
    child.stderr.on('data', (c) => {
      output += c;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** `host:port` of a URL. */
export const hostPort = (url: string) => new URL(url).host;
