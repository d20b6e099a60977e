/**
 * Hostile answers over real HTTP: a huge answer is cut off at the size cap with a clear error (and
 * only that call fails), a closed port is named with scheme, host and port and fails within the
 * deadline, a server echoing a secret is redacted before its text becomes an error.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthTransportError, authRequest } from '../../src/core/auth/fetch.js';
import { patProvider } from '../../src/core/auth/pat.js';
import {
  DatabricksClient,
  DatabricksError,
  DEFAULT_MAX_RESPONSE_BYTES,
  isUnreachable,
} from '../../src/core/client/index.js';
import { Redactor } from '../../src/core/redact.js';
import {
  closedPort,
  echoBodyInError,
  type HostileProxy,
  hostileProxy,
  streamHuge,
} from '../helpers/hostile-proxy.js';
import { type Harness, harness } from './helpers.js';

let h: Harness;
let proxy: HostileProxy | undefined;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await h.close();
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

function clientFor(host: string, extra: Partial<ConstructorParameters<typeof DatabricksClient>[0]> = {}) {
  const client = new DatabricksClient({
    region: 'primary',
    host,
    tokenProvider: patProvider(h.ws.token),
    rateLimits: 'off',
    backoffBaseMs: 5,
    backoffCapMs: 20,
    ...extra,
  });
  h.clients.push(client);
  return client;
}

async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('a huge answer', () => {
  it('fails that call at the cap, once (no retry), and the next call on the same client works', async () => {
    let written = 0;
    proxy = await hostileProxy(h.ws.url, async (req, res) => {
      if (!req.url.startsWith('/api/2.0/workspace/list')) return false;
      written = await streamHuge(res, 50 * 1024 * 1024);
      return true;
    });
    const client = clientFor(proxy.url, { maxResponseBytes: 2 * 1024 * 1024 });

    const e = (await caught(() => client.workspace.list('/Shared'))) as DatabricksError;

    expect(e).toBeInstanceOf(DatabricksError);
    expect(e.errorCode).toBe('RESPONSE_TOO_LARGE');
    expect(e.userMessage).toContain('the answer to GET /api/2.0/workspace/list exceeded 2 MB');
    expect(isUnreachable(e)).toBe(false);
    expect(proxy.seen.filter((r) => r.url.startsWith('/api/2.0/workspace/list'))).toHaveLength(1);
    // The client hung up long before the 50 MB were sent.
    expect(written).toBeLessThan(20 * 1024 * 1024);
    await expect(client.jobs.listAll()).resolves.toEqual(expect.any(Array));
  });

  it('is capped at 64 MB by default: hundreds of MB never reach memory as one string', async () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(64 * 1024 * 1024);
    let written = 0;
    proxy = await hostileProxy(h.ws.url, async (req, res) => {
      if (!req.url.startsWith('/api/2.2/jobs/list')) return false;
      written = await streamHuge(res, 600 * 1024 * 1024);
      return true;
    });
    const client = clientFor(proxy.url);

    const e = (await caught(() => client.jobs.listAll())) as DatabricksError;

    expect(e.errorCode).toBe('RESPONSE_TOO_LARGE');
    expect(e.userMessage).toContain('exceeded 64 MB');
    expect(written).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('a huge answer from an identity provider', () => {
  it('fails the token request at its cap (1 MB by default), without retrying', async () => {
    proxy = await hostileProxy(h.ws.url, async (_req, res) => {
      await streamHuge(res, 10 * 1024 * 1024);
      return true;
    });
    const e = await caught(() =>
      authRequest(
        `${proxy!.url}/oidc/v1/token`,
        { method: 'POST', body: 'grant_type=x' },
        { sleep: async () => {} },
      ),
    );
    expect(e).toBeInstanceOf(AuthTransportError);
    expect((e as AuthTransportError).code).toBe('RESPONSE_TOO_LARGE');
    expect((e as Error).message).toBe('the answer to POST exceeded 1 MB');
    expect(proxy.seen).toHaveLength(1);
  });
});

describe('an unreachable host', () => {
  it('is named with scheme, host and port, and fails within the deadline', async () => {
    const port = await closedPort();
    const client = clientFor(`http://127.0.0.1:${port}`, { deadlineMs: 1500 });
    const started = Date.now();

    const e = (await caught(() => client.jobs.listAll())) as DatabricksError;

    expect(Date.now() - started).toBeLessThan(5000);
    expect(isUnreachable(e)).toBe(true);
    expect(e.userMessage).toContain(`could not connect to http://127.0.0.1:${port} (ECONNREFUSED)`);
    expect(e.userMessage).not.toMatch(/\.[;.]/);
    expect(clientFor('https://adb-1.azuredatabricks.net').http.endpoint).toBe(
      'https://adb-1.azuredatabricks.net:443',
    );
  });
});

describe('an answer that echoes what it was sent', () => {
  it('never turns a secret into error text, in any form the redactor knows', async () => {
    const secret = 'hunter2-"quoted"\\-Sécret-value';
    proxy = await hostileProxy(h.ws.url, echoBodyInError('/api/2.0/secrets/put'));
    const redactor = new Redactor([secret]);
    const client = clientFor(proxy.url, { redact: (t) => redactor.redact(t) });

    const e = (await caught(() => client.secrets.putSecret('app', 'key', secret))) as DatabricksError;

    expect(e.errorCode).toBe('INVALID_PARAMETER_VALUE');
    expect(e.userMessage).toContain('cannot store');
    for (const text of [e.message, e.userMessage, e.serverMessage]) {
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain(Buffer.from(secret).toString('base64').slice(4, 20));
      expect(text).not.toContain(encodeURIComponent('hunter2-'));
    }
  });
});
