/**
 * Pacing: the per-family rate limiter against the emulator's own rate limits (both real time),
 * bounded concurrency, and the request counts `stats()` reports.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { patProvider } from '../../src/core/auth/pat.js';
import { DatabricksClient, type SleepReason } from '../../src/core/client/index.js';
import { clientBurst } from '../../src/core/client/rate-limiter.js';
import { type Harness, harness, notebookTask } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Real sleeps, recorded, so waits are asserted on what the client asked for. */
function recordingSleep() {
  const waits: { ms: number; reason: SleepReason }[] = [];
  return {
    waits,
    sleep: async (ms: number, reason: SleepReason) => {
      waits.push({ ms, reason });
      await delay(ms);
    },
  };
}

const RATE = 10;
const BURST = 3 * RATE;

describe('rate limiter', () => {
  it('holds the configured rate: a 3× burst meets no 429 from a workspace enforcing that rate', async () => {
    h = await harness({ rateLimits: { jobs: RATE } });
    const recorder = recordingSleep();
    const client = new DatabricksClient({
      region: 'primary',
      host: h.ws.url,
      tokenProvider: patProvider(h.ws.token),
      rateLimits: { jobs: RATE },
      // Enough slots for the whole burst, so every request books its slot at once and the
      // waits show the pacing alone (with fewer slots, later requests book later).
      maxConcurrency: BURST,
      sleep: recorder.sleep,
    });
    h.clients.push(client);
    // The emulator's bucket for the family starts full on first use; give it its first second.
    const { job_id } = await client.jobs.create({ name: 'paced', tasks: [notebookTask(1)] });
    await delay(1100);
    h.ws.clearRequests();
    const before = client.stats();

    const results = await Promise.all(Array.from({ length: BURST }, () => client.jobs.get(job_id)));

    expect(results).toHaveLength(BURST);
    const log = h.ws.requests();
    expect(log).toHaveLength(BURST);
    expect(log.filter((r) => r.status === 429)).toEqual([]);
    const stats = client.stats();
    expect(stats.retries).toBe(0);
    expect(stats.byFamily.jobs).toBe((before.byFamily.jobs ?? 0) + BURST);
    // The client books less burst than the server (two tokens less at 10/s), then one per
    // 1/RATE s: the last request of the burst waits (BURST - burst) / RATE seconds.
    const burst = clientBurst(RATE);
    expect(burst).toBe(RATE - 2);
    const rateWaits = recorder.waits.filter((w) => w.reason === 'rate-limit').map((w) => w.ms);
    expect(rateWaits).toHaveLength(BURST - burst);
    const expectedLast = ((BURST - burst) / RATE) * 1000;
    expect(Math.max(...rateWaits)).toBeGreaterThanOrEqual(expectedLast - 150);
    expect(Math.max(...rateWaits)).toBeLessThanOrEqual(expectedLast + 50);
  });

  it("keeps within the emulator's default limits with the client's defaults (16 in flight)", async () => {
    h = await harness({ rateLimits: 'default' });
    const client = new DatabricksClient({
      region: 'primary',
      host: h.ws.url,
      tokenProvider: patProvider(h.ws.token),
    });
    h.clients.push(client);
    await client.secrets.createScope({ scope: 's' });
    await delay(1100);
    h.ws.clearRequests();

    // 3× the documented 20/s of jobs/list, and 3× the ~18/s of the secrets family at once.
    await Promise.all([
      ...Array.from({ length: 60 }, () => client.jobs.listAll()),
      ...Array.from({ length: 55 }, () => client.secrets.listScopes()),
    ]);

    expect(h.ws.requests()).toHaveLength(115);
    expect(h.ws.requests().filter((r) => r.status === 429)).toEqual([]);
    expect(client.stats().rateLimitWaits).toBeGreaterThan(0);
  }, 20_000);

  it('without the client limiter the same burst draws 429s, which the client retries', async () => {
    h = await harness({ rateLimits: { jobs: RATE } });
    const recorder = recordingSleep();
    const client = new DatabricksClient({
      region: 'primary',
      host: h.ws.url,
      tokenProvider: patProvider(h.ws.token),
      rateLimits: { jobs: 'off' },
      sleep: recorder.sleep,
    });
    h.clients.push(client);
    const { job_id } = await client.jobs.create({ name: 'unpaced', tasks: [notebookTask(1)] });
    await delay(1100);
    h.ws.clearRequests();

    const results = await Promise.all(Array.from({ length: BURST }, () => client.jobs.get(job_id)));

    expect(results.every((j) => j.job_id === job_id)).toBe(true);
    const throttled = h.ws.requests().filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    const stats = client.stats();
    expect(stats.throttled).toBe(throttled.length);
    expect(stats.retriesByReason['429']).toBe(throttled.length);
    // Each retry waited the server's Retry-After (whole seconds).
    const retryWaits = recorder.waits.filter((w) => w.reason === 'retry').map((w) => w.ms);
    expect(retryWaits.length).toBe(throttled.length);
    expect(retryWaits.every((ms) => ms >= 1000 && ms % 1000 === 0)).toBe(true);
    expect(recorder.waits.filter((w) => w.reason === 'rate-limit')).toEqual([]);
  }, 20_000);

  it('paces families independently and leaves unlimited families alone', async () => {
    h = await harness();
    const { client, clock } = h.client({ rateLimits: { 'workspace-delete': 2, 'workspace-list': 'off' } });
    expect(client.http.rateLimit('workspace-delete')).toBe(2);
    expect(client.http.rateLimit('workspace-list')).toBeUndefined();
    expect(client.http.rateLimit('jobs')).toBe(20);
    expect(client.http.rateLimit('clusters')).toBeUndefined();

    await Promise.all(Array.from({ length: 20 }, () => client.workspace.list('/')));
    expect(clock.sleeps).toEqual([]);

    await client.workspace.mkdirs('/Shared/a');
    await Promise.all(['b', 'c', 'd'].map((n) => client.workspace.mkdirs(`/Shared/a/${n}`)));
    await Promise.all(['b', 'c', 'd'].map((n) => client.workspace.delete(`/Shared/a/${n}`)));
    // 2/s with a burst of 1: the first delete goes at once, the next two wait 500 ms each in turn.
    expect(clock.sleeps).toEqual([
      { ms: 500, reason: 'rate-limit' },
      { ms: 500, reason: 'rate-limit' },
    ]);
  });

  it("makes the family's other requests hold off after a 429", async () => {
    h = await harness();
    const { client, clock } = h.client({ rateLimits: { secrets: 100 } });
    h.ws.setFaults({
      rules: [{ fault: '429', path: '/api/2.0/secrets/scopes/list', times: 1, retry_after: 2 }],
    });

    await client.secrets.listScopes();
    await client.secrets.listSecrets('none').catch(() => undefined);

    expect(clock.sleeps).toEqual([{ ms: 2000, reason: 'retry' }]);
    // The fake clock advanced with the retry wait, so the pause had expired by the next call.
    expect(client.stats().rateLimitWaits).toBe(0);
  });
});

