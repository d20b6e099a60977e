/**
 * Emulator benchmark: start time, and requests per second over a bounded loop of keep-alive
 * requests with no latency and no rate limits (the emulator's own overhead, not the API's).
 *
 *   npm run bench -- emulator [--requests N] [--connections N]      (bundled, like every benchmark)
 *   npx node --experimental-transform-types bench/emulator.bench.ts [...]   (the sources directly)
 *
 * Run directly, Node strips the types; the resolve hook below maps the sources' NodeNext `.js`
 * import suffixes to the `.ts` files, so nothing has to be built first. Bundled (bench/run.mjs),
 * the hook is never needed.
 */
import { Agent, request } from 'node:http';
import { registerHooks } from 'node:module';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (specifier.startsWith('.') && specifier.endsWith('.js'))
        return next(`${specifier.slice(0, -3)}.ts`, context);
      throw error;
    }
  },
});

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '32' },
  },
});
const total = Number(values.requests);
const connections = Number(values.connections);

// Imported after the hook is registered (static imports would be resolved before it).
const { startEmulator } = await import('../src/emulator/index.js');

const startedAt = performance.now();
const emulator = await startEmulator({
  workspaces: [{ name: 'primary' }, { name: 'secondary' }],
  rateLimits: 'off',
  latencyMs: 0,
});
const startMs = performance.now() - startedAt;
const ws = emulator.workspace('primary');
const agent = new Agent({ keepAlive: true, maxSockets: connections });

function send(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${ws.url}${path}`,
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${ws.token}`,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

// A small deployed workspace to read from.
const job = JSON.parse(
  (
    await send('POST', '/api/2.2/jobs/create', {
      name: 'bench',
      tasks: [{ task_key: 'a', notebook_task: { notebook_path: '/Shared/nb' } }],
    })
  ).text,
) as { job_id: number };
const cluster = JSON.parse(
  (
    await send('POST', '/api/2.1/clusters/create', {
      cluster_name: 'bench',
      spark_version: '15.4.x-scala2.12',
    })
  ).text,
) as { cluster_id: string };
await send('POST', '/api/2.0/secrets/scopes/create', { scope: 'bench' });

// Three reads to one write, roughly a deploy's plan-then-apply mix.
const mix: (() => [string, string, unknown?])[] = [
  () => ['GET', `/api/2.2/jobs/get?job_id=${job.job_id}`],
  () => ['GET', `/api/2.1/clusters/get?cluster_id=${cluster.cluster_id}`],
  () => ['GET', '/api/2.0/workspace/get-status?path=/Shared'],
  () => ['POST', '/api/2.0/secrets/put', { scope: 'bench', key: 'k', string_value: 'v' }],
];

let next = 0;
let errors = 0;
const latencies: number[] = [];
async function worker(): Promise<void> {
  while (next < total) {
    const i = next++;
    const [method, path, body] = mix[i % mix.length]();
    const t = performance.now();
    const res = await send(method, path, body);
    latencies.push(performance.now() - t);
    if (res.status !== 200) errors++;
  }
}

const loopStart = performance.now();
await Promise.all(Array.from({ length: connections }, worker));
const seconds = (performance.now() - loopStart) / 1000;
agent.destroy();
await emulator.stop();

latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
const result = {
  startMs: Math.round(startMs * 10) / 10,
  requests: total,
  connections,
  seconds: Math.round(seconds * 1000) / 1000,
  requestsPerSecond: Math.round(total / seconds),
  p50Ms: Math.round(pct(50) * 100) / 100,
  p99Ms: Math.round(pct(99) * 100) / 100,
  errors,
};
console.log(`emulator start: ${result.startMs} ms (2 workspaces)`);
console.log(
  `throughput: ${result.requestsPerSecond} req/s (${total} requests, ${connections} keep-alive connections, ` +
    `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${errors} errors)`,
);
console.log(JSON.stringify(result));
if (errors > 0) process.exitCode = 1;
