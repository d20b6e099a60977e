import { ApiError, WorkspaceClient } from '@databricks/sdk-experimental';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedWorkspace, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { b64, eventually, get, post } from './helpers.js';

let emulator: Emulator;
let ws: EmulatedWorkspace;

beforeAll(async () => {
  emulator = await startEmulator({
    workspaces: [{ name: 'primary' }],
    rateLimits: 'off',
    runPendingMs: 30,
    runDurationMs: 150,
  });
  ws = emulator.workspace('primary');
  await post(ws, '/api/2.0/workspace/import', {
    path: '/Shared/etl',
    format: 'SOURCE',
    language: 'PYTHON',
    content: b64('print(1)'),
  });
});
afterAll(() => emulator.stop());

const notebookTask = (key: string, path = '/Shared/etl') => ({
  task_key: key,
  notebook_task: { notebook_path: path, source: 'WORKSPACE' as const },
  new_cluster: { spark_version: '15.4.x-scala2.12', node_type_id: 'Standard_DS3_v2', num_workers: 1 },
});
const submit = (body: Record<string, unknown>, version = '2.2') =>
  post(ws, `/api/${version}/jobs/runs/submit`, body);
const getRun = (id: number) => get(ws, `/api/2.2/jobs/runs/get?run_id=${id}`);
const output = (id: number) => get(ws, `/api/2.2/jobs/runs/get-output?run_id=${id}`);

async function finished(id: number) {
  await eventually(async () => (await getRun(id)).body.state.life_cycle_state === 'TERMINATED');
  return (await getRun(id)).body;
}

describe('jobs/runs/submit', () => {
  it('starts a one-time run shown as SUBMIT_RUN with its submitted tasks; its job stays hidden', async () => {
    const r = await submit({ run_name: 'backfill', tasks: [notebookTask('a'), notebookTask('b')] });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(['run_id']);
    const run = (await getRun(r.body.run_id)).body;
    expect(run).toMatchObject({ run_id: r.body.run_id, run_name: 'backfill', run_type: 'SUBMIT_RUN' });
    expect(['PENDING', 'RUNNING']).toContain(run.state.life_cycle_state);
    expect(run.tasks.map((t: { task_key: string }) => t.task_key)).toEqual(['a', 'b']);
    expect(run.tasks[0].notebook_task).toEqual({ notebook_path: '/Shared/etl', source: 'WORKSPACE' });
    expect(run.tasks[0].run_id).not.toBe(run.run_id);
    // The run belongs to a job of its own that jobs/get and jobs/list do not show.
    expect(typeof run.job_id).toBe('number');
    expect((await get(ws, `/api/2.2/jobs/get?job_id=${run.job_id}`)).status).toBe(400);
    expect((await get(ws, '/api/2.2/jobs/list')).body.jobs).toBeUndefined();
    const done = await finished(r.body.run_id);
    expect(done.state).toMatchObject({ life_cycle_state: 'TERMINATED', result_state: 'SUCCESS' });
    expect(done.end_time).toBeGreaterThanOrEqual(done.start_time);
  });

  it('names an unnamed run Untitled and serves 2.0 and 2.1 too', async () => {
    for (const version of ['2.0', '2.1']) {
      const r = await submit({ tasks: [notebookTask('only')] }, version);
      expect(r.status).toBe(200);
      expect((await getRun(r.body.run_id)).body.run_name).toBe('Untitled');
    }
  });

  it('fails the run when a notebook or an existing cluster it needs is missing', async () => {
    const nb = await submit({ tasks: [notebookTask('a', '/Shared/missing')] });
    const cluster = await submit({
      tasks: [
        { task_key: 'a', existing_cluster_id: '0101-nope', spark_python_task: { python_file: 'x.py' } },
      ],
    });
    expect((await finished(nb.body.run_id)).state).toEqual({
      life_cycle_state: 'TERMINATED',
      result_state: 'FAILED',
      state_message: 'Notebook not found: /Shared/missing',
    });
    expect((await finished(cluster.body.run_id)).state.state_message).toBe(
      'Cluster 0101-nope does not exist',
    );
  });

  it('returns the same run for a repeated idempotency token', async () => {
    const body = { run_name: 'once', idempotency_token: 'tok-1', tasks: [notebookTask('a')] };
    const first = await submit(body);
    const second = await submit(body);
    expect(second.body.run_id).toBe(first.body.run_id);
  });

  it('validates like jobs/create and refuses an empty run or a long idempotency token', async () => {
    const bad = async (body: Record<string, unknown>) => {
      const r = await submit(body);
      expect(r.status).toBe(400);
      expect(r.body.error_code).toBe('INVALID_PARAMETER_VALUE');
      return r.body.message as string;
    };
    expect(await bad({ run_name: 'empty' })).toMatch(/at least one task/);
    expect(await bad({ tasks: [notebookTask('a'), notebookTask('a')] })).toBe(
      "Duplicate task key 'a' in tasks",
    );
    expect(await bad({ tasks: [{ ...notebookTask('a'), depends_on: [{ task_key: 'zz' }] }] })).toMatch(
      /depends on zz/,
    );
    expect(await bad({ idempotency_token: 'x'.repeat(65), tasks: [notebookTask('a')] })).toMatch(/64/);
    expect(await bad({ run_name: 7, tasks: [notebookTask('a')] })).toBe('run_name must be a string');
  });

  it('cancels a one-time run', async () => {
    const r = await submit({ tasks: [notebookTask('a')] });
    expect((await post(ws, '/api/2.2/jobs/runs/cancel', { run_id: r.body.run_id })).status).toBe(200);
    expect((await getRun(r.body.run_id)).body.state).toMatchObject({
      life_cycle_state: 'TERMINATED',
      result_state: 'CANCELED',
    });
  });
});

