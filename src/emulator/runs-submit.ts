/**
 * One-time runs (`jobs/runs/submit`) and run output (`jobs/runs/get-output`). A one-time run goes
 * through the same lazy state machine as a job run (job-runs.ts `settleRuns`) and fails the same
 * way when a notebook, file or cluster it needs is missing.
 *
 * As observed on Databricks (runs shown in databricks/databricks-sdk-py#375): a one-time run has
 * `run_type: SUBMIT_RUN` and a `job_id` of its own hidden job, which jobs/get and jobs/list do not
 * show; runs/list without `job_id` lists it among the job runs, `run_type=SUBMIT_RUN` only these.
 * get-output on a run with a task list is refused with the service's message (the same issues):
 * the output belongs to each task run.
 */
import type { ApiContext, Router } from './context.js';
import { type ApiRequest, clone, invalidParameter, isObject, type JsonObject, requireId } from './http.js';
import { getRun, isTerminal, runView, setState, settleRuns } from './job-runs.js';
import { arrayField, checkJobRefs, missingDependency, validateSettings } from './job-settings.js';
import { JOBS_VERSIONS } from './jobs-api.js';
import { newJobAcl } from './permissions-api.js';
import type { EmulatedRun } from './workspace-state.js';

/** SubmitRun.idempotency_token: "This token must have at most 64 characters." (Jobs API docs) */
const MAX_IDEMPOTENCY_TOKEN = 64;

/** The submitted body as job settings, so one-time runs are validated exactly like jobs. */
function settingsOf(body: JsonObject): JsonObject {
  const settings: JsonObject = {};
  for (const field of ['tasks', 'timeout_seconds', 'queue', 'run_as', 'environments', 'git_source'])
    if (body[field] !== undefined) settings[field] = clone(body[field]);
  return settings;
}

function submit(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  if (body.run_name !== undefined && typeof body.run_name !== 'string')
    throw invalidParameter('run_name must be a string');
  const token = body.idempotency_token;
  if (token !== undefined && (typeof token !== 'string' || token.length > MAX_IDEMPOTENCY_TOKEN))
    throw invalidParameter(
      `idempotency_token must be a string of at most ${MAX_IDEMPOTENCY_TOKEN} characters`,
    );
  if (token) {
    const existing = Object.values(ctx.state.runs).find(
      (r) => r.run_type === 'SUBMIT_RUN' && r.idempotency_token === token,
    );
    if (existing) return { run_id: existing.run_id };
  }
  const settings = settingsOf(body);
  const tasks = arrayField(settings, 'tasks');
  // Modelled from the docs (SubmitRun.tasks), not observed: a one-time run runs its tasks, so an
  // empty run is refused rather than run.
  if (tasks.length === 0) throw invalidParameter('A one-time run needs at least one task in tasks');
  validateSettings(settings);
  checkJobRefs(settings, ctx);
  newJobAcl(ctx, body.access_control_list);

  const jobId = ctx.nextId();
  const runId = ctx.nextId();
  const run: EmulatedRun = {
    run_id: runId,
    job_id: jobId,
    number_in_job: runId,
    start_time: ctx.now,
    // One-time runs share no concurrency limit: each starts when submitted.
    began_at: ctx.now,
    state: { life_cycle_state: 'PENDING', state_message: '' },
    run_name: typeof body.run_name === 'string' && body.run_name !== '' ? body.run_name : 'Untitled',
    run_type: 'SUBMIT_RUN',
    ...(typeof token === 'string' && token ? { idempotency_token: token } : {}),
    tasks: tasks.map((t) => ({ task_key: String(t.task_key), run_id: ctx.nextId() })),
    submitted_tasks: Object.fromEntries(tasks.map((t) => [String(t.task_key), clone(t)])),
  };
  setState(run, 'PENDING', 'Waiting for cluster');
  const failure = missingDependency(ctx, settings);
  if (failure) run.failure = failure;
  ctx.state.runs[String(runId)] = run;
  settleRuns(ctx, jobId);
  return { run_id: runId };
}

/** The run a run id names: a run, or one task run of a run (with its task key). */
function findRun(ctx: ApiContext, id: number): { run: EmulatedRun; taskKey?: string } {
  for (const run of Object.values(ctx.state.runs)) {
    const task = run.tasks?.find((t) => t.run_id === id);
    if (task) return { run, taskKey: task.task_key };
  }
  return { run: getRun(ctx, id) };
}

/** What the run's (or task run's) code produced: a notebook's exit value, or why it failed. */
function outputOf(run: EmulatedRun, task: JsonObject | undefined): JsonObject {
  if (!isTerminal(run)) return {};
  if (run.state.result_state === 'FAILED') return { error: run.state.state_message };
  if (run.state.result_state !== 'SUCCESS') return {};
  // "A notebook task that terminates without calling dbutils.notebook.exit() is considered to
  // have an empty output. This field is set but its result value is empty." (RunOutput docs)
  const isNotebook = task ? isObject(task.notebook_task) : true;
  return isNotebook ? { notebook_output: {} } : {};
}

function getOutput(req: ApiRequest, ctx: ApiContext): unknown {
  const id = requireId(req.param('run_id'), 'run_id');
  const { run, taskKey } = findRun(ctx, id);
  settleRuns(ctx, run.job_id);
  const view = runView(run, ctx, true);
  if (taskKey === undefined) {
    if (run.tasks && run.tasks.length > 0)
      throw invalidParameter(
        'Retrieving the output of runs with multiple tasks is not supported. ' +
          'Please retrieve the output of each individual task run instead.',
      );
    return { metadata: view, ...outputOf(run, undefined) };
  }
  const taskView = (view.tasks as JsonObject[]).find((t) => t.task_key === taskKey);
  const task = run.submitted_tasks?.[taskKey] ?? jobTask(ctx, run, taskKey);
  return { metadata: { ...view, run_id: id, tasks: [taskView] }, ...outputOf(run, task) };
}

function jobTask(ctx: ApiContext, run: EmulatedRun, taskKey: string): JsonObject | undefined {
  const job = ctx.state.jobs[String(run.job_id)];
  return job ? arrayField(job.settings, 'tasks').find((t) => t.task_key === taskKey) : undefined;
}

export function registerRunsSubmit(router: Router): void {
  router.addVersions('POST', JOBS_VERSIONS, 'jobs/runs/submit', submit);
  router.addVersions('GET', JOBS_VERSIONS, 'jobs/runs/get-output', getOutput);
}
