import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedWorkspace, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { call, eventually, get, post } from './helpers.js';

let emulator: Emulator;
let ws: EmulatedWorkspace;

beforeAll(async () => {
  emulator = await startEmulator({
    workspaces: [{ name: 'primary', nodeTypes: ['Standard_DS3_v2', 'Standard_DS4_v2'] }],
    rateLimits: 'off',
    clusterStartMs: 30,
    clusterTerminateMs: 30,
  });
  ws = emulator.workspace('primary');
});
afterAll(() => emulator.stop());

const cluster = (extra: Record<string, unknown> = {}) => ({
  cluster_name: 'c',
  spark_version: '15.4.x-scala2.12',
  node_type_id: 'Standard_DS3_v2',
  num_workers: 1,
  ...extra,
});

describe('cluster policies', () => {
  it('creates, gets, lists, edits and deletes a policy', async () => {
    const definition = JSON.stringify({ spark_version: { type: 'fixed', value: '15.4.x-scala2.12' } });
    const created = await post(ws, '/api/2.0/policies/clusters/create', {
      name: 'etl-policy',
      definition,
      description: 'for ETL',
      max_clusters_per_user: 2,
    });
    expect(created.status, created.text).toBe(200);
    const id = created.body.policy_id;
    expect(id).toMatch(/^[0-9A-F]{16}$/);
    const got = await get(ws, `/api/2.0/policies/clusters/get?policy_id=${id}`);
    expect(got.body).toEqual({
      policy_id: id,
      name: 'etl-policy',
      definition,
      description: 'for ETL',
      max_clusters_per_user: 2,
      created_at_timestamp: expect.any(Number),
      creator_user_name: 'emulator@example.com',
      is_default: false,
    });
    await post(ws, '/api/2.0/policies/clusters/create', { name: 'a-second' });
    const names = (await get(ws, '/api/2.0/policies/clusters/list')).body.policies.map(
      (p: { name: string }) => p.name,
    );
    expect(names).toEqual(['a-second', 'etl-policy']);
    const byName = await get(ws, '/api/2.0/policies/clusters/list?sort_column=POLICY_NAME&sort_order=ASC');
    expect(byName.body.policies.map((p: { name: string }) => p.name)).toEqual(['a-second', 'etl-policy']);

    expect(
      (await post(ws, '/api/2.0/policies/clusters/edit', { policy_id: id, name: 'etl-policy-v2' })).status,
    ).toBe(200);
    const edited = (await get(ws, `/api/2.0/policies/clusters/get?policy_id=${id}`)).body;
    expect(edited).toMatchObject({
      name: 'etl-policy-v2',
      definition: '{}',
      created_at_timestamp: got.body.created_at_timestamp,
    });
    expect(edited.description).toBeUndefined();

    expect((await post(ws, '/api/2.0/policies/clusters/delete', { policy_id: id })).status).toBe(200);
    const gone = await get(ws, `/api/2.0/policies/clusters/get?policy_id=${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: `Can't find a cluster policy with id: ${id}.`,
    });
  });

  it('validates name, uniqueness and definition', async () => {
    expect((await post(ws, '/api/2.0/policies/clusters/create', {})).body.error_code).toBe(
      'INVALID_PARAMETER_VALUE',
    );
    await post(ws, '/api/2.0/policies/clusters/create', { name: 'unique' });
    const dup = await post(ws, '/api/2.0/policies/clusters/create', { name: 'unique' });
    expect(dup.status).toBe(400);
    expect(dup.body.error_code).toBe('RESOURCE_ALREADY_EXISTS');
    const bad = await post(ws, '/api/2.0/policies/clusters/create', { name: 'bad', definition: '{not json' });
    expect(bad.body.message).toMatch(/^Invalid policy definition/);
    const both = await post(ws, '/api/2.0/policies/clusters/create', {
      name: 'both',
      definition: '{}',
      policy_family_id: 'job-cluster',
    });
    expect(both.body.message).toBe('policy_family_id and definition cannot be used together');
  });
});

