/**
 * The soak's kill points and races (issue 14). A kill point is the Nth request that changes state
 * (N random, up to what that command made there last time) in one region, chosen at random: a
 * proxy in front of the workspace SIGKILLs the tool's process when it arrives and then passes that
 * request on or drops it. A race starts a second command a random delay after the first. The tool
 * knows nothing of either.
 *
 * The roles invariant is checked from the workspaces alone, not with the engine's own functions:
 * a region is runnable when a job of the config there is not in passive form.
 */
import type { EmulatedWorkspace, WorkspaceState } from '../src/emulator/index.js';
import { KillProxy } from '../test/helpers/kill-proxy.js';
import { runWorker } from './lib.js';
import type { CommandTask, WorkerOutcome, WorkerTask } from './worker.js';

export type StepKind =
  | 'deploy'
  | 'deploy + failover'
  | 'kill deploy'
  | 'kill failover'
  | 'race deploy/deploy'
  | 'race deploy/failover';

export interface StepPlan {
  kind: StepKind;
  /** Kill steps: the region whose Nth state-changing request kills the process. */
  region?: string;
  nth?: number;
  /** Whether the request that marks the kill point still reaches the workspace. */
  forward?: boolean;
  /** Races: how long after the first command the second starts. */
  delayMs?: number;
}

export interface Rates {
  kill: number;
  race: number;
  failoverEvery: number;
}

/** What each command last made per region (state-changing requests): the range of kill points. */
export type MutationCounts = Record<string, number>;

export function planStep(
  rng: () => number,
  run: number,
  rates: Rates,
  regions: readonly string[],
  mutations: MutationCounts,
): StepPlan {
  const r = rng();
  if (r < rates.kill) {
    const kind: StepKind = rng() < 0.5 ? 'kill deploy' : 'kill failover';
    const region = regions[Math.floor(rng() * regions.length)];
    const command = kind === 'kill deploy' ? 'deploy' : 'failover';
    const most = mutations[`${command} ${region}`] ?? (command === 'deploy' ? 40 : 15);
    return { kind, region, nth: 1 + Math.floor(rng() * Math.max(1, most)), forward: rng() < 0.5 };
  }
  if (r < rates.kill + rates.race)
    return {
      kind: rng() < 0.5 ? 'race deploy/deploy' : 'race deploy/failover',
      delayMs: Math.floor(rng() * 1500),
    };
  return {
    kind: rates.failoverEvery > 0 && run % rates.failoverEvery === 0 ? 'deploy + failover' : 'deploy',
  };
}

/** State-changing requests per region in the log since it was last cleared. */
export function mutationsOf(command: string, workspaces: readonly EmulatedWorkspace[]): MutationCounts {
  return Object.fromEntries(
    workspaces.map((ws) => [`${command} ${ws.name}`, ws.requests().filter((e) => e.mutation).length]),
  );
}

/**
 * Runs a task with every region behind a proxy; the kill point's region kills the process at
 * its Nth state-changing request. Resolves when every request the process sent has arrived.
 */
export async function killedRun(
  task: CommandTask,
  workspaces: readonly EmulatedWorkspace[],
  plan: StepPlan,
): Promise<WorkerOutcome> {
  const proxies = await Promise.all(
    workspaces.map((ws) =>
      KillProxy.start(
        ws.url,
        ws.name === plan.region ? { nth: plan.nth, forward: plan.forward ?? true } : undefined,
      ),
    ),
  );
  const env = { ...task.env };
  workspaces.forEach((ws, i) => {
    env[`DATABRICKS_DR_HOST_${ws.name.toUpperCase()}`] = proxies[i].url;
  });
  try {
    return await runWorker({ ...task, env }, (child) => {
      for (const p of proxies) p.child = child;
    });
  } finally {
    for (const p of proxies) await p.idle();
    for (const p of proxies) await p.close();
  }
}

/** Two commands at once: the second starts `delayMs` after the first. */
export async function raced(
  first: WorkerTask,
  second: WorkerTask,
  delayMs: number,
): Promise<WorkerOutcome[]> {
  const a = runWorker(first);
  await new Promise((r) => setTimeout(r, delayMs));
  return Promise.all([a, runWorker(second)]);
}

const OWNER_TAG = 'databricks-dr';

/** Jobs of the config that are not in passive form (max_concurrent_runs 0, paused, queue off). */
export function runnableJobs(s: WorkspaceState, configName: string): string[] {
  return Object.values(s.jobs)
    .filter((j) => (j.settings.tags as Record<string, string> | undefined)?.[OWNER_TAG] === configName)
    .filter((j) => {
      const st = j.settings;
      const schedule = (st.schedule as { pause_status?: string } | undefined)?.pause_status;
      const queue = (st.queue as { enabled?: boolean } | undefined)?.enabled;
      return (
        st.max_concurrent_runs !== 0 || (schedule !== undefined && schedule !== 'PAUSED') || queue === true
      );
    })
    .map((j) => String(j.settings.name));
}

