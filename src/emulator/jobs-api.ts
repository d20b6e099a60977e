/**
 * Jobs API 2.0/2.1/2.2 (`/api/2.x/jobs/…`) and job runs. Settings are stored with the server-side
 * defaults applied, as the real service returns them, so a client that compares what it wrote
 * with what it reads must normalize exactly as it would against Databricks.
 */
import { checkComputeRefs } from './compute-api.js';
import { type ApiContext, missing, type Router } from './context.js';
import {
  ApiError,
  type ApiRequest,
  clone,
  decodePageToken,
  encodePageToken,
  invalidParameter,
  isObject,
  type JsonObject,
  optionalBoolean,
  parseId,
  queryBoolean,
  requireId,
} from './http.js';
import { checkTriggers, fillTriggerDefaults } from './job-triggers.js';
import { dropPermissions, initPermissions, newJobAcl } from './permissions-api.js';
import type { EmulatedJob, EmulatedRun } from './types.js';
import { checkWarehouseRef } from './warehouses-api.js';

const VERSIONS = ['2.0', '2.1', '2.2'];
/** jobs/get and runs/get in 2.2 return at most this many of each array, then page. */
const ARRAY_PAGE = 100;
const ARRAYS_PAGED = ['tasks', 'job_clusters', 'parameters', 'environments'];
const MAX_SAVED_JOBS = 10_000;
const MAX_TASKS = 1000;
/** Top-level fields of a Jobs 2.0 single-task body. */
const SINGLE_TASK_FIELDS = [
  'notebook_task',
  'spark_jar_task',
  'spark_python_task',
  'spark_submit_task',
  'pipeline_task',
  'python_wheel_task',
  'existing_cluster_id',
  'new_cluster',
  'libraries',
  'max_retries',
  'min_retry_interval_millis',
  'retry_on_timeout',
];
const TERMINAL = new Set(['TERMINATED', 'SKIPPED', 'INTERNAL_ERROR']);

function getJob(ctx: ApiContext, id: number): EmulatedJob {
  const job = ctx.state.jobs[String(id)];
  if (!job) throw missing(ctx, `Job ${id} does not exist.`);
  return job;
}

export function getRun(ctx: ApiContext, id: number): EmulatedRun {
  const run = ctx.state.runs[String(id)];
  if (!run) throw missing(ctx, `Run ${id} does not exist.`);
  return run;
}

// ---------------------------------------------------------------------------------------------
// Settings: validation and server defaults

function isSingleTask(settings: JsonObject): boolean {
  return settings.tasks === undefined && SINGLE_TASK_FIELDS.some((f) => settings[f] !== undefined);
}

export function arrayField(settings: JsonObject, field: string): JsonObject[] {
  const v = settings[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every(isObject)) throw invalidParameter(`${field} must be an array of objects`);
  return v;
}

