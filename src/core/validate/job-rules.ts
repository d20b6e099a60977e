/**
 * Job rules a schema cannot express, at the level of the whole job: the multi-task or Jobs 2.0
 * single-task form, unique keys (tasks, job clusters, environments, parameters), ids given both
 * by id and by name, job clusters, schedules (Quartz cron, Java time zones) and tags. The rules
 * of one task are in task-rules.ts, dependencies in job-dependencies.ts. Each rule skips values
 * of the wrong type: the schema reports those.
 */
import { slotsOf } from '../plan/name-refs.js';
import { jobClusterIssues } from './cluster-api-rules.js';
import { clusterSpecIssues, MAX_JOB_TAGS, tagIssues } from './cluster-rules.js';
import { type Issue, isObject, issue, oneOfWords } from './issues.js';
import { dependencyIssues } from './job-dependencies.js';
import { allTasks, type Json, SINGLE_TASK_FIELDS, SINGLE_TASK_TYPES } from './job-tasks.js';
import { nameReferenceIssues, taskIssues } from './task-rules.js';
import { triggerIssues } from './trigger-rules.js';

// assets/jobs/settings.ts reads the single-task vocabulary from here.
export { SINGLE_TASK_FIELDS, SINGLE_TASK_TYPES } from './job-tasks.js';

/** Whether the job opts into serverless compute, so a notebook task may have no cluster. */
function usesServerless(job: Json): boolean {
  if (typeof job.performance_target === 'string') return true;
  if (Array.isArray(job.environments) && job.environments.length > 0) return true;
  return allTasks(job).some((t) => typeof t.task.environment_key === 'string');
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
    out.push(...taskIssues(ref, serverless, { clusterKeys, envKeys }, ref.pointer === ''));
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
