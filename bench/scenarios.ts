/**
 * `npm run bench`: the deploy engine at scale against emulated workspaces with the documented rate
 * limits and 50 ms latency, each scenario next to the same workload done the obvious way.
 *
 *   1  first deploy to two regions
 *   2  no-change redeploy
 *   3  10% of the notebooks and jobs changed
 *   4  failover of the jobs to the secondary (skipped until src/core/failover exports runFailover)
 *   5  validate 1,000 files
 *   6  action cold start: process start → first request
 *   7  rebuild a region: 10,000 notebooks in 100 folders, 100 jobs, 10 clusters into an empty
 *      workspace, with directory imports next to per-file imports (--no-archive)
 *
 * The parent process (this file) holds the emulators and writes the repository; every deploy runs
 * in a fresh worker process (bench/worker.ts), so its wall time and peak RSS are the tool's own.
 * Two independent "worlds" (an emulator with two workspaces each) see the same repository: one is
 * deployed by the engine as it ships, the other the obvious way — one request at a time
 * (maxConcurrency 1) and the regions one after the other.
 *
 * Options: --notebooks 1000 --folders 20 --jobs 100 --clusters 10 --scopes 5 --latency 50
 *          --scenario N (repeatable, or 1,3) --quick --no-baseline --cold-runs 7 --json
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type EmulatedWorkspace, type Emulator, startEmulator } from '../src/emulator/index.js';
import {
  type Bound,
  counts,
  type LogSummary,
  lowerBound,
  refill,
  round,
  runWorker,
  seconds,
  summarizeLog,
} from './lib.js';
import type { ClientSettings, WorkerOutcome, WorkerTask } from './worker.js';
import { changeFraction, generateValidationRepo, generateWorkload, type Workload } from './workload.js';

const ROOT = process.env.BENCH_ROOT ?? process.cwd();

const { values: opts } = parseArgs({
  options: {
    notebooks: { type: 'string' },
    folders: { type: 'string' },
    jobs: { type: 'string' },
    clusters: { type: 'string' },
    scopes: { type: 'string' },
    latency: { type: 'string', default: '50' },
    'rate-limits': { type: 'string', default: 'default' },
    scenario: { type: 'string', multiple: true },
    quick: { type: 'boolean', default: false },
    baseline: { type: 'boolean', default: true },
    'no-baseline': { type: 'boolean', default: false },
    'cold-runs': { type: 'string' },
    'validate-files': { type: 'string', default: '1000' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (opts.help) {
  console.log(
    [
      'npm run bench -- [options]',
      '  --scenario N        1 first deploy, 2 no-change, 3 10% changed, 4 failover, 5 validate, 6 cold start,',
      '                      7 rebuild a region (10,000 notebooks; --quick: 1,000)',
      '                      (repeatable or comma-separated; default all)',
      '  --notebooks N --folders D --jobs J --clusters C --scopes S   workload (default 1000/20/100/10/5)',
      '  --latency MS        emulator latency per request (default 50)',
      '  --rate-limits off   no rate limits in emulator and client (exploring memory/CPU; not for targets)',
      '  --quick             100 notebooks in 5 folders, 20 jobs, 3 clusters, 2 scopes; 3 cold starts',
      '  --no-baseline       skip the obvious-way and per-file (--no-archive) runs',
      '  --cold-runs N       cold starts to measure (default 7)',
      '  --json              one JSON document on stdout',
    ].join('\n'),
  );
  process.exit(0);
}

const quick = opts.quick === true;
const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
const size = {
  notebooks: num(opts.notebooks, quick ? 100 : 1000),
  folders: num(opts.folders, quick ? 5 : 20),
  jobs: num(opts.jobs, quick ? 20 : 100),
  clusters: num(opts.clusters, quick ? 3 : 10),
  scopes: num(opts.scopes, quick ? 2 : 5),
};
const latencyMs = Number(opts.latency);
/** 'off' is for exploring (memory, CPU) only: the targets are stated with the documented limits. */
const rateLimits = opts['rate-limits'] === 'off' ? 'off' : 'default';
const withBaseline = opts.baseline !== false && opts['no-baseline'] !== true;
const coldRuns = num(opts['cold-runs'], quick ? 3 : 7);
const validateFileCount = Number(opts['validate-files']);
const selected = new Set(
  (opts.scenario ?? ['1,2,3,4,5,6,7'])
    .flatMap((s) => s.split(','))
    .map((s) => Number(s.trim()))
    .filter((n) => n >= 1 && n <= 7),
);
const json = opts.json === true;
/** The spec's sizes: targets are judged at these (smaller runs report, but do not fail). */
const atSpecSize =
  size.notebooks >= 1000 &&
  size.jobs >= 100 &&
  size.clusters >= 10 &&
  latencyMs === 50 &&
  rateLimits === 'default';

