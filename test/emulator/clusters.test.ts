import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedWorkspace, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { eventually, get, post } from './helpers.js';

let emulator: Emulator;
let ws: EmulatedWorkspace;

beforeAll(async () => {
  emulator = await startEmulator({
    workspaces: [{ name: 'primary' }],
    rateLimits: 'off',
    clusterStartMs: 200,
    clusterTerminateMs: 200,
  });
  ws = emulator.workspace('primary');
});
afterAll(() => emulator.stop());

const spec = {
  cluster_name: 'shared-etl',
  spark_version: '15.4.x-scala2.12',
  node_type_id: 'Standard_DS3_v2',
  num_workers: 2,
  custom_tags: { 'databricks-dr': 'shared-etl' },
  autotermination_minutes: 30,
};

const cluster = async (id: string, version = '2.1') =>
  (await get(ws, `/api/${version}/clusters/get?cluster_id=${id}`)).body;
const stateOf = async (id: string) => (await cluster(id)).state as string;
const untilState = (id: string, state: string) => eventually(async () => (await stateOf(id)) === state);

async function createRunning(body: Record<string, unknown> = spec): Promise<string> {
  const r = await post(ws, '/api/2.1/clusters/create', body);
  expect(r.status, r.text).toBe(200);
  await untilState(r.body.cluster_id, 'RUNNING');
  return r.body.cluster_id;
}

describe('clusters', () => {
  it('creates a cluster PENDING → RUNNING with server-filled fields', async () => {
    const r = await post(ws, '/api/2.1/clusters/create', spec);
    expect(r.body.cluster_id).toMatch(/^\d{4}-\d{6}-[a-z0-9]{8}$/);
    const id = r.body.cluster_id;
    expect(await stateOf(id)).toBe('PENDING');
    await untilState(id, 'RUNNING');
    const c = await cluster(id);
    expect(c).toMatchObject({
      cluster_id: id,
      cluster_name: 'shared-etl',
      driver_node_type_id: 'Standard_DS3_v2',
      custom_tags: { 'databricks-dr': 'shared-etl' },
      cluster_source: 'API',
      creator_user_name: 'emulator@example.com',
      is_pinned: false,
      default_tags: {
        Vendor: 'Databricks',
        Creator: 'emulator@example.com',
        ClusterName: 'shared-etl',
        ClusterId: id,
      },
    });
    expect(c.spec).toEqual(spec);
    expect(c.start_time).toBeGreaterThan(0);
  });

  it('requires spark_version', async () => {
    const r = await post(ws, '/api/2.1/clusters/create', { cluster_name: 'x' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: expect.stringContaining('spark_version'),
    });
  });

  it('validates autotermination_minutes', async () => {
    const r = await post(ws, '/api/2.1/clusters/create', { ...spec, autotermination_minutes: 5 });
    expect(r.body.error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('terminates with delete (TERMINATING → TERMINATED), starts only from TERMINATED', async () => {
    const id = await createRunning();
    expect((await post(ws, '/api/2.1/clusters/delete', { cluster_id: id })).status).toBe(200);
    expect(await stateOf(id)).toBe('TERMINATING');
    await untilState(id, 'TERMINATED');
    const c = await cluster(id);
    expect(c.terminated_time).toBeGreaterThan(0);
    expect(c.termination_reason.code).toBe('USER_REQUEST');
    // delete of a terminated cluster is a no-op
    expect((await post(ws, '/api/2.1/clusters/delete', { cluster_id: id })).status).toBe(200);
    expect((await post(ws, '/api/2.1/clusters/start', { cluster_id: id })).status).toBe(200);
    expect(await stateOf(id)).toBe('PENDING');
    // start of a non-terminated cluster is a no-op
    expect((await post(ws, '/api/2.1/clusters/start', { cluster_id: id })).status).toBe(200);
    await untilState(id, 'RUNNING');
  });

  it('edits only RUNNING (restarts) or TERMINATED (stays) clusters', async () => {
    const id = await createRunning();
    const edited = await post(ws, '/api/2.1/clusters/edit', { ...spec, cluster_id: id, num_workers: 4 });
    expect(edited.status).toBe(200);
    expect(await stateOf(id)).toBe('RESTARTING');
    const pending = await post(ws, '/api/2.1/clusters/edit', { ...spec, cluster_id: id });
    expect(pending.status).toBe(400);
    expect(pending.body.error_code).toBe('INVALID_STATE');
    await untilState(id, 'RUNNING');
    expect((await cluster(id)).num_workers).toBe(4);

    await post(ws, '/api/2.1/clusters/delete', { cluster_id: id });
    await untilState(id, 'TERMINATED');
    expect(
      (await post(ws, '/api/2.1/clusters/edit', { ...spec, cluster_id: id, num_workers: 1 })).status,
    ).toBe(200);
    const c = await cluster(id);
    expect(c.state).toBe('TERMINATED');
    expect(c.num_workers).toBe(1);
  });

  it('restarts only a RUNNING cluster; resizes only a RUNNING cluster', async () => {
    const id = await createRunning();
    expect((await post(ws, '/api/2.1/clusters/restart', { cluster_id: id })).status).toBe(200);
    expect(await stateOf(id)).toBe('RESTARTING');
    expect((await post(ws, '/api/2.1/clusters/restart', { cluster_id: id })).body.error_code).toBe(
      'INVALID_STATE',
    );
    await untilState(id, 'RUNNING');
    expect((await post(ws, '/api/2.1/clusters/resize', { cluster_id: id, num_workers: 5 })).status).toBe(200);
    expect(await stateOf(id)).toBe('RESIZING');
    await untilState(id, 'RUNNING');
    expect((await cluster(id)).num_workers).toBe(5);
  });

  it('pins and unpins (shown in get and list), idempotently', async () => {
    const id = await createRunning();
    await post(ws, '/api/2.1/clusters/pin', { cluster_id: id });
    await post(ws, '/api/2.1/clusters/pin', { cluster_id: id });
    expect((await cluster(id)).is_pinned).toBe(true);
    const pinned = await get(ws, '/api/2.1/clusters/list?filter_by.is_pinned=true');
    expect(pinned.body.clusters.map((c: { cluster_id: string }) => c.cluster_id)).toContain(id);
    expect(pinned.body.clusters.every((c: { is_pinned: boolean }) => c.is_pinned)).toBe(true);
    await post(ws, '/api/2.1/clusters/unpin', { cluster_id: id });
    expect((await cluster(id)).is_pinned).toBe(false);
  });

  it('permanent-delete removes the cluster from get and list', async () => {
    const id = await createRunning();
    expect((await post(ws, '/api/2.1/clusters/permanent-delete', { cluster_id: id })).status).toBe(200);
    const r = await get(ws, `/api/2.1/clusters/get?cluster_id=${id}`);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: `Cluster ${id} does not exist`,
    });
    const all = await get(ws, '/api/2.0/clusters/list');
    expect((all.body.clusters ?? []).some((c: { cluster_id: string }) => c.cluster_id === id)).toBe(false);
  });

  it('answers a missing cluster with 400 "Cluster X does not exist"', async () => {
    const r = await post(ws, '/api/2.0/clusters/start', { cluster_id: '0524-202631-rung996' });
    expect(r.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: 'Cluster 0524-202631-rung996 does not exist',
    });
  });
});

