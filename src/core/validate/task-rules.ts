/**
 * The rules of one task of a job: exactly one task type, one compute choice where the type needs
 * one, job cluster and environment keys that the job defines, and the warehouse or job a task
 * runs on named by name or id.
 */
import jobSchema from '../../../schemas/job.schema.json' with { type: 'json' };
import { didYouMean } from '../suggest.js';
import { jobClusterIssues } from './cluster-api-rules.js';
import { clusterSpecIssues } from './cluster-rules.js';
import { type Issue, isObject, issue, oneOfWords } from './issues.js';
import { COMPUTE_FIELDS, SINGLE_TASK_TYPES, TASK_TYPES, type TaskRef } from './job-tasks.js';

const COMPUTE_HINT =
  'set existing_cluster_name (a cluster in clusters/ or external_clusters), job_cluster_key, new_cluster, existing_cluster_id or environment_key';

/** Fields the schema knows in a task and at the top level of a job. */
const TASK_FIELDS = new Set(Object.keys(jobSchema.$defs.Task.properties));
const JOB_FIELDS = new Set(Object.keys(jobSchema.properties));

function needsCompute(type: string, body: unknown, serverless: boolean): boolean {
  const b = isObject(body) ? body : {};
  // A warehouse given by name runs the task as one given by id does.
  const onWarehouse = typeof b.warehouse_id === 'string' || typeof b.warehouse_name === 'string';
  switch (type) {
    case 'notebook_task':
      return !serverless && !onWarehouse;
    case 'dbt_task':
      return !onWarehouse;
    case 'spark_python_task':
    case 'python_wheel_task':
    case 'spark_jar_task':
    case 'spark_submit_task':
      return true;
    default:
      return false;
  }
}

function keyOf(field: string): string {
  return field.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The keys a job defines that its tasks refer to. */
export interface JobKeys {
  clusterKeys: Set<string>;
  envKeys: Set<string>;
}

/** The rules of one task; `topLevel` is the Jobs 2.0 single-task form (the job is the task). */
export function taskIssues(ref: TaskRef, serverless: boolean, keys: JobKeys, topLevel: boolean): Issue[] {
  const { task, pointer: at } = ref;
  const candidates: readonly string[] = topLevel ? SINGLE_TASK_TYPES : TASK_TYPES;
  const types = candidates.filter((t) => t in task);
  // An unknown field (a misspelt "notebok_task" or "existing_cluster_nme") is reported as such;
  // "no task type" or "needs compute" on top of it would point away from the real mistake.
  const known = topLevel ? JOB_FIELDS : TASK_FIELDS;
  const misspelt = Object.keys(task).some((k) => !known.has(k));
  const out: Issue[] = [];
  if (!topLevel) out.push(...taskTypeIssues(ref, types, misspelt));
  out.push(...computeIssues(ref, types, misspelt, serverless, topLevel));
  if (!topLevel) {
    out.push(
      ...definedKeyIssues(ref, 'job_cluster_key', 'job_clusters', keys.clusterKeys, '"new_cluster": {…}'),
    );
    out.push(...definedKeyIssues(ref, 'environment_key', 'environments', keys.envKeys, '"spec": {…}'));
  }
  if ('spark_submit_task' in task && ('existing_cluster_id' in task || 'existing_cluster_name' in task)) {
    const field = 'existing_cluster_name' in task ? 'existing_cluster_name' : 'existing_cluster_id';
    out.push(
      issue(
        `${at}/${field}`,
        `spark_submit_task runs only on a new cluster: use new_cluster or job_cluster_key instead of ${field}`,
        { target: 'key' },
      ),
    );
  }
  out.push(...clusterSpecIssues(task.new_cluster, `${at}/new_cluster`));
  out.push(...jobClusterIssues(task.new_cluster, `${at}/new_cluster`));
  return out;
}

/** A task of the multi-task form runs exactly one task type. */
function taskTypeIssues(ref: TaskRef, types: string[], misspelt: boolean): Issue[] {
  const { pointer: at, label } = ref;
  if (types.length === 0 && !misspelt)
    return [
      issue(
        at,
        `${label} has no task type: add one of notebook_task, spark_python_task, python_wheel_task, spark_jar_task, sql_task, dbt_task, pipeline_task, run_job_task, condition_task, for_each_task, …`,
      ),
    ];
  if (types.length > 1)
    return [
      issue(
        `${at}/${types[1]}`,
        `${label} has more than one task type (${oneOfWords(types, 'and')}): a task runs exactly one; split it into separate tasks`,
        { target: 'key' },
      ),
    ];
  return [];
}

/** At most one compute choice, and one where the task type needs it. */
function computeIssues(
  ref: TaskRef,
  types: string[],
  misspelt: boolean,
  serverless: boolean,
  topLevel: boolean,
): Issue[] {
  const { task, pointer: at, label } = ref;
  const computeFields: readonly string[] = topLevel
    ? ['existing_cluster_name', 'existing_cluster_id', 'new_cluster']
    : COMPUTE_FIELDS;
  const compute = computeFields.filter((c) => c in task);
  if (compute.length > 1)
    return [
      issue(
        `${at}/${keyOf(compute[1])}`,
        `${label} has more than one compute choice (${oneOfWords(compute, 'and')}): keep one`,
        { target: 'key' },
      ),
    ];
  if (compute.length > 0 || misspelt || types.length !== 1) return [];
  if (!needsCompute(types[0], task[types[0]], serverless)) return [];
  const serverlessHint =
    types[0] === 'notebook_task'
      ? '; to run it on serverless compute, set performance_target or environments on the job'
      : '';
  return [
    issue(
      at,
      topLevel
        ? `the job (${types[0]}) needs compute: set existing_cluster_name (a cluster in clusters/ or external_clusters), new_cluster or existing_cluster_id`
        : `${label} (${types[0]}) needs compute: ${COMPUTE_HINT}${serverlessHint}`,
    ),
  ];
}

/** A task's `job_cluster_key` / `environment_key` names an entry the job defines. */
function definedKeyIssues(
  ref: TaskRef,
  field: 'job_cluster_key' | 'environment_key',
  list: string,
  defined: Set<string>,
  example: string,
): Issue[] {
  const k = ref.task[field];
  if (typeof k !== 'string' || defined.has(k)) return [];
  return [
    issue(
      `${ref.pointer}/${field}`,
      defined.size === 0
        ? `${field} "${k}" is not defined: this job has no ${list}; add {"${field}": "${k}", ${example}} to ${list}`
        : `${field} "${k}" is not defined in ${list}${didYouMean(k, defined) || ` (defined: ${[...defined].join(', ')})`}`,
    ),
  ];
}

/** A task that runs on a warehouse or another job must say which, by name (resolved per region) or id. */
export function nameReferenceIssues(ref: TaskRef): Issue[] {
  const out: Issue[] = [];
  const task = ref.task;
  if (!isObject(task)) return out;
  const required: Array<[string, string, string]> = [
    ['sql_task', 'warehouse_id', 'warehouse_name'],
    ['run_job_task', 'job_id', 'job_name'],
  ];
  for (const [type, id, name] of required) {
    const block = task[type];
    if (isObject(block) && !(id in block) && !(name in block))
      out.push(
        issue(
          `${ref.pointer}/${type}`,
          `${type} needs ${name} (resolved to the ${id} of each region) or ${id}`,
        ),
      );
  }
  return out;
}
