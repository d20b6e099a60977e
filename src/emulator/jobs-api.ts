/**
 * Jobs API 2.0/2.1/2.2 (`/api/2.x/jobs/…`): create, reset, update, delete, get and list jobs.
 * Settings are stored with the server-side defaults applied (job-settings.ts), as the real service
 * returns them, so a client that compares what it wrote with what it reads must normalize exactly
 * as it would against Databricks. Runs: job-runs.ts (state machine), job-runs-api.ts (endpoints).
 */
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
  jobsPageFields,
  parseId,
  queryBoolean,
  requireId,
} from './http.js';
import { cancelRun, settleRuns } from './job-runs.js';
import { applyDefaults, arrayField, checkJobRefs, settingsFrom, validateSettings } from './job-settings.js';
import { dropPermissions, initPermissions, newJobAcl } from './permissions-api.js';
import type { EmulatedJob } from './workspace-state.js';

/** The Jobs API versions served (the run endpoints and one-time runs take the same). */
export const JOBS_VERSIONS = ['2.0', '2.1', '2.2'];
/** jobs/get and runs/get in 2.2 return at most this many of each array, then page. */
const ARRAY_PAGE = 100;
const ARRAYS_PAGED = ['tasks', 'job_clusters', 'parameters', 'environments'];
const MAX_SAVED_JOBS = 10_000;

export function getJob(ctx: ApiContext, id: number): EmulatedJob {
  const job = ctx.state.jobs[String(id)];
  if (!job) throw missing(ctx, `Job ${id} does not exist.`);
  return job;
}

function runAsUserName(job: EmulatedJob): string {
  const r = job.settings.run_as;
  if (isObject(r)) {
    const who = r.user_name ?? r.service_principal_name ?? r.group_name;
    if (typeof who === 'string') return who;
  }
  return job.creator_user_name;
}

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
export function pageArrays(
  target: JsonObject,
  ctx: ApiContext,
  pageToken: string | undefined,
): string | undefined {
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
  return { ...(items.length > 0 ? { jobs: items } : {}), ...jobsPageFields(offset, limit, jobs.length) };
}

export function registerJobs(router: Router): void {
  router.addVersions('POST', JOBS_VERSIONS, 'jobs/create', create);
  router.addVersions('POST', JOBS_VERSIONS, 'jobs/reset', reset);
  router.addVersions('POST', JOBS_VERSIONS, 'jobs/update', update);
  router.addVersions('POST', JOBS_VERSIONS, 'jobs/delete', deleteJob);
  router.addVersions('GET', JOBS_VERSIONS, 'jobs/get', get);
  router.addVersions('GET', JOBS_VERSIONS, 'jobs/list', list);
}