describe('instance pools', () => {
  it('creates, gets, lists, edits and deletes a pool', async () => {
    const created = await post(ws, '/api/2.0/instance-pools/create', {
      instance_pool_name: 'etl-pool',
      node_type_id: 'Standard_DS3_v2',
      max_capacity: 10,
      idle_instance_autotermination_minutes: 15,
      preloaded_spark_versions: ['15.4.x-scala2.12'],
    });
    expect(created.status, created.text).toBe(200);
    const id = created.body.instance_pool_id;
    expect(id).toMatch(/^\d{4}-\d{6}-[a-z]+\d-pool-[a-z0-9]{8}$/);
    const got = (await get(ws, `/api/2.0/instance-pools/get?instance_pool_id=${id}`)).body;
    expect(got).toMatchObject({
      instance_pool_id: id,
      instance_pool_name: 'etl-pool',
      node_type_id: 'Standard_DS3_v2',
      min_idle_instances: 0,
      max_capacity: 10,
      state: 'ACTIVE',
      preloaded_spark_versions: ['15.4.x-scala2.12'],
      default_tags: { Vendor: 'Databricks', DatabricksInstancePoolId: id },
      stats: { used_count: 0, idle_count: 0 },
    });
    const list = await get(ws, '/api/2.0/instance-pools/list');
    expect(list.body.instance_pools.map((p: { instance_pool_id: string }) => p.instance_pool_id)).toContain(
      id,
    );
    const edit = await post(ws, '/api/2.0/instance-pools/edit', {
      instance_pool_id: id,
      instance_pool_name: 'etl-pool-2',
      node_type_id: 'Standard_DS3_v2',
      min_idle_instances: 1,
    });
    expect(edit.status, edit.text).toBe(200);
    expect((await get(ws, `/api/2.0/instance-pools/get?instance_pool_id=${id}`)).body).toMatchObject({
      instance_pool_name: 'etl-pool-2',
      min_idle_instances: 1,
      preloaded_spark_versions: ['15.4.x-scala2.12'],
    });
    const retype = await post(ws, '/api/2.0/instance-pools/edit', {
      instance_pool_id: id,
      instance_pool_name: 'etl-pool-2',
      node_type_id: 'Standard_DS4_v2',
    });
    expect(retype.status).toBe(400);
    expect((await post(ws, '/api/2.0/instance-pools/delete', { instance_pool_id: id })).status).toBe(200);
    const gone = await get(ws, `/api/2.0/instance-pools/get?instance_pool_id=${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: `Can't find an instance pool with id: ${id}.`,
    });
  });

  it('checks the node type and runtimes against the catalog, and the name', async () => {
    const node = await post(ws, '/api/2.0/instance-pools/create', {
      instance_pool_name: 'big',
      node_type_id: 'Standard_E16ds_v4',
    });
    expect(node.status).toBe(400);
    expect(node.body.message).toMatch(/^Node type Standard_E16ds_v4 is not supported/);
    const runtime = await post(ws, '/api/2.0/instance-pools/create', {
      instance_pool_name: 'old',
      node_type_id: 'Standard_DS3_v2',
      preloaded_spark_versions: ['7.3.x-scala2.12'],
    });
    expect(runtime.body.message).toBe('Invalid spark version 7.3.x-scala2.12.');
    expect(
      (await post(ws, '/api/2.0/instance-pools/create', { node_type_id: 'Standard_DS3_v2' })).status,
    ).toBe(400);
    await post(ws, '/api/2.0/instance-pools/create', {
      instance_pool_name: 'same',
      node_type_id: 'Standard_DS3_v2',
    });
    const dup = await post(ws, '/api/2.0/instance-pools/create', {
      instance_pool_name: 'same',
      node_type_id: 'Standard_DS3_v2',
    });
    expect(dup.body.error_code).toBe('RESOURCE_ALREADY_EXISTS');
    const capacity = await post(ws, '/api/2.0/instance-pools/create', {
      instance_pool_name: 'cap',
      node_type_id: 'Standard_DS3_v2',
      min_idle_instances: 5,
      max_capacity: 2,
    });
    expect(capacity.status).toBe(400);
  });
});