const log = (line = '') => {
  if (!json) console.log(line);
};

// ------------------------------------------------------------------------------------------------
// Results

interface Target {
  name: string;
  target: string;
  value: string;
  met: boolean;
  /** Whether the run was at the size the target is stated for (a miss then fails the run). */
  applies: boolean;
  note?: string;
}

interface RunMeasure {
  how: string;
  ok: boolean;
  wallMs: number;
  maxRssMb: number;
  requests: LogSummary;
  perRegion: Record<string, LogSummary>;
  bound: Bound;
  /** wall / bound.ms (the targets' definition). */
  ratio: number;
  /** wall / bound.strictMs (credits the server's one-second burst). */
  strictRatio: number;
  retries: number;
  errors: string[];
  memory?: WorkerOutcome['memory'];
}

interface ScenarioResult {
  id: number;
  name: string;
  command: string;
  skipped?: string;
  engine?: RunMeasure;
  baseline?: RunMeasure;
  extra?: Record<string, unknown>;
  targets: Target[];
}

const results: ScenarioResult[] = [];

// ------------------------------------------------------------------------------------------------
// Worlds: an emulator with two workspaces each, one deployed by the engine, one the obvious way

interface World {
  label: 'engine' | 'baseline';
  how: string;
  emulator: Emulator;
  env: Record<string, string>;
  client: ClientSettings;
  sequential: boolean;
}

async function startWorld(label: World['label'], w: Workload, token: string): Promise<World> {
  const emulator = await startEmulator({
    workspaces: [{ name: 'primary' }, { name: 'secondary' }],
    token,
    latencyMs,
    rateLimits,
    entra: false,
  });
  const [p, s] = emulator.workspaces;
  return {
    label,
    how:
      label === 'engine'
        ? 'engine as shipped (regions in parallel, default concurrency and pacing)'
        : 'obvious way (one request at a time, regions one after the other)',
    emulator,
    env: {
      DATABRICKS_DR_HOST_PRIMARY: p.url,
      DATABRICKS_DR_HOST_SECONDARY: s.url,
      DATABRICKS_TOKEN_PRIMARY: p.token,
      DATABRICKS_TOKEN_SECONDARY: s.token,
      ...w.secrets,
    },
    client: label === 'engine' ? { rateLimits } : { rateLimits, maxConcurrency: 1 },
    sequential: label === 'baseline',
  };
}

function perRegionLogs(world: World) {
  return Object.fromEntries(world.emulator.workspaces.map((ws) => [ws.name, ws.requests()]));
}

function clearLogs(world: World) {
  for (const ws of world.emulator.workspaces) ws.clearRequests();
}

async function measure(
  world: World,
  task: WorkerTask,
  pathSteps: number,
  regionsInSequence = false,
): Promise<{ m: RunMeasure; outcome: WorkerOutcome }> {
  await refill();
  clearLogs(world);
  const outcome = await runWorker(task);
  // Let answers in flight land in the log (the worker has exited, so nothing new starts).
  await new Promise((r) => setTimeout(r, 20));
  const logs = perRegionLogs(world);
  const all = Object.values(logs).flat();
  const bound = lowerBound(logs, latencyMs, pathSteps, rateLimits === 'default', regionsInSequence);
  const errors = outcome.thrown
    ? [outcome.thrown]
    : Object.entries(outcome.regions ?? {}).flatMap(([r, s]) => s.errors.map((e) => `${r}: ${e}`));
  const m: RunMeasure = {
    how: world.how,
    ok: outcome.ok,
    wallMs: outcome.wallMs,
    maxRssMb: outcome.maxRssMb,
    requests: summarizeLog(all),
    perRegion: Object.fromEntries(Object.entries(logs).map(([r, l]) => [r, summarizeLog(l)])),
    bound,
    ratio: outcome.wallMs / bound.ms,
    strictRatio: outcome.wallMs / bound.strictMs,
    retries: Object.values(outcome.retries ?? {}).reduce((n, c) => n + c.retries, 0),
    errors,
    memory: outcome.memory,
  };
  return { m, outcome };
}

