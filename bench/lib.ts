/**
 * What the benchmark and the soak share: running a worker process, reading the emulator's request
 * log, and the lower bound a workload can possibly be done in.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { type ApiFamily, apiFamily } from '../src/core/client/rate-limits.js';
import type { RequestLogEntry } from '../src/emulator/index.js';
import { DOCUMENTED_RATE_LIMITS, type LimitFamily, limitFamily } from '../src/emulator/limits.js';
import type { WorkerOutcome, WorkerTask } from './worker.js';

/** The bundled worker (bench/run.mjs builds it and says where). */
export function workerPath(): string {
  const p = process.env.BENCH_WORKER;
  if (!p) throw new Error('BENCH_WORKER is not set: run the benchmarks through `node bench/run.mjs`');
  return p;
}

/**
 * Runs one task in a fresh Node process (the tool alone, as in CI) and returns its outcome.
 * `onSpawn` gets the process (the soak kills it with SIGKILL at a chosen request): a process
 * killed by a signal resolves with `killed` set instead of a result.
 */
export function runWorker(task: WorkerTask, onSpawn?: (child: ChildProcess) => void): Promise<WorkerOutcome> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    // BENCH_WORKER_NODE_OPTIONS: Node flags for the tool's process, for experiments (e.g. --max-old-space-size=100).
    const flags = (process.env.BENCH_WORKER_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...flags, workerPath(), JSON.stringify(task)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { PATH: process.env.PATH ?? '' },
    });
    onSpawn?.(child);
    let outcome: WorkerOutcome | undefined;
    child.on('message', (m) => {
      outcome = m as WorkerOutcome;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (outcome) resolve(outcome);
      else if (signal === 'SIGKILL')
        resolve({ ok: false, wallMs: Date.now() - started, maxRssMb: 0, killed: signal });
      else reject(new Error(`the worker exited with ${signal ?? code} and no result`));
    });
  });
}

export interface LogSummary {
  requests: number;
  reads: number;
  writes: number;
  /** Writes of the region lock (create, renew, delete; the state folder's mkdirs), not in `writes`. */
  lockWrites: number;
  byFamily: Partial<Record<ApiFamily, number>>;
  /** `GET /api/2.0/workspace/list` → count. */
  byEndpoint: Record<string, number>;
  byStatus: Record<string, number>;
  /** Injected faults by kind. */
  faults: Record<string, number>;
  /** 429s the emulator's own rate limiter answered (not injected): the client outran the limits. */
  rateLimited: number;
}

function isLockWrite(e: RequestLogEntry): boolean {
  return (
    e.mutation &&
    (e.object?.endsWith('/lock.json') === true ||
      (e.path === '/api/2.0/workspace/mkdirs' && e.object?.startsWith('/Shared/.databricks-dr/') === true))
  );
}

export function summarizeLog(entries: readonly RequestLogEntry[]): LogSummary {
  const s: LogSummary = {
    requests: 0,
    reads: 0,
    writes: 0,
    lockWrites: 0,
    byFamily: {},
    byEndpoint: {},
    byStatus: {},
    faults: {},
    rateLimited: 0,
  };
  for (const e of entries) {
    if (!e.path.startsWith('/api/')) continue;
    s.requests++;
    // Taking and releasing the region lock (lock.json, and the state folder it is made in) is
    // counted apart: a deploy that changes nothing still locks.
    if (isLockWrite(e)) s.lockWrites++;
    else if (e.mutation) s.writes++;
    else s.reads++;
    const family = apiFamily(e.method, e.path);
    s.byFamily[family] = (s.byFamily[family] ?? 0) + 1;
    const endpoint = `${e.method} ${e.path}`;
    s.byEndpoint[endpoint] = (s.byEndpoint[endpoint] ?? 0) + 1;
    s.byStatus[e.status] = (s.byStatus[e.status] ?? 0) + 1;
    if (e.fault) s.faults[e.fault] = (s.faults[e.fault] ?? 0) + 1;
    else if (e.status === 429) s.rateLimited++;
  }
  return s;
}

export interface FamilyBound {
  family: LimitFamily;
  count: number;
  rate: number;
  /** count / rate: the sustained-rate figure. */
  sustainedMs: number;
  /** latency + max(0, count - burst) / rate: what no client can beat against the server's bucket. */
  strictMs: number;
}

