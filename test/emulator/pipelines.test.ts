/**
 * The emulator's Pipelines API, driven through the official JS SDK so the wire shapes are the
 * SDK's: create (names unique unless allow_duplicate_names), get with the server-filled spec,
 * list with a name filter, edit, updates (start, list, stop), delete, permissions.
 */
import { ApiError, WorkspaceClient } from '@databricks/sdk-experimental';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedWorkspace, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { call, get, post } from './helpers.js';

let emulator: Emulator;
let ws: EmulatedWorkspace;
let client: WorkspaceClient;

beforeAll(async () => {
  emulator = await startEmulator({ workspaces: [{ name: 'primary' }], rateLimits: 'off' });
  ws = emulator.workspace('primary');
  client = new WorkspaceClient({ host: ws.url, token: ws.token, authType: 'pat', env: {} });
});
afterAll(() => emulator.stop());

describe('Pipelines API', () => {
  it('creates, reads with server-filled defaults, lists by name and refuses a duplicate name', async () => {
    const created = await client.pipelines.create({
      name: 'orders_silver',
      continuous: true,
      libraries: [{ notebook: { path: '/Shared/etl/orders_silver' } }],
      configuration: { 'spark.hadoop.javax.jdo.option.ConnectionURL': 'jdbc:x' },
      target: 'silver',
      tags: { team: 'sales' },
    });
    const id = created.pipeline_id!;
    const got = await client.pipelines.get({ pipeline_id: id });
    expect(got.state).toBe('IDLE');
    expect(got.spec).toMatchObject({
      id,
      name: 'orders_silver',
      continuous: true,
      channel: 'CURRENT',
      edition: 'ADVANCED',
      storage: `dbfs:/pipelines/${id}`,
      tags: { team: 'sales' },
    });
    await client.pipelines.create({ name: 'orders_gold' });
    const found = await get(
      ws,
      `/api/2.0/pipelines?filter=${encodeURIComponent("name LIKE 'orders_silver'")}`,
    );
    expect(found.body.statuses.map((s: { name: string }) => s.name)).toEqual(['orders_silver']);
    const wild = await get(ws, `/api/2.0/pipelines?filter=${encodeURIComponent("name LIKE 'orders%'")}`);
    expect(wild.body.statuses).toHaveLength(2);
    expect(
      (await get(ws, `/api/2.0/pipelines?filter=${encodeURIComponent('state = 1')}`)).body.error_code,
    ).toBe('INVALID_PARAMETER_VALUE');

    const dup = await client.pipelines.create({ name: 'orders_silver' }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(ApiError);
    expect((dup as ApiError).errorCode).toBe('RESOURCE_CONFLICT');
    const allowed = await client.pipelines.create({ name: 'orders_silver', allow_duplicate_names: true });
    await client.pipelines.delete({ pipeline_id: allowed.pipeline_id! });
    const gone = await client.pipelines.get({ pipeline_id: allowed.pipeline_id! }).catch((e: unknown) => e);
    expect((gone as ApiError).errorCode).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((gone as ApiError).statusCode).toBe(404);
  });

  it('edits, starts and stops updates, one active at a time', async () => {
    const { pipeline_id } = await client.pipelines.create({ name: 'events', continuous: true });
    const id = pipeline_id!;
    const edit = await call(ws, 'PUT', `/api/2.0/pipelines/${id}`, { id, name: 'events', continuous: false });
    expect(edit.status).toBe(200);
    expect((await client.pipelines.get({ pipeline_id: id })).spec?.continuous).toBe(false);
    const wrongId = await call(ws, 'PUT', `/api/2.0/pipelines/${id}`, { id: 'other', name: 'events' });
    expect(wrongId.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    const noName = await call(ws, 'PUT', `/api/2.0/pipelines/${id}`, { id });
    expect(noName.body.error_code).toBe('INVALID_PARAMETER_VALUE');

    await client.pipelines.update({ pipeline_id: id, name: 'events', continuous: true });
    const { update_id } = await client.pipelines.startUpdate({ pipeline_id: id });
    const again = await client.pipelines.startUpdate({ pipeline_id: id }).catch((e: unknown) => e);
    expect((again as ApiError).errorCode).toBe('RESOURCE_CONFLICT');
    const updates = await client.pipelines.listUpdates({ pipeline_id: id });
    expect(updates.updates?.[0]).toMatchObject({ update_id, pipeline_id: id });
    expect(['INITIALIZING', 'RUNNING']).toContain(updates.updates?.[0].state);
    expect(['STARTING', 'RUNNING']).toContain((await client.pipelines.get({ pipeline_id: id })).state);

    await call(ws, 'POST', `/api/2.0/pipelines/${id}/stop`, {});
    const after = await client.pipelines.get({ pipeline_id: id });
    expect(after.state).toBe('IDLE');
    expect(after.latest_updates?.[0]).toMatchObject({ update_id, state: 'CANCELED' });
  });

  it('refuses a cluster naming a policy or pool the workspace lacks, on create and on edit', async () => {
    const bad = await client.pipelines
      .create({ name: 'with_policy', clusters: [{ label: 'default', policy_id: 'NOPE000000000000' }] })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).errorCode).toBe('INVALID_PARAMETER_VALUE');
    expect((bad as ApiError).message).toContain("Can't find a cluster policy with id: NOPE000000000000");
    const policy = (await post(ws, '/api/2.0/policies/clusters/create', { name: 'dlt-policy' })).body;
    const made = await client.pipelines.create({
      name: 'with_policy',
      clusters: [{ label: 'default', policy_id: policy.policy_id }],
    });
    const edit = await client.pipelines
      .update({
        pipeline_id: made.pipeline_id!,
        name: 'with_policy',
        clusters: [{ instance_pool_id: 'gone' }],
      })
      .catch((e: unknown) => e);
    expect((edit as ApiError).message).toContain("Can't find an instance pool with id: gone");
    const kept = await client.pipelines.get({ pipeline_id: made.pipeline_id! });
    expect(kept.spec?.clusters).toEqual([{ label: 'default', policy_id: policy.policy_id }]);
  });

  it('keeps permissions on pipelines, the creator as owner', async () => {
    const { pipeline_id } = await client.pipelines.create({ name: 'perm' });
    const acl = await client.pipelines.getPermissions({ pipeline_id: pipeline_id! });
    expect(acl.object_type).toBe('pipeline');
    expect(acl.access_control_list?.[0].all_permissions?.[0].permission_level).toBe('IS_OWNER');
    const missing = await get(ws, '/api/2.0/permissions/pipelines/no-such');
    expect(missing.status).toBe(404);
  });
});