function deployTask(world: World, w: Workload, archive?: boolean): WorkerTask {
  return {
    kind: 'deploy',
    ...(archive === false ? { archive } : {}),
    configFile: w.configFile,
    cwd: w.root,
    env: world.env,
    client: world.client,
    ...(world.sequential ? { sequentialRegions: ['primary', 'secondary'] } : {}),
  };
}

function printMeasure(label: string, m: RunMeasure) {
  const r = m.requests;
  log(
    `  ${label.padEnd(9)} wall ${seconds(m.wallMs)}   requests ${r.requests} (reads ${r.reads}, writes ${r.writes})   ` +
      `peak RSS ${Math.round(m.maxRssMb)} MB (heap ${Math.round(m.memory?.heapUsedMb ?? 0)} MB)   retries ${m.retries}   throttled ${r.rateLimited}${m.ok ? '' : '   NOT OK'}`,
  );
  log(`            by family: ${counts(r.byFamily)}`);
  log(
    `            lower bound ${seconds(m.bound.ms)} (${m.bound.limitedBy}) → ratio ${m.ratio.toFixed(2)}; ` +
      `strict bound ${seconds(m.bound.strictMs)} (burst credited) → ${m.strictRatio.toFixed(2)}`,
  );
  for (const e of m.errors.slice(0, 3)) log(`            error: ${e}`);
}

function printTargets(s: ScenarioResult) {
  for (const t of s.targets)
    log(
      `  target    ${t.name}: ${t.value} (target ${t.target}) — ${t.met ? 'met' : t.applies ? 'MISSED' : 'missed at this size'}` +
        (t.note ? ` — ${t.note}` : ''),
    );
}

function compare(s: ScenarioResult) {
  if (s.engine && s.baseline)
    log(
      `  → the engine took ${(s.baseline.wallMs / s.engine.wallMs).toFixed(1)}× less time than the obvious way`,
    );
}

// ------------------------------------------------------------------------------------------------
// Scenarios 1–4: deploys and failover

const describeSize = () =>
  `${size.notebooks} notebooks in ${size.folders} folders, ${size.jobs} jobs, ${size.clusters} clusters, ` +
  `${size.scopes} scopes × 2 secrets; ${latencyMs} ms latency, ${rateLimits === 'default' ? 'documented rate limits' : 'no rate limits'}`;

