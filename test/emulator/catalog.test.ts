import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_NODE_TYPES,
  DEFAULT_SPARK_VERSIONS,
  type EmulatedWorkspace,
  type Emulator,
  MAX_PINNED_CLUSTERS,
  startEmulator,
} from '../../src/emulator/index.js';
import { call, get, post } from './helpers.js';

let emulator: Emulator;
let primary: EmulatedWorkspace;
let secondary: EmulatedWorkspace;

beforeAll(async () => {
  emulator = await startEmulator({
    workspaces: [
      { name: 'primary' },
      {
        name: 'secondary',
        nodeTypes: ['Standard_DS3_v2', 'Standard_E8ds_v5', 'Standard_X99_custom'],
        sparkVersions: ['15.4.x-scala2.12', '16.4.x-scala2.12'],
      },
    ],
    rateLimits: 'off',
    clusterStartMs: 10,
    clusterTerminateMs: 10,
  });
  [primary, secondary] = emulator.workspaces;
});
afterAll(() => emulator.stop());

const admin = (w: EmulatedWorkspace, method: string, path: string, body?: unknown) =>
  call(w, method, `/__emulator/${path}`, body, { token: null });

const spec = (extra: Record<string, unknown> = {}) => ({
  cluster_name: 'c',
  spark_version: '15.4.x-scala2.12',
  node_type_id: 'Standard_DS3_v2',
  num_workers: 1,
  ...extra,
});

describe('node types and runtimes', () => {
  it('lists a realistic Azure catalog by default, under 2.0 and 2.1', async () => {
    for (const v of ['2.0', '2.1']) {
      const r = await get(primary, `/api/${v}/clusters/list-node-types`);
      expect(r.status).toBe(200);
      const ids = r.body.node_types.map((n: { node_type_id: string }) => n.node_type_id);
      for (const id of [
        'Standard_DS3_v2',
        'Standard_DS4_v2',
        'Standard_DS5_v2',
        'Standard_D4ds_v5',
        'Standard_D8ds_v5',
        'Standard_D16ds_v5',
        'Standard_E4ds_v5',
        'Standard_E8ds_v5',
        'Standard_E16ds_v4',
        'Standard_F4s_v2',
        'Standard_F8s_v2',
        'Standard_L8s_v3',
        'Standard_NC6s_v3',
      ])
        expect(ids).toContain(id);
      expect(ids).toEqual([...DEFAULT_NODE_TYPES]);
    }
    const ds3 = (await get(primary, '/api/2.1/clusters/list-node-types')).body.node_types.find(
      (n: { node_type_id: string }) => n.node_type_id === 'Standard_DS3_v2',
    );
    expect(ds3).toMatchObject({
      node_type_id: 'Standard_DS3_v2',
      memory_mb: 14336,
      num_cores: 4,
      description: 'Standard_DS3_v2',
      instance_type_id: 'Standard_DS3_v2',
      category: 'General Purpose',
      is_deprecated: false,
    });
    const gpu = (await get(primary, '/api/2.1/clusters/list-node-types')).body.node_types.find(
      (n: { node_type_id: string }) => n.node_type_id === 'Standard_NC6s_v3',
    );
    expect(gpu).toMatchObject({ num_cores: 6, num_gpus: 1, category: 'GPU Accelerated' });

    const versions = await get(primary, '/api/2.0/clusters/spark-versions');
    const keys = versions.body.versions.map((v: { key: string }) => v.key);
    for (const key of [
      '13.3.x-scala2.12',
      '14.3.x-scala2.12',
      '15.4.x-scala2.12',
      '15.4.x-photon-scala2.12',
      '15.4.x-cpu-ml-scala2.12',
      '16.4.x-scala2.12',
    ])
      expect(keys).toContain(key);
    expect(keys).toEqual([...DEFAULT_SPARK_VERSIONS]);
    expect(versions.body.versions).toContainEqual({
      key: '15.4.x-scala2.12',
      name: '15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)',
    });
  });

  it('serves each workspace its own catalog (unknown sizes synthesized)', async () => {
    const r = await get(secondary, '/api/2.1/clusters/list-node-types');
    expect(r.body.node_types.map((n: { node_type_id: string }) => n.node_type_id)).toEqual([
      'Standard_DS3_v2',
      'Standard_E8ds_v5',
      'Standard_X99_custom',
    ]);
    expect(r.body.node_types[1]).toMatchObject({
      num_cores: 8,
      memory_mb: 65536,
      category: 'Memory Optimized',
    });
    expect(r.body.node_types[2]).toMatchObject({ num_cores: 99, category: 'General Purpose' });
    const v = await get(secondary, '/api/2.1/clusters/spark-versions');
    expect(v.body.versions.map((x: { key: string }) => x.key)).toEqual([
      '15.4.x-scala2.12',
      '16.4.x-scala2.12',
    ]);
    expect(secondary.catalog()).toEqual({
      node_types: ['Standard_DS3_v2', 'Standard_E8ds_v5', 'Standard_X99_custom'],
      spark_versions: ['15.4.x-scala2.12', '16.4.x-scala2.12'],
    });
  });

  it('refuses a node type or runtime the workspace lacks, on create and edit', async () => {
    const node = await post(secondary, '/api/2.1/clusters/create', spec({ node_type_id: 'Standard_DS4_v2' }));
    expect(node.status).toBe(400);
    expect(node.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message:
        'Node type Standard_DS4_v2 is not supported. Supported node types: Standard_DS3_v2, Standard_E8ds_v5, Standard_X99_custom',
    });
    const driver = await post(
      secondary,
      '/api/2.1/clusters/create',
      spec({ driver_node_type_id: 'Standard_DS5_v2' }),
    );
    expect(driver.body.message).toMatch(/^Node type Standard_DS5_v2 is not supported/);
    const runtime = await post(
      secondary,
      '/api/2.0/clusters/create',
      spec({ spark_version: '14.3.x-scala2.12' }),
    );
    expect(runtime.status).toBe(400);
    expect(runtime.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: 'Invalid spark version 14.3.x-scala2.12.',
    });
    // The same spec is fine in the primary.
    expect(
      (await post(primary, '/api/2.1/clusters/create', spec({ node_type_id: 'Standard_DS4_v2' }))).status,
    ).toBe(200);

    const ok = await post(secondary, '/api/2.1/clusters/create', spec());
    expect(ok.status).toBe(200);
    await post(secondary, '/api/2.1/clusters/delete', { cluster_id: ok.body.cluster_id });
    await new Promise((r) => setTimeout(r, 30));
    const edit = await post(secondary, '/api/2.1/clusters/edit', {
      cluster_id: ok.body.cluster_id,
      ...spec({ node_type_id: 'Standard_L8s_v3' }),
    });
    expect(edit.status).toBe(400);
    expect(edit.body.message).toMatch(/^Node type Standard_L8s_v3 is not supported/);
  });

  it('changes the catalog at run time through the admin API and the object API', async () => {
    const e = await startEmulator({ workspaces: [{ name: 'w' }], rateLimits: 'off', entra: false });
    try {
      const w = e.workspace('w');
      const r = await admin(w, 'POST', 'catalog', { node_types: ['Standard_DS3_v2'] });
      expect(r.status).toBe(200);
      expect(r.body.node_types).toEqual(['Standard_DS3_v2']);
      expect(r.body.spark_versions).toEqual([...DEFAULT_SPARK_VERSIONS]);
      expect(
        (await post(w, '/api/2.1/clusters/create', spec({ node_type_id: 'Standard_DS4_v2' }))).status,
      ).toBe(400);
      expect((await admin(w, 'GET', 'catalog')).body).toEqual({
        tier: 'premium',
        node_types: ['Standard_DS3_v2'],
        spark_versions: [...DEFAULT_SPARK_VERSIONS],
      });
      w.setCatalog({ sparkVersions: ['16.4.x-scala2.12'] });
      expect((await post(w, '/api/2.1/clusters/create', spec())).body.message).toBe(
        'Invalid spark version 15.4.x-scala2.12.',
      );
      expect((await admin(w, 'POST', 'catalog', { node_types: 'Standard_DS3_v2' })).status).toBe(400);
      expect((await admin(w, 'POST', 'catalog', {})).status).toBe(400);
      expect(() => w.setCatalog({ nodeTypes: ['a', 'a'] })).toThrow(/twice/);
    } finally {
      await e.stop();
    }
  });

  it('refuses a malformed catalog option at start', async () => {
    await expect(
      startEmulator({ workspaces: [{ name: 'x', nodeTypes: ['Standard_DS3_v2'], sparkVersions: [''] }] }),
    ).rejects.toThrow(/sparkVersions/);
  });
});