describe('SQL warehouses', () => {
  it('creates (STARTING → RUNNING), lists, gets, edits, stops, starts and deletes', async () => {
    const created = await post(ws, '/api/2.0/sql/warehouses', { name: 'reporting', cluster_size: 'Small' });
    expect(created.status, created.text).toBe(200);
    const id = created.body.id;
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    const first = (await get(ws, `/api/2.0/sql/warehouses/${id}`)).body;
    expect(first).toMatchObject({
      id,
      name: 'reporting',
      cluster_size: 'Small',
      state: 'STARTING',
      auto_stop_mins: 120,
      min_num_clusters: 1,
      max_num_clusters: 1,
      creator_name: 'emulator@example.com',
      health: { status: 'HEALTHY' },
      odbc_params: { path: `/sql/1.0/warehouses/${id}`, port: 443, protocol: 'https' },
    });
    await eventually(async () => (await get(ws, `/api/2.0/sql/warehouses/${id}`)).body.state === 'RUNNING');
    const list = await get(ws, '/api/2.0/sql/warehouses');
    expect(list.body.warehouses).toContainEqual(
      expect.objectContaining({ id, name: 'reporting', state: 'RUNNING' }),
    );

    expect((await post(ws, `/api/2.0/sql/warehouses/${id}/edit`, { cluster_size: 'Medium' })).status).toBe(
      200,
    );
    const edited = (await get(ws, `/api/2.0/sql/warehouses/${id}`)).body;
    expect(edited).toMatchObject({ name: 'reporting', cluster_size: 'Medium', state: 'STARTING' });
    await eventually(async () => (await get(ws, `/api/2.0/sql/warehouses/${id}`)).body.state === 'RUNNING');
    await post(ws, `/api/2.0/sql/warehouses/${id}/stop`);
    await eventually(async () => (await get(ws, `/api/2.0/sql/warehouses/${id}`)).body.state === 'STOPPED');
    await post(ws, `/api/2.0/sql/warehouses/${id}/start`);
    expect((await get(ws, `/api/2.0/sql/warehouses/${id}`)).body.state).toBe('STARTING');

    expect((await call(ws, 'DELETE', `/api/2.0/sql/warehouses/${id}`)).status).toBe(200);
    const gone = await get(ws, `/api/2.0/sql/warehouses/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: `SQL warehouse ${id} does not exist.`,
    });
  });

  it('validates the settings', async () => {
    const bad = async (body: Record<string, unknown>) =>
      (await post(ws, '/api/2.0/sql/warehouses', body)).body;
    expect((await bad({ cluster_size: 'Small' })).error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await bad({ name: 'w' })).message).toContain('cluster_size');
    expect((await bad({ name: 'w', cluster_size: 'Huge' })).message).toMatch(/^Invalid cluster_size Huge/);
    expect((await bad({ name: 'w', cluster_size: 'Small', auto_stop_mins: 5 })).message).toContain(
      'auto_stop_mins',
    );
    expect(
      (await bad({ name: 'w', cluster_size: 'Small', min_num_clusters: 3, max_num_clusters: 2 })).message,
    ).toContain('max_num_clusters');
    expect(
      (await bad({ name: 'w', cluster_size: 'Small', enable_serverless_compute: true })).message,
    ).toContain('PRO');
    await post(ws, '/api/2.0/sql/warehouses', { name: 'taken', cluster_size: 'Small' });
    expect((await bad({ name: 'taken', cluster_size: 'Small' })).error_code).toBe('RESOURCE_ALREADY_EXISTS');
    expect((await post(ws, '/api/2.0/sql/warehouses/nope/explode')).status).toBe(404);
  });
});

describe('references to policies, pools and warehouses', () => {
  it('refuses clusters naming a policy or pool that does not exist here', async () => {
    const policy = await post(ws, '/api/2.1/clusters/create', cluster({ policy_id: 'ABCDEF0123456789' }));
    expect(policy.status).toBe(404);
    expect(policy.body).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: "Can't find a cluster policy with id: ABCDEF0123456789.",
    });
    for (const field of ['instance_pool_id', 'driver_instance_pool_id']) {
      const r = await post(
        ws,
        '/api/2.1/clusters/create',
        cluster({ [field]: '0101-000000-nopool1-pool-abcdefgh' }),
      );
      expect(r.status).toBe(404);
      expect(r.body.message).toBe("Can't find an instance pool with id: 0101-000000-nopool1-pool-abcdefgh.");
    }
    const p = (await post(ws, '/api/2.0/policies/clusters/create', { name: 'exists' })).body.policy_id;
    const pool = (
      await post(ws, '/api/2.0/instance-pools/create', {
        instance_pool_name: 'p1',
        node_type_id: 'Standard_DS3_v2',
      })
    ).body.instance_pool_id;
    const ok = await post(ws, '/api/2.1/clusters/create', {
      cluster_name: 'pooled',
      spark_version: '15.4.x-scala2.12',
      num_workers: 1,
      policy_id: p,
      instance_pool_id: pool,
      driver_instance_pool_id: pool,
    });
    expect(ok.status, ok.text).toBe(200);
    const filtered = await get(ws, `/api/2.1/clusters/list?filter_by.policy_id=${p}`);
    expect(filtered.body.clusters.map((c: { cluster_id: string }) => c.cluster_id)).toEqual([
      ok.body.cluster_id,
    ]);
  });

  it('refuses jobs naming a policy, pool or warehouse that does not exist here', async () => {
    const job = (task: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      name: 'refs',
      tasks: [{ task_key: 't', ...task }],
      ...extra,
    });
    const sql = await post(
      ws,
      '/api/2.2/jobs/create',
      job({ sql_task: { warehouse_id: 'feedfacecafebeef', query: { query_id: 'q' } } }),
    );
    expect(sql.status).toBe(400);
    expect(sql.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: 'SQL warehouse feedfacecafebeef does not exist.',
    });
    const dbt = await post(
      ws,
      '/api/2.2/jobs/create',
      job({ dbt_task: { commands: ['dbt run'], warehouse_id: 'nope' } }),
    );
    expect(dbt.body.message).toBe('SQL warehouse nope does not exist.');
    const policy = await post(
      ws,
      '/api/2.2/jobs/create',
      job(
        { job_cluster_key: 'c', notebook_task: { notebook_path: '/n' } },
        {
          job_clusters: [{ job_cluster_key: 'c', new_cluster: cluster({ policy_id: 'ABCDEF0123456789' }) }],
        },
      ),
    );
    expect(policy.status).toBe(400);
    expect(policy.body.message).toBe(
      "Cluster validation error: Can't find a cluster policy with id: ABCDEF0123456789.",
    );
    const pool = await post(
      ws,
      '/api/2.2/jobs/create',
      job({
        notebook_task: { notebook_path: '/n' },
        new_cluster: cluster({ instance_pool_id: 'gone-pool' }),
      }),
    );
    expect(pool.body.message).toBe(
      "Cluster validation error: Can't find an instance pool with id: gone-pool.",
    );

    const wh = (await post(ws, '/api/2.0/sql/warehouses', { name: 'job-wh', cluster_size: 'Small' })).body.id;
    const ok = await post(
      ws,
      '/api/2.2/jobs/create',
      job({ sql_task: { warehouse_id: wh, query: { query_id: 'q' } } }),
    );
    expect(ok.status, ok.text).toBe(200);
    const reset = await post(ws, '/api/2.2/jobs/reset', {
      job_id: ok.body.job_id,
      new_settings: job({ sql_task: { warehouse_id: 'other', query: { query_id: 'q' } } }),
    });
    expect(reset.body.message).toBe('SQL warehouse other does not exist.');
    const update = await post(ws, '/api/2.2/jobs/update', {
      job_id: ok.body.job_id,
      new_settings: {
        tasks: [{ task_key: 't', notebook_task: { notebook_path: '/n', warehouse_id: 'missing' } }],
      },
    });
    expect(update.body.message).toBe('SQL warehouse missing does not exist.');
    // Runtimes and node types of job clusters are only checked when a run starts (not at all here).
    const runtime = await post(
      ws,
      '/api/2.2/jobs/create',
      job({
        notebook_task: { notebook_path: '/n' },
        new_cluster: cluster({ node_type_id: 'Standard_L8s_v3' }),
      }),
    );
    expect(runtime.status).toBe(200);
  });
});