async function deployScenarios(): Promise<void> {
  const wanted = [1, 2, 3, 4].filter((n) => selected.has(n));
  if (wanted.length === 0) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'dr-bench-repo-'));
  const w = generateWorkload(dir, size);
  const worlds = [await startWorld('engine', w, 'dapi-bench-engine')];
  if (withBaseline) worlds.push(await startWorld('baseline', w, 'dapi-bench-baseline'));
  const setupDeploy = async () => {
    for (const world of worlds) {
      // The state a scenario starts from, however it is reached: the engine's own deploy.
      const outcome = await runWorker(deployTask({ ...worlds[0], env: world.env }, w));
      if (!outcome.ok)
        throw new Error(`setup deploy failed: ${JSON.stringify(outcome.regions ?? outcome.thrown)}`);
    }
  };
  try {
    log(`Workload: ${describeSize()} (${w.root})`);

    // 1. First deploy.
    if (selected.has(1)) {
      const s: ScenarioResult = {
        id: 1,
        name: 'first deploy to two regions',
        command: 'npm run bench -- --scenario 1',
        targets: [],
      };
      log(`\nScenario 1 — ${s.name}`);
      for (const world of worlds) {
        // export state → list clusters → create cluster → create job → mkdirs → write state
        const { m } = await measure(world, deployTask(world, w), 6);
        s[world.label] = m;
        printMeasure(world.label, m);
      }
      const e = s.engine!;
      s.targets.push({
        name: `peak RSS at ${size.notebooks} notebooks`,
        target: '< 200 MB at 10,000 notebooks',
        value: `${Math.round(e.maxRssMb)} MB`,
        met: e.maxRssMb < 200,
        applies: size.notebooks >= 10_000,
        note:
          size.notebooks >= 10_000
            ? undefined
            : 'run `npm run bench -- --scenario 1 --notebooks 10000 --no-baseline`',
      });
      if (withBaseline) {
        // Today's per-request bound: the same engine uploading every notebook on its own.
        const perFile = await startWorld('engine', w, 'dapi-bench-per-file');
        try {
          const { m } = await measure(
            { ...perFile, how: 'engine, --no-archive' },
            deployTask(perFile, w, false),
            6,
          );
          printMeasure('per-file', m);
          // The per-file path is bound by one import per notebook at 30/s: it must run near that
          // bound. The engine is measured against this same bound (below): with directory imports
          // its own lower bound is the jobs API, behind the active region's ordered stages
          // (scopes → notebooks → clusters → jobs), so its ratio to that is reported, not a target.
          s.targets.push({
            name: 'first deploy, per-file imports, vs its lower bound',
            target: '≤ 1.2×',
            value: `${m.ratio.toFixed(2)}× (${seconds(m.wallMs)} vs ${seconds(m.bound.ms)}; ${m.strictRatio.toFixed(2)}× the strict bound)`,
            met: m.ok && m.ratio <= 1.2,
            applies: atSpecSize,
            note: m.ok ? undefined : 'the deploy reported errors',
          });
          s.targets.push({
            name: 'first deploy vs the per-request bound (per-file imports)',
            target: '≤ 0.35×',
            value: `${(e.wallMs / m.bound.ms).toFixed(2)}× (${seconds(e.wallMs)} vs ${seconds(m.bound.ms)}; per-file took ${seconds(m.wallMs)})`,
            met: e.ok && e.wallMs / m.bound.ms <= 0.35,
            applies: atSpecSize,
          });
        } finally {
          await perFile.emulator.stop();
        }
      }
      printTargets(s);
      compare(s);
      results.push(s);
    } else {
      await setupDeploy();
    }

    // 2. No-change redeploy.
    if (selected.has(2)) {
      const s: ScenarioResult = {
        id: 2,
        name: 'no-change redeploy',
        command: 'npm run bench -- --scenario 1,2',
        targets: [],
      };
      log(`\nScenario 2 — ${s.name}`);
      for (const world of worlds) {
        // read state → list folders, read manifest → list jobs (one round trip each, in parallel)
        const { m } = await measure(world, deployTask(world, w), 2);
        s[world.label] = m;
        printMeasure(world.label, m);
      }
      const e = s.engine!;
      const listPages =
        1 + // secrets/scopes/list
        2 * size.scopes + // secrets/list and secrets/acls/list per scope
        Math.max(1, Math.ceil(size.clusters / 100)) +
        Math.max(1, Math.ceil(size.jobs / 100));
      // + 3 files read: the state, the manifest, and the lock (read back on release, to delete it
      // only while it is still this run's).
      const allowed = w.folders.length + listPages + 3;
      const breakdown: Record<string, unknown> = {};
      let worst = 0;
      for (const [region, r] of Object.entries(e.perRegion)) {
        worst = Math.max(worst, r.reads);
        // Beyond the allowance: anything but folder listings, list pages and the two files read
        // (state and manifest), and list pages beyond the minimum.
        const extra: Record<string, number> = {};
        const lists = { folders: 0, pages: 0, exports: 0 };
        for (const [endpoint, n] of Object.entries(r.byEndpoint)) {
          if (!endpoint.startsWith('GET ')) continue;
          if (endpoint === 'GET /api/2.0/workspace/list') lists.folders += n;
          else if (endpoint === 'GET /api/2.0/workspace/export') lists.exports += n;
          else if (/\/list$/.test(endpoint)) lists.pages += n;
          else extra[endpoint] = n;
        }
        if (lists.folders > w.folders.length)
          extra['folder listings beyond one per folder'] = lists.folders - w.folders.length;
        if (lists.pages > listPages) extra['list pages beyond the minimum'] = lists.pages - listPages;
        if (lists.exports > 3) extra['file reads beyond state + manifest + lock'] = lists.exports - 3;
        breakdown[region] = { reads: r.reads, writes: r.writes, byEndpoint: r.byEndpoint, extra };
        log(`            ${region}: ${counts(r.byEndpoint, 20)}`);
        log(`            ${region} beyond the allowance: ${counts(extra, 20) || 'nothing'}`);
      }
      s.extra = {
        allowedReadsPerRegion: allowed,
        folders: w.folders.length,
        listPages,
        perRegion: breakdown,
      };
      s.targets.push({
        name: 'no-change writes',
        target: '0',
        value: String(e.requests.writes),
        met: e.requests.writes === 0,
        applies: true,
      });
      s.targets.push({
        name: 'no-change reads per region',
        target: `≤ folders + list pages + 3 = ${w.folders.length} + ${listPages} + 3 = ${allowed}`,
        value: String(worst),
        met: worst <= allowed,
        applies: true,
      });
      printTargets(s);
      compare(s);
      results.push(s);
    }

    // 3. 10% changed.
    if (selected.has(3)) {
      // The engine's ratio is the median of several redeploys (each a new revision of the same 10%):
      // one run on a busy 2-core machine varies by ±15%. The obvious way runs once, on the last.
      const repeats = quick ? 3 : 5;
      const s: ScenarioResult = {
        id: 3,
        name: '10% of notebooks and jobs changed',
        command: 'npm run bench -- --scenario 1,3',
        targets: [],
      };
      log(`\nScenario 3 — ${s.name} (engine: median of ${repeats} redeploys)`);
      const runs: RunMeasure[] = [];
      for (let r = 1; r <= repeats; r++) {
        const changed = changeFraction(w, 0.1, r);
        s.name = `10% of notebooks and jobs changed (${changed.notebooks} notebooks, ${changed.jobs} jobs)`;
        // list folder → upload → manifest → state
        runs.push((await measure(worlds[0], deployTask(worlds[0], w), 4)).m);
      }
      const ratios = runs.map((m) => m.ratio);
      s.engine = runs.find((m) => m.ratio === median(ratios)) ?? runs[0];
      printMeasure('engine', s.engine);
      log(`            ratios of the ${repeats} runs: ${ratios.map((x) => x.toFixed(2)).join(', ')}`);
      for (const world of worlds.slice(1)) {
        const { m } = await measure(world, deployTask(world, w), 4);
        s[world.label] = m;
        printMeasure(world.label, m);
      }
      const e = s.engine;
      s.extra = { ...s.extra, ratios };
      s.targets.push({
        name: '10%-changed redeploy vs lower bound (median)',
        target: '≤ 1.2×',
        value: `${e.ratio.toFixed(2)}× (${seconds(e.wallMs)} vs ${seconds(e.bound.ms)}; ${e.strictRatio.toFixed(2)}× the strict bound; ${repeats} runs)`,
        met: e.ok && e.ratio <= 1.2,
        applies: atSpecSize,
      });
      printTargets(s);
      compare(s);
      results.push(s);
    }

    // 4. Failover.
    if (selected.has(4)) {
      const s: ScenarioResult = {
        id: 4,
        name: `failover of ${size.jobs} jobs to the secondary`,
        command: 'npm run bench -- --scenario 1,4',
        targets: [],
      };
      log(`\nScenario 4 — ${s.name}`);
      const probe = await runWorker({ kind: 'probe' });
      if (!probe.failover) {
        s.skipped =
          'runFailover is not available (src/core/failover/index.ts); the scenario runs as soon as it is';
        log(`  skipped: ${s.skipped}`);
      } else {
        for (const world of worlds) {
          // read both states → list jobs → update each job → write both states
          const task: WorkerTask = {
            kind: 'failover',
            configFile: w.configFile,
            cwd: w.root,
            env: world.env,
            client: world.client,
            to: 'secondary',
          };
          // Fence the primary, then promote the secondary: one region after the other.
          const { m } = await measure(world, task, 4, true);
          s[world.label] = m;
          printMeasure(world.label, m);
        }
        const e = s.engine!;
        s.targets.push({
          name: 'failover vs lower bound',
          target: '(no target set; reported)',
          value: `${e.ratio.toFixed(2)}× (${seconds(e.wallMs)} vs ${seconds(e.bound.ms)}; ${e.strictRatio.toFixed(2)}× the strict bound)`,
          met: e.ok,
          applies: false,
        });
        printTargets(s);
        compare(s);
      }
      results.push(s);
    }
  } finally {
    for (const world of worlds) await world.emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------
// Scenario 5: validate 1,000 files

async function validateScenario(): Promise<void> {
  if (!selected.has(5)) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'dr-bench-validate-'));
  try {
    const configFile = generateValidationRepo(dir, validateFileCount);
    const s: ScenarioResult = {
      id: 5,
      name: `validate ${validateFileCount} job files (+ config, 10 clusters, 2 scopes, 41 notebook files)`,
      command: 'npm run bench -- --scenario 5',
      targets: [],
    };
    log(`\nScenario 5 — ${s.name}`);
    // Cold: the first call in a fresh process, schema compilation included (module loading not).
    const cold = await runWorker({ kind: 'validate', configFile, cwd: dir });
    if (!cold.ok)
      throw new Error(`the generated repository should be valid (${cold.diagnostics} diagnostics)`);
    const definitionFiles = ['jobs', 'clusters', 'secret-scopes'].flatMap((d) =>
      readdirSync(path.join(dir, d))
        .sort()
        .map((f) => path.join(dir, d, f)),
    );
    const naive = withBaseline
      ? await runWorker({ kind: 'validate', configFile, cwd: dir, perFile: definitionFiles })
      : undefined;
    log(
      `  engine    validateProject, cold: ${Math.round(cold.wallMs)} ms for ${cold.files} files   peak RSS ${Math.round(cold.maxRssMb)} MB`,
    );
    if (naive)
      log(
        `  baseline  validateFiles one file at a time: ${Math.round(naive.wallMs)} ms for ${naive.files} definition files (no config, no cross-file rules)`,
      );
    s.extra = {
      coldMs: round(cold.wallMs),
      files: cold.files,
      maxRssMb: cold.maxRssMb,
      ...(naive ? { perFileMs: round(naive.wallMs), perFileFiles: naive.files } : {}),
    };
    s.targets.push({
      name: `validate ${cold.files} files, cold`,
      target: '< 1 s',
      value: `${Math.round(cold.wallMs)} ms`,
      met: cold.wallMs < 1000,
      applies: validateFileCount >= 1000,
    });
    printTargets(s);
    results.push(s);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------
// Scenario 6: action cold start

/**
 * A pass-through proxy in front of one workspace that notes when the first request arrives
 * (`request` event: the request line and headers have been read). The emulator's own log records a
 * request only when it is answered (after the latency), and has no timestamp.
 */
function startProxy(
  target: EmulatedWorkspace,
): Promise<{ url: string; first: () => number | undefined; server: Server }> {
  let first: number | undefined;
  const upstream = new URL(target.url);
  const server = createServer((req, res) => {
    first ??= performance.now();
    const up = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        first: () => first,
        server,
      }),
    ),
  );
}

