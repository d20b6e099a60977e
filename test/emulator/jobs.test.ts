import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type EmulatedWorkspace, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { emptyState } from '../../src/emulator/state.js';
import { eventually, get, post } from './helpers.js';

let emulator: Emulator;
let ws: EmulatedWorkspace;

beforeAll(async () => {
  emulator = await startEmulator({
    workspaces: [{ name: 'primary' }],
    rateLimits: 'off',
    runPendingMs: 50,
    runDurationMs: 300,
  });
  ws = emulator.workspace('primary');
});
afterAll(() => emulator.stop());

const notebookTask = (key: string, extra: Record<string, unknown> = {}) => ({
  task_key: key,
  notebook_task: { notebook_path: '/Shared/nb' },
  ...extra,
});

async function createJob(settings: Record<string, unknown>, version = '2.2'): Promise<number> {
  const r = await post(ws, `/api/${version}/jobs/create`, settings);
  expect(r.status, r.text).toBe(200);
  return r.body.job_id;
}

describe('jobs create/get', () => {
  it('fills server-side defaults and keeps tags', async () => {
    const id = await createJob({ name: 'etl', tags: { 'databricks-dr': 'etl' }, tasks: [notebookTask('a')] });
    expect(Number.isSafeInteger(id)).toBe(true);
    const r = await get(ws, `/api/2.2/jobs/get?job_id=${id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      job_id: id,
      creator_user_name: 'emulator@example.com',
      run_as_user_name: 'emulator@example.com',
      settings: {
        name: 'etl',
        tags: { 'databricks-dr': 'etl' },
        queue: { enabled: true },
        max_concurrent_runs: 1,
        timeout_seconds: 0,
        email_notifications: {},
        webhook_notifications: {},
        format: 'MULTI_TASK',
        tasks: [{ task_key: 'a', run_if: 'ALL_SUCCESS', timeout_seconds: 0, email_notifications: {} }],
      },
    });
    expect(r.body.created_time).toBeGreaterThan(1_600_000_000_000);
  });

  it('turns queueing on by default only through 2.2', async () => {
    const via21 = await createJob({ name: 'q21', tasks: [notebookTask('a')] }, '2.1');
    const r = await get(ws, `/api/2.1/jobs/get?job_id=${via21}`);
    expect(r.body.settings.queue).toBeUndefined();
    const explicit = await createJob({ name: 'q22', queue: { enabled: false }, tasks: [notebookTask('a')] });
    expect((await get(ws, `/api/2.2/jobs/get?job_id=${explicit}`)).body.settings.queue).toEqual({
      enabled: false,
    });
  });

  it('takes run_as into run_as_user_name and fills new_cluster defaults', async () => {
    const id = await createJob({
      name: 'sp',
      run_as: { service_principal_name: 'abc-123' },
      job_clusters: [
        { job_cluster_key: 'c', new_cluster: { spark_version: '15.4.x', apply_policy_default_values: true } },
      ],
      tasks: [notebookTask('a', { job_cluster_key: 'c' })],
    });
    const r = await get(ws, `/api/2.2/jobs/get?job_id=${id}`);
    expect(r.body.run_as_user_name).toBe('abc-123');
    expect(r.body.settings.job_clusters[0].new_cluster).toEqual({
      spark_version: '15.4.x',
      data_security_mode: 'SINGLE_USER',
    });
  });

  it('accepts a Jobs 2.0 single-task body', async () => {
    const id = await createJob(
      { name: 'legacy', existing_cluster_id: '1125-200131-abcd1234', notebook_task: { notebook_path: '/x' } },
      '2.0',
    );
    const r = await get(ws, `/api/2.0/jobs/get?job_id=${id}`);
    expect(r.body.settings).toMatchObject({ format: 'SINGLE_TASK', notebook_task: { notebook_path: '/x' } });
  });

  it('rejects invalid settings with INVALID_PARAMETER_VALUE naming the field', async () => {
    const missingKey = await post(ws, '/api/2.2/jobs/create', { name: 'x', tasks: [{ notebook_task: {} }] });
    expect(missingKey.status).toBe(400);
    expect(missingKey.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: expect.stringContaining('task_key'),
    });
    const dup = await post(ws, '/api/2.2/jobs/create', { tasks: [notebookTask('a'), notebookTask('a')] });
    expect(dup.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    const mcr = await post(ws, '/api/2.2/jobs/create', { max_concurrent_runs: 1001 });
    expect(mcr.body.message).toContain('max_concurrent_runs');
    const shared = await post(ws, '/api/2.0/jobs/create', {
      notebook_task: { notebook_path: '/x' },
      job_clusters: [{ job_cluster_key: 'c', new_cluster: {} }],
    });
    expect(shared.body.message).toBe('Shared job cluster feature is only supported in multi-task jobs.');
    const badDep = await post(ws, '/api/2.2/jobs/create', {
      tasks: [notebookTask('a', { depends_on: [{ task_key: 'zz' }] })],
    });
    expect(badDep.status).toBe(400);
  });

  it('answers a missing job with 400 INVALID_PARAMETER_VALUE "Job N does not exist."', async () => {
    const r = await get(ws, '/api/2.2/jobs/get?job_id=998654886170278');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: 'Job 998654886170278 does not exist.',
    });
    const missingParam = await get(ws, '/api/2.2/jobs/get');
    expect(missingParam.body.message).toContain('job_id');
  });

  it('pages tasks, job_clusters and parameters at 100 in 2.2 get (not in 2.1)', async () => {
    const tasks = Array.from({ length: 250 }, (_, i) => notebookTask(`t${String(i).padStart(3, '0')}`));
    const parameters = Array.from({ length: 120 }, (_, i) => ({ name: `p${i}`, default: '' }));
    const id = await createJob({ name: 'big', tasks, parameters });
    const first = await get(ws, `/api/2.2/jobs/get?job_id=${id}`);
    expect(first.body.settings.tasks).toHaveLength(100);
    expect(first.body.settings.parameters).toHaveLength(100);
    expect(first.body.next_page_token).toBeTruthy();
    const second = await get(ws, `/api/2.2/jobs/get?job_id=${id}&page_token=${first.body.next_page_token}`);
    expect(second.body.settings.tasks).toHaveLength(100);
    expect(second.body.settings.tasks[0].task_key).toBe('t100');
    expect(second.body.settings.parameters).toHaveLength(20);
    const third = await get(ws, `/api/2.2/jobs/get?job_id=${id}&page_token=${second.body.next_page_token}`);
    expect(third.body.settings.tasks).toHaveLength(50);
    expect(third.body.settings.parameters).toEqual([]);
    expect(third.body.next_page_token).toBeUndefined();
    const whole = await get(ws, `/api/2.1/jobs/get?job_id=${id}`);
    expect(whole.body.settings.tasks).toHaveLength(250);
    expect(whole.body.next_page_token).toBeUndefined();
  });
});

describe('jobs list', () => {
  let fresh: Emulator;
  let w: EmulatedWorkspace;
  beforeEach(async () => {
    fresh = await startEmulator({ workspaces: [{ name: 'list' }], rateLimits: 'off' });
    w = fresh.workspace('list');
    return () => fresh.stop();
  });

  it('omits jobs when there are none', async () => {
    expect((await get(w, '/api/2.2/jobs/list')).body).toEqual({ has_more: false });
  });

  it('filters by exact case-insensitive name, pages with limit/offset/page_token, expands tasks', async () => {
    for (let i = 0; i < 5; i++)
      await post(w, '/api/2.2/jobs/create', {
        name: i === 2 ? 'Nightly ETL' : `job-${i}`,
        tasks: [notebookTask('a')],
      });
    const byName = await get(w, '/api/2.2/jobs/list?name=nightly%20etl');
    expect(byName.body.jobs).toHaveLength(1);
    expect(byName.body.jobs[0].settings.name).toBe('Nightly ETL');
    expect(byName.body.jobs[0].settings.tasks).toBeUndefined();
    expect((await get(w, '/api/2.2/jobs/list?name=nightly')).body.jobs).toBeUndefined();

    const page1 = await get(w, '/api/2.2/jobs/list?limit=2');
    expect(page1.body.jobs).toHaveLength(2);
    expect(page1.body.has_more).toBe(true);
    const page2 = await get(w, `/api/2.2/jobs/list?limit=2&page_token=${page1.body.next_page_token}`);
    const page3 = await get(w, `/api/2.2/jobs/list?limit=2&page_token=${page2.body.next_page_token}`);
    expect(page3.body.jobs).toHaveLength(1);
    expect(page3.body.has_more).toBe(false);
    expect(page3.body.next_page_token).toBeUndefined();
    const ids = [...page1.body.jobs, ...page2.body.jobs, ...page3.body.jobs].map(
      (j: { job_id: number }) => j.job_id,
    );
    expect(new Set(ids).size).toBe(5);
    const byOffset = await get(w, '/api/2.1/jobs/list?limit=2&offset=4');
    expect(byOffset.body.jobs[0].job_id).toBe(ids[4]);

    const expanded = await get(w, '/api/2.2/jobs/list?expand_tasks=true&limit=1');
    expect(expanded.body.jobs[0].settings.tasks).toHaveLength(1);
    expect(expanded.body.jobs[0].has_more).toBe(false);
  });

  it('rejects limit above 100', async () => {
    const r = await get(w, '/api/2.2/jobs/list?limit=101');
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await get(w, '/api/2.2/jobs/list?limit=100')).status).toBe(200);
  });
});

describe('jobs reset/update/delete', () => {
  it('reset replaces all settings but keeps run_as', async () => {
    const id = await createJob({
      name: 'r',
      run_as: { user_name: 'a@b.c' },
      tags: { x: '1' },
      tasks: [notebookTask('a')],
    });
    const r = await post(ws, '/api/2.2/jobs/reset', {
      job_id: id,
      new_settings: { name: 'r2', tasks: [notebookTask('b')] },
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({});
    const job = (await get(ws, `/api/2.2/jobs/get?job_id=${id}`)).body;
    expect(job.settings.name).toBe('r2');
    expect(job.settings.tags).toBeUndefined();
    expect(job.settings.run_as).toEqual({ user_name: 'a@b.c' });
    expect(job.settings.tasks.map((t: { task_key: string }) => t.task_key)).toEqual(['b']);
    expect((await post(ws, '/api/2.2/jobs/reset', { job_id: id })).body.message).toContain('new_settings');
  });

  it('update merges tasks by key and honours fields_to_remove', async () => {
    const id = await createJob({
      name: 'u',
      tags: { a: '1' },
      description: 'd',
      tasks: [notebookTask('a'), notebookTask('b')],
    });
    const r = await post(ws, '/api/2.2/jobs/update', {
      job_id: id,
      new_settings: {
        max_concurrent_runs: 0,
        tasks: [{ task_key: 'b', spark_python_task: { python_file: '/f.py' } }, notebookTask('c')],
      },
      fields_to_remove: ['description', 'tasks/a'],
    });
    expect(r.status, r.text).toBe(200);
    const s = (await get(ws, `/api/2.2/jobs/get?job_id=${id}`)).body.settings;
    expect(s.max_concurrent_runs).toBe(0);
    expect(s.description).toBeUndefined();
    expect(s.tags).toEqual({ a: '1' });
    expect(s.tasks.map((t: { task_key: string }) => t.task_key)).toEqual(['b', 'c']);
    expect(s.tasks[0].notebook_task).toBeUndefined();
    expect(s.tasks[0].spark_python_task).toEqual({ python_file: '/f.py' });
  });

  it('delete removes the job; deleting again is a not-found error', async () => {
    const id = await createJob({ name: 'del' });
    expect((await post(ws, '/api/2.2/jobs/delete', { job_id: id })).status).toBe(200);
    expect((await get(ws, `/api/2.2/jobs/get?job_id=${id}`)).status).toBe(400);
    const again = await post(ws, '/api/2.2/jobs/delete', { job_id: id });
    expect(again.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: `Job ${id} does not exist.`,
    });
  });

  it('refuses a job beyond the 10,000 saved-jobs quota with QUOTA_EXCEEDED', async () => {
    // Seed a full workspace through a state file rather than 10,000 requests.
    const dir = mkdtempSync(join(tmpdir(), 'emu-quota-'));
    const state = emptyState('full', 'emulator@example.com', Date.now());
    for (let i = 0; i < 10_000; i++)
      state.jobs[String(i + 1)] = {
        job_id: i + 1,
        created_time: 1,
        creator_user_name: 'x',
        settings: { name: `j${i}` },
      };
    writeFileSync(join(dir, 'full.json'), JSON.stringify(state));
    const e = await startEmulator({ workspaces: [{ name: 'full' }], stateDir: dir });
    try {
      const r = await post(e.workspace('full'), '/api/2.2/jobs/create', { name: 'one too many' });
      expect(r.status).toBe(400);
      expect(r.body.error_code).toBe('QUOTA_EXCEEDED');
    } finally {
      await e.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('runs', () => {
  const runState = async (runId: number) => (await get(ws, `/api/2.2/jobs/runs/get?run_id=${runId}`)).body;

  it('goes PENDING → RUNNING → TERMINATED/SUCCESS', async () => {
    await post(ws, '/api/2.0/workspace/import', {
      path: '/Shared/nb',
      format: 'SOURCE',
      language: 'PYTHON',
      overwrite: true,
      content: Buffer.from('print(1)').toString('base64'),
    });
    const id = await createJob({ name: 'run', tasks: [notebookTask('a')] });
    const r = await post(ws, '/api/2.2/jobs/run-now', { job_id: id });
    expect(r.status).toBe(200);
    expect(r.body.run_id).toBeGreaterThan(0);
    const first = await runState(r.body.run_id);
    expect(['PENDING', 'RUNNING']).toContain(first.state.life_cycle_state);
    expect(first.job_id).toBe(id);
    expect(first.tasks[0].task_key).toBe('a');
    await eventually(async () => (await runState(r.body.run_id)).state.life_cycle_state === 'TERMINATED');
    const done = await runState(r.body.run_id);
    expect(done.state.result_state).toBe('SUCCESS');
    expect(done.end_time).toBeGreaterThanOrEqual(done.start_time);
  });

  it('fails a run whose notebook or cluster does not exist in the workspace', async () => {
    const missingNotebook = await createJob({
      name: 'half-deployed',
      tasks: [{ task_key: 'a', notebook_task: { notebook_path: '/Shared/not-deployed' } }],
    });
    const r = await post(ws, '/api/2.2/jobs/run-now', { job_id: missingNotebook });
    await eventually(async () => (await runState(r.body.run_id)).state.life_cycle_state === 'TERMINATED');
    const done = await runState(r.body.run_id);
    expect(done.state).toMatchObject({
      result_state: 'FAILED',
      state_message: 'Notebook not found: /Shared/not-deployed',
    });
    expect(done.status.termination_details).toMatchObject({
      code: 'RUN_EXECUTION_ERROR',
      type: 'CLIENT_ERROR',
    });
  });

  it('skips a run when max_concurrent_runs is 0 and queueing is off', async () => {
    const id = await createJob({ name: 'passive', max_concurrent_runs: 0, queue: { enabled: false } });
    const r = await post(ws, '/api/2.2/jobs/run-now', { job_id: id });
    expect((await runState(r.body.run_id)).state.life_cycle_state).toBe('SKIPPED');
  });

  it('queues a run over the limit when queueing is on, and starts it when a slot frees', async () => {
    const id = await createJob({ name: 'queued', max_concurrent_runs: 1, queue: { enabled: true } });
    const a = await post(ws, '/api/2.2/jobs/run-now', { job_id: id });
    const b = await post(ws, '/api/2.2/jobs/run-now', { job_id: id });
    expect((await runState(b.body.run_id)).state.life_cycle_state).toBe('QUEUED');
    await eventually(async () => (await runState(a.body.run_id)).state.life_cycle_state === 'TERMINATED');
    await eventually(async () => (await runState(b.body.run_id)).state.life_cycle_state === 'TERMINATED');
  });

  it('skips a run over the limit when queueing is off', async () => {
    const id = await createJob({ name: 'skip', max_concurrent_runs: 1, queue: { enabled: false } });
    await post(ws, '/api/2.2/jobs/run-now', { job_id: id });
    const b = await post(ws, '/api/2.2/jobs/run-now', { job_id: id });
    expect((await runState(b.body.run_id)).state.life_cycle_state).toBe('SKIPPED');
  });

  it('lists runs by job, active_only, and cancels', async () => {
    const id = await createJob({ name: 'list-runs', max_concurrent_runs: 5 });
    const a = await post(ws, '/api/2.2/jobs/run-now', { job_id: id });
    const b = await post(ws, '/api/2.2/jobs/run-now', { job_id: id });
    const all = await get(ws, `/api/2.2/jobs/runs/list?job_id=${id}`);
    expect(all.body.runs.map((r: { run_id: number }) => r.run_id).sort()).toEqual(
      [a.body.run_id, b.body.run_id].sort(),
    );
    expect((await post(ws, '/api/2.2/jobs/runs/cancel', { run_id: a.body.run_id })).status).toBe(200);
    const cancelled = await runState(a.body.run_id);
    expect(cancelled.state).toMatchObject({ life_cycle_state: 'TERMINATED', result_state: 'CANCELED' });
    const active = await get(ws, `/api/2.2/jobs/runs/list?job_id=${id}&active_only=true`);
    expect(active.body.runs.map((r: { run_id: number }) => r.run_id)).toEqual([b.body.run_id]);
    await post(ws, '/api/2.2/jobs/runs/cancel-all', { job_id: id });
    expect(
      (await get(ws, `/api/2.2/jobs/runs/list?job_id=${id}&active_only=true`)).body.runs,
    ).toBeUndefined();
  });

  it('reuses the run of a repeated idempotency_token', async () => {
    const id = await createJob({ name: 'idem', max_concurrent_runs: 5 });
    const a = await post(ws, '/api/2.2/jobs/run-now', { job_id: id, idempotency_token: 'tok-1' });
    const b = await post(ws, '/api/2.2/jobs/run-now', { job_id: id, idempotency_token: 'tok-1' });
    expect(b.body.run_id).toBe(a.body.run_id);
  });

  it('answers a missing run or job with "does not exist"', async () => {
    expect((await get(ws, '/api/2.2/jobs/runs/get?run_id=42')).body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: 'Run 42 does not exist.',
    });
    expect((await post(ws, '/api/2.2/jobs/run-now', { job_id: 42 })).body.message).toBe(
      'Job 42 does not exist.',
    );
  });
});

describe('notFoundStatus: 404', () => {
  it('answers missing jobs, runs and clusters with 404 RESOURCE_DOES_NOT_EXIST', async () => {
    const e = await startEmulator({ workspaces: [{ name: 'nf' }], notFoundStatus: 404 });
    try {
      const w = e.workspace('nf');
      expect((await get(w, '/api/2.2/jobs/get?job_id=1')).body).toEqual({
        error_code: 'RESOURCE_DOES_NOT_EXIST',
        message: 'Job 1 does not exist.',
      });
      expect((await get(w, '/api/2.2/jobs/runs/get?run_id=1')).status).toBe(404);
      expect((await get(w, '/api/2.1/clusters/get?cluster_id=nope')).status).toBe(404);
    } finally {
      await e.stop();
    }
  });
});