export interface Bound {
  /**
   * The lower bound as the benchmark's targets define it: max(rate bound, path bound), where the
   * rate bound is the largest count / rate over families and regions.
   */
  ms: number;
  /** What decided `ms`. */
  limitedBy: string;
  /**
   * A stricter bound that credits the server's burst: its token buckets start full with one second
   * of requests, so n requests of a family need only latency + (n - burst) / rate. No client can
   * beat this one; `ms` can be beaten by up to about a second.
   */
  strictMs: number;
  rateMs: number;
  pathMs: number;
  pathSteps: number;
  /** The slowest family per region (by count / rate). */
  families: Record<string, FamilyBound | undefined>;
}

/**
 * The fastest the requests a region received could be done, given the emulator's per-family rate
 * limits and its latency. Per region (regions are separate workspaces with their own limits, and
 * run in parallel):
 *
 *   rate bound   = max over families f of n_f / rate_f          (strict: latency + (n_f - burst_f) / rate_f)
 *   path bound   = steps × latency, the chain of requests that each need the previous answer
 *   lower bound  = max(rate bound, path bound), the largest over the regions
 *
 * Families without a documented limit (clusters, other) only count towards the path. Only
 * requests the emulator admitted consume its tokens, so its own 429s and injected faults are left
 * out.
 */
export function lowerBound(
  perRegion: Record<string, readonly RequestLogEntry[]>,
  latencyMs: number,
  pathSteps: number,
  rateLimited = true,
  /**
   * The regions' work is done one after the other by design (a failover fences the old active
   * region before it promotes the new one, so two regions never run jobs at once): the rate
   * bounds of the regions add up instead of overlapping.
   */
  regionsInSequence = false,
): Bound {
  let rateMs = 0;
  let strictRateMs = 0;
  let limitedBy = '';
  const inSequence: string[] = [];
  const families: Record<string, FamilyBound | undefined> = {};
  for (const [region, entries] of Object.entries(perRegion)) {
    // The server's families and rates: what the emulator enforces (src/emulator/limits.ts).
    const counts = new Map<LimitFamily, number>();
    for (const e of entries) {
      if (!e.path.startsWith('/api/') || e.fault || e.status === 429) continue;
      const f = limitFamily(e.method, e.path);
      if (f !== undefined) counts.set(f, (counts.get(f) ?? 0) + 1);
    }
    let worst: FamilyBound | undefined;
    let regionStrictMs = 0;
    for (const [family, count] of counts) {
      const rate = rateLimited ? DOCUMENTED_RATE_LIMITS[family] : undefined;
      if (rate === undefined) continue;
      const burst = Math.max(1, rate);
      const fb: FamilyBound = {
        family,
        count,
        rate,
        sustainedMs: (count / rate) * 1000,
        strictMs: latencyMs + (Math.max(0, count - burst) / rate) * 1000,
      };
      regionStrictMs = Math.max(regionStrictMs, fb.strictMs);
      if (!worst || fb.sustainedMs > worst.sustainedMs) worst = fb;
    }
    families[region] = worst;
    if (regionsInSequence) {
      rateMs += worst?.sustainedMs ?? 0;
      strictRateMs += regionStrictMs;
      if (worst)
        inSequence.push(`${region} ${worst.family}: ${worst.count} requests at ${round(worst.rate, 2)}/s`);
      continue;
    }
    strictRateMs = Math.max(strictRateMs, regionStrictMs);
    if (worst && worst.sustainedMs > rateMs) {
      rateMs = worst.sustainedMs;
      limitedBy = `${region} ${worst.family}: ${worst.count} requests at ${round(worst.rate, 2)}/s`;
    }
  }
  if (regionsInSequence) limitedBy = `one region after the other: ${inSequence.join(', then ')}`;
  const pathMs = pathSteps * latencyMs;
  if (pathMs >= rateMs) limitedBy = `path: ${pathSteps} dependent requests × ${latencyMs} ms`;
  return {
    ms: Math.max(rateMs, pathMs),
    limitedBy,
    strictMs: Math.max(strictRateMs, pathMs),
    rateMs,
    pathMs,
    pathSteps,
    families,
  };
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** `{a: 3, b: 1}` → "a 3, b 1", largest first. */
export function counts(map: Record<string, number | undefined>, limit = 12): string {
  const entries = Object.entries(map)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0)
    .sort((a, b) => b[1] - a[1]);
  const shown = entries.slice(0, limit).map(([k, n]) => `${k} ${n}`);
  if (entries.length > limit) shown.push(`… ${entries.length - limit} more`);
  return shown.join(', ');
}

/** Waits long enough for every token bucket of the emulator to refill (capacity = 1 s of rate). */
export const refill = () => new Promise((r) => setTimeout(r, 1100));