describe('concurrency and stats', () => {
  it('keeps at most maxConcurrency requests in flight', async () => {
    h = await harness({ latencyMs: 30 });
    const { client } = h.client({ maxConcurrency: 3 });

    await Promise.all(Array.from({ length: 12 }, () => client.secrets.listScopes()));

    const stats = client.stats();
    expect(stats.maxInFlight).toBe(3);
    expect(stats.inFlight).toBe(0);
    expect(stats.requests).toBe(12);
  });

  it('counts calls and attempts by family, method, endpoint and status', async () => {
    h = await harness();
    const { client } = h.client();
    h.ws.setFaults({ rules: [{ fault: 'reset', path: '/api/2.0/secrets/scopes/list', times: 1 }] });

    await client.secrets.createScope({ scope: 's' });
    await client.secrets.listScopes();
    await client.jobs.listAll();
    await client.workspace.getStatus('/nope').catch(() => undefined);

    const s = client.stats();
    expect(s.calls).toBe(4);
    expect(s.requests).toBe(5);
    expect(s.byFamily).toEqual({ secrets: 3, jobs: 1, 'workspace-other': 1 });
    expect(s.byMethod).toEqual({ POST: 1, GET: 4 });
    expect(s.byEndpoint['GET /api/2.0/secrets/scopes/list']).toBe(2);
    expect(s.byStatus).toEqual({ '0': 1, '200': 3, '404': 1 });
    expect(s.retries).toBe(1);
    expect(s.failures).toBe(1);
    expect(s.region).toBe('primary');
  });
});
