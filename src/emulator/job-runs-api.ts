/**
 * The run endpoints of the Jobs API (`jobs/run-now`, `jobs/runs/get|list|cancel|cancel-all`): a
 * run starts, queues or is skipped by the job's concurrency and queue settings, then follows the
 * state machine of job-runs.ts.
 */
import type { ApiContext, Router } from './context.js';
import {
  type ApiRequest,
  clone,
  decodePageToken,
  invalidParameter,
  isObject,
  jobsPageFields,
  optionalBoolean,
  parseId,
  queryBoolean,
  requireId,
} from './http.js';
import { cancelRun, getRun, isTerminal, runView, setState, settleRuns } from './job-runs.js';
import { arrayField, missingDependency } from './job-settings.js';
import { getJob, JOBS_VERSIONS, pageArrays } from './jobs-api.js';
import type { EmulatedRun } from './workspace-state.js';

function runNow(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const jobId = requireId(body.job_id, 'job_id');
  const job = getJob(ctx, jobId);
  const token = typeof body.idempotency_token === 'string' ? body.idempotency_token : undefined;
  if (token) {
    const existing = Object.values(ctx.state.runs).find(
      (r) => r.job_id === jobId && r.idempotency_token === token,
    );
    if (existing) return { run_id: existing.run_id, number_in_job: existing.number_in_job };
  }
  settleRuns(ctx, jobId);
  const mine = Object.values(ctx.state.runs).filter((r) => r.job_id === jobId && !isTerminal(r));
  const active = mine.filter((r) => r.began_at !== undefined).length;
  const waiting = mine.length - active;
  const max = Number(job.settings.max_concurrent_runs ?? 1);
  const queueSetting = isObject(body.queue) ? body.queue : job.settings.queue;
  const queueing = isObject(queueSetting) && queueSetting.enabled === true;

  const runId = ctx.nextId();
  const tasks = arrayField(job.settings, 'tasks').map((t) => ({
    task_key: String(t.task_key),
    run_id: ctx.nextId(),
  }));
  const run: EmulatedRun = {
    run_id: runId,
    job_id: jobId,
    // number_in_job is deprecated and "set to the same value as run_id".
    number_in_job: runId,
    start_time: ctx.now,
    state: { life_cycle_state: 'PENDING', state_message: '' },
    run_name: String(job.settings.name),
    ...(token ? { idempotency_token: token } : {}),
    ...(isObject(body.job_parameters) ? { job_parameters: clone(body.job_parameters) } : {}),
    tasks,
  };
  if (active < max && waiting === 0) {
    run.began_at = ctx.now;
    setState(run, 'PENDING', 'Waiting for cluster');
  } else if (queueing) {
    setState(run, 'QUEUED', `Queued due to reaching maximum concurrent runs of ${max}.`);
  } else {
    setState(
      run,
      'SKIPPED',
      `Skipping this run because the limit of ${max} maximum concurrent runs has been reached.`,
    );
    run.end_time = ctx.now;
  }
  const failure = missingDependency(ctx, job.settings);
  if (failure) run.failure = failure;
  ctx.state.runs[String(runId)] = run;
  if (run.began_at !== undefined) settleRuns(ctx, jobId);
  return { run_id: run.run_id, number_in_job: run.number_in_job };
}

function runsGet(req: ApiRequest, ctx: ApiContext): unknown {
  const run = getRun(ctx, requireId(req.param('run_id'), 'run_id'));
  settleRuns(ctx, run.job_id);
  const view = runView(run, ctx, true);
  const next = pageArrays(view, ctx, req.param('page_token'));
  return next ? { ...view, next_page_token: next } : view;
}

const RUN_TYPES = ['JOB_RUN', 'WORKFLOW_RUN', 'SUBMIT_RUN'];