export function validateSettings(settings: JsonObject): void {
  const name = settings.name;
  if (name !== undefined && typeof name !== 'string') throw invalidParameter('name must be a string');
  if (typeof name === 'string' && Buffer.byteLength(name) > 4096)
    throw invalidParameter('Job name must be at most 4096 bytes');
  if (typeof settings.description === 'string' && settings.description.length > 27_700)
    throw invalidParameter('Job description must be at most 27700 characters');

  const tasks = arrayField(settings, 'tasks');
  const clusters = arrayField(settings, 'job_clusters');
  if (tasks.length > MAX_TASKS) throw invalidParameter(`A job can have at most ${MAX_TASKS} tasks`);
  if (clusters.length > 0 && isSingleTask(settings))
    throw invalidParameter('Shared job cluster feature is only supported in multi-task jobs.');

  const clusterKeys = new Set<string>();
  for (const c of clusters) {
    if (typeof c.job_cluster_key !== 'string' || c.job_cluster_key === '')
      throw invalidParameter('Missing required field: job_clusters.job_cluster_key');
    if (clusterKeys.has(c.job_cluster_key))
      throw invalidParameter(`Duplicate job cluster key '${c.job_cluster_key}' in job_clusters`);
    clusterKeys.add(c.job_cluster_key);
    if (isObject(c.new_cluster) && c.new_cluster.libraries !== undefined)
      throw invalidParameter('Libraries cannot be declared in a shared job cluster');
  }
  const taskKeys = new Set<string>();
  for (const t of tasks) {
    if (typeof t.task_key !== 'string' || t.task_key === '')
      throw invalidParameter('Missing required field: tasks.task_key');
    if (taskKeys.has(t.task_key)) throw invalidParameter(`Duplicate task key '${t.task_key}' in tasks`);
    taskKeys.add(t.task_key);
    if (typeof t.job_cluster_key === 'string' && !clusterKeys.has(t.job_cluster_key))
      throw invalidParameter(
        `Task ${t.task_key} refers to a job cluster ${t.job_cluster_key} that is not defined in job_clusters`,
      );
  }
  for (const t of tasks) {
    for (const d of arrayField(t, 'depends_on')) {
      if (typeof d.task_key !== 'string' || !taskKeys.has(d.task_key))
        throw invalidParameter(
          `Task ${String(t.task_key)} depends on ${String(d.task_key)} which does not exist`,
        );
    }
  }

  if (settings.tags !== undefined) {
    if (!isObject(settings.tags)) throw invalidParameter('tags must be an object');
    if (Object.keys(settings.tags).length > 25) throw invalidParameter('A job can have at most 25 tags');
  }
  const mcr = settings.max_concurrent_runs;
  if (mcr !== undefined && (typeof mcr !== 'number' || !Number.isInteger(mcr) || mcr < 0 || mcr > 1000))
    throw invalidParameter('max_concurrent_runs must be an integer between 0 and 1000');
  const timeout = settings.timeout_seconds;
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 0))
    throw invalidParameter('timeout_seconds must be a non-negative integer');
  if (settings.queue !== undefined) {
    if (!isObject(settings.queue) || typeof settings.queue.enabled !== 'boolean')
      throw invalidParameter('Missing required field: queue.enabled');
  }
  checkTriggers(settings);
  if (settings.run_as !== undefined) {
    const r = settings.run_as;
    const set = isObject(r) ? ['user_name', 'service_principal_name', 'group_name'].filter((k) => r[k]) : [];
    if (set.length !== 1)
      throw invalidParameter('run_as must set exactly one of user_name, service_principal_name, group_name');
  }
  for (const p of arrayField(settings, 'parameters')) {
    if (typeof p.name !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(p.name))
      throw invalidParameter(`Invalid job parameter name: ${JSON.stringify(p.name)}`);
    if (p.default === undefined)
      throw invalidParameter(`Missing required field: parameters.default (${p.name})`);
  }
}

/**
 * What a job needs from the workspace: the policies and pools its clusters name, and the SQL
 * warehouses its tasks run on. (Runtimes and node types are not checked here: the real service
 * only fails those when a run starts its cluster.)
 */
export function checkJobRefs(settings: JsonObject, ctx: ApiContext): void {
  const clusters: unknown[] = [settings.new_cluster];
  const tasks = [...arrayField(settings, 'tasks')];
  for (const t of arrayField(settings, 'tasks'))
    if (isObject(t.for_each_task) && isObject(t.for_each_task.task)) tasks.push(t.for_each_task.task);
  for (const c of arrayField(settings, 'job_clusters')) clusters.push(c.new_cluster);
  for (const t of tasks) {
    clusters.push(t.new_cluster);
    for (const kind of [
      'sql_task',
      'dbt_task',
      'notebook_task',
      'alert_task',
      'dashboard_task',
      'power_bi_task',
    ]) {
      const task = t[kind];
      if (isObject(task)) checkWarehouseRef(ctx, task.warehouse_id);
    }
  }
  for (const c of clusters) if (isObject(c)) checkComputeRefs(ctx, c, 'job');
}

function fixCluster(cluster: unknown): void {
  if (!isObject(cluster)) return;
  // Matches the CLI's fake ("to match cloud"): the policy flag is not echoed, and the security
  // mode is filled in.
  delete cluster.apply_policy_default_values;
  cluster.data_security_mode ??= 'SINGLE_USER';
}

/**
 * Applies the defaults Databricks fills in, in place. `queueByDefault`: Jobs API 2.2 turned
 * queueing on for jobs created or reset without `queue`; through 2.0/2.1 an absent queue means off.
 */
