import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedWorkspace, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { call, get, post } from './helpers.js';

let emulator: Emulator;
let ws: EmulatedWorkspace;

beforeAll(async () => {
  emulator = await startEmulator({
    workspaces: [{ name: 'primary' }, { name: 'secondary' }],
    rateLimits: 'off',
  });
  ws = emulator.workspace('primary');
});
afterAll(() => emulator.stop());

const admin = async (w: EmulatedWorkspace, method: string, path: string, body?: unknown) =>
  call(w, method, `/__emulator/${path}`, body, { token: null });

describe('workspaces', () => {
  it('serves each workspace on its own port with distinct ids', async () => {
    const [a, b] = emulator.workspaces;
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.url).not.toBe(b.url);
    expect(a.token).toBe('dapi-emulator');
    const ja = await post(a, '/api/2.2/jobs/create', { name: 'x' });
    const jb = await post(b, '/api/2.2/jobs/create', { name: 'x' });
    expect(ja.body.job_id).not.toBe(jb.body.job_id);
    expect(ja.body.job_id).toBeLessThan(2 ** 53);
    expect(() => emulator.workspace('nope')).toThrow(/nope/);
  });

  it('answers SCIM Me and the host metadata', async () => {
    const me = await get(ws, '/api/2.0/preview/scim/v2/Me');
    expect(me.status).toBe(200);
    expect(me.body.userName).toBe('emulator@example.com');
    const meta = await call(ws, 'GET', '/.well-known/databricks-config', undefined, { token: null });
    expect(meta.status).toBe(200);
    expect(meta.body.workspace_id).toMatch(/^\d+$/);
    expect(meta.body.oidc_endpoint).toBe(`${ws.url}/oidc`);
  });
});

describe('auth', () => {
  it('answers a request without a credential with 401 and an integer error_code', async () => {
    const r = await call(ws, 'GET', '/api/2.2/jobs/list', undefined, { token: null });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({
      error_code: 401,
      message: 'Credential was not sent or was of an unsupported type for this API.',
    });
    const basic = await call(ws, 'GET', '/api/2.2/jobs/list', undefined, {
      token: null,
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(basic.status).toBe(401);
  });

  it('answers an unknown token with 403 and the reason-phrase header', async () => {
    const r = await call(ws, 'GET', '/api/2.2/jobs/list', undefined, { token: 'dapi-wrong' });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ error_code: 403, message: 'Invalid access token.' });
    expect(r.headers.get('x-databricks-reason-phrase')).toBe('Invalid access token.');
  });

  it('accepts tokens added through addToken and the admin API', async () => {
    ws.addToken('dapi-extra', 'pat');
    expect((await call(ws, 'GET', '/api/2.2/jobs/list', undefined, { token: 'dapi-extra' })).status).toBe(
      200,
    );
    expect((await admin(ws, 'POST', 'tokens', { token: 'eyJ-entra', kind: 'entra' })).status).toBe(200);
    expect((await call(ws, 'GET', '/api/2.2/jobs/list', undefined, { token: 'eyJ-entra' })).status).toBe(200);
    expect((await admin(ws, 'POST', 'tokens', { token: 'x', kind: 'other' })).status).toBe(400);
  });
});

