/**
 * Job settings as the Jobs API checks and stores them: the service's validation errors, the
 * workspace objects a job refers to, and the server-side defaults applied before a job is saved
 * (so a client comparing what it wrote with what it reads must normalize as against Databricks).
 */
import { checkComputeRefs } from './compute-api.js';
import type { ApiContext } from './context.js';
import { clone, invalidParameter, isObject, type JsonObject } from './http.js';
import { checkTriggers, fillTriggerDefaults } from './job-triggers.js';
import { checkWarehouseRef } from './warehouses-api.js';

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
export function applyDefaults(settings: JsonObject, queueByDefault: boolean): void {
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

export function settingsFrom(body: JsonObject, field: string | undefined): JsonObject {
  const raw = field ? body[field] : body;
  if (field && raw === undefined) throw invalidParameter(`Missing required field: ${field}`);
  if (!isObject(raw)) throw invalidParameter(`${field ?? 'body'} must be an object`);
  const settings = clone(raw);
  // Not settings: request-level fields of create.
  delete settings.access_control_list;
  delete settings.job_id;
  return settings;
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
