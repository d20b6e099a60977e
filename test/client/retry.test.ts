/** Retries, backoff, deadlines and lost answers, over real HTTP against the emulator. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { patProvider } from '../../src/core/auth/pat.js';
import {
  createAtMostOnce,
  DatabricksClient,
  DatabricksError,
  isUnreachable,
  OutcomeUnknownError,
} from '../../src/core/client/index.js';
import { caught, type Harness, harness, notebookTask } from './helpers.js';

let h: Harness;

beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

const jobCount = () => Object.keys(h.ws.state().jobs).length;
const statuses = (path: string) =>
  h.ws
    .requests()
    .filter((r) => r.path === path)
    .map((r) => r.status);

describe('429 and 503', () => {
  it('retries a 429 after Retry-After seconds', async () => {
    const { client, clock } = h.client();
    await client.jobs.create({ name: 'j', tasks: [notebookTask(1)] });
    h.ws.clearRequests();
    h.ws.setFaults({
      seed: 1,
      rules: [{ fault: '429', path: '/api/2.2/jobs/list', times: 2, retry_after: 1 }],
    });

    const jobs = await client.jobs.listAll();

    expect(jobs.map((j) => j.settings.name)).toEqual(['j']);
    expect(clock.retryWaits()).toEqual([1000, 1000]);
    expect(statuses('/api/2.2/jobs/list')).toEqual([429, 429, 200]);
    const stats = client.stats();
    expect(stats.retries).toBe(2);
    expect(stats.throttled).toBe(2);
    expect(stats.retriesByReason).toEqual({ '429': 2 });
  });

  it('retries a 503 after its Retry-After, whatever the backoff would say', async () => {
    const { client, clock } = h.client({ backoffBaseMs: 10 });
    h.ws.setFaults({ rules: [{ fault: '503', path: '/api/2.0/workspace/list', times: 1, retry_after: 3 }] });

    expect(await client.workspace.list('/')).toEqual(expect.any(Array));
    expect(clock.retryWaits()).toEqual([3000]);
    expect(statuses('/api/2.0/workspace/list')).toEqual([503, 200]);
  });

  it('retries a create answered 429 with an empty body: it was rejected, not applied', async () => {
    const { client, clock } = h.client();
    h.ws.setFaults({
      rules: [{ fault: '429', path: '/api/2.2/jobs/create', times: 1, body: 'empty', retry_after: 2 }],
    });

    const { job_id } = await client.jobs.create({ name: 'once', tasks: [notebookTask(1)] });

    expect(job_id).toBeGreaterThan(0);
    expect(jobCount()).toBe(1);
    expect(clock.retryWaits()).toEqual([2000]);
    expect(statuses('/api/2.2/jobs/create')).toEqual([429, 200]);
  });

  it('does not retry a create answered 503, with a body or without: it may have been applied', async () => {
    const { client } = h.client();
    h.ws.setFaults({
      rules: [
        { fault: '503', path: '/api/2.1/clusters/create', times: 1, body: 'int-code' },
        { fault: '503', path: '/api/2.0/secrets/scopes/create', times: 1, body: 'json' },
        { fault: 'applied-503', path: '/api/2.2/jobs/create', times: 1 },
      ],
    });

    const spec = { cluster_name: 'c', spark_version: '15.4.x-scala2.12', num_workers: 1 };
    await expect(client.clusters.create(spec)).rejects.toBeInstanceOf(OutcomeUnknownError);
    await expect(client.secrets.createScope({ scope: 's' })).rejects.toBeInstanceOf(OutcomeUnknownError);
    await expect(client.jobs.create({ name: 'once', tasks: [notebookTask(1)] })).rejects.toBeInstanceOf(
      OutcomeUnknownError,
    );

    expect(statuses('/api/2.1/clusters/create')).toEqual([503]);
    expect(statuses('/api/2.0/secrets/scopes/create')).toEqual([503]);
    // The gateway's empty 503 came after the job was made.
    expect(h.ws.requests().find((r) => r.path === '/api/2.2/jobs/create')).toMatchObject({
      status: 503,
      fault: 'applied-503',
    });
    expect(jobCount()).toBe(1);
    expect(client.stats().outcomeUnknown).toBe(3);
  });

  it('createAtMostOnce: looks the object up after a maybe-applied create and creates it only if absent', async () => {
    const { client } = h.client();
    h.ws.setFaults({
      rules: [
        { fault: 'applied-503', path: '/api/2.2/jobs/create', times: 1 },
        { fault: '503', path: '/api/2.0/secrets/scopes/create', times: 1, body: 'empty' },
      ],
    });
    const lookUps: string[] = [];
    const jobId = await createAtMostOnce({
      create: async () => (await client.jobs.create({ name: 'nightly', tasks: [notebookTask(1)] })).job_id,
      lookUp: async () => {
        lookUps.push('job');
        return (await client.jobs.listAll({ name: 'nightly' }))[0]?.job_id;
      },
    });
    await createAtMostOnce({
      create: () => client.secrets.createScope({ scope: 'app' }).then(() => true),
      lookUp: async () => {
        lookUps.push('scope');
        return (await client.secrets.listScopes()).some((s) => s.name === 'app') || undefined;
      },
    });

    // The job was applied before its 503: found, not created again. The scope was not: created once.
    expect(Object.values(h.ws.state().jobs).map((j) => j.job_id)).toEqual([jobId]);
    expect(statuses('/api/2.2/jobs/create')).toEqual([503]);
    expect(Object.keys(h.ws.state().scopes)).toEqual(['app']);
    expect(statuses('/api/2.0/secrets/scopes/create')).toEqual([503, 200]);
    expect(lookUps).toEqual(['job', 'scope']);
  });

  it('retries a create answered 503 REQUEST_LIMIT_EXCEEDED: the rate limiter refused it', async () => {
    let calls = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        calls++;
        res.writeHead(calls === 1 ? 503 : 200, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end(
          JSON.stringify(
            calls === 1
              ? { error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'too many creates' }
              : { job_id: 7 },
          ),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { client, clock } = h.client({ host: `http://127.0.0.1:${port}` });
      expect(await client.jobs.create({ name: 'j', tasks: [notebookTask(1)] })).toEqual({ job_id: 7 });
      expect(calls).toBe(2);
      expect(clock.retryWaits()).toEqual([1000]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('backoff and deadline', () => {
  it('retries a reset GET transparently with jittered exponential backoff', async () => {
    const { client, clock } = h.client({ backoffBaseMs: 200 });
    const { job_id } = await client.jobs.create({ name: 'j', tasks: [notebookTask(1)] });
    h.ws.setFaults({ rules: [{ fault: 'reset', path: '/api/2.2/jobs/get', times: 2 }] });

    const job = await client.jobs.get(job_id);

    expect(job.job_id).toBe(job_id);
    // random() = 0.5: half of 200·2^0, then half of 200·2^1.
    expect(clock.retryWaits()).toEqual([100, 200]);
    expect(h.ws.requests().filter((r) => r.fault === 'reset')).toHaveLength(2);
    expect(client.stats().retriesByReason).toEqual({ reset: 2 });
  });

  it('caps the backoff and throws the last error with the attempt count after the deadline', async () => {
    const { client, clock } = h.client({
      backoffBaseMs: 250,
      backoffCapMs: 1000,
      deadlineMs: 6000,
      random: () => 0.999,
    });
    h.ws.setFaults({ rules: [{ fault: 'reset', path: '/api/2.0/workspace/get-status' }] });

    const err = await caught(() => client.workspace.getStatus('/Shared'));

    expect(err).toBeInstanceOf(DatabricksError);
    const e = err as DatabricksError;
    const waits = clock.retryWaits();
    // 0.999 of 250, 500, 1000, then the cap holds.
    expect(waits.slice(0, 4)).toEqual([249, 499, 999, 999]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(1000);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(6000);
    const attempts = h.ws.requests().length;
    expect(e.attempts).toBe(attempts);
    expect(waits).toHaveLength(attempts - 1);
    expect(e.status).toBe(0);
    expect(e.errorCode).toBe('CONNECTION_RESET');
    expect(e.message).toContain(`after ${attempts} attempts`);
    expect(isUnreachable(e)).toBe(true);
  });

  it('gives up on a 503 that never clears once Retry-After would pass the deadline', async () => {
    const { client, clock } = h.client({ deadlineMs: 5000 });
    h.ws.setFaults({ rules: [{ fault: '503', path: '/api/2.0/secrets/scopes/list', retry_after: 1 }] });

    const e = (await caught(() => client.secrets.listScopes())) as DatabricksError;

    // Attempts at 0, 1, 2, 3, 4 and 5 s; the next would start after the 5 s deadline.
    expect(e.attempts).toBe(6);
    expect(clock.retryWaits()).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(e.status).toBe(503);
    expect(e.errorCode).toBe('TEMPORARILY_UNAVAILABLE');
    expect(e.userMessage).toMatch(/^Region primary: .*after 6 attempts.*temporarily unavailable/);
  });

  it('lets one call override the deadline', async () => {
    const { client } = h.client({ deadlineMs: 60_000 });
    h.ws.setFaults({ rules: [{ fault: '503', path: '/api/2.0/secrets/scopes/list', retry_after: 1 }] });

    const e = (await caught(() =>
      client.http.get('/api/2.0/secrets/scopes/list', undefined, { deadlineMs: 1500 }),
    )) as DatabricksError;

    expect(e.attempts).toBe(2);
  });

  it('reports a region in outage as unreachable after the deadline', async () => {
    const { client } = h.client({ deadlineMs: 3000 });
    h.ws.setOutage(true);

    const e = (await caught(() => client.jobs.listAll())) as DatabricksError;

    expect(isUnreachable(e)).toBe(true);
    expect(e.userMessage).toMatch(/Region primary: .*could not be reached/);
    expect(e.attempts).toBeGreaterThan(1);
  });
});

describe('lost answers', () => {
  it('does not retry a jobs/create whose answer was lost; the re-check by name finds it', async () => {
    const { client, clock } = h.client();
    h.ws.setFaults({ rules: [{ fault: 'lost', path: '/api/2.2/jobs/create', times: 1 }] });

    const err = await caught(() => client.jobs.create({ name: 'Nightly ETL', tasks: [notebookTask(1)] }));

    expect(err).toBeInstanceOf(OutcomeUnknownError);
    const e = err as OutcomeUnknownError;
    expect(e.path).toBe('/api/2.2/jobs/create');
    expect(e.cause.errorCode).toBe('CONNECTION_RESET');
    expect(e.message).toMatch(/look the object up by name/);
    expect(clock.retryWaits()).toEqual([]);
    expect(statuses('/api/2.2/jobs/create')).toHaveLength(1);
    expect(jobCount()).toBe(1);
    // The caller's re-check (names match case-insensitively) finds the job the lost create made.
    const found = await client.jobs.listAll({ name: 'nightly etl' });
    expect(found.map((j) => j.job_id)).toEqual(Object.values(h.ws.state().jobs).map((j) => j.job_id));
    expect(client.stats().outcomeUnknown).toBe(1);
  });

  it('does not retry a reset create either (nothing applied here, but the client cannot know)', async () => {
    const { client } = h.client();
    h.ws.setFaults({ rules: [{ fault: 'reset', path: '/api/2.1/clusters/create', times: 1 }] });

    const err = await caught(() =>
      client.clusters.create({ cluster_name: 'c', spark_version: '15.4.x-scala2.12', num_workers: 1 }),
    );

    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(statuses('/api/2.1/clusters/create')).toEqual([0]);
    expect(Object.keys(h.ws.state().clusters)).toHaveLength(0);
  });

  it('treats secrets/scopes/create as non-idempotent', async () => {
    const { client } = h.client();
    h.ws.setFaults({ rules: [{ fault: 'lost', path: '/api/2.0/secrets/scopes/create', times: 1 }] });

    await expect(client.secrets.createScope({ scope: 'app' })).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect((await client.secrets.listScopes()).map((s) => s.name)).toEqual(['app']);
  });

  it('retries run-now only when it carries an idempotency_token', async () => {
    const { client } = h.client();
    const { job_id } = await client.jobs.create({
      name: 'r',
      tasks: [notebookTask(1)],
      max_concurrent_runs: 5,
    });
    h.ws.setFaults({ rules: [{ fault: 'lost', path: '/api/2.2/jobs/run-now', times: 2 }] });

    await expect(client.jobs.runNow(job_id)).rejects.toBeInstanceOf(OutcomeUnknownError);
    const { run_id } = await client.jobs.runNow(job_id, { idempotency_token: 'deploy-42' });

    const runs = Object.values(h.ws.state().runs);
    expect(runs).toHaveLength(2);
    expect(runs.filter((r) => r.idempotency_token === 'deploy-42').map((r) => r.run_id)).toEqual([run_id]);
    expect(statuses('/api/2.2/jobs/run-now')).toEqual([200, 200, 200]);
  });

  it('retries an idempotent write after a lost answer (jobs/reset)', async () => {
    const { client } = h.client();
    const { job_id } = await client.jobs.create({ name: 'a', tasks: [notebookTask(1)] });
    h.ws.setFaults({ rules: [{ fault: 'lost', path: '/api/2.2/jobs/reset', times: 1 }] });

    await client.jobs.reset(job_id, { name: 'b', tasks: [notebookTask(2)] });

    expect((await client.jobs.get(job_id)).settings.name).toBe('b');
    expect(statuses('/api/2.2/jobs/reset')).toEqual([200, 200]);
  });

  it('reads "does not exist" after a lost delete as done', async () => {
    const { client } = h.client();
    const { job_id } = await client.jobs.create({ name: 'gone', tasks: [notebookTask(1)] });
    await client.workspace.mkdirs('/Shared/tmp/a');
    h.ws.setFaults({
      rules: [
        { fault: 'lost', path: '/api/2.2/jobs/delete', times: 1 },
        { fault: 'lost', path: '/api/2.0/workspace/delete', times: 1 },
      ],
    });

    await client.jobs.delete(job_id);
    await client.workspace.delete('/Shared/tmp', { recursive: true });

    expect(jobCount()).toBe(0);
    expect(await client.workspace.tryGetStatus('/Shared/tmp')).toBeUndefined();
    expect(statuses('/api/2.0/workspace/delete')[0]).toBe(200);
    // A delete of something that never existed still fails: only a lost attempt excuses it.
    await expect(client.workspace.delete('/Shared/never')).rejects.toMatchObject({ status: 404 });
  });

  it('reports "already exists" after a lost import without overwrite as an unknown outcome', async () => {
    const { client } = h.client();
    await client.workspace.mkdirs('/Shared/x');
    h.ws.setFaults({ rules: [{ fault: 'lost', path: '/api/2.0/workspace/import', times: 2 }] });
    const nb = '# Databricks notebook source\nprint(1)\n';

    await expect(
      client.workspace.importContent('/Shared/x/nb', nb, { format: 'SOURCE', language: 'PYTHON' }),
    ).rejects.toBeInstanceOf(OutcomeUnknownError);
    await client.workspace.importContent('/Shared/x/nb', nb, {
      format: 'SOURCE',
      language: 'PYTHON',
      overwrite: true,
    });
    expect((await client.workspace.exportContent('/Shared/x/nb')).toString()).toContain('print(1)');
  });
});

describe('timeouts and connections', () => {
  it('retries a timed-out GET and fails a timed-out create as an unknown outcome', async () => {
    const slow = await harness({ latencyMs: 300 });
    try {
      const { client, clock } = slow.client({ timeoutMs: 100, deadlineMs: 1000, backoffBaseMs: 400 });
      const e = (await caught(() => client.jobs.listAll())) as DatabricksError;
      expect(e.errorCode).toBe('TIMEOUT');
      expect(e.attempts).toBe(clock.retryWaits().length + 1);
      expect(e.attempts).toBeGreaterThan(1);
      expect(client.stats().retriesByReason.timeout).toBe(e.attempts - 1);

      await expect(client.jobs.create({ name: 'slow', tasks: [notebookTask(1)] })).rejects.toBeInstanceOf(
        OutcomeUnknownError,
      );
      // The server finished the create after the client gave up on its answer.
      await expect.poll(() => Object.keys(slow.ws.state().jobs).length, { timeout: 2000 }).toBe(1);
    } finally {
      await slow.close();
    }
  });

  it('retries even a create when the connection was refused (nothing was sent)', async () => {
    await h.ws.stop();
    const restarted: Promise<void>[] = [];
    const client = new DatabricksClient({
      region: 'primary',
      host: h.ws.url,
      tokenProvider: patProvider(h.ws.token),
      rateLimits: 'off',
      sleep: async () => {
        restarted.push(h.ws.restart());
        await restarted[0];
      },
    });
    try {
      const { job_id } = await client.jobs.create({ name: 'after-refused', tasks: [notebookTask(1)] });
      expect(job_id).toBeGreaterThan(0);
      expect(jobCount()).toBe(1);
      expect(client.stats().retriesByReason).toEqual({ refused: 1 });
    } finally {
      client.close();
    }
  });
});
