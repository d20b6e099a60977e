/**
 * The vocabulary of a job's tasks: the task types (Jobs 2.1/2.2, and the 2.0 single-task form),
 * where a task runs, and walking every task of a job with where it is (nested for_each included).
 */
import { isObject } from './issues.js';

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

export type Json = Record<string, unknown>;

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