function applyDefaults(settings: JsonObject, queueByDefault: boolean): void {
  settings.name ??= 'Untitled';
  settings.email_notifications ??= {};
  settings.webhook_notifications ??= {};
  settings.timeout_seconds ??= 0;
  settings.max_concurrent_runs ??= 1;
  if (settings.queue === undefined && queueByDefault) settings.queue = { enabled: true };
  settings.format = isSingleTask(settings) ? 'SINGLE_TASK' : 'MULTI_TASK';
  fillTriggerDefaults(settings);
  if (isSingleTask(settings)) fixCluster(settings.new_cluster);
  for (const c of arrayField(settings, 'job_clusters')) fixCluster(c.new_cluster);
  for (const t of arrayField(settings, 'tasks')) {
    t.run_if ??= 'ALL_SUCCESS';
    t.email_notifications ??= {};
    t.timeout_seconds ??= 0;
    fixCluster(t.new_cluster);
    if (Array.isArray(t.depends_on)) {
      (t.depends_on as JsonObject[]).sort((a, b) => String(a.task_key).localeCompare(String(b.task_key)));
    }
  }
}

function runAsUserName(job: EmulatedJob): string {
  const r = job.settings.run_as;
  if (isObject(r)) {
    const who = r.user_name ?? r.service_principal_name ?? r.group_name;
    if (typeof who === 'string') return who;
  }
  return job.creator_user_name;
}

function settingsFrom(body: JsonObject, field: string | undefined): JsonObject {
  const raw = field ? body[field] : body;
  if (field && raw === undefined) throw invalidParameter(`Missing required field: ${field}`);
  if (!isObject(raw)) throw invalidParameter(`${field ?? 'body'} must be an object`);
  const settings = clone(raw);
  // Not settings: request-level fields of create.
  delete settings.access_control_list;
  delete settings.job_id;
  return settings;
}

// ---------------------------------------------------------------------------------------------
// Jobs

function create(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const settings = settingsFrom(body, undefined);
  validateSettings(settings);
  checkJobRefs(settings, ctx);
  const acl = newJobAcl(ctx, body.access_control_list);
  if (Object.keys(ctx.state.jobs).length >= MAX_SAVED_JOBS)
    throw new ApiError(
      400,
      'QUOTA_EXCEEDED',
      `The quota for the number of jobs has been reached. The current quota is ${MAX_SAVED_JOBS}.`,
    );
  applyDefaults(settings, ctx.version === '2.2');
  const job: EmulatedJob = {
    job_id: ctx.nextId(),
    created_time: ctx.now,
    creator_user_name: ctx.user,
    settings,
  };
  ctx.state.jobs[String(job.job_id)] = job;
  initPermissions(ctx, 'jobs', job.job_id, acl);
  return { job_id: job.job_id };
}

function reset(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const job = getJob(ctx, requireId(body.job_id, 'job_id'));
  const settings = settingsFrom(body, 'new_settings');
  validateSettings(settings);
  checkJobRefs(settings, ctx);
  // Omitting run_as in a reset does not clear it (the CLI fake documents this of the real API).
  if (settings.run_as === undefined && job.settings.run_as !== undefined)
    settings.run_as = job.settings.run_as;
  applyDefaults(settings, ctx.version === '2.2');
  job.settings = settings;
  return {};
}

/** Merges keyed arrays (tasks by task_key, job_clusters by job_cluster_key): matches replaced whole. */
function mergeKeyed(old: unknown, updates: JsonObject[], key: string): JsonObject[] {
  const result = Array.isArray(old) ? [...(old as JsonObject[])] : [];
  for (const u of updates) {
    const i = result.findIndex((e) => e[key] === u[key]);
    if (i >= 0) result[i] = u;
    else result.push(u);
  }
  return result;
}

