/**
 * The tool's side of a benchmark or soak step, in its own process: the parent holds the emulated
 * workspaces and generates the repository; this process runs exactly what a CI job would (the
 * engine, nothing of the emulator), so wall time and peak RSS are the tool's own.
 *
 * Spawned by bench/scenarios.ts and bench/soak.ts with an IPC channel: the task comes in argv[2]
 * (JSON), the outcome goes back with process.send.
 */
import { performance } from 'node:perf_hooks';
import type { DatabricksClientOptions } from '../src/core/client/index.js';
import { runDeploy } from '../src/core/engine/run.js';
import type { Diagnostic } from '../src/core/errors.js';
import { failoverExitCode, runFailover } from '../src/core/failover/index.js';
import { keepYoungGenerationSmall } from '../src/core/heap.js';
import type { Logger } from '../src/core/logger.js';
import { exitCodeOf } from '../src/core/plan/render.js';
import type { CommandResult } from '../src/core/plan/types.js';
import type { ProgressUpdate, Reporter } from '../src/core/reporter.js';
import { hasErrors, validateFiles, validateProject } from '../src/core/validate/index.js';

export type ClientSettings = Partial<Omit<DatabricksClientOptions, 'region' | 'host' | 'tokenProvider'>>;

interface Common {
  configFile: string;
  cwd: string;
  env: Record<string, string>;
  client?: ClientSettings;
}

export type WorkerTask =
  | (Common & {
      kind: 'deploy';
      regions?: string[];
      /** Deploy the regions one after the other (one runDeploy per region), as a naive script would. */
      sequentialRegions?: string[];
      dryRun?: boolean;
      /** false: every notebook uploaded on its own (--no-archive). */
      archive?: boolean;
    })
  | (Common & { kind: 'failover'; to: string; sequentialRegions?: undefined })
  | { kind: 'validate'; configFile: string; cwd: string; perFile?: string[] }
  | { kind: 'probe' };

/** The tasks that run a command of the tool against the workspaces. */
export type CommandTask = Extract<WorkerTask, { kind: 'deploy' | 'failover' }>;

/** Retries and lost answers per region, read from the client's debug log lines. */
export interface RetryCounts {
  retries: number;
  /** status or error code → retries. */
  byReason: Record<string, number>;
  outcomeUnknown: number;
  gaveUp: number;
}

export interface RegionSummary {
  status: string;
  role?: string;
  epoch?: number;
  /** Runs jobs although it is not the active region (the command said so). */
  unfenced?: boolean;
  changes: Record<string, number>;
  unchanged: Record<string, number>;
  errors: string[];
  warnings: number;
}

export interface WorkerOutcome {
  ok: boolean;
  wallMs: number;
  maxRssMb: number;
  /** Set when the command threw (a configuration or validation error). */
  thrown?: string;
  /** The exit code the CLI would have given (deploy and failover). */
  exitCode?: number;
  /** Set by runWorker when the process was killed by this signal before it answered. */
  killed?: string;
  regions?: Record<string, RegionSummary>;
  activeRegion?: string;
  retries?: Record<string, RetryCounts>;
  /** validate only. */
  files?: number;
  diagnostics?: number;
  /** Peaks of process.memoryUsage(), sampled. */
  memory?: { heapUsedMb: number; heapTotalMb: number; externalMb: number; arrayBuffersMb: number };
  /** probe only: whether runFailover is available. */
  failover?: boolean;
}

class BenchReporter implements Reporter {
  redact(text: string): string {
    return text;
  }
  readonly retries: Record<string, RetryCounts> = {};
  readonly logger: Logger;
  constructor() {
    const counts = (region: string) => {
      this.retries[region] ??= { retries: 0, byReason: {}, outcomeUnknown: 0, gaveUp: 0 };
      return this.retries[region];
    };
    this.logger = {
      debug: (m) => {
        // HttpClient: "<region>: <METHOD> <path>: <status|code>, retrying in <ms> ms (attempt n)"
        let match = /^([^:]+): [A-Z]+ \S+: (\S+), retrying in /.exec(m);
        if (match) {
          const c = counts(match[1]);
          c.retries++;
          c.byReason[match[2]] = (c.byReason[match[2]] ?? 0) + 1;
          return;
        }
        match = /^([^:]+): [A-Z]+ \S+: answer lost /.exec(m);
        if (match) {
          counts(match[1]).outcomeUnknown++;
          return;
        }
        match = /^([^:]+): [A-Z]+ \S+: giving up /.exec(m);
        if (match) counts(match[1]).gaveUp++;
      },
      info: () => {},
      warning: () => {},
      error: () => {},
    };
  }
  mask(_secret: string): void {}
  annotate(_d: Diagnostic): void {}
  setOutput(_name: string, _value: string): void {}
  async summary(_markdown: string): Promise<void> {}
  progress(_u: ProgressUpdate): void {}
  async group<T>(_name: string, fn: () => Promise<T>): Promise<T> {
    return fn();
  }
}

