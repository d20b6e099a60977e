/**
 * Job rules a schema cannot express: task keys, dependencies and cycles, task types, compute,
 * job clusters and environments, the Jobs 2.0 single-task form, schedules (Quartz cron, Java time
 * zones) and tags. Each rule skips values of the wrong type: the schema reports those.
 */
import jobSchema from '../../../schemas/job.schema.json' with { type: 'json' };
import { slotsOf } from '../plan/name-refs.js';
import { didYouMean } from '../suggest.js';
import { jobClusterIssues } from './cluster-api-rules.js';
import { clusterSpecIssues, MAX_JOB_TAGS, tagIssues } from './cluster-rules.js';
import { type Issue, isObject, issue, oneOfWords } from './issues.js';
import { triggerIssues } from './trigger-rules.js';

/** Every task type field of a Jobs 2.1/2.2 task. */
export const TASK_TYPES = [
  'notebook_task',
  'spark_python_task',
  'python_wheel_task',
  'spark_jar_task',
  'spark_submit_task',
  'pipeline_task',
  'sql_task',
  'dbt_task',
  'run_job_task',
  'condition_task',
  'for_each_task',
  'clean_rooms_notebook_task',
  'dashboard_task',
  'power_bi_task',
  'gen_ai_compute_task',
  'dbt_cloud_task',
  'dbt_platform_task',
  'alert_task',
  'python_operator_task',
  'ai_runtime_task',
] as const;

/** Task types a Jobs 2.0 (single-task) job may carry at the top level. */
export const SINGLE_TASK_TYPES = [
  'notebook_task',
  'spark_jar_task',
  'spark_python_task',
  'spark_submit_task',
  'python_wheel_task',
  'pipeline_task',
] as const;

/** Top-level fields that exist only in the Jobs 2.0 single-task form. */
export const SINGLE_TASK_FIELDS = [
  ...SINGLE_TASK_TYPES,
  'existing_cluster_id',
  'existing_cluster_name',
  'new_cluster',
  'libraries',
  'max_retries',
  'min_retry_interval_millis',
  'retry_on_timeout',
];

/** Where a task runs. At most one per task. */
export const COMPUTE_FIELDS = [
  'existing_cluster_name',
  'existing_cluster_id',
  'job_cluster_key',
  'new_cluster',
  'environment_key',
] as const;

const COMPUTE_HINT =
  'set existing_cluster_name (a cluster in clusters/ or external_clusters), job_cluster_key, new_cluster, existing_cluster_id or environment_key';

type Json = Record<string, unknown>;

/** Fields the schema knows in a task and at the top level of a job. */
const TASK_FIELDS = new Set(Object.keys(jobSchema.$defs.Task.properties));
const JOB_FIELDS = new Set(Object.keys(jobSchema.properties));

/** A task with where it is, for rules that walk every task (nested for_each tasks included). */
export interface TaskRef {
  task: Json;
  pointer: string;
  /** The name used in messages: `task "ingest"` or `tasks[3]`. */
  label: string;
}

export function taskLabel(task: Json, pointer: string): string {
  if (typeof task.task_key === 'string' && task.task_key !== '') return `task "${task.task_key}"`;
  if (pointer === '') return 'the job';
  const segs = pointer.split('/');
  return /^\d+$/.test(segs[segs.length - 1]) ? `tasks[${segs[segs.length - 1]}]` : 'the task';
}

/** Every task of a job, nested for_each tasks after their parent; the 2.0 form as one task at ''. */
export function allTasks(job: unknown): TaskRef[] {
  if (!isObject(job)) return [];
  const out: TaskRef[] = [];
  const add = (task: unknown, pointer: string) => {
    if (!isObject(task)) return;
    out.push({ task, pointer, label: taskLabel(task, pointer) });
    const fe = task.for_each_task;
    if (isObject(fe) && isObject(fe.task)) add(fe.task, `${pointer}/for_each_task/task`);
  };
  if (Array.isArray(job.tasks))
    job.tasks.forEach((t, i) => {
      add(t, `/tasks/${i}`);
    });
  else if (SINGLE_TASK_TYPES.some((t) => t in job)) add(job, '');
  return out;
}