function update(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const job = getJob(ctx, requireId(body.job_id, 'job_id'));
  const settings = clone(job.settings);
  if (body.new_settings !== undefined) {
    const changes = settingsFrom(body, 'new_settings');
    for (const [k, v] of Object.entries(changes)) {
      if (k === 'tasks')
        settings.tasks = mergeKeyed(settings.tasks, arrayField(changes, 'tasks'), 'task_key');
      else if (k === 'job_clusters')
        settings.job_clusters = mergeKeyed(
          settings.job_clusters,
          arrayField(changes, 'job_clusters'),
          'job_cluster_key',
        );
      else settings[k] = v;
    }
  }
  const remove = body.fields_to_remove;
  if (remove !== undefined) {
    if (!Array.isArray(remove) || !remove.every((f) => typeof f === 'string'))
      throw invalidParameter('fields_to_remove must be an array of strings');
    for (const field of remove) {
      const m = /^(tasks|job_clusters)\/(.+)$/.exec(field);
      if (m) {
        const key = m[1] === 'tasks' ? 'task_key' : 'job_cluster_key';
        if (Array.isArray(settings[m[1]]))
          settings[m[1]] = (settings[m[1]] as JsonObject[]).filter((e) => e[key] !== m[2]);
      } else {
        delete settings[field];
      }
    }
  }
  validateSettings(settings);
  checkJobRefs(settings, ctx);
  // Removing a field with a server default brings the default back, except queue: an update never
  // turns queueing on by itself (absent = off).
  applyDefaults(settings, false);
  job.settings = settings;
  return {};
}

function deleteJob(req: ApiRequest, ctx: ApiContext): unknown {
  const id = requireId(req.json().job_id, 'job_id');
  getJob(ctx, id);
  settleRuns(ctx, id);
  for (const run of Object.values(ctx.state.runs)) if (run.job_id === id) cancelRun(run, ctx.now);
  delete ctx.state.jobs[String(id)];
  dropPermissions(ctx, 'jobs', id);
  return {};
}

/** 2.2 pages the big arrays of jobs/get and runs/get; 2.0/2.1 return them whole. */
function pageArrays(target: JsonObject, ctx: ApiContext, pageToken: string | undefined): string | undefined {
  if (ctx.version !== '2.2') return undefined;
  const offset = decodePageToken(pageToken) ?? 0;
  let more = false;
  for (const field of ARRAYS_PAGED) {
    const arr = target[field];
    if (!Array.isArray(arr)) continue;
    target[field] = arr.slice(offset, offset + ARRAY_PAGE);
    if (arr.length > offset + ARRAY_PAGE) more = true;
  }
  return more ? encodePageToken(offset + ARRAY_PAGE) : undefined;
}

function get(req: ApiRequest, ctx: ApiContext): unknown {
  const job = getJob(ctx, requireId(req.param('job_id'), 'job_id'));
  const settings = clone(job.settings);
  const next = pageArrays(settings, ctx, req.param('page_token'));
  return {
    job_id: job.job_id,
    creator_user_name: job.creator_user_name,
    run_as_user_name: runAsUserName(job),
    created_time: job.created_time,
    settings,
    ...(next ? { next_page_token: next } : {}),
  };
}

