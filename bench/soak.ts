/**
 * `npm run soak`: seeded full deploys (and a failover every fifth run) against two emulated
 * workspaces answering 10% of requests with 429, 5% with 503, dropping 2% of connections before
 * the request is read and losing 1% of answers after the request took effect.
 *
 * Every run changes the repository (20% of notebooks and jobs, an added and a removed notebook
 * and job, now and then a cluster or a secret value), so every run writes. After each run:
 * - always: no job, cluster or scope is duplicated, in either region;
 * - for each region the run reported ok: the workspace holds exactly the desired state (every
 *   notebook, job, cluster, scope and secret once, with the right content, passive settings in the
 *   passive region, runnable settings in the active one, nothing left over);
 * - a region that failed under faults must be converged by a later run.
 * At the end, faults off, one clean deploy, and the exact check must pass in both regions.
 *
 * Options: --runs 20 --seed 1 --latency 2 --failover-every 5 --json
 *          --notebooks 60 --folders 6 --jobs 12 --clusters 3 --scopes 3 --retry-after 1
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  type EmulatedWorkspace,
  type FaultSpec,
  mulberry32,
  startEmulator,
  type WorkspaceState,
} from '../src/emulator/index.js';
import { counts, round, runWorker, seconds, summarizeLog } from './lib.js';
import {
  killedRun,
  type MutationCounts,
  mutationsOf,
  planStep,
  type Rates,
  raced,
  roleProblems,
} from './soak-steps.js';
import type { CommandTask, WorkerOutcome } from './worker.js';
import {
  changeCluster,
  changeFraction,
  generateWorkload,
  secretEnv,
  type Workload,
  writeExtraJob,
  writeExtraNotebook,
} from './workload.js';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    latency: { type: 'string', default: '2' },
    'failover-every': { type: 'string', default: '5' },
    notebooks: { type: 'string', default: '60' },
    folders: { type: 'string', default: '6' },
    jobs: { type: 'string', default: '12' },
    clusters: { type: 'string', default: '3' },
    scopes: { type: 'string', default: '3' },
    'retry-after': { type: 'string', default: '1' },
    'kill-rate': { type: 'string', default: '0.25' },
    'race-rate': { type: 'string', default: '0.2' },
    lease: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});
const runs = Number(opts.runs);
const seed = Number(opts.seed);
const latencyMs = Number(opts.latency);
const failoverEvery = Number(opts['failover-every']);
const retryAfter = Number(opts['retry-after']);
const json = opts.json === true;
const rates: Rates = {
  kill: Number(opts['kill-rate']),
  race: Number(opts['race-rate']),
  failoverEvery,
};
const leaseSeconds = Number(opts.lease);
const size = {
  notebooks: Number(opts.notebooks),
  folders: Number(opts.folders),
  jobs: Number(opts.jobs),
  clusters: Number(opts.clusters),
  scopes: Number(opts.scopes),
};
const log = (line = '') => {
  if (!json) console.log(line);
};

/**
 * 10% 429, 5% 503, 2% resets, 1% lost answers, of all requests. Rules are tried in order and the
 * first that fires wins, so each later rule's p is conditional on the earlier ones not firing.
 */
function faultSpec(s: number): FaultSpec {
  return {
    seed: s,
    rules: [
      { fault: '429', p: 0.1, retry_after: retryAfter },
      { fault: '503', p: 0.05 / 0.9, retry_after: retryAfter },
      { fault: 'reset', p: 0.02 / 0.85 },
      { fault: 'lost', p: 0.01 / 0.83 },
    ],
  };
}

// ------------------------------------------------------------------------------------------------
// The desired state, read back from the repository as it is now

interface DesiredJob {
  name: string;
  description: string;
  maxConcurrentRuns: number;
  clusterNames: string[];
}