interface ColdRun {
  firstRequestMs?: number;
  exitMs: number;
  code: number | null;
}

function spawnTimed(
  argv: string[],
  env: Record<string, string>,
  cwd: string,
  firstRequest: () => number | undefined,
): Promise<ColdRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, argv, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const first = firstRequest();
      if (code !== 0 && stderr) process.stderr.write(stderr.slice(0, 2000));
      resolve({
        firstRequestMs: first === undefined ? undefined : first - t0,
        exitMs: performance.now() - t0,
        code,
      });
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor((s.length - 1) / 2)];
};

async function buildFreshAction(out: string): Promise<string> {
  // esbuild from the project's node_modules (this file runs bundled from a temp folder, and
  // esbuild's JS API cannot itself be bundled).
  const { build } = createRequire(path.join(ROOT, 'package.json'))('esbuild') as typeof import('esbuild');
  // The settings of scripts/build.mjs, from the sources as they are now, into a temp folder.
  const { bundleOptions } = (await import(
    pathToFileURL(path.join(ROOT, 'scripts/bundle-options.mjs')).href
  )) as {
    bundleOptions: (version: string) => import('esbuild').BuildOptions;
  };
  await build({
    ...bundleOptions('bench'),
    entryPoints: { 'deploy/index': path.join(ROOT, 'src/actions/deploy/index.ts') },
    outdir: out,
    logLevel: 'error',
  });
  return path.join(out, 'deploy/index.js');
}