describe('error envelope', () => {
  it('answers unknown routes with 404 ENDPOINT_NOT_FOUND', async () => {
    const r = await get(ws, '/api/2.0/nothing/here');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({
      error_code: 'ENDPOINT_NOT_FOUND',
      message: expect.stringContaining('/api/2.0/nothing/here'),
    });
    expect((await get(ws, '/api/2.2/jobs/create')).status).toBe(404);
  });

  it('answers bad JSON with 400 MALFORMED_REQUEST', async () => {
    const r = await call(ws, 'POST', '/api/2.2/jobs/create', undefined, {
      raw: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe('MALFORMED_REQUEST');
    const arr = await call(ws, 'POST', '/api/2.2/jobs/create', undefined, { raw: '[1]' });
    expect(arr.body.error_code).toBe('MALFORMED_REQUEST');
  });

  it('never sends details and always a string error_code + message', async () => {
    const r = await post(ws, '/api/2.1/clusters/create', {});
    expect(Object.keys(r.body).sort()).toEqual(['error_code', 'message']);
    expect(r.body.message).toContain('spark_version');
  });
});

describe('rate limits', () => {
  it('answers over-limit requests with 429 REQUEST_LIMIT_EXCEEDED and an integer Retry-After', async () => {
    const e = await startEmulator({ workspaces: [{ name: 'rl' }], rateLimits: { jobs: 2 } });
    try {
      const w = e.workspace('rl');
      const statuses: number[] = [];
      let limited: Awaited<ReturnType<typeof get>> | undefined;
      for (let i = 0; i < 4; i++) {
        const r = await get(w, '/api/2.2/jobs/list');
        statuses.push(r.status);
        if (r.status === 429) limited = r;
      }
      expect(statuses.slice(0, 2)).toEqual([200, 200]);
      expect(limited?.body).toMatchObject({ error_code: 'REQUEST_LIMIT_EXCEEDED' });
      expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
      // Families are separate buckets: clusters have no documented limit.
      expect((await get(w, '/api/2.1/clusters/list')).status).toBe(200);
      expect(w.requests().some((r) => r.status === 429)).toBe(true);
    } finally {
      await e.stop();
    }
  });

  it('uses the documented limits by default (workspace delete: 2/s)', async () => {
    const e = await startEmulator({ workspaces: [{ name: 'rl2' }] });
    try {
      const w = e.workspace('rl2');
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await post(w, '/api/2.0/workspace/delete', { path: '/nope' })).status);
      expect(statuses).toContain(429);
    } finally {
      await e.stop();
    }
  });
});

describe('faults', () => {
  it('injects 429 and 503 in the three body forms', async () => {
    ws.setFaults({
      rules: [
        { fault: '429', path: '/api/2.2/jobs/list', times: 1, retry_after: 3 },
        { fault: '429', path: '/api/2.2/jobs/list', times: 1, body: 'empty' },
        { fault: '503', path: '/api/2.2/jobs/list', times: 1, body: 'int-code' },
        { fault: '503', path: '/api/2.2/jobs/list', times: 1 },
      ],
    });
    const a = await get(ws, '/api/2.2/jobs/list');
    expect(a.status).toBe(429);
    expect(a.body).toMatchObject({ error_code: 'REQUEST_LIMIT_EXCEEDED' });
    expect(a.headers.get('retry-after')).toBe('3');
    const b = await get(ws, '/api/2.2/jobs/list');
    expect(b.status).toBe(429);
    expect(b.text).toBe('');
    const c = await get(ws, '/api/2.2/jobs/list');
    expect(c.status).toBe(503);
    expect(c.body).toMatchObject({ error_code: 503 });
    const d = await get(ws, '/api/2.2/jobs/list');
    expect(d.body).toMatchObject({ error_code: 'TEMPORARILY_UNAVAILABLE' });
    expect((await get(ws, '/api/2.2/jobs/list')).status).toBe(200);
    ws.setFaults(undefined);
  });

  it('resets the connection without applying the request', async () => {
    ws.setFaults({ rules: [{ fault: 'reset', method: 'POST', path: '/api/2.2/jobs/create', times: 1 }] });
    await expect(post(ws, '/api/2.2/jobs/create', { name: 'reset-me' })).rejects.toThrow();
    const list = await get(ws, '/api/2.2/jobs/list?name=reset-me');
    expect(list.body.jobs).toBeUndefined();
    ws.setFaults(undefined);
  });

  it('loses the response of an applied request', async () => {
    ws.clearRequests();
    ws.setFaults({ rules: [{ fault: 'lost', method: 'POST', path: '/api/2.2/jobs/*', times: 1 }] });
    await expect(post(ws, '/api/2.2/jobs/create', { name: 'lost-me' })).rejects.toThrow();
    const list = await get(ws, '/api/2.2/jobs/list?name=lost-me');
    expect(list.body.jobs).toHaveLength(1);
    expect(ws.requests()[0]).toMatchObject({
      path: '/api/2.2/jobs/create',
      status: 200,
      fault: 'lost',
      mutation: true,
    });
    ws.setFaults(undefined);
  });

  it('draws probabilistic faults from the seed, reproducibly', async () => {
    const pattern = async () => {
      ws.setFaults({ seed: 7, rules: [{ fault: '503', p: 0.5, path: '/api/2.2/jobs/*' }] });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await get(ws, '/api/2.2/jobs/list')).status);
      return out;
    };
    const first = await pattern();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await pattern()).toEqual(first);
    ws.setFaults(undefined);
  });

  it('matches method and path; admin API is never faulted', async () => {
    ws.setFaults({ rules: [{ fault: '503', method: 'POST', path: '/api/2.2/jobs/create' }] });
    expect((await get(ws, '/api/2.2/jobs/list')).status).toBe(200);
    expect((await post(ws, '/api/2.2/jobs/create', {})).status).toBe(503);
    expect((await admin(ws, 'GET', 'requests')).status).toBe(200);
    ws.setFaults(undefined);
  });

  it('takes rules through the admin API and validates them', async () => {
    expect((await admin(ws, 'POST', 'faults', { rules: [{ fault: 'boom' }] })).body.message).toMatch(/fault/);
    expect((await admin(ws, 'POST', 'faults', { rules: [{ fault: '429', times: 1 }] })).status).toBe(200);
    expect((await get(ws, '/api/2.2/jobs/list')).status).toBe(429);
    expect((await get(ws, '/api/2.2/jobs/list')).status).toBe(200);
    expect((await admin(ws, 'POST', 'faults', { rules: [] })).status).toBe(200);
  });

  it('rejects an invalid fault spec at start', async () => {
    await expect(
      startEmulator({ workspaces: [{ name: 'x' }], faults: { rules: [{ fault: '429', p: 2 }] } }),
    ).rejects.toThrow(/p must be/);
  });
});