interface Desired {
  /** workspace path → { type, content } */
  notebooks: Map<string, { type: 'NOTEBOOK' | 'FILE'; content: Buffer }>;
  jobs: DesiredJob[];
  clusters: { name: string; autotermination: number }[];
  scopes: { name: string; secrets: Record<string, string> }[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function desiredState(w: Workload, env: Record<string, string>): Desired {
  const notebooks = new Map<string, { type: 'NOTEBOOK' | 'FILE'; content: Buffer }>();
  const source = path.join(w.root, 'notebooks');
  for (const file of walk(source)) {
    const rel = path.relative(source, file).split(path.sep).join('/');
    const content = readFileSync(file);
    // A source file is a notebook when its first line is the Databricks header for its language.
    const header = { '.py': '# ', '.sql': '-- ' }[path.extname(rel)];
    const isNotebook =
      header !== undefined && content.toString('utf8').startsWith(`${header}Databricks notebook source`);
    notebooks.set(`${w.target}/${isNotebook ? rel.replace(/\.(py|sql)$/, '') : rel}`, {
      type: isNotebook ? 'NOTEBOOK' : 'FILE',
      content,
    });
  }
  const readJson = (dir: string) =>
    readdirSync(path.join(w.root, dir))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(path.join(w.root, dir, f), 'utf8')) as Record<string, unknown>);
  const jobs = readJson('jobs').map((j) => ({
    name: String(j.name),
    description: String(j.description),
    maxConcurrentRuns: Number(j.max_concurrent_runs ?? 1),
    clusterNames: (j.tasks as Record<string, unknown>[]).map((t) => String(t.existing_cluster_name ?? '')),
  }));
  const clusters = readJson('clusters').map((c) => ({
    name: String(c.cluster_name),
    autotermination: Number(c.autotermination_minutes),
  }));
  const scopes = readJson('secret-scopes').map((s) => ({
    name: String(s.scope),
    secrets: Object.fromEntries(
      Object.entries(s.secrets as Record<string, { env: string }>).map(([k, v]) => [k, env[v.env]]),
    ),
  }));
  return { notebooks, jobs, clusters, scopes };
}

// ------------------------------------------------------------------------------------------------
// Checks

const OWNER_TAG = 'databricks-dr';

function stateFile(ws: WorkspaceState, name: string): { role?: string; epoch?: number } {
  const o = ws.objects[`/Shared/.databricks-dr/${name}/state.json`];
  if (!o?.content) return {};
  return JSON.parse(Buffer.from(o.content, 'base64').toString('utf8')) as { role?: string; epoch?: number };
}

/** What must hold after every run, whatever failed: nothing duplicated. */
function invariants(region: string, s: WorkspaceState, w: Workload): string[] {
  const problems: string[] = [];
  const dup = (what: string, names: string[]) => {
    const seen = new Map<string, number>();
    for (const n of names) seen.set(n, (seen.get(n) ?? 0) + 1);
    for (const [n, c] of seen) if (c > 1) problems.push(`${region}: ${what} "${n}" exists ${c} times`);
  };
  dup(
    'job',
    Object.values(s.jobs)
      .filter((j) => (j.settings.tags as Record<string, string> | undefined)?.[OWNER_TAG] === w.name)
      .map((j) => String(j.settings.name).toLowerCase()),
  );
  dup(
    'cluster',
    Object.values(s.clusters).map((c) => String(c.spec.cluster_name)),
  );
  dup(
    'scope',
    Object.values(s.scopes).map((x) => x.name),
  );
  return problems;
}

