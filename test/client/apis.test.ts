/** The typed API modules against the emulator: shapes, paging, and the absent-when-empty lists. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabricksClient } from '../../src/core/client/index.js';
import { type Harness, harness, notebookTask } from './helpers.js';

let h: Harness;
let client: DatabricksClient;

beforeAll(async () => {
  h = await harness({ clusterStartMs: 0, clusterTerminateMs: 0 });
  ({ client } = h.client());
});
afterAll(async () => {
  await h.close();
});

const requestsTo = (path: string) => h.ws.requests().filter((r) => r.path === path).length;

describe('workspace', () => {
  it('imports, exports, lists and deletes', async () => {
    await client.workspace.mkdirs('/Shared/app/empty');
    const source = '# Databricks notebook source\nprint("hi")\n';
    await client.workspace.importContent('/Shared/app/main', source, {
      format: 'SOURCE',
      language: 'PYTHON',
    });
    await client.workspace.import({
      path: '/Shared/app/data.txt',
      format: 'AUTO',
      content: Buffer.from('a,b\n').toString('base64'),
    });

    expect((await client.workspace.exportContent('/Shared/app/main')).toString('utf8')).toContain(
      'print("hi")',
    );
    const exported = await client.workspace.export('/Shared/app/main');
    expect(typeof exported.content).toBe('string');

    const listed = await client.workspace.list('/Shared/app');
    expect(listed.map((o) => [o.path, o.object_type]).sort()).toEqual([
      ['/Shared/app/data.txt', 'FILE'],
      ['/Shared/app/empty', 'DIRECTORY'],
      ['/Shared/app/main', 'NOTEBOOK'],
    ]);
    // `objects` is absent for an empty folder.
    expect(await client.workspace.list('/Shared/app/empty')).toEqual([]);

    const status = await client.workspace.getStatus('/Shared/app/main');
    expect(status).toMatchObject({ object_type: 'NOTEBOOK', language: 'PYTHON', path: '/Shared/app/main' });
    expect(await client.workspace.tryGetStatus('/Shared/app/nothing')).toBeUndefined();

    await client.workspace.delete('/Shared/app', { recursive: true });
    expect(await client.workspace.tryGetStatus('/Shared/app')).toBeUndefined();
  });

  it('passes notebooks_modified_after through', async () => {
    await client.workspace.mkdirs('/Shared/mod');
    await client.workspace.importContent('/Shared/mod/nb', '# Databricks notebook source\n1\n', {
      format: 'SOURCE',
      language: 'PYTHON',
    });
    const future = Date.now() + 60_000;
    const recent = await client.workspace.list('/Shared/mod', { notebooksModifiedAfter: future });
    expect(recent.filter((o) => o.object_type === 'NOTEBOOK')).toEqual([]);
    const all = await client.workspace.list('/Shared/mod', { notebooksModifiedAfter: 0 });
    expect(all.map((o) => o.path)).toEqual(['/Shared/mod/nb']);
  });
});

describe('jobs', () => {
  it('lists every job across pages, and filters by name case-insensitively', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 45; i++) {
      ids.push((await client.jobs.create({ name: `page-${i}`, tasks: [notebookTask(i)] })).job_id);
    }
    const pages: number[] = [];
    for await (const page of client.jobs.listPages({ limit: 20 })) pages.push(page.jobs?.length ?? 0);
    expect(pages).toEqual([20, 20, 5]);

    const all = await client.jobs.listAll({ limit: 20 });
    expect(all.map((j) => j.job_id).sort()).toEqual([...ids].sort());

    const byName = await client.jobs.listAll({ name: 'PAGE-7' });
    expect(byName.map((j) => j.job_id)).toEqual([ids[7]]);
    expect(await client.jobs.listAll({ name: 'no such job' })).toEqual([]);

    for (const id of ids) await client.jobs.delete(id);
  });

  it('gets a job with more than 100 tasks and parameters by following page tokens', async () => {
    const tasks = Array.from({ length: 230 }, (_, i) => notebookTask(i));
    const parameters = Array.from({ length: 105 }, (_, i) => ({ name: `p${i}`, default: String(i) }));
    const { job_id } = await client.jobs.create({ name: 'big', tasks, parameters });
    const before = requestsTo('/api/2.2/jobs/get');

    const job = await client.jobs.get(job_id);

    expect(requestsTo('/api/2.2/jobs/get') - before).toBe(3);
    expect(job.settings.tasks?.map((t) => t.task_key)).toEqual(tasks.map((t) => t.task_key));
    expect(job.settings.parameters?.map((p) => p.name)).toEqual(parameters.map((p) => p.name));
    expect(job).not.toHaveProperty('next_page_token');
  });

  it('lists jobs with expand_tasks whole: a job marked has_more is completed with jobs/get', async () => {
    const tasks = Array.from({ length: 150 }, (_, i) => notebookTask(i));
    const jobClusters = Array.from({ length: 120 }, (_, i) => ({
      job_cluster_key: `c${i}`,
      new_cluster: { spark_version: '15.4.x-scala2.12', node_type_id: 'Standard_DS3_v2', num_workers: 1 },
    }));
    const big = await client.jobs.create({ name: 'wide', tasks, job_clusters: jobClusters });
    const small = await client.jobs.create({ name: 'narrow', tasks: [notebookTask(1)] });
    const before = requestsTo('/api/2.2/jobs/get');

    const [wide] = await client.jobs.listAll({ expandTasks: true, name: 'wide' });
    // Only the job the listing cut short is read again (two pages of jobs/get).
    expect(requestsTo('/api/2.2/jobs/get') - before).toBe(2);

    expect(wide.settings.tasks?.map((t) => t.task_key)).toEqual(tasks.map((t) => t.task_key));
    expect(wide.settings.job_clusters?.map((c) => c.job_cluster_key)).toEqual(
      jobClusters.map((c) => c.job_cluster_key),
    );
    expect(wide).not.toHaveProperty('has_more');
    const [narrow] = await client.jobs.listAll({ expandTasks: true, name: 'narrow' });
    expect(narrow.settings.tasks).toHaveLength(1);
    expect(requestsTo('/api/2.2/jobs/get') - before).toBe(2);
    for (const id of [big.job_id, small.job_id]) await client.jobs.delete(id);
  });

  it('resets, updates, runs, lists runs across pages, and cancels', async () => {
    const { job_id } = await client.jobs.create({
      name: 'runner',
      tasks: [notebookTask(1)],
      max_concurrent_runs: 1,
      queue: { enabled: true },
    });
    await client.jobs.reset(job_id, {
      name: 'runner',
      tasks: [notebookTask(2)],
      max_concurrent_runs: 1,
      queue: { enabled: true },
    });
    await client.jobs.update(job_id, { newSettings: { tags: { 'databricks-dr': 'test' } } });
    const job = await client.jobs.get(job_id);
    expect(job.settings.tasks?.map((t) => t.task_key)).toEqual(['t2']);
    expect(job.settings.tags).toEqual({ 'databricks-dr': 'test' });
    await client.jobs.update(job_id, { fieldsToRemove: ['tags'] });
    expect((await client.jobs.get(job_id)).settings.tags).toBeUndefined();

    const runIds: number[] = [];
    for (let i = 0; i < 30; i++) runIds.push((await client.jobs.runNow(job_id)).run_id);
    const run = await client.jobs.getRun(runIds[0]);
    expect(run).toMatchObject({ run_id: runIds[0], job_id });
    expect(run.state?.life_cycle_state).toEqual(expect.any(String));

    const listed: number[] = [];
    for await (const r of client.jobs.listRuns({ jobId: job_id, limit: 10 })) listed.push(r.run_id);
    expect(listed.sort()).toEqual([...runIds].sort());

    await client.jobs.cancelRun(runIds[29]);
    expect((await client.jobs.getRun(runIds[29])).state?.result_state).toBe('CANCELED');
    await client.jobs.cancelAllRuns(job_id);
    const active: number[] = [];
    for await (const r of client.jobs.listRuns({ jobId: job_id, activeOnly: true })) active.push(r.run_id);
    expect(active).toEqual([]);
  });
});

describe('clusters', () => {
  it('creates, edits, pins, terminates, starts and deletes; lists across pages', async () => {
    const spec = {
      cluster_name: 'etl',
      spark_version: '15.4.x-scala2.12',
      node_type_id: 'Standard_DS3_v2',
      num_workers: 1,
    };
    const { cluster_id } = await client.clusters.create(spec);
    await expect.poll(async () => (await client.clusters.get(cluster_id)).state).toBe('RUNNING');

    await client.clusters.pin(cluster_id);
    await client.clusters.terminate(cluster_id);
    await expect.poll(async () => (await client.clusters.get(cluster_id)).state).toBe('TERMINATED');
    await client.clusters.edit(cluster_id, {
      ...spec,
      num_workers: 2,
      custom_tags: { 'databricks-dr': 'x' },
    });
    const edited = await client.clusters.get(cluster_id);
    expect(edited).toMatchObject({
      state: 'TERMINATED',
      num_workers: 2,
      custom_tags: { 'databricks-dr': 'x' },
    });
    expect(edited.is_pinned).toBe(true);
    await client.clusters.unpin(cluster_id);
    await client.clusters.start(cluster_id);
    await expect.poll(async () => (await client.clusters.get(cluster_id)).state).toBe('RUNNING');

    const more = [];
    for (let i = 0; i < 24; i++)
      more.push((await client.clusters.create({ ...spec, cluster_name: `c${i}` })).cluster_id);
    const pages: number[] = [];
    for await (const page of client.clusters.listPages({ pageSize: 10 }))
      pages.push(page.clusters?.length ?? 0);
    expect(pages).toEqual([10, 10, 5]);
    const listed = await client.clusters.listAll({ pageSize: 10, clusterSources: ['API', 'UI'] });
    expect(listed.map((c) => c.cluster_id).sort()).toEqual([cluster_id, ...more].sort());

    for (const id of [cluster_id, ...more]) await client.clusters.permanentDelete(id);
    expect(await client.clusters.listAll()).toEqual([]);
    expect(await client.clusters.tryGet(cluster_id)).toBeUndefined();
  });
});

describe('secrets', () => {
  it('manages scopes, secrets and ACLs', async () => {
    expect(await client.secrets.listScopes()).toEqual([]);
    await client.secrets.createScope({ scope: 'app' });
    expect(await client.secrets.listScopes()).toEqual([
      expect.objectContaining({ name: 'app', backend_type: 'DATABRICKS' }),
    ]);
    expect(await client.secrets.listSecrets('app')).toEqual([]);

    await client.secrets.putSecret('app', 'hive-password', 's3cr3t');
    await client.secrets.putSecret('app', 'blob', { bytes_value: Buffer.from([1, 2, 3]).toString('base64') });
    const secrets = await client.secrets.listSecrets('app');
    expect(secrets.map((s) => s.key).sort()).toEqual(['blob', 'hive-password']);
    expect(secrets[0]).not.toHaveProperty('value');
    await client.secrets.deleteSecret('app', 'blob');
    expect((await client.secrets.listSecrets('app')).map((s) => s.key)).toEqual(['hive-password']);

    await client.secrets.putAcl('app', 'users', 'READ');
    await client.secrets.putAcl('app', 'users', 'WRITE');
    expect(await client.secrets.getAcl('app', 'users')).toEqual({ principal: 'users', permission: 'WRITE' });
    const acls = await client.secrets.listAcls('app');
    expect(acls).toContainEqual({ principal: 'users', permission: 'WRITE' });
    await client.secrets.deleteAcl('app', 'users');
    expect((await client.secrets.listAcls('app')).map((a) => a.principal)).not.toContain('users');

    await client.secrets.deleteScope('app');
    expect(await client.secrets.listScopes()).toEqual([]);
  });
});