describe('clusters list', () => {
  it('pages with page_size/page_token, filters by state and source, omits spec', async () => {
    const e = await startEmulator({ workspaces: [{ name: 'l' }], clusterStartMs: 0, clusterTerminateMs: 0 });
    try {
      const w = e.workspace('l');
      const ids: string[] = [];
      for (let i = 0; i < 5; i++)
        ids.push(
          (await post(w, '/api/2.1/clusters/create', { ...spec, cluster_name: `c${i}` })).body.cluster_id,
        );
      await post(w, '/api/2.1/clusters/delete', { cluster_id: ids[0] });

      const seen: string[] = [];
      let token = '';
      let pages = 0;
      do {
        const r = await get(w, `/api/2.1/clusters/list?page_size=2${token ? `&page_token=${token}` : ''}`);
        expect(r.body.clusters.length).toBeLessThanOrEqual(2);
        expect(r.body.clusters[0].spec).toBeUndefined();
        seen.push(...r.body.clusters.map((c: { cluster_id: string }) => c.cluster_id));
        token = r.body.next_page_token;
        pages++;
      } while (token);
      expect(pages).toBe(3);
      expect(seen.sort()).toEqual([...ids].sort());

      const terminated = await get(w, '/api/2.1/clusters/list?filter_by.cluster_states=TERMINATED');
      expect(terminated.body.clusters.map((c: { cluster_id: string }) => c.cluster_id)).toEqual([ids[0]]);
      const running = await get(
        w,
        '/api/2.1/clusters/list?filter_by.cluster_states=RUNNING&filter_by.cluster_states=PENDING',
      );
      expect(running.body.clusters).toHaveLength(4);
      const bySource = await get(w, '/api/2.1/clusters/list?filter_by.cluster_sources=UI');
      expect(bySource.body.clusters).toBeUndefined();
      expect(bySource.body.next_page_token).toBe('');
      const legacy = await get(w, '/api/2.0/clusters/list');
      expect(legacy.body.clusters).toHaveLength(5);
    } finally {
      await e.stop();
    }
  });
});