/** The exact desired state of one region in the role it has. */
function exact(region: string, role: string, s: WorkspaceState, w: Workload, d: Desired): string[] {
  const problems: string[] = [];
  const passive = role === 'passive';
  // Notebooks: each once, with its content; nothing else in the target but folders and the manifest.
  for (const [p, want] of d.notebooks) {
    const o = s.objects[p];
    if (!o) problems.push(`${region}: notebook ${p} missing`);
    else if (o.object_type !== want.type)
      problems.push(`${region}: ${p} is a ${o.object_type}, not a ${want.type}`);
    else if (!Buffer.from(o.content ?? '', 'base64').equals(want.content))
      problems.push(`${region}: ${p} has stale content`);
  }
  const manifest = `${w.target}/.databricks-dr-manifest.json`;
  for (const o of Object.values(s.objects)) {
    if (!o.path.startsWith(`${w.target}/`) || o.object_type === 'DIRECTORY' || o.path === manifest) continue;
    if (!d.notebooks.has(o.path)) problems.push(`${region}: ${o.path} should have been deleted`);
  }
  // Clusters: each once, pinned, this revision, the region's variables; terminated when passive.
  const clusterIds = new Map<string, string>();
  const owned = Object.values(s.clusters).filter(
    (c) => (c.spec.custom_tags as Record<string, string> | undefined)?.[OWNER_TAG] === w.name,
  );
  for (const want of d.clusters) {
    const mine = owned.filter((c) => c.spec.cluster_name === want.name);
    if (mine.length !== 1) {
      problems.push(`${region}: cluster ${want.name} exists ${mine.length} times`);
      continue;
    }
    const c = mine[0];
    clusterIds.set(want.name, c.cluster_id);
    if (!c.is_pinned) problems.push(`${region}: cluster ${want.name} is not pinned`);
    if (c.spec.autotermination_minutes !== want.autotermination)
      problems.push(`${region}: cluster ${want.name} has a stale spec`);
    if ((c.spec.spark_env_vars as Record<string, string> | undefined)?.DR_REGION !== region)
      problems.push(`${region}: cluster ${want.name} has another region's variables`);
    if (passive && c.state !== 'TERMINATED' && c.state !== 'TERMINATING')
      problems.push(`${region}: cluster ${want.name} is ${c.state} in the passive region`);
  }
  if (owned.length !== d.clusters.length)
    problems.push(`${region}: ${owned.length} managed clusters, ${d.clusters.length} wanted`);
  // Jobs: each once, this revision, tasks on this region's clusters, passive or runnable by role.
  const jobs = Object.values(s.jobs).filter(
    (j) => (j.settings.tags as Record<string, string> | undefined)?.[OWNER_TAG] === w.name,
  );
  for (const want of d.jobs) {
    const mine = jobs.filter((j) => String(j.settings.name).toLowerCase() === want.name.toLowerCase());
    if (mine.length !== 1) {
      problems.push(`${region}: job ${want.name} exists ${mine.length} times`);
      continue;
    }
    const st = mine[0].settings;
    if (st.description !== want.description) problems.push(`${region}: job ${want.name} has stale settings`);
    const tasks = st.tasks as Record<string, unknown>[];
    want.clusterNames.forEach((name, i) => {
      if (name && tasks[i]?.existing_cluster_id !== clusterIds.get(name))
        problems.push(`${region}: job ${want.name} task ${i} is not on cluster ${name} of this region`);
    });
    const schedule = (st.schedule as { pause_status?: string } | undefined)?.pause_status;
    const queue = (st.queue as { enabled?: boolean } | undefined)?.enabled;
    if (passive) {
      if (st.max_concurrent_runs !== 0 || schedule !== 'PAUSED' || queue !== false)
        problems.push(
          `${region}: job ${want.name} is not passive (max_concurrent_runs ${st.max_concurrent_runs}, schedule ${schedule}, queue ${queue})`,
        );
    } else if (
      st.max_concurrent_runs !== want.maxConcurrentRuns ||
      schedule !== 'UNPAUSED' ||
      queue !== true
    ) {
      problems.push(
        `${region}: job ${want.name} is not runnable (max_concurrent_runs ${st.max_concurrent_runs}, schedule ${schedule}, queue ${queue})`,
      );
    }
  }
  if (jobs.length !== d.jobs.length)
    problems.push(`${region}: ${jobs.length} managed jobs, ${d.jobs.length} wanted`);
  // Scopes and secret values.
  for (const want of d.scopes) {
    const scope = s.scopes[want.name];
    if (!scope) {
      problems.push(`${region}: scope ${want.name} missing`);
      continue;
    }
    // The emulator keeps secret values base64-encoded, as the API's get-secret returns them.
    for (const [key, value] of Object.entries(want.secrets))
      if (Buffer.from(scope.secrets[key]?.value ?? '', 'base64').toString('utf8') !== value)
        problems.push(`${region}: secret ${want.name}/${key} is stale`);
    if (scope.acls.users !== 'READ') problems.push(`${region}: scope ${want.name} ACL for users is not READ`);
  }
  if (Object.keys(s.scopes).length !== d.scopes.length)
    problems.push(`${region}: ${Object.keys(s.scopes).length} scopes, ${d.scopes.length} wanted`);
  return problems;
}

// ------------------------------------------------------------------------------------------------

