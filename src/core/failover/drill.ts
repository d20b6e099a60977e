/**
 * failover --drill --to R: the rehearsal the DR guidance asks for, as one command. Promote R, run
 * the config's smoke job there and wait for it, then give the roles back exactly as they were —
 * also when the smoke job fails. Reports each step's time: the measured RTO of the tool's part.
 */

import { isRunningLike } from '../assets/clusters/index.js';
import { describeError } from '../client/describe.js';
import type { DatabricksClient } from '../client/index.js';
import { loadConfig } from '../config/load.js';
import type { DrConfig } from '../config/types.js';
import { ConfigurationError, UsageError } from '../errors.js';
import { ownsJob } from '../ownership.js';
import type { CommandResult } from '../plan/types.js';
import type { Reporter } from '../reporter.js';
import type { RoleView } from '../roles/index.js';
import { lockAndReadRoles } from '../roles/locked.js';
import { createClients, regionProbe, runIdentity } from '../session/clients.js';
import type { LockSet } from '../state/region-locks.js';
import { FAILOVER_PROBE, type FailoverOptions, runFailover, targetRegion } from './index.js';

export interface DrillStep {
  step: 'promote' | 'smoke test' | 'restore';
  status: 'ok' | 'failed' | 'skipped';
  ms: number;
  detail?: string;
}

export interface DrillReport {
  target: string;
  restoredTo?: string;
  steps: DrillStep[];
  smokeJob: string;
  runId?: number;
  resultState?: string;
}

export interface DrillOptions extends FailoverOptions {
  /** How often to look at the smoke run: fixed when given, else from 0.5 s doubling to 15 s. */
  pollMs?: number;
}

export async function runDrill(options: DrillOptions): Promise<CommandResult & { drillReport: DrillReport }> {
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now;
  const config = loadConfig(options.configFile, { env });
  if (!config.drill) {
    throw new ConfigurationError(
      'failover --drill needs a smoke job: add `drill: { job: <a job of this config>, timeout_minutes: 30 }` to the config',
    );
  }
  const target = targetRegion(config, options.to);

  // The roles before the drill, to give back afterwards.
  const clients = await createClients(
    config.regions,
    env,
    options.reporter,
    options.client,
    (region, message) => {
      if (region === target) throw new ConfigurationError(`region ${region.name}: ${message}`);
    },
  );
  const report: DrillReport = { target: target.name, steps: [], smokeJob: config.drill.job };
  let result: CommandResult | undefined;
  let locks: LockSet | undefined;
  try {
    // The drill holds the locks from before the promotion until the roles are given back.
    const locked = await lockAndReadRoles(config, clients, {
      command: `failover --drill --to ${target.name}`,
      identity: runIdentity(env),
      reporter: options.reporter,
      probe: options.probe ?? regionProbe(env, FAILOVER_PROBE),
      waitSeconds: options.lockWaitSeconds,
      pollMs: options.lockPollMs,
    });
    locks = locked.locks;
    const before = locked.view;
    const previous = activeBeforeDrill(before, target.name, config);
    // Passivating the active region terminates its clusters: remember which were running, to
    // start them again when the roles are given back.
    const previousClient = clients.get(previous)!;
    const wasRunning = await runningClusters(
      previousClient,
      before.regions.get(previous)?.state?.clusters ?? {},
    );

    // 1. Promote.
    let t = now();
    const promoted = await runFailover({ ...options, to: target.name, locks });
    const promoteOk = promoted.regions[target.name]?.status === 'ok';
    report.steps.push({
      step: 'promote',
      status: promoteOk ? 'ok' : 'failed',
      ms: now() - t,
      detail: promoteOk ? undefined : promoted.regions[target.name]?.errors.join('; '),
    });

    // 2. The smoke job, in the promoted region.
    if (promoteOk) await smokeStep(clients.get(target.name)!, config, target.name, options, report, now);
    else report.steps.push({ step: 'smoke test', status: 'skipped', ms: 0, detail: 'the promotion failed' });

    // 3. Restore the roles as they were, whatever happened above.
    t = now();
    result = await runFailover({ ...options, to: previous, startClusters: false, cancelRuns: false, locks });
    const restarted = await restartClusters(previousClient, wasRunning, result, previous);
    const restored = restarted !== undefined;
    report.restoredTo = previous;
    report.steps.push({
      step: 'restore',
      status: restored ? 'ok' : 'failed',
      ms: now() - t,
      detail: restored
        ? `${previous} is active again${restarted > 0 ? `; ${restarted} cluster${restarted === 1 ? '' : 's'} that were running started again` : ''}`
        : result.regions[previous]?.errors.join('; '),
    });
  } finally {
    await locks?.release();
    for (const c of clients.values()) c.close();
  }
  return { ...(result as CommandResult), command: 'drill', drillReport: report };
}

/** The region active before the drill: there must be one, and not the one to drill. */
function activeBeforeDrill(before: RoleView, target: string, config: DrConfig): string {
  if (!before.active)
    throw new ConfigurationError('no region is active: a drill starts from a working active region');
  if (before.active === target) {
    throw new UsageError(
      `${target} is already active: drill a passive region (e.g. --to ${config.regions.find((r) => r.name !== target)?.name})`,
    );
  }
  return before.active;
}

/** The clusters of a region's state file that are running (or starting) now. */
async function runningClusters(
  client: DatabricksClient,
  clusters: Record<string, { cluster_id: string }>,
): Promise<string[]> {
  const running: string[] = [];
  for (const { cluster_id: id } of Object.values(clusters)) {
    const c = await client.clusters.tryGet(id);
    if (c && isRunningLike(c.state)) running.push(id);
  }
  return running;
}