describe('admin API', () => {
  it('logs requests and clears the log', async () => {
    await admin(ws, 'DELETE', 'requests');
    await get(ws, '/api/2.2/jobs/list');
    await post(ws, '/api/2.0/workspace/mkdirs', { path: '/Shared/logged' });
    const log = (await admin(ws, 'GET', 'requests')).body;
    expect(log).toEqual([
      { method: 'GET', path: '/api/2.2/jobs/list', status: 200, mutation: false, ms: expect.any(Number) },
      {
        method: 'POST',
        path: '/api/2.0/workspace/mkdirs',
        status: 200,
        mutation: true,
        ms: expect.any(Number),
        // A Workspace API write names the object it wrote.
        object: '/Shared/logged',
      },
    ]);
    expect(ws.requests()).toHaveLength(2);
    ws.clearRequests();
    expect((await admin(ws, 'GET', 'requests')).body).toEqual([]);
  });

  it('returns the state document', async () => {
    const state = (await admin(ws, 'GET', 'state')).body;
    expect(state.objects['/Shared/logged'].object_type).toBe('DIRECTORY');
    expect(ws.state().objects['/Shared/logged']).toBeDefined();
    // A deep copy: changing it does not change the workspace.
    const copy = ws.state();
    delete copy.objects['/Shared/logged'];
    expect(ws.state().objects['/Shared/logged']).toBeDefined();
  });

  it('puts the workspace read-only: writes get 403 PERMISSION_DENIED, reads work', async () => {
    expect((await admin(ws, 'POST', 'read-only', { enabled: true })).status).toBe(200);
    const w = await post(ws, '/api/2.2/jobs/create', { name: 'ro' });
    expect(w.status).toBe(403);
    expect(w.body.error_code).toBe('PERMISSION_DENIED');
    expect((await get(ws, '/api/2.2/jobs/list')).status).toBe(200);
    ws.setReadOnly(false);
    expect((await post(ws, '/api/2.2/jobs/create', { name: 'rw' })).status).toBe(200);
  });

  it('simulates an outage: /api connections drop, the admin API answers', async () => {
    expect((await admin(ws, 'POST', 'outage', { down: true })).status).toBe(200);
    await expect(get(ws, '/api/2.2/jobs/list')).rejects.toThrow();
    expect((await admin(ws, 'GET', 'state')).status).toBe(200);
    expect((await admin(ws, 'POST', 'outage', { down: false })).status).toBe(200);
    expect((await get(ws, '/api/2.2/jobs/list')).status).toBe(200);
    expect((await admin(ws, 'POST', 'outage', { down: 'yes' })).status).toBe(400);
  });

  it('answers unknown admin routes with 404', async () => {
    expect((await admin(ws, 'GET', 'nothing')).status).toBe(404);
  });
});