interface RunRecord {
  run: number;
  command: string;
  wallMs: number;
  status: Record<string, string>;
  requests: number;
  faults: Record<string, number>;
  retries: Record<string, number>;
  retriesByReason: Record<string, number>;
  outcomeUnknown: number;
  exactChecked: string[];
  problems: string[];
  errors: string[];
}

const started = performance.now();
const dir = mkdtempSync(path.join(tmpdir(), 'dr-soak-'));
const w = generateWorkload(dir, size, 'soak-platform');
// A short lease, so a run after a killed one takes its lock over in seconds; a long wait, so the
// second of two commands at once waits for the first instead of giving up.
appendFileSync(w.configFile, `lock: { wait_seconds: 300, lease_seconds: ${leaseSeconds} }\n`);
const emulator = await startEmulator({
  workspaces: [{ name: 'primary' }, { name: 'secondary' }],
  token: 'dapi-soak',
  latencyMs,
  rateLimits: 'default',
  entra: false,
  clusterStartMs: 20,
  clusterTerminateMs: 20,
});
const [primary, secondary] = emulator.workspaces;
let secrets = secretEnv(size, 'r0');
const envOf = (): Record<string, string> => ({
  DATABRICKS_DR_HOST_PRIMARY: primary.url,
  DATABRICKS_DR_HOST_SECONDARY: secondary.url,
  DATABRICKS_TOKEN_PRIMARY: primary.token,
  DATABRICKS_TOKEN_SECONDARY: secondary.token,
  ...secrets,
});
const task = (kind: 'deploy' | 'failover', to?: string): CommandTask =>
  kind === 'deploy'
    ? { kind, configFile: w.configFile, cwd: w.root, env: envOf(), client: { rateLimits: 'default' } }
    : {
        kind,
        configFile: w.configFile,
        cwd: w.root,
        env: envOf(),
        client: { rateLimits: 'default' },
        to: to!,
      };

const records: RunRecord[] = [];
let violations = 0;
const probe = await runWorker({ kind: 'probe' });
log(
  `Soak: ${runs} runs, seed ${seed}, ${latencyMs} ms latency, documented rate limits; faults 10% 429, 5% 503, 2% reset, 1% lost ` +
    `(Retry-After ${retryAfter} s); failover every ${failoverEvery} runs${probe.failover ? '' : ' — SKIPPED: runFailover is not available'}`,
);
log(
  `Workload: ${size.notebooks} notebooks in ${size.folders} folders, ${size.jobs} jobs, ${size.clusters} clusters, ${size.scopes} scopes`,
);

function check(
  run: number,
  outcome: WorkerOutcome,
  record: RunRecord,
  states: Record<string, WorkspaceState>,
) {
  const d = desiredState(w, envOf());
  for (const ws of emulator.workspaces) {
    const s = states[ws.name];
    const problems = invariants(ws.name, s, w);
    const regionOk = outcome.regions?.[ws.name]?.status === 'ok';
    if (regionOk) {
      const role = stateFile(s, w.name).role ?? '?';
      problems.push(...exact(ws.name, role, s, w, d));
      record.exactChecked.push(ws.name);
    }
    record.problems.push(...problems);
  }
  // Two state files saying active are judged with the roles (soak-steps.ts roleProblems).
  void run;
}

/**
 * The checker checks itself once, on a copy of the state after the first run: a duplicated job, a
 * missing notebook and a running cluster in the passive region must each be reported.
 */
function selfTest(states: Record<string, WorkspaceState>): void {
  const d = desiredState(w, envOf());
  const s = structuredClone(states.secondary);
  const [job] = Object.values(s.jobs);
  s.jobs['999999'] = { ...job, job_id: 999999 };
  const [notebook] = [...d.notebooks.keys()];
  delete s.objects[notebook];
  const [cluster] = Object.values(s.clusters);
  cluster.state = 'RUNNING';
  const found = [...invariants('secondary', s, w), ...exact('secondary', 'passive', s, w, d)];
  const expected = [
    `job "${String(job.settings.name).toLowerCase()}" exists 2 times`,
    `notebook ${notebook} missing`,
    'RUNNING in the passive region',
  ];
  const missed = expected.filter((e) => !found.some((f) => f.includes(e)));
  if (missed.length > 0) {
    violations++;
    log(`       CHECKER SELF-TEST FAILED: did not report ${missed.join('; ')}`);
  } else {
    log(
      `       checker self-test: a planted duplicate job, missing notebook and running passive cluster were all reported`,
    );
  }
}