/** Whether the job opts into serverless compute, so a notebook task may have no cluster. */
function usesServerless(job: Json): boolean {
  if (typeof job.performance_target === 'string') return true;
  if (Array.isArray(job.environments) && job.environments.length > 0) return true;
  return allTasks(job).some((t) => typeof t.task.environment_key === 'string');
}

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

export function jobIssues(job: unknown): Issue[] {
  if (!isObject(job)) return [];
  const out: Issue[] = [];
  const serverless = usesServerless(job);
  const tasks = Array.isArray(job.tasks) ? job.tasks : undefined;
  const singleFields = SINGLE_TASK_FIELDS.filter((f) => f in job);

  // --- form: multi-task, or Jobs 2.0 single-task
  if (tasks !== undefined) {
    for (const f of singleFields) {
      out.push(
        issue(
          `/${f}`,
          `"${f}" at the top level belongs to the Jobs 2.0 single-task form and cannot be combined with "tasks": move it into a task`,
          { target: 'key' },
        ),
      );
    }
    if (tasks.length === 0) out.push(issue('/tasks', 'tasks is empty: add at least one task'));
  } else if (SINGLE_TASK_TYPES.some((t) => t in job)) {
    out.push(...singleTaskJobIssues(job));
  } else if (job.tasks === undefined) {
    out.push(
      issue(
        '',
        `the job has no tasks: add "tasks": [{"task_key": "main", "notebook_task": {…}, "existing_cluster_name": …}] (or, Jobs 2.0 style, one of ${oneOfWords([...SINGLE_TASK_TYPES])} at the top level)`,
      ),
    );
  }
  if (tasks === undefined && Array.isArray(job.job_clusters) && SINGLE_TASK_TYPES.some((t) => t in job)) {
    out.push(
      issue('/job_clusters', 'job_clusters needs the multi-task form: move the task into "tasks"', {
        target: 'key',
      }),
    );
  }

  // --- keys: tasks, job clusters, environments, parameters
  const taskIndex = new Map<string, number>();
  if (tasks) {
    tasks.forEach((t, i) => {
      if (!isObject(t) || typeof t.task_key !== 'string') return;
      const first = taskIndex.get(t.task_key);
      if (first !== undefined)
        out.push(
          issue(
            `/tasks/${i}/task_key`,
            `task_key "${t.task_key}" is already used by tasks[${first}]: task keys must be unique within a job`,
          ),
        );
      else taskIndex.set(t.task_key, i);
    });
  }
  const clusterKeys = uniqueKeys(job.job_clusters, 'job_clusters', 'job_cluster_key', out);
  const envKeys = uniqueKeys(job.environments, 'environments', 'environment_key', out);
  uniqueKeys(job.parameters, 'parameters', 'name', out);

  // --- every task: type, compute, references to job clusters and environments
  for (const ref of allTasks(job))
    out.push(...taskIssues(ref, serverless, clusterKeys, envKeys, ref.pointer === ''));
  for (const ref of allTasks(job)) out.push(...nameReferenceIssues(ref));
  out.push(...idAndNameIssues(job));

  // --- dependencies
  if (tasks) out.push(...dependencyIssues(tasks, taskIndex));

  // --- clusters inside the job
  if (Array.isArray(job.job_clusters)) {
    job.job_clusters.forEach((jc, i) => {
      if (!isObject(jc)) return;
      out.push(...clusterSpecIssues(jc.new_cluster, `/job_clusters/${i}/new_cluster`));
      out.push(...jobClusterIssues(jc.new_cluster, `/job_clusters/${i}/new_cluster`));
    });
  }

  // --- schedule and tags
  out.push(...triggerIssues(job));
  out.push(...tagIssues(job.tags, '/tags', 'tag', MAX_JOB_TAGS));
  return out;
}

function singleTaskJobIssues(job: Json): Issue[] {
  const out: Issue[] = [];
  const types = SINGLE_TASK_TYPES.filter((t) => t in job);
  if (types.length > 1) {
    out.push(
      issue(
        `/${types[1]}`,
        `a Jobs 2.0 job runs one task, but this one has ${oneOfWords(types, 'and')}: keep one, or use "tasks"`,
        { target: 'key' },
      ),
    );
  }
  return out;
}