describe('pinned clusters', () => {
  it('filters the 2.1 list by filter_by.is_pinned', async () => {
    const a = (await post(primary, '/api/2.1/clusters/create', spec({ cluster_name: 'pinned-one' }))).body
      .cluster_id;
    const b = (await post(primary, '/api/2.1/clusters/create', spec({ cluster_name: 'loose-one' }))).body
      .cluster_id;
    await post(primary, '/api/2.1/clusters/pin', { cluster_id: a });
    const pinned = await get(primary, '/api/2.1/clusters/list?filter_by.is_pinned=true');
    const ids = pinned.body.clusters.map((c: { cluster_id: string }) => c.cluster_id);
    expect(ids).toContain(a);
    expect(ids).not.toContain(b);
    const loose = await get(primary, '/api/2.1/clusters/list?filter_by.is_pinned=false');
    expect(loose.body.clusters.map((c: { cluster_id: string }) => c.cluster_id)).toContain(b);
  });

  it(`refuses to pin more than ${MAX_PINNED_CLUSTERS} clusters; re-pinning and unpinning still work`, async () => {
    const e = await startEmulator({ workspaces: [{ name: 'pins' }], rateLimits: 'off', entra: false });
    try {
      const w = e.workspace('pins');
      const ids: string[] = [];
      for (let i = 0; i <= MAX_PINNED_CLUSTERS; i++)
        ids.push(
          (await post(w, '/api/2.1/clusters/create', spec({ cluster_name: `c${i}` }))).body.cluster_id,
        );
      for (const id of ids.slice(0, MAX_PINNED_CLUSTERS))
        expect((await post(w, '/api/2.1/clusters/pin', { cluster_id: id })).status).toBe(200);
      const over = await post(w, '/api/2.1/clusters/pin', { cluster_id: ids[MAX_PINNED_CLUSTERS] });
      expect(over.status).toBe(400);
      expect(over.body.error_code).toBe('QUOTA_EXCEEDED');
      expect(over.body.message).toContain(`maximum of ${MAX_PINNED_CLUSTERS} pinned clusters`);
      expect((await post(w, '/api/2.1/clusters/pin', { cluster_id: ids[0] })).status).toBe(200);
      await post(w, '/api/2.1/clusters/unpin', { cluster_id: ids[0] });
      expect((await post(w, '/api/2.1/clusters/pin', { cluster_id: ids[MAX_PINNED_CLUSTERS] })).status).toBe(
        200,
      );
    } finally {
      await e.stop();
    }
  });
});