function accumulate(record: RunRecord, outcome: WorkerOutcome, wss: EmulatedWorkspace[]) {
  record.wallMs += outcome.wallMs;
  for (const [r, s] of Object.entries(outcome.regions ?? {})) {
    record.status[r] = record.status[r] && record.status[r] !== 'ok' ? record.status[r] : s.status;
    record.errors.push(...s.errors.map((e) => `${r}: ${e}`));
  }
  if (outcome.thrown) record.errors.push(outcome.thrown);
  for (const [r, c] of Object.entries(outcome.retries ?? {})) {
    record.retries[r] = (record.retries[r] ?? 0) + c.retries;
    record.outcomeUnknown += c.outcomeUnknown;
    for (const [reason, n] of Object.entries(c.byReason))
      record.retriesByReason[reason] = (record.retriesByReason[reason] ?? 0) + n;
  }
  for (const ws of wss) {
    const s = summarizeLog(ws.requests());
    record.requests += s.requests;
    for (const [k, n] of Object.entries(s.faults)) record.faults[k] = (record.faults[k] ?? 0) + n;
    ws.clearRequests();
  }
}

let active = 'primary';
let previousExtras: string[] = [];
/** The target of a failover that finished with a non-zero exit: run again at the next step. */
let unfinishedFailover: string | undefined;
function noteFailover(t: CommandTask, o: WorkerOutcome): void {
  if (t.kind !== 'failover' || o.killed) return;
  unfinishedFailover = o.exitCode === 0 ? undefined : t.to;
}
const rng = mulberry32(seed * 7919 + 17);
const regionNames = emulator.workspaces.map((ws) => ws.name);
const mutations: MutationCounts = {};
const steps = { kills: 0, races: 0 };
/** Clusters finish TERMINATING before the workspaces are read back. */
const settle = () => new Promise((r) => setTimeout(r, 60));
const readStates = (): Record<string, WorkspaceState> =>
  Object.fromEntries(emulator.workspaces.map((ws) => [ws.name, ws.state()]));