/** Runs the drill's smoke job in the promoted region and records the step. */
async function smokeStep(
  client: DatabricksClient,
  config: DrConfig,
  region: string,
  options: DrillOptions,
  report: DrillReport,
  now: () => number,
): Promise<void> {
  const drill = config.drill!;
  const t = now();
  try {
    const smoke = await runSmokeJob(
      client,
      config,
      region,
      drill.job,
      drill.timeout_minutes * 60_000,
      options.pollMs,
      options.reporter,
    );
    report.runId = smoke.runId;
    report.resultState = smoke.resultState;
    report.steps.push({
      step: 'smoke test',
      status: smoke.resultState === 'SUCCESS' ? 'ok' : 'failed',
      ms: now() - t,
      detail: `run ${smoke.runId}: ${smoke.lifeCycleState}${smoke.resultState ? ` / ${smoke.resultState}` : ''}${smoke.message ? ` — ${smoke.message}` : ''}`,
    });
  } catch (err) {
    report.steps.push({ step: 'smoke test', status: 'failed', ms: now() - t, detail: describeError(err) });
  }
}

/**
 * Once the roles are given back, starts again the clusters that ran before the drill. The number
 * started, or undefined when the roles were not restored or a cluster could not be started.
 */
async function restartClusters(
  client: DatabricksClient,
  wasRunning: readonly string[],
  result: CommandResult,
  previous: string,
): Promise<number | undefined> {
  if (result.regions[previous]?.status !== 'ok') return undefined;
  let restarted = 0;
  let ok = true;
  for (const id of wasRunning) {
    try {
      if ((await settledState(client, id)) === 'TERMINATED') {
        await client.clusters.start(id);
        restarted++;
      }
    } catch (err) {
      ok = false;
      result.regions[previous].errors.push(`cluster ${id} could not be started again: ${describeError(err)}`);
    }
  }
  return ok ? restarted : undefined;
}

async function runSmokeJob(
  client: DatabricksClient,
  config: DrConfig,
  region: string,
  jobName: string,
  timeoutMs: number,
  pollMs: number | undefined,
  reporter: Reporter,
): Promise<{ runId: number; lifeCycleState: string; resultState?: string; message?: string }> {
  // Tagged by this config or adopted by import (the tag comes with the first real change).
  const job = (await client.jobs.listAll({ name: jobName })).find((j) => ownsJob(config, region, j));
  if (!job) throw new Error(`the smoke job "${jobName}" is not deployed in this region; deploy first`);
  const { run_id: runId } = await client.jobs.runNow(job.job_id, {
    idempotency_token: `databricks-dr-drill-${job.job_id}-${Date.now()}`,
  });
  reporter.logger.info(`drill: smoke job "${jobName}" started as run ${runId}`);
  let delay = pollMs ?? 500;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await client.jobs.getRun(runId);
    const life = String(run.state?.life_cycle_state ?? '');
    if (['TERMINATED', 'SKIPPED', 'INTERNAL_ERROR'].includes(life)) {
      return {
        runId,
        lifeCycleState: life,
        resultState: run.state?.result_state,
        message: run.state?.state_message,
      };
    }
    if (Date.now() > deadline) {
      await client.jobs.cancelRun(runId).catch(() => undefined);
      return {
        runId,
        lifeCycleState: `${life} (timed out after ${Math.round(timeoutMs / 60000)} min; cancelled)`,
      };
    }
    await new Promise((r) => setTimeout(r, delay));
    // Short smoke jobs finish quickly; long ones need not be asked every half second.
    delay = pollMs ?? Math.min(delay * 2, 15_000);
  }
}

export function drillExitCode(result: { drillReport: DrillReport }): number {
  return result.drillReport.steps.every((s) => s.status === 'ok') ? 0 : 1;
}

export function renderDrill(report: DrillReport): string {
  const lines = [`drill of ${report.target} (smoke job "${report.smokeJob}")`];
  for (const s of report.steps)
    lines.push(
      `  ${s.step.padEnd(11)} ${s.status.padEnd(7)} ${(s.ms / 1000).toFixed(1).padStart(6)} s${s.detail ? `  ${s.detail}` : ''}`,
    );
  const total = report.steps.reduce((a, s) => a + s.ms, 0);
  lines.push(
    `  total ${(total / 1000).toFixed(1)} s; roles ${report.steps.at(-1)?.status === 'ok' ? `restored (${report.restoredTo} active)` : 'NOT restored — check the regions'}`,
  );
  return `${lines.join('\n')}\n`;
}

export function renderDrillMarkdown(report: DrillReport): string {
  const out = [
    `## databricks-dr drill of ${report.target}`,
    '',
    '| step | result | time | detail |',
    '|---|---|---|---|',
  ];
  for (const s of report.steps)
    out.push(
      `| ${s.step} | ${s.status} | ${(s.ms / 1000).toFixed(1)} s | ${(s.detail ?? '').replace(/\|/g, '\\|')} |`,
    );
  return `${out.join('\n')}\n`;
}

/** A cluster can be started only once it is TERMINATED; passivation leaves it TERMINATING. */
async function settledState(client: DatabricksClient, id: string, timeoutMs = 15 * 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  for (;;) {
    const c = await client.clusters.get(id);
    if (c.state !== 'TERMINATING') return String(c.state);
    if (Date.now() > deadline) throw new Error(`cluster ${id} stayed ${c.state}`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 5000);
  }
}