function list(req: ApiRequest, ctx: ApiContext): unknown {
  const limitRaw = parseId(req.param('limit'), 'limit');
  if (limitRaw !== undefined && (limitRaw < 0 || limitRaw > 100))
    throw invalidParameter(`Invalid limit ${limitRaw}: limit must be between 1 and 100`);
  const limit = limitRaw || 20;
  const offsetParam = parseId(req.param('offset'), 'offset');
  if (offsetParam !== undefined && offsetParam < 0) throw invalidParameter('offset must not be negative');
  const offset = decodePageToken(req.param('page_token')) ?? offsetParam ?? 0;
  const expand = queryBoolean(req.param('expand_tasks'), 'expand_tasks');
  const name = req.param('name');

  let jobs = Object.values(ctx.state.jobs).sort((a, b) => a.job_id - b.job_id);
  if (name !== undefined) {
    const wanted = name.toLowerCase();
    jobs = jobs.filter((j) => String(j.settings.name).toLowerCase() === wanted);
  }
  const page = jobs.slice(offset, offset + limit);
  const items = page.map((job) => {
    const settings = clone(job.settings);
    let hasMore = false;
    if (!expand) {
      delete settings.tasks;
      delete settings.job_clusters;
    } else if (ctx.version === '2.2') {
      for (const field of ['tasks', 'job_clusters']) {
        const arr = settings[field];
        if (Array.isArray(arr) && arr.length > ARRAY_PAGE) {
          settings[field] = arr.slice(0, ARRAY_PAGE);
          hasMore = true;
        }
      }
    }
    return {
      job_id: job.job_id,
      creator_user_name: job.creator_user_name,
      created_time: job.created_time,
      settings,
      ...(ctx.version === '2.2' && expand ? { has_more: hasMore } : {}),
    };
  });
  const hasMore = offset + limit < jobs.length;
  return {
    ...(items.length > 0 ? { jobs: items } : {}),
    has_more: hasMore,
    ...(hasMore ? { next_page_token: encodePageToken(offset + limit) } : {}),
    ...(offset > 0 ? { prev_page_token: encodePageToken(Math.max(0, offset - limit)) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Runs: a lazily evaluated state machine. A run's phase follows from its timestamps and the
// clock, so nothing ticks in the background and a restarted emulator picks up where it was.

export function isTerminal(run: EmulatedRun): boolean {
  return TERMINAL.has(run.state.life_cycle_state);
}

export function setState(run: EmulatedRun, life: string, message: string, result?: string): void {
  run.state = { life_cycle_state: life, state_message: message, ...(result ? { result_state: result } : {}) };
}

function cancelRun(run: EmulatedRun, now: number): void {
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
  const hasMore = offset + limit < runs.length;
  return {
    ...(page.length > 0 ? { runs: page.map((r) => runView(r, ctx, expand)) } : {}),
    has_more: hasMore,
    ...(hasMore ? { next_page_token: encodePageToken(offset + limit) } : {}),
    ...(offset > 0 ? { prev_page_token: encodePageToken(Math.max(0, offset - limit)) } : {}),
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

/** Settles every run (for state snapshots). */
export function settleAllRuns(ctx: ApiContext): void {
  for (const id of new Set(Object.values(ctx.state.runs).map((r) => r.job_id))) settleRuns(ctx, id);
}

export function registerJobs(router: Router): void {
  router.addVersions('POST', VERSIONS, 'jobs/create', create);
  router.addVersions('POST', VERSIONS, 'jobs/reset', reset);
  router.addVersions('POST', VERSIONS, 'jobs/update', update);
  router.addVersions('POST', VERSIONS, 'jobs/delete', deleteJob);
  router.addVersions('GET', VERSIONS, 'jobs/get', get);
  router.addVersions('GET', VERSIONS, 'jobs/list', list);
  router.addVersions('POST', VERSIONS, 'jobs/run-now', runNow);
  router.addVersions('GET', VERSIONS, 'jobs/runs/get', runsGet);
  router.addVersions('GET', VERSIONS, 'jobs/runs/list', runsList);
  router.addVersions('POST', VERSIONS, 'jobs/runs/cancel', runsCancel);
  router.addVersions('POST', VERSIONS, 'jobs/runs/cancel-all', runsCancelAll);
}

/**
 * The first thing a job's tasks need that this workspace lacks: a workspace notebook or Python
 * file, or an existing cluster. Its run then fails with the service's message for it.
 */
export function missingDependency(ctx: ApiContext, settings: JsonObject): string | undefined {
  const exists = (raw: string, type: 'NOTEBOOK' | 'FILE') => {
    const p = raw.replace(/^\/Workspace(?=\/)/, '');
    const o = ctx.state.objects[p];
    return o !== undefined && o.object_type === type;
  };
  const visit = (t: JsonObject): string | undefined => {
    const nb = isObject(t.notebook_task) ? t.notebook_task : undefined;
    if (
      nb &&
      typeof nb.notebook_path === 'string' &&
      nb.source !== 'GIT' &&
      !exists(nb.notebook_path, 'NOTEBOOK')
    )
      return `Notebook not found: ${nb.notebook_path}`;
    const py = isObject(t.spark_python_task) ? t.spark_python_task : undefined;
    if (
      py &&
      typeof py.python_file === 'string' &&
      py.python_file.startsWith('/') &&
      py.source !== 'GIT' &&
      !exists(py.python_file, 'FILE')
    )
      return `File not found: ${py.python_file}`;
    if (typeof t.existing_cluster_id === 'string' && !ctx.state.clusters[t.existing_cluster_id])
      return `Cluster ${t.existing_cluster_id} does not exist`;
    const inner =
      isObject(t.for_each_task) && isObject(t.for_each_task.task) ? t.for_each_task.task : undefined;
    return inner ? visit(inner) : undefined;
  };
  if (!Array.isArray(settings.tasks)) return visit(settings);
  for (const t of arrayField(settings, 'tasks')) {
    const reason = visit(t);
    if (reason) return reason;
  }
  return undefined;
}