/** Two commands of one step: a region is judged exact when both were ok there. */
function bothOk(a: WorkerOutcome, b: WorkerOutcome): WorkerOutcome {
  return {
    ...b,
    regions: Object.fromEntries(
      Object.entries(b.regions ?? {}).map(([r, s]) => [
        r,
        { ...s, status: s.status === 'ok' && a.regions?.[r]?.status === 'ok' ? 'ok' : s.status },
      ]),
    ),
  };
}
try {
  for (let run = 1; run <= runs; run++) {
    // Change the repository: 20% of notebooks and jobs, an added and a removed notebook and job,
    // every fourth run a cluster, every third run the secret values.
    changeFraction(w, 0.2, run, run);
    const extras = [writeExtraNotebook(w, run), writeExtraJob(w, run)];
    for (const file of previousExtras) rmSync(file);
    previousExtras = extras;
    if (run % 4 === 0 && size.clusters > 0) changeCluster(w, run % size.clusters, run);
    if (run % 3 === 0) secrets = secretEnv(size, `r${run}`);

    const setFaults = (on: boolean) =>
      emulator.workspaces.forEach((ws, i) => {
        ws.setFaults(on ? faultSpec(seed * 1000 + run * 10 + i) : undefined);
      });
    setFaults(true);
    for (const ws of emulator.workspaces) ws.clearRequests();
    const record: RunRecord = {
      run,
      command: 'deploy',
      wallMs: 0,
      status: {},
      requests: 0,
      faults: {},
      retries: {},
      retriesByReason: {},
      outcomeUnknown: 0,
      exactChecked: [],
      problems: [],
      errors: [],
    };
    const plan = planStep(rng, run, rates, regionNames, mutations);
    const other = () => (active === 'primary' ? 'secondary' : 'primary');
    /** Runs one command, counts it, and remembers how many writes it made (kill points' range). */
    const one = async (t: CommandTask) => {
      const o = await runWorker(t);
      Object.assign(mutations, mutationsOf(t.kind, emulator.workspaces));
      accumulate(record, o, emulator.workspaces);
      noteFailover(t, o);
      return o;
    };
    let outcome: WorkerOutcome;
    record.command = '';
    // A failover that exited non-zero is run again first, as its output tells the operator to
    // (until then no region may be recorded active, and deploy refuses to guess one).
    const again = unfinishedFailover;
    if (again) {
      const o = await one(task('failover', again));
      if (o.regions?.[again]?.status === 'ok') active = again;
      record.command = `failover --to ${again} again; `;
    }
    if (plan.kind === 'deploy' || plan.kind === 'deploy + failover') {
      record.command += 'deploy';
      const deployed = await one(task('deploy'));
      outcome = deployed;
      if (probe.failover && plan.kind === 'deploy + failover') {
        const to = other();
        record.command += ` + failover --to ${to}`;
        const failed = await one(task('failover', to));
        if (failed.regions?.[to]?.status === 'ok') active = to;
        outcome = bothOk(deployed, failed);
      }
      await settle();
      const states = readStates();
      record.problems.push(...roleProblems([{ task: task('deploy'), outcome }], states, w.name));
      check(run, outcome, record, states);
    } else if (plan.kind === 'kill deploy' || plan.kind === 'kill failover') {
      // The command is killed at its kill point (under faults); then, faults off, the same command
      // again must complete everything: exit 0 in every region, both exact.
      if (plan.kind === 'kill failover') await one(task('deploy'));
      const t = plan.kind === 'kill deploy' ? task('deploy') : task('failover', other());
      record.command += `${plan.kind === 'kill deploy' ? 'deploy' : `failover --to ${other()}`} killed at ${plan.region} write ${plan.nth}${plan.forward ? '' : ' (unsent)'}`;
      const killedOutcome = await killedRun(t, emulator.workspaces, plan);
      accumulate(record, killedOutcome, emulator.workspaces);
      if (killedOutcome.killed) steps.kills++;
      else record.command += ' (not reached)';
      await settle();
      let states = readStates();
      record.problems.push(...roleProblems([{ task: t, outcome: killedOutcome }], states, w.name));
      check(run, {} as WorkerOutcome, record, states);
      setFaults(false);
      const again = await one(t);
      if (t.kind === 'failover' && again.regions?.[t.to]?.status === 'ok') active = t.to;
      if (again.exitCode !== 0 || !again.ok)
        record.problems.push(
          `the run after the kill did not converge (exit ${again.exitCode}): ${JSON.stringify(again.regions ?? again.thrown)}`,
        );
      await settle();
      states = readStates();
      record.problems.push(...roleProblems([{ task: t, outcome: again }], states, w.name));
      // Every region the convergence run reported ok is judged exact.
      outcome = again;
      check(run, outcome, record, states);
    } else {
      // Two commands at once (under faults): the second waits for the first's locks.
      const second = plan.kind === 'race deploy/deploy' ? task('deploy') : task('failover', other());
      record.command += `deploy ‖ ${second.kind === 'failover' ? `failover --to ${second.to}` : 'deploy'} (+${plan.delayMs} ms)`;
      const pair = await raced(task('deploy'), second, plan.delayMs ?? 0);
      noteFailover(second, pair[1]);
      steps.races++;
      accumulate(record, pair[0], []);
      accumulate(record, pair[1], emulator.workspaces);
      if (second.kind === 'failover' && pair[1].regions?.[second.to]?.status === 'ok') active = second.to;
      outcome = bothOk(pair[0], pair[1]);
      await settle();
      const states = readStates();
      record.problems.push(
        ...roleProblems(
          [
            { task: task('deploy'), outcome: pair[0] },
            { task: second, outcome: pair[1] },
          ],
          states,
          w.name,
        ),
      );
      check(run, outcome, record, states);
    }
    const states = readStates();
    const roles = emulator.workspaces
      .map((ws) => `${ws.name} ${stateFile(states[ws.name], w.name).role}`)
      .join(', ');
    records.push(record);
    log(
      `run ${String(run).padStart(2)} ${record.command.padEnd(30)} ${seconds(record.wallMs).padStart(8)}  ` +
        `${Object.entries(record.status)
          .map(([r, s]) => `${r} ${s}`)
          .join(', ')}  [${roles}]  requests ${record.requests}, faults ${counts(record.faults)}; ` +
        `retries ${counts(record.retries)} (${counts(record.retriesByReason)}), lost answers checked ${record.outcomeUnknown}` +
        `${record.exactChecked.length ? `; exact: ${record.exactChecked.join(', ')}` : ''}`,
    );
    violations += record.problems.length;
    for (const e of record.errors.slice(0, 3)) log(`       error (under faults): ${e}`);
    for (const p of record.problems) log(`       VIOLATION: ${p}`);
    if (run === 1) selfTest(states);
  }

  // The final check: faults off, one clean deploy, both regions exact.
  for (const ws of emulator.workspaces) {
    ws.setFaults(undefined);
    ws.clearRequests();
  }
  const final = await runWorker(task('deploy'));
  await new Promise((r) => setTimeout(r, 60));
  const states = Object.fromEntries(emulator.workspaces.map((ws) => [ws.name, ws.state()]));
  const d = desiredState(w, envOf());
  const finalProblems: string[] = [];
  for (const ws of emulator.workspaces) {
    const s = states[ws.name];
    const role = stateFile(s, w.name).role ?? '?';
    finalProblems.push(...invariants(ws.name, s, w), ...exact(ws.name, role, s, w, d));
    if (final.regions?.[ws.name]?.status !== 'ok')
      finalProblems.push(
        `${ws.name}: the clean deploy reported ${final.regions?.[ws.name]?.status ?? final.thrown}`,
      );
  }
  const roles = emulator.workspaces.map((ws) => stateFile(states[ws.name], w.name).role);
  if (roles.filter((r) => r === 'active').length !== 1)
    finalProblems.push(`roles after the soak: ${roles.join(', ')}`);
  if (stateFile(states[active], w.name).role !== 'active')
    finalProblems.push(`${active} should be active after the last successful failover`);
  const finalSummary = summarizeLog(emulator.workspaces.flatMap((ws) => ws.requests()));

  const failedRuns = records.filter((r) => Object.values(r.status).some((s) => s !== 'ok')).length;
  const totals = {
    requests: records.reduce((n, r) => n + r.requests, 0),
    faults: records.reduce<Record<string, number>>((acc, r) => {
      for (const [k, n] of Object.entries(r.faults)) acc[k] = (acc[k] ?? 0) + n;
      return acc;
    }, {}),
    retries: records.reduce((n, r) => n + Object.values(r.retries).reduce((a, b) => a + b, 0), 0),
    outcomeUnknown: records.reduce((n, r) => n + r.outcomeUnknown, 0),
  };
  const totalMs = performance.now() - started;
  const ok = violations === 0 && finalProblems.length === 0;
  if (json) {
    console.log(
      JSON.stringify(
        {
          ok,
          runs: records,
          final: {
            problems: finalProblems,
            writes: finalSummary.writes,
            requests: finalSummary.requests,
            roles,
          },
          totals,
          failedRuns,
          kills: steps.kills,
          races: steps.races,
          failovers: records.filter((r) => r.command.includes('failover')).length,
          violations,
          totalMs: round(totalMs),
          size,
          seed,
          latencyMs,
        },
        null,
        1,
      ),
    );
  } else {
    log(
      `\nfinal clean deploy: ${finalSummary.requests} requests, ${finalSummary.writes} writes; roles ${roles.join(', ')}`,
    );
    for (const p of finalProblems) log(`  FINAL: ${p}`);
    log(
      `\n${ok ? 'PASS' : 'FAIL'}: ${records.length} runs in ${seconds(totalMs)} ` +
        `(${records.filter((r) => r.command.includes('failover')).length} with a failover, ${steps.kills} commands killed, ${steps.races} races); ${totals.requests} requests, faults ${counts(totals.faults)}, ` +
        `${totals.retries} retries, ${totals.outcomeUnknown} lost answers checked by name; ${failedRuns} runs partly failed under faults ` +
        `(converged later: ${finalProblems.length === 0 ? 'yes' : 'NO'}); ${violations} violations after runs; final state ${finalProblems.length === 0 ? 'exact' : 'WRONG'}`,
    );
  }
  if (!ok) process.exitCode = 1;
} finally {
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
}