/** The regions whose state file says active, highest epoch first. */
function recordedActives(
  states: Record<string, WorkspaceState>,
  configName: string,
): { name: string; epoch: number }[] {
  const actives: { name: string; epoch: number }[] = [];
  for (const [name, s] of Object.entries(states)) {
    const o = s.objects[`/Shared/.databricks-dr/${configName}/state.json`];
    if (!o?.content) continue;
    try {
      const st = JSON.parse(Buffer.from(o.content, 'base64').toString('utf8')) as {
        role?: string;
        epoch?: number;
      };
      if (st.role === 'active') actives.push({ name, epoch: st.epoch ?? 0 });
    } catch {
      // An unreadable state names no active region.
    }
  }
  return actives.sort((a, b) => b.epoch - a.epoch);
}

/** The region whose state file says active at the highest epoch. */
export function recordedActive(
  states: Record<string, WorkspaceState>,
  configName: string,
): string | undefined {
  return recordedActives(states, configName)[0]?.name;
}

/** Whether a command that finished exited non-zero naming `region` as unfenced. */
function named(o: WorkerOutcome, region: string): boolean {
  if (o.killed || o.exitCode === 0) return false;
  const r = o.regions?.[region];
  return r?.unfenced === true || (r?.errors ?? []).some((e) => e.includes(region) && /fenced/i.test(e));
}

/** Whether a command that finished exited non-zero with `region` failed. */
function failedIn(o: WorkerOutcome, region: string): boolean {
  return !o.killed && o.exitCode !== 0 && o.regions?.[region]?.status === 'failed';
}

/**
 * The roles invariant after a step: at most one region runs jobs of the config, unless a command
 * that finished exited non-zero naming each other one as unfenced; none only when a command was
 * killed or exited non-zero; when every command finished with 0, exactly the recorded active
 * region runs them, and a failover that exited 0 holds (its target is the one).
 */
export function roleProblems(
  outcomes: readonly { task: WorkerTask; outcome: WorkerOutcome }[],
  states: Record<string, WorkspaceState>,
  configName: string,
): string[] {
  const problems: string[] = [];
  const runnable = Object.entries(states)
    .filter(([, s]) => runnableJobs(s, configName).length > 0)
    .map(([name]) => name);
  const active = recordedActive(states, configName);
  const owned = Object.values(states).some((s) =>
    Object.values(s.jobs).some(
      (j) => (j.settings.tags as Record<string, string> | undefined)?.[OWNER_TAG] === configName,
    ),
  );
  const allZero = outcomes.every((o) => !o.outcome.killed && o.outcome.exitCode === 0);
  if (runnable.length > 1) {
    for (const region of runnable.filter((r) => r !== active))
      if (!outcomes.some((o) => named(o.outcome, region)))
        problems.push(
          `regions ${runnable.join(' and ')} both run jobs and no command exited non-zero naming ${region} unfenced`,
        );
  } else if (runnable.length === 0 && owned && allZero) {
    problems.push('no region runs jobs, yet every command exited 0');
  } else if (runnable.length === 1 && allZero && runnable[0] !== active) {
    problems.push(`${runnable[0]} runs jobs but the state files say ${active ?? 'no region'} is active`);
  }
  // A second state file saying active must be at a lower epoch (stale: the next command fences it)
  // and named by a command that exited non-zero; two at one epoch are never right here.
  const [top, ...stale] = recordedActives(states, configName);
  for (const s of stale)
    if (
      s.epoch === top.epoch ||
      !outcomes.some((o) => named(o.outcome, s.name) || failedIn(o.outcome, s.name))
    )
      problems.push(
        `the state files of ${top.name} (epoch ${top.epoch}) and ${s.name} (epoch ${s.epoch}) both say active, and no command exited non-zero naming ${s.name}`,
      );
  for (const { task, outcome } of outcomes)
    if (task.kind === 'failover' && outcome.exitCode === 0 && !outcome.killed) {
      if (active !== task.to)
        problems.push(`failover --to ${task.to} exited 0 but ${active} is active after the step`);
      if (runnable.length !== 1 || runnable[0] !== task.to)
        problems.push(
          `failover --to ${task.to} exited 0 but the regions running jobs are: ${runnable.join(', ') || 'none'}`,
        );
    }
  return problems;
}