describe('latency and keep-alive', () => {
  it('adds latency to /api requests but not to the admin API', async () => {
    const e = await startEmulator({ workspaces: [{ name: 'slow' }], latencyMs: 40 });
    try {
      const w = e.workspace('slow');
      await get(w, '/api/2.2/jobs/list');
      // Lower bound only: the delay is a sleep, so it can only take longer.
      expect(w.requests()[0].ms).toBeGreaterThanOrEqual(39);
    } finally {
      await e.stop();
    }
  });

  it('serves several requests over one keep-alive connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const once = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = request(
          `${ws.url}/api/2.2/jobs/list`,
          { agent, headers: { authorization: `Bearer ${ws.token}` } },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
          },
        );
        req.on('error', reject);
        req.end();
      });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await once());
    agent.destroy();
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.slice(1).every((r) => r.reused)).toBe(true);
  });
});

describe('persistence and restart', () => {
  it('stops and restarts one workspace on the same port with the same state', async () => {
    const e = await startEmulator({ workspaces: [{ name: 'a' }, { name: 'b' }] });
    try {
      const a = e.workspace('a');
      const url = a.url;
      const job = await post(a, '/api/2.2/jobs/create', { name: 'kept' });
      await a.stop();
      await expect(get(a, '/api/2.2/jobs/list')).rejects.toThrow();
      expect((await get(e.workspace('b'), '/api/2.2/jobs/list')).status).toBe(200);
      await a.restart();
      expect(a.url).toBe(url);
      expect((await get(a, `/api/2.2/jobs/get?job_id=${job.body.job_id}`)).body.settings.name).toBe('kept');
    } finally {
      await e.stop();
    }
  });

  it('keeps state across emulator processes with stateDir (atomic file, flushed on stop)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-state-'));
    try {
      const first = await startEmulator({ workspaces: [{ name: 'primary' }], stateDir: dir });
      const w1 = first.workspace('primary');
      const job = await post(w1, '/api/2.2/jobs/create', { name: 'persisted' });
      await post(w1, '/api/2.0/secrets/scopes/create', { scope: 'kept-scope' });
      await first.stop();
      expect(existsSync(join(dir, 'primary.json'))).toBe(true);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const saved = JSON.parse(readFileSync(join(dir, 'primary.json'), 'utf8'));
      expect(saved.jobs[String(job.body.job_id)].settings.name).toBe('persisted');

      const second = await startEmulator({ workspaces: [{ name: 'primary' }], stateDir: dir });
      try {
        const w2 = second.workspace('primary');
        expect((await get(w2, `/api/2.2/jobs/get?job_id=${job.body.job_id}`)).body.settings.name).toBe(
          'persisted',
        );
        expect((await get(w2, '/api/2.0/secrets/scopes/list')).body.scopes[0].name).toBe('kept-scope');
        // Fresh ids do not collide with restored ones.
        const next = await post(w2, '/api/2.2/jobs/create', { name: 'new' });
        expect(next.body.job_id).toBeGreaterThan(job.body.job_id);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails to start on a port that is taken', async () => {
    const port = Number(new URL(ws.url).port);
    await expect(startEmulator({ workspaces: [{ name: 'clash', port }] })).rejects.toThrow(/EADDRINUSE/);
  });
});