/** runs/list's `run_type` and `start_time_from`/`start_time_to` (inclusive, UTC ms) filters. */
function runFilter(req: ApiRequest): (run: EmulatedRun) => boolean {
  const runType = req.param('run_type');
  if (runType !== undefined && !RUN_TYPES.includes(runType))
    throw invalidParameter(`Invalid run_type: ${runType}. Use one of ${RUN_TYPES.join(', ')}`);
  const from = parseId(req.param('start_time_from'), 'start_time_from');
  const to = parseId(req.param('start_time_to'), 'start_time_to');
  return (run) =>
    (runType === undefined || (run.run_type ?? 'JOB_RUN') === runType) &&
    (from === undefined || run.start_time >= from) &&
    (to === undefined || run.start_time <= to);
}

function runsList(req: ApiRequest, ctx: ApiContext): unknown {
  const jobId = parseId(req.param('job_id'), 'job_id');
  const activeOnly = queryBoolean(req.param('active_only'), 'active_only');
  const completedOnly = queryBoolean(req.param('completed_only'), 'completed_only');
  if (activeOnly && completedOnly)
    throw invalidParameter('active_only and completed_only cannot both be true');
  const limitRaw = parseId(req.param('limit'), 'limit');
  // runs/list takes 1..25; 0 means the maximum (Jobs API docs).
  if (limitRaw !== undefined && (limitRaw < 0 || limitRaw > 25))
    throw invalidParameter(`Invalid limit ${limitRaw}: limit must be between 1 and 25`);
  const limit = limitRaw === 0 ? 25 : (limitRaw ?? 20);
  const offsetParam = parseId(req.param('offset'), 'offset');
  const offset = decodePageToken(req.param('page_token')) ?? offsetParam ?? 0;
  const expand = queryBoolean(req.param('expand_tasks'), 'expand_tasks');
  const matches = runFilter(req);

  if (jobId !== undefined) {
    // A one-time run's job is hidden (not in jobs/list or jobs/get) but its runs can be listed.
    if (!Object.values(ctx.state.runs).some((r) => r.job_id === jobId && r.run_type)) getJob(ctx, jobId);
    settleRuns(ctx, jobId);
  } else {
    for (const id of new Set(Object.values(ctx.state.runs).map((r) => r.job_id))) settleRuns(ctx, id);
  }
  const runs = Object.values(ctx.state.runs)
    .filter((r) => jobId === undefined || r.job_id === jobId)
    .filter((r) => (activeOnly ? !isTerminal(r) : completedOnly ? isTerminal(r) : true))
    .filter(matches)
    .sort((a, b) => b.start_time - a.start_time || b.run_id - a.run_id);
  const page = runs.slice(offset, offset + limit);
  return {
    ...(page.length > 0 ? { runs: page.map((r) => runView(r, ctx, expand)) } : {}),
    ...jobsPageFields(offset, limit, runs.length),
  };
}

function runsCancel(req: ApiRequest, ctx: ApiContext): unknown {
  const run = getRun(ctx, requireId(req.json().run_id, 'run_id'));
  settleRuns(ctx, run.job_id);
  cancelRun(run, ctx.now);
  return {};
}

function runsCancelAll(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const jobId = parseId(body.job_id, 'job_id');
  const allQueued = optionalBoolean(body, 'all_queued_runs') ?? false;
  if (jobId === undefined && !allQueued)
    throw invalidParameter('Either job_id or all_queued_runs must be set');
  if (jobId !== undefined) getJob(ctx, jobId);
  for (const id of new Set(Object.values(ctx.state.runs).map((r) => r.job_id))) settleRuns(ctx, id);
  for (const run of Object.values(ctx.state.runs)) {
    if (jobId !== undefined ? run.job_id === jobId : run.began_at === undefined) cancelRun(run, ctx.now);
  }
  return {};
}

export function registerJobRuns(router: Router): void {
  router.addVersions('POST', JOBS_VERSIONS, 'jobs/run-now', runNow);
  router.addVersions('GET', JOBS_VERSIONS, 'jobs/runs/get', runsGet);
  router.addVersions('GET', JOBS_VERSIONS, 'jobs/runs/list', runsList);
  router.addVersions('POST', JOBS_VERSIONS, 'jobs/runs/cancel', runsCancel);
  router.addVersions('POST', JOBS_VERSIONS, 'jobs/runs/cancel-all', runsCancelAll);
}