function uniqueKeys(list: unknown, field: string, key: string, out: Issue[]): Set<string> {
  const seen = new Map<string, number>();
  if (!Array.isArray(list)) return new Set();
  list.forEach((item, i) => {
    if (!isObject(item) || typeof item[key] !== 'string') return;
    const k = item[key] as string;
    const first = seen.get(k);
    if (first !== undefined)
      out.push(
        issue(
          `/${field}/${i}/${key}`,
          `${key} "${k}" is already used by ${field}[${first}]: it must be unique`,
        ),
      );
    else seen.set(k, i);
  });
  return new Set(seen.keys());
}

function taskIssues(
  ref: TaskRef,
  serverless: boolean,
  clusterKeys: Set<string>,
  envKeys: Set<string>,
  topLevel: boolean,
): Issue[] {
  const { task, pointer: at, label } = ref;
  const out: Issue[] = [];
  const candidates: readonly string[] = topLevel ? SINGLE_TASK_TYPES : TASK_TYPES;
  const types = candidates.filter((t) => t in task);
  // An unknown field (a misspelt "notebok_task" or "existing_cluster_nme") is reported as such;
  // "no task type" or "needs compute" on top of it would point away from the real mistake.
  const known = topLevel ? JOB_FIELDS : TASK_FIELDS;
  const misspelt = Object.keys(task).some((k) => !known.has(k));
  if (!topLevel) {
    if (types.length === 0 && !misspelt) {
      out.push(
        issue(
          at,
          `${label} has no task type: add one of notebook_task, spark_python_task, python_wheel_task, spark_jar_task, sql_task, dbt_task, pipeline_task, run_job_task, condition_task, for_each_task, …`,
        ),
      );
    } else if (types.length > 1) {
      out.push(
        issue(
          `${at}/${types[1]}`,
          `${label} has more than one task type (${oneOfWords(types, 'and')}): a task runs exactly one; split it into separate tasks`,
          { target: 'key' },
        ),
      );
    }
  }

  const computeFields: readonly string[] = topLevel
    ? ['existing_cluster_name', 'existing_cluster_id', 'new_cluster']
    : COMPUTE_FIELDS;
  const compute = computeFields.filter((c) => c in task);
  if (compute.length > 1) {
    out.push(
      issue(
        `${at}/${keyOf(compute[1])}`,
        `${label} has more than one compute choice (${oneOfWords(compute, 'and')}): keep one`,
        { target: 'key' },
      ),
    );
  } else if (
    compute.length === 0 &&
    !misspelt &&
    types.length === 1 &&
    needsCompute(types[0], task[types[0]], serverless)
  ) {
    const serverlessHint =
      types[0] === 'notebook_task'
        ? '; to run it on serverless compute, set performance_target or environments on the job'
        : '';
    out.push(
      issue(
        at,
        topLevel
          ? `the job (${types[0]}) needs compute: set existing_cluster_name (a cluster in clusters/ or external_clusters), new_cluster or existing_cluster_id`
          : `${label} (${types[0]}) needs compute: ${COMPUTE_HINT}${serverlessHint}`,
      ),
    );
  }

  if (typeof task.job_cluster_key === 'string' && !topLevel) {
    const k = task.job_cluster_key;
    if (!clusterKeys.has(k)) {
      out.push(
        issue(
          `${at}/job_cluster_key`,
          clusterKeys.size === 0
            ? `job_cluster_key "${k}" is not defined: this job has no job_clusters; add {"job_cluster_key": "${k}", "new_cluster": {…}} to job_clusters`
            : `job_cluster_key "${k}" is not defined in job_clusters${didYouMean(k, clusterKeys) || ` (defined: ${[...clusterKeys].join(', ')})`}`,
        ),
      );
    }
  }
  if (typeof task.environment_key === 'string' && !topLevel) {
    const k = task.environment_key;
    if (!envKeys.has(k)) {
      out.push(
        issue(
          `${at}/environment_key`,
          envKeys.size === 0
            ? `environment_key "${k}" is not defined: this job has no environments; add {"environment_key": "${k}", "spec": {…}} to environments`
            : `environment_key "${k}" is not defined in environments${didYouMean(k, envKeys) || ` (defined: ${[...envKeys].join(', ')})`}`,
        ),
      );
    }
  }
  if ('spark_submit_task' in task && ('existing_cluster_id' in task || 'existing_cluster_name' in task)) {
    const field = 'existing_cluster_name' in task ? 'existing_cluster_name' : 'existing_cluster_id';
    out.push(
      issue(
        `${at}/${field}`,
        `spark_submit_task runs only on a new cluster: use new_cluster or job_cluster_key instead of ${field}`,
        {
          target: 'key',
        },
      ),
    );
  }
  out.push(...clusterSpecIssues(task.new_cluster, `${at}/new_cluster`));
  out.push(...jobClusterIssues(task.new_cluster, `${at}/new_cluster`));
  return out;
}