describe('jobs/runs/get-output', () => {
  it('refuses a run with tasks (even one) and answers per task run', async () => {
    const r = await submit({ tasks: [notebookTask('a')] });
    const parent = await output(r.body.run_id);
    expect(parent.status).toBe(400);
    expect(parent.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message:
        'Retrieving the output of runs with multiple tasks is not supported. Please retrieve the output of each individual task run instead.',
    });
    const taskRunId = (await getRun(r.body.run_id)).body.tasks[0].run_id;
    const running = (await output(taskRunId)).body;
    expect(running.metadata.run_id).toBe(taskRunId);
    expect(running.notebook_output).toBeUndefined();
    await finished(r.body.run_id);
    const done = (await output(taskRunId)).body;
    expect(done.notebook_output).toEqual({});
    expect(done.error).toBeUndefined();
    expect(done.metadata.state.result_state).toBe('SUCCESS');
    expect(done.metadata.tasks).toHaveLength(1);
    expect(done.metadata.tasks[0].task_key).toBe('a');
  });

  it("gives a failed task run's error, and works for job runs too", async () => {
    const r = await submit({ tasks: [notebookTask('a', '/Shared/gone')] });
    await finished(r.body.run_id);
    const taskRunId = (await getRun(r.body.run_id)).body.tasks[0].run_id;
    expect((await output(taskRunId)).body.error).toBe('Notebook not found: /Shared/gone');

    const { job_id } = (await post(ws, '/api/2.2/jobs/create', { name: 'j', tasks: [notebookTask('t')] }))
      .body;
    const { run_id } = (await post(ws, '/api/2.2/jobs/run-now', { job_id })).body;
    await finished(run_id);
    const jobTaskRun = (await getRun(run_id)).body.tasks[0].run_id;
    const out = (await output(jobTaskRun)).body;
    expect(out.notebook_output).toEqual({});
    expect(out.metadata.job_id).toBe(job_id);
  });

  it('answers an unknown run id as a missing run', async () => {
    const r = await output(999_999_999);
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('Run 999999999 does not exist.');
  });
});

describe('jobs/runs/list with one-time runs', () => {
  it('lists them among all runs, filters by run_type and start time, and by their hidden job', async () => {
    const { job_id } = (
      await post(ws, '/api/2.2/jobs/create', { name: 'listed', tasks: [notebookTask('t')] })
    ).body;
    const before = Date.now();
    const jobRun = (await post(ws, '/api/2.2/jobs/run-now', { job_id })).body.run_id;
    const oneTime = (await submit({ run_name: 'listed-once', tasks: [notebookTask('a')] })).body.run_id;
    const ids = async (query: string) =>
      ((await get(ws, `/api/2.2/jobs/runs/list?limit=25&${query}`)).body.runs ?? []).map(
        (r: { run_id: number }) => r.run_id,
      );
    const all = await ids(`start_time_from=${before}`);
    expect(all).toEqual([oneTime, jobRun]);
    expect(await ids(`start_time_from=${before}&run_type=SUBMIT_RUN`)).toEqual([oneTime]);
    expect(await ids(`start_time_from=${before}&run_type=JOB_RUN`)).toEqual([jobRun]);
    expect(await ids(`start_time_to=${before - 1}&run_type=JOB_RUN`)).not.toContain(jobRun);
    expect(await ids(`job_id=${job_id}`)).toEqual([jobRun]);
    const hiddenJob = (await getRun(oneTime)).body.job_id;
    expect(await ids(`job_id=${hiddenJob}`)).toEqual([oneTime]);
    const bad = await get(ws, '/api/2.2/jobs/runs/list?run_type=ONE_TIME');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('Invalid run_type: ONE_TIME. Use one of JOB_RUN, WORKFLOW_RUN, SUBMIT_RUN');
  });
});

describe('through the official SDK', () => {
  it('submits, waits, reads the task output, and parses the refusal for the parent run', async () => {
    // env: {} so no DATABRICKS_* variable of the machine leaks into the config.
    const client = new WorkspaceClient({ host: ws.url, token: ws.token, authType: 'pat', env: {} });
    const waiter = await client.jobs.submit({ run_name: 'sdk-once', tasks: [notebookTask('a')] });
    const run = await waiter.wait({});
    expect(run.run_type).toBe('SUBMIT_RUN');
    expect(run.state?.result_state).toBe('SUCCESS');
    const out = await client.jobs.getRunOutput({ run_id: run.tasks?.[0].run_id ?? 0 });
    expect(out.notebook_output).toEqual({});
    expect(out.metadata?.run_name).toBe('sdk-once');
    const refusal = await client.jobs.getRunOutput({ run_id: run.run_id ?? 0 }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).errorCode).toBe('INVALID_PARAMETER_VALUE');
  });
});
