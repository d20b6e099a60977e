/**
 * Job runs as a lazily evaluated state machine. A run's phase follows from its timestamps and the
 * clock, so nothing ticks in the background and a restarted emulator picks up where it was; the
 * run as runs/get and runs/list show it.
 */
import { type ApiContext, missing } from './context.js';
import { clone, type JsonObject } from './http.js';
import type { EmulatedRun } from './workspace-state.js';

const TERMINAL = new Set(['TERMINATED', 'SKIPPED', 'INTERNAL_ERROR']);

export function getRun(ctx: ApiContext, id: number): EmulatedRun {
  const run = ctx.state.runs[String(id)];
  if (!run) throw missing(ctx, `Run ${id} does not exist.`);
  return run;
}

export function isTerminal(run: EmulatedRun): boolean {
  return TERMINAL.has(run.state.life_cycle_state);
}

export function setState(run: EmulatedRun, life: string, message: string, result?: string): void {
  run.state = { life_cycle_state: life, state_message: message, ...(result ? { result_state: result } : {}) };
}

export function cancelRun(run: EmulatedRun, now: number): void {
  if (isTerminal(run)) return;
  setState(run, 'TERMINATED', 'Run cancelled.', 'CANCELED');
  run.end_time = now;
}

/** When a started run stops occupying a concurrency slot. */
function endOf(run: EmulatedRun, ctx: ApiContext): number {
  return run.end_time ?? (run.began_at ?? run.start_time) + ctx.config.runDurationMs;
}

/** Brings the runs of one job up to `ctx.now`: phases by time, and queued runs into freed slots. */
export function settleRuns(ctx: ApiContext, jobId: number): void {
  const runs = Object.values(ctx.state.runs)
    .filter((r) => r.job_id === jobId)
    .sort((a, b) => a.run_id - b.run_id);
  const job = ctx.state.jobs[String(jobId)];
  const max = typeof job?.settings.max_concurrent_runs === 'number' ? job.settings.max_concurrent_runs : 1;
  const { runPendingMs, runDurationMs } = ctx.config;
  for (;;) {
    for (const run of runs) {
      if (isTerminal(run) || run.began_at === undefined) continue;
      const elapsed = ctx.now - run.began_at;
      if (elapsed >= runDurationMs) {
        if (run.failure) setState(run, 'TERMINATED', run.failure, 'FAILED');
        else setState(run, 'TERMINATED', '', 'SUCCESS');
        run.end_time = run.began_at + runDurationMs;
      } else if (elapsed >= runPendingMs) setState(run, 'RUNNING', 'In run');
      else setState(run, 'PENDING', 'Waiting for cluster');
    }
    // The oldest queued run starts at the first moment a slot was free (FIFO: later ones wait).
    const queued = runs.find((r) => !isTerminal(r) && r.began_at === undefined);
    if (!queued || !job) return;
    const started = runs.filter((r) => r.began_at !== undefined);
    const candidates = [queued.start_time, ...started.map((r) => endOf(r, ctx))]
      .filter((t) => t >= queued.start_time && t <= ctx.now)
      .sort((a, b) => a - b);
    const slot = candidates.find(
      (t) => started.filter((r) => (r.began_at ?? 0) <= t && t < endOf(r, ctx)).length < max,
    );
    if (slot === undefined) return;
    queued.began_at = slot;
  }
}

function statusOf(run: EmulatedRun): JsonObject {
  const life = run.state.life_cycle_state;
  if (life === 'QUEUED') return { state: 'QUEUED', queue_details: { code: 'MAX_CONCURRENT_RUNS_REACHED' } };
  if (life === 'PENDING' || life === 'RUNNING') return { state: life };
  if (run.state.result_state === 'FAILED') {
    return {
      state: 'TERMINATED',
      termination_details: {
        code: 'RUN_EXECUTION_ERROR',
        type: 'CLIENT_ERROR',
        message: run.state.state_message,
      },
    };
  }
  const code =
    life === 'SKIPPED' ? 'SKIPPED' : run.state.result_state === 'CANCELED' ? 'USER_CANCELED' : 'SUCCESS';
  return {
    state: 'TERMINATED',
    termination_details: { code, type: 'SUCCESS', message: run.state.state_message },
  };
}

export function runView(run: EmulatedRun, ctx: ApiContext, expandTasks: boolean): JsonObject {
  const job = ctx.state.jobs[String(run.job_id)];
  const end = run.end_time ?? 0;
  const began = run.began_at;
  const view: JsonObject = {
    job_id: run.job_id,
    run_id: run.run_id,
    number_in_job: run.number_in_job,
    original_attempt_run_id: run.run_id,
    attempt_number: 0,
    creator_user_name: job?.creator_user_name ?? ctx.user,
    run_name: run.run_name ?? '',
    state: clone(run.state),
    status: statusOf(run),
    start_time: run.start_time,
    end_time: end,
    setup_duration: 0,
    execution_duration: began !== undefined && end ? end - began : 0,
    cleanup_duration: 0,
    run_duration: end ? end - run.start_time : 0,
    trigger: 'ONE_TIME',
    run_type: run.run_type ?? 'JOB_RUN',
    format: 'MULTI_TASK',
    run_page_url: `${ctx.url}/?o=0#job/${run.job_id}/run/${run.run_id}`,
  };
  if (run.job_parameters)
    view.job_parameters = Object.entries(run.job_parameters).map(([name, value]) => ({ name, value }));
  if (expandTasks && run.tasks)
    view.tasks = run.tasks.map((t) => ({
      // A one-time run shows each task as submitted (runs-submit.ts); a job run only its keys.
      ...clone(run.submitted_tasks?.[t.task_key] ?? {}),
      run_id: t.run_id,
      task_key: t.task_key,
      state: clone(run.state),
      start_time: run.start_time,
      end_time: end,
    }));
  return view;
}

/** Settles every run (for state snapshots). */
export function settleAllRuns(ctx: ApiContext): void {
  for (const id of new Set(Object.values(ctx.state.runs).map((r) => r.job_id))) settleRuns(ctx, id);
}