function summarize(result: CommandResult): Record<string, RegionSummary> {
  const out: Record<string, RegionSummary> = {};
  for (const [name, r] of Object.entries(result.regions)) {
    const changes: Record<string, number> = {};
    for (const c of r.changes) {
      const key = `${c.kind} ${c.action} ${c.status}`;
      changes[key] = (changes[key] ?? 0) + 1;
    }
    out[name] = {
      status: r.status,
      role: r.role,
      epoch: r.epoch,
      unfenced: r.unfenced,
      changes,
      unchanged: { ...r.unchanged } as Record<string, number>,
      errors: [...r.errors, ...r.changes.filter((c) => c.error).map((c) => `${c.name}: ${c.error}`)].slice(
        0,
        8,
      ),
      warnings: r.warnings.length,
    };
  }
  return out;
}

/** The largest heap, external and array-buffer figures seen (sampled every 50 ms). */
const memoryPeak = { heapUsedMb: 0, heapTotalMb: 0, externalMb: 0, arrayBuffersMb: 0 };
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
  memoryPeak.heapUsedMb = Math.max(memoryPeak.heapUsedMb, mb(m.heapUsed));
  memoryPeak.heapTotalMb = Math.max(memoryPeak.heapTotalMb, mb(m.heapTotal));
  memoryPeak.externalMb = Math.max(memoryPeak.externalMb, mb(m.external));
  memoryPeak.arrayBuffersMb = Math.max(memoryPeak.arrayBuffersMb, mb(m.arrayBuffers));
}, 50);
sampler.unref();

const maxRssMb = () => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

async function run(task: WorkerTask): Promise<WorkerOutcome> {
  // runFailover landed while these benchmarks were written; the probe stays so a build without it
  // (typeof check) reports "skipped" instead of failing.
  if (task.kind === 'probe')
    return { ok: true, wallMs: 0, maxRssMb: maxRssMb(), failover: typeof runFailover === 'function' };
  if (task.kind === 'validate') {
    const t = performance.now();
    if (task.perFile) {
      let diagnostics = 0;
      for (const f of task.perFile) diagnostics += validateFiles([f], { cwd: task.cwd }).diagnostics.length;
      return {
        ok: diagnostics === 0,
        wallMs: performance.now() - t,
        maxRssMb: maxRssMb(),
        files: task.perFile.length,
        diagnostics,
      };
    }
    const report = validateProject(task.configFile, { cwd: task.cwd, env: {} });
    return {
      ok: !hasErrors(report),
      wallMs: performance.now() - t,
      maxRssMb: maxRssMb(),
      files: report.files,
      diagnostics: report.diagnostics.length,
    };
  }
  const reporter = new BenchReporter();
  const base = { configFile: task.configFile, cwd: task.cwd, env: task.env, reporter, client: task.client };
  const t = performance.now();
  let result: CommandResult = { command: task.kind, regions: {} };
  try {
    if (task.kind === 'failover') {
      result = await runFailover({ ...base, to: task.to });
    } else if (task.sequentialRegions) {
      for (const region of task.sequentialRegions) {
        const one = await runDeploy({
          ...base,
          regions: [region],
          dryRun: task.dryRun,
          archive: task.archive,
        });
        Object.assign(result.regions, one.regions);
        result.command = one.command;
        result.activeRegion ??= one.activeRegion;
      }
    } else {
      result = await runDeploy({
        ...base,
        regions: task.regions,
        dryRun: task.dryRun,
        archive: task.archive,
      });
    }
  } catch (err) {
    return {
      ok: false,
      exitCode: 1,
      wallMs: performance.now() - t,
      maxRssMb: maxRssMb(),
      thrown: err instanceof Error ? err.message : String(err),
      retries: reporter.retries,
    };
  }
  const wallMs = performance.now() - t;
  const regions = summarize(result);
  return {
    ok: Object.values(regions).every((r) => r.status === 'ok'),
    exitCode: task.kind === 'failover' ? failoverExitCode(result, task.to) : exitCodeOf(result),
    wallMs,
    maxRssMb: maxRssMb(),
    regions,
    activeRegion: result.activeRegion,
    retries: reporter.retries,
  };
}

// As the CLI and every action do before running a command.
keepYoungGenerationSmall();
const task = JSON.parse(process.argv[2] ?? '{"kind":"probe"}') as WorkerTask;
const outcome = await run(task);
outcome.memory = { ...memoryPeak };
if (process.send) {
  process.send(outcome, () => process.disconnect());
} else {
  console.log(JSON.stringify(outcome));
}