function dependencyIssues(tasks: unknown[], taskIndex: Map<string, number>): Issue[] {
  const out: Issue[] = [];
  const edges = new Map<number, Array<{ to: number; pointer: string }>>();
  tasks.forEach((t, i) => {
    if (!isObject(t) || !Array.isArray(t.depends_on)) return;
    const list: Array<{ to: number; pointer: string }> = [];
    edges.set(i, list);
    t.depends_on.forEach((d, k) => {
      if (!isObject(d) || typeof d.task_key !== 'string') return;
      const p = `/tasks/${i}/depends_on/${k}`;
      const target = taskIndex.get(d.task_key);
      if (d.task_key === t.task_key) {
        out.push(issue(`${p}/task_key`, `task "${d.task_key}" cannot depend on itself`));
        return;
      }
      if (target === undefined) {
        out.push(
          issue(
            `${p}/task_key`,
            `depends_on "${d.task_key}" is not a task of this job${didYouMean(d.task_key, taskIndex.keys()) || `: use the task_key of another task`}`,
          ),
        );
        return;
      }
      const targetTask = tasks[target];
      if (typeof d.outcome === 'string' && isObject(targetTask) && !('condition_task' in targetTask)) {
        out.push(
          issue(
            `${p}/outcome`,
            `outcome is only for dependencies on a condition_task, and "${d.task_key}" is not one: remove outcome`,
          ),
        );
      }
      list.push({ to: target, pointer: p });
    });
  });

  // Cycles: depth-first search; a back edge closes a cycle, reported once per set of tasks.
  const state = new Map<number, 'open' | 'done'>();
  const stack: number[] = [];
  const reported = new Set<string>();
  const keyName = (i: number) => {
    const t = tasks[i];
    return isObject(t) && typeof t.task_key === 'string' ? t.task_key : `tasks[${i}]`;
  };
  const visit = (i: number) => {
    state.set(i, 'open');
    stack.push(i);
    for (const e of edges.get(i) ?? []) {
      const s = state.get(e.to);
      if (s === 'open') {
        const cycle = stack.slice(stack.indexOf(e.to));
        const id = [...cycle].sort((a, b) => a - b).join(',');
        if (!reported.has(id)) {
          reported.add(id);
          const names = [...cycle.map(keyName), keyName(e.to)];
          out.push(
            issue(
              `${e.pointer}/task_key`,
              `tasks ${names.join(' → ')} form a dependency cycle: remove one of these depends_on entries`,
            ),
          );
        }
      } else if (s === undefined) visit(e.to);
    }
    stack.pop();
    state.set(i, 'done');
  };
  for (let i = 0; i < tasks.length; i++) if (!state.has(i)) visit(i);
  return out;
}

/** A task that runs on a warehouse or another job must say which, by name (resolved per region) or id. */
function nameReferenceIssues(ref: TaskRef): Issue[] {
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

/**
 * Ids that differ per workspace can be given by name (every slot of the name-reference table):
 * one of the two, not both. Cluster specs are checked by clusterSpecIssues, a task's cluster with
 * its other compute choices.
 */
function idAndNameIssues(job: Json): Issue[] {
  return slotsOf(job, 'job')
    .filter(
      ({ ref, holder }) =>
        ref.scope !== 'cluster' &&
        ref.idKey !== 'existing_cluster_id' &&
        ref.idKey in holder &&
        ref.nameKey in holder,
    )
    .map(({ ref, pointer }) => {
      const where = ref.path.split('.').pop()?.replace('[]', '') || 'the task';
      return issue(
        `${pointer}/${ref.nameKey}`,
        `${where} has both ${ref.idKey} and ${ref.nameKey}: keep ${ref.nameKey} (resolved in each region), or ${ref.idKey}`,
        { target: 'key' },
      );
    });
}