async function coldStartScenario(): Promise<void> {
  if (!selected.has(6)) return;
  const s: ScenarioResult = {
    id: 6,
    name: 'action cold start (spawn `node dist/deploy/index.js`, command plan → first request)',
    command: 'npm run bench -- --scenario 6',
    targets: [],
  };
  log(`\nScenario 6 — ${s.name}`);
  const emulator = await startEmulator({
    workspaces: [{ name: 'primary' }, { name: 'secondary' }],
    token: 'dapi-bench-cold',
    latencyMs,
    rateLimits: 'default',
    entra: false,
  });
  const tmp = mkdtempSync(path.join(tmpdir(), 'dr-bench-cold-'));
  const project = path.join(tmp, 'repo');
  cpSync(path.join(ROOT, 'examples'), project, { recursive: true });
  rmSync(path.join(project, 'secret-scopes/kv-sales.json'));
  try {
    const variants: { label: string; argv: string[] }[] = [
      { label: 'dist/deploy/index.js (committed bundle)', argv: [path.join(ROOT, 'dist/deploy/index.js')] },
      {
        label: 'fresh bundle of src/ (scripts/build.mjs settings)',
        argv: [await buildFreshAction(path.join(tmp, 'dist'))],
      },
    ];
    if (withBaseline) {
      const hook = path.join(tmp, 'ts-hook.mjs');
      writeFileSync(
        hook,
        `import { registerHooks } from 'node:module';
registerHooks({ resolve(s, c, next) { try { return next(s, c); } catch (e) {
  if (s.startsWith('.') && s.endsWith('.js')) return next(s.slice(0, -3) + '.ts', c); throw e; } } });\n`,
      );
      variants.push({
        label: 'obvious way: TypeScript sources, unbundled (--experimental-transform-types)',
        argv: [
          '--experimental-transform-types',
          '--disable-warning=ExperimentalWarning',
          '--import',
          hook,
          path.join(ROOT, 'src/actions/deploy/index.ts'),
        ],
      });
    }
    const measured: Record<string, unknown> = {};
    // Node's own floor: an empty script, spawn → exit.
    const floor: number[] = [];
    for (let i = 0; i < coldRuns; i++)
      floor.push((await spawnTimed(['-e', ''], {}, tmp, () => undefined)).exitMs);
    log(`  node -e '' (spawn → exit, Node's own start):  median ${Math.round(median(floor))} ms`);
    measured.nodeFloorMs = round(median(floor));
    for (const v of variants) {
      const runs: ColdRun[] = [];
      for (let i = 0; i < coldRuns + 1; i++) {
        const runDir = mkdtempSync(path.join(tmp, 'runner-'));
        mkdirSync(runDir, { recursive: true });
        writeFileSync(path.join(runDir, 'output'), '');
        writeFileSync(path.join(runDir, 'summary'), '');
        // Fresh proxies per run, so "first request" is this run's.
        const fresh = await Promise.all(emulator.workspaces.map(startProxy));
        const env = {
          PATH: process.env.PATH ?? '',
          GITHUB_ACTIONS: 'true',
          GITHUB_WORKSPACE: project,
          GITHUB_OUTPUT: path.join(runDir, 'output'),
          GITHUB_STEP_SUMMARY: path.join(runDir, 'summary'),
          RUNNER_TEMP: runDir,
          INPUT_COMMAND: 'plan',
          INPUT_CONFIG: 'databricks-dr.yml',
          DATABRICKS_DR_HOST_PRIMARY: fresh[0].url,
          DATABRICKS_DR_HOST_SECONDARY: fresh[1].url,
          DATABRICKS_TOKEN_PRIMARY: emulator.workspaces[0].token,
          DATABRICKS_TOKEN_SECONDARY: emulator.workspaces[1].token,
          HIVE_METASTORE_PASSWORD: 'bench-hive',
          ORDERS_API_KEY: 'bench-orders',
        };
        const run = await spawnTimed(v.argv, env, project, () =>
          fresh
            .map((p) => p.first())
            .reduce<number | undefined>(
              (a, b) => (a === undefined ? b : b === undefined ? a : Math.min(a, b)),
              undefined,
            ),
        );
        for (const p of fresh) p.server.close();
        // The first run warms the file-system cache; it is not counted.
        if (i > 0) runs.push(run);
      }
      const firsts = runs.map((r) => r.firstRequestMs).filter((x): x is number => x !== undefined);
      const ok = runs.every((r) => r.code === 0) && firsts.length === runs.length;
      const med = median(firsts);
      log(
        `  ${v.label}: first request median ${Math.round(med)} ms (min ${Math.round(Math.min(...firsts))}, max ${Math.round(Math.max(...firsts))}; ` +
          `process exit median ${Math.round(median(runs.map((r) => r.exitMs)))} ms; ${runs.length} runs${ok ? '' : ', SOME FAILED'})`,
      );
      measured[v.label] = {
        firstRequestMedianMs: round(med),
        firstRequestMinMs: round(Math.min(...firsts)),
        firstRequestMaxMs: round(Math.max(...firsts)),
        exitMedianMs: round(median(runs.map((r) => r.exitMs))),
        runs: runs.length,
        ok,
      };
      if (v.label.startsWith('dist/'))
        s.targets.push({
          name: 'action cold start (spawn → first request), median',
          target: '< 250 ms',
          value: `${Math.round(med)} ms`,
          met: ok && med < 250,
          applies: true,
        });
    }
    s.extra = measured;
    printTargets(s);
    results.push(s);
  } finally {
    await emulator.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------

// ------------------------------------------------------------------------------------------------
// Scenario 7: rebuild a lost region into an empty workspace

async function rebuildScenario(): Promise<void> {
  if (!selected.has(7)) return;
  const rebuild = {
    notebooks: quick ? 1000 : 10_000,
    folders: quick ? 10 : 100,
    jobs: quick ? 20 : 100,
    clusters: quick ? 3 : 10,
    scopes: quick ? 2 : 5,
  };
  const s: ScenarioResult = {
    id: 7,
    name: `rebuild a region: ${rebuild.notebooks} notebooks in ${rebuild.folders} folders, ${rebuild.jobs} jobs, ${rebuild.clusters} clusters into an empty workspace`,
    command: 'npm run bench -- --scenario 7',
    targets: [],
  };
  log(`\nScenario 7 — ${s.name}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'dr-bench-rebuild-'));
  const w = generateWorkload(dir, rebuild);
  try {
    const runs: Array<[string, boolean]> = [['archive', true]];
    if (withBaseline) runs.push(['per-file', false]);
    for (const [label, archive] of runs) {
      const world = await startWorld('engine', w, `dapi-bench-rebuild-${label}`);
      try {
        // The secondary is rebuilt; the primary is left empty (its state file is read, as always).
        const task: WorkerTask = { ...deployTask(world, w, archive), regions: ['secondary'] } as WorkerTask;
        const { m } = await measure(
          { ...world, how: archive ? 'engine, directory imports' : 'engine, --no-archive' },
          task,
          6,
        );
        printMeasure(label, m);
        if (archive) s.engine = m;
        else s.baseline = m;
      } finally {
        await world.emulator.stop();
      }
    }
    const e = s.engine!;
    s.targets.push({
      name: 'rebuild a region (directory imports)',
      target: '≤ 30 s',
      value: `${seconds(e.wallMs)}, peak RSS ${Math.round(e.maxRssMb)} MB${s.baseline ? `; per-file ${seconds(s.baseline.wallMs)}` : ''}`,
      met: e.ok && e.wallMs <= 30_000,
      applies: !quick && latencyMs === 50 && rateLimits === 'default',
      note: e.ok ? undefined : 'the deploy reported errors',
    });
    s.targets.push({
      name: `peak RSS rebuilding ${rebuild.notebooks} notebooks`,
      target: '< 200 MB at 10,000 notebooks',
      value: `${Math.round(e.maxRssMb)} MB${s.baseline ? `; per-file ${Math.round(s.baseline.maxRssMb)} MB` : ''}`,
      met: e.maxRssMb < 200,
      applies: rebuild.notebooks >= 10_000,
    });
    printTargets(s);
    compare(s);
    results.push(s);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const started = performance.now();
log(`databricks-dr benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
await deployScenarios();
await rebuildScenario();
await validateScenario();
await coldStartScenario();

const targets = results.flatMap((r) => r.targets.map((t) => ({ scenario: r.id, ...t })));
const missed = targets.filter((t) => !t.met && t.applies);
if (json) {
  console.log(
    JSON.stringify(
      {
        node: process.version,
        size,
        latencyMs,
        baseline: withBaseline,
        totalMs: round(performance.now() - started),
        scenarios: results,
        targets,
        missed: missed.length,
      },
      null,
      1,
    ),
  );
} else {
  log(`\nSummary (${seconds(performance.now() - started)} in all)`);
  for (const t of targets)
    log(
      `  ${t.met ? 'met   ' : t.applies ? 'MISSED' : 'n/a   '}  [${t.scenario}] ${t.name}: ${t.value} (target ${t.target})`,
    );
  for (const r of results.filter((x) => x.skipped)) log(`  skipped [${r.id}] ${r.name}: ${r.skipped}`);
}
if (missed.length > 0) process.exitCode = 1;
