import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedWorkspace, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { call, get, post } from './helpers.js';

let emulator: Emulator;
let ws: EmulatedWorkspace;
const ME = 'emulator@example.com';
const SP = '9f0c7a52-4b7e-4d3c-9a1e-1d2b3c4d5e6f';

beforeAll(async () => {
  emulator = await startEmulator({
    workspaces: [
      {
        name: 'primary',
        users: ['alice@example.com', 'bob@example.com'],
        groups: { 'data-engineers': ['alice@example.com'] },
        servicePrincipals: [{ applicationId: SP, displayName: 'dr-deployer' }],
      },
    ],
    rateLimits: 'off',
    clusterStartMs: 10,
  });
  ws = emulator.workspace('primary');
});
afterAll(() => emulator.stop());

const put = (path: string, body: unknown) => call(ws, 'PUT', path, body);
const patch = (path: string, body: unknown) => call(ws, 'PATCH', path, body);
const admins = {
  group_name: 'admins',
  all_permissions: [{ permission_level: 'CAN_MANAGE', inherited: true, inherited_from_object: ['/jobs/'] }],
};

async function newJob(extra: Record<string, unknown> = {}): Promise<number> {
  const r = await post(ws, '/api/2.2/jobs/create', { name: 'perm-job', ...extra });
  expect(r.status, r.text).toBe(200);
  return r.body.job_id;
}

async function newCluster(): Promise<string> {
  const r = await post(ws, '/api/2.1/clusters/create', {
    cluster_name: 'perm-cluster',
    spark_version: '15.4.x-scala2.12',
    node_type_id: 'Standard_DS3_v2',
    num_workers: 1,
  });
  expect(r.status, r.text).toBe(200);
  return r.body.cluster_id;
}

describe('job permissions', () => {
  it('makes the creator the owner, with admins inheriting CAN_MANAGE', async () => {
    const id = await newJob();
    const r = await get(ws, `/api/2.0/permissions/jobs/${id}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      object_id: `/jobs/${id}`,
      object_type: 'job',
      access_control_list: [
        {
          user_name: ME,
          display_name: 'emulator',
          all_permissions: [{ permission_level: 'IS_OWNER', inherited: false }],
        },
        admins,
      ],
    });
    expect(ws.state().permissions[`/jobs/${id}`]).toEqual([{ user_name: ME, permission_level: 'IS_OWNER' }]);
  });

  it('PUT replaces every direct permission and answers the new ACL', async () => {
    const id = await newJob();
    await patch(`/api/2.0/permissions/jobs/${id}`, {
      access_control_list: [{ user_name: 'bob@example.com', permission_level: 'CAN_VIEW' }],
    });
    const r = await put(`/api/2.0/permissions/jobs/${id}`, {
      access_control_list: [
        { service_principal_name: SP, permission_level: 'IS_OWNER' },
        { group_name: 'data-engineers', permission_level: 'CAN_MANAGE_RUN' },
        { user_name: 'alice@example.com', permission_level: 'CAN_MANAGE' },
      ],
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.access_control_list).toEqual([
      {
        service_principal_name: SP,
        display_name: 'dr-deployer',
        all_permissions: [{ permission_level: 'IS_OWNER', inherited: false }],
      },
      {
        group_name: 'data-engineers',
        all_permissions: [{ permission_level: 'CAN_MANAGE_RUN', inherited: false }],
      },
      {
        user_name: 'alice@example.com',
        display_name: 'alice',
        all_permissions: [{ permission_level: 'CAN_MANAGE', inherited: false }],
      },
      admins,
    ]);
    // bob's CAN_VIEW and the creator's ownership are gone.
    expect((await get(ws, `/api/2.0/permissions/jobs/${id}`)).body).toEqual(r.body);
  });

  it('refuses a PUT that leaves the job without exactly one owner', async () => {
    const id = await newJob();
    for (const acl of [
      [{ user_name: 'alice@example.com', permission_level: 'CAN_MANAGE' }],
      [],
      [
        { user_name: 'alice@example.com', permission_level: 'IS_OWNER' },
        { user_name: 'bob@example.com', permission_level: 'IS_OWNER' },
      ],
    ]) {
      const r = await put(`/api/2.0/permissions/jobs/${id}`, { access_control_list: acl });
      expect(r.status).toBe(400);
      expect(r.body).toEqual({
        error_code: 'INVALID_PARAMETER_VALUE',
        message: 'The job must have exactly one owner.',
      });
    }
    expect(ws.state().permissions[`/jobs/${id}`]).toEqual([{ user_name: ME, permission_level: 'IS_OWNER' }]);
  });

  it('PATCH adds and updates, and a new IS_OWNER takes ownership over', async () => {
    const id = await newJob();
    await patch(`/api/2.0/permissions/jobs/${id}`, {
      access_control_list: [{ user_name: 'alice@example.com', permission_level: 'CAN_VIEW' }],
    });
    await patch(`/api/2.0/permissions/jobs/${id}`, {
      access_control_list: [{ user_name: 'alice@example.com', permission_level: 'CAN_MANAGE_RUN' }],
    });
    const r = await patch(`/api/2.0/permissions/jobs/${id}`, {
      access_control_list: [{ service_principal_name: SP, permission_level: 'IS_OWNER' }],
    });
    expect(r.status, r.text).toBe(200);
    expect(ws.state().permissions[`/jobs/${id}`]).toEqual([
      { user_name: 'alice@example.com', permission_level: 'CAN_MANAGE_RUN' },
      { service_principal_name: SP, permission_level: 'IS_OWNER' },
    ]);
    const two = await patch(`/api/2.0/permissions/jobs/${id}`, {
      access_control_list: [
        { user_name: 'alice@example.com', permission_level: 'IS_OWNER' },
        { user_name: 'bob@example.com', permission_level: 'IS_OWNER' },
      ],
    });
    expect(two.body.message).toBe('The job must have exactly one owner.');
  });

  it('refuses unknown principals with the real "Principal: …(x) does not exist"', async () => {
    const id = await newJob();
    const cases: [Record<string, string>, string][] = [
      [{ user_name: 'ghost@example.com' }, 'Principal: UserName(ghost@example.com) does not exist'],
      [{ group_name: 'ghosts' }, 'Principal: GroupName(ghosts) does not exist'],
      [
        { service_principal_name: 'no-such-app' },
        'Principal: ServicePrincipalName(no-such-app) does not exist',
      ],
    ];
    for (const [principal, message] of cases) {
      const r = await patch(`/api/2.0/permissions/jobs/${id}`, {
        access_control_list: [{ ...principal, permission_level: 'CAN_VIEW' }],
      });
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ error_code: 'RESOURCE_DOES_NOT_EXIST', message });
    }
  });

  it('validates levels and entries', async () => {
    const id = await newJob();
    const level = await patch(`/api/2.0/permissions/jobs/${id}`, {
      access_control_list: [{ user_name: 'alice@example.com', permission_level: 'CAN_RESTART' }],
    });
    expect(level.status).toBe(400);
    expect(level.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect(level.body.message).toContain('CAN_RESTART');
    const two = await patch(`/api/2.0/permissions/jobs/${id}`, {
      access_control_list: [
        { user_name: 'alice@example.com', group_name: 'users', permission_level: 'CAN_VIEW' },
      ],
    });
    expect(two.status).toBe(400);
    const groupOwner = await patch(`/api/2.0/permissions/jobs/${id}`, {
      access_control_list: [{ group_name: 'data-engineers', permission_level: 'IS_OWNER' }],
    });
    expect(groupOwner.status).toBe(400);
  });

  it('answers 404 RESOURCE_DOES_NOT_EXIST for a missing job', async () => {
    for (const r of [
      await get(ws, '/api/2.0/permissions/jobs/12345'),
      await put('/api/2.0/permissions/jobs/12345', { access_control_list: [] }),
      await get(ws, '/api/2.0/permissions/jobs/12345/permissionLevels'),
    ]) {
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Job 12345 does not exist.' });
    }
  });

  it('lists the job permission levels', async () => {
    const id = await newJob();
    const r = await get(ws, `/api/2.0/permissions/jobs/${id}/permissionLevels`);
    expect(r.body.permission_levels.map((l: { permission_level: string }) => l.permission_level)).toEqual([
      'CAN_VIEW',
      'CAN_MANAGE_RUN',
      'IS_OWNER',
      'CAN_MANAGE',
    ]);
    expect(r.body.permission_levels[0].description).toEqual(expect.any(String));
  });

  it('takes access_control_list on jobs/create (creator owns unless one is named)', async () => {
    const id = await newJob({
      access_control_list: [{ group_name: 'data-engineers', permission_level: 'CAN_MANAGE' }],
    });
    expect(ws.state().permissions[`/jobs/${id}`]).toEqual([
      { user_name: ME, permission_level: 'IS_OWNER' },
      { group_name: 'data-engineers', permission_level: 'CAN_MANAGE' },
    ]);
    const owned = await newJob({
      access_control_list: [{ service_principal_name: SP, permission_level: 'IS_OWNER' }],
    });
    expect(ws.state().permissions[`/jobs/${owned}`]).toEqual([
      { service_principal_name: SP, permission_level: 'IS_OWNER' },
    ]);
    const bad = await post(ws, '/api/2.2/jobs/create', {
      name: 'x',
      access_control_list: [{ user_name: 'ghost@example.com', permission_level: 'CAN_VIEW' }],
    });
    expect(bad.status).toBe(404);
    expect(bad.body.message).toBe('Principal: UserName(ghost@example.com) does not exist');
  });

  it('deletes the permissions with the job', async () => {
    const id = await newJob();
    expect(ws.state().permissions[`/jobs/${id}`]).toBeDefined();
    await post(ws, '/api/2.2/jobs/delete', { job_id: id });
    expect(ws.state().permissions[`/jobs/${id}`]).toBeUndefined();
    expect((await get(ws, `/api/2.0/permissions/jobs/${id}`)).status).toBe(404);
  });
});

describe('cluster permissions', () => {
  it('gives the creator CAN_MANAGE; PUT replaces, PATCH adds; levels validated', async () => {
    const id = await newCluster();
    const r = await get(ws, `/api/2.0/permissions/clusters/${id}`);
    expect(r.body).toEqual({
      object_id: `/clusters/${id}`,
      object_type: 'cluster',
      access_control_list: [
        {
          user_name: ME,
          display_name: 'emulator',
          all_permissions: [{ permission_level: 'CAN_MANAGE', inherited: false }],
        },
        {
          group_name: 'admins',
          all_permissions: [
            { permission_level: 'CAN_MANAGE', inherited: true, inherited_from_object: ['/clusters/'] },
          ],
        },
      ],
    });
    // Clusters have no owner: a PUT may drop the creator.
    const replaced = await put(`/api/2.0/permissions/clusters/${id}`, {
      access_control_list: [{ group_name: 'data-engineers', permission_level: 'CAN_RESTART' }],
    });
    expect(replaced.status, replaced.text).toBe(200);
    await patch(`/api/2.0/permissions/clusters/${id}`, {
      access_control_list: [{ user_name: 'bob@example.com', permission_level: 'CAN_ATTACH_TO' }],
    });
    expect(ws.state().permissions[`/clusters/${id}`]).toEqual([
      { group_name: 'data-engineers', permission_level: 'CAN_RESTART' },
      { user_name: 'bob@example.com', permission_level: 'CAN_ATTACH_TO' },
    ]);
    const owner = await patch(`/api/2.0/permissions/clusters/${id}`, {
      access_control_list: [{ user_name: 'bob@example.com', permission_level: 'IS_OWNER' }],
    });
    expect(owner.status).toBe(400);
    const levels = await get(ws, `/api/2.0/permissions/clusters/${id}/permissionLevels`);
    expect(
      levels.body.permission_levels.map((l: { permission_level: string }) => l.permission_level),
    ).toEqual(['CAN_ATTACH_TO', 'CAN_RESTART', 'CAN_MANAGE']);
  });

  it('answers 404 for a missing cluster and drops permissions on permanent-delete', async () => {
    const missing = await get(ws, '/api/2.0/permissions/clusters/0000-000000-nothere0');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: 'Cluster 0000-000000-nothere0 does not exist',
    });
    const id = await newCluster();
    await post(ws, '/api/2.1/clusters/delete', { cluster_id: id });
    expect(ws.state().permissions[`/clusters/${id}`]).toBeDefined();
    await post(ws, '/api/2.1/clusters/permanent-delete', { cluster_id: id });
    expect(ws.state().permissions[`/clusters/${id}`]).toBeUndefined();
  });
});

describe('permissions and state', () => {
  it('persists permissions and gives jobs from older state files their default owner', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-perm-'));
    try {
      const first = await startEmulator({ workspaces: [{ name: 'p' }], stateDir: dir, rateLimits: 'off' });
      const w1 = first.workspace('p');
      const job = (await post(w1, '/api/2.2/jobs/create', { name: 'persisted' })).body.job_id;
      await call(w1, 'PATCH', `/api/2.0/permissions/jobs/${job}`, {
        access_control_list: [{ group_name: 'users', permission_level: 'CAN_VIEW' }],
      });
      await first.stop();
      const saved = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8'));
      expect(saved.permissions[`/jobs/${job}`]).toContainEqual({
        group_name: 'users',
        permission_level: 'CAN_VIEW',
      });
      // Simulate a file from before permissions existed.
      delete saved.permissions;
      delete saved.principals;
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(dir, 'p.json'), JSON.stringify(saved));
      const second = await startEmulator({ workspaces: [{ name: 'p' }], stateDir: dir, rateLimits: 'off' });
      try {
        const r = await get(second.workspace('p'), `/api/2.0/permissions/jobs/${job}`);
        expect(r.status).toBe(200);
        expect(r.body.access_control_list[0]).toMatchObject({
          user_name: ME,
          all_permissions: [{ permission_level: 'IS_OWNER', inherited: false }],
        });
        const admin = await call(second.workspace('p'), 'GET', '/__emulator/state', undefined, {
          token: null,
        });
        expect(admin.body.principals.users).toBeDefined();
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is part of GET /__emulator/state', async () => {
    const id = await newJob();
    const state = await call(ws, 'GET', '/__emulator/state', undefined, { token: null });
    expect(state.body.permissions[`/jobs/${id}`]).toEqual([{ user_name: ME, permission_level: 'IS_OWNER' }]);
  });
});

describe('directory permissions', () => {
  async function folder(path: string): Promise<number> {
    expect((await post(ws, '/api/2.0/workspace/mkdirs', { path })).status).toBe(200);
    const status = await call(ws, 'GET', `/api/2.0/workspace/get-status?path=${encodeURIComponent(path)}`);
    return status.body.object_id;
  }

  it('a folder under /Shared inherits the users group CAN_MANAGE; a PUT replaces only the direct entries', async () => {
    const id = await folder('/Shared/.databricks-dr/acl-test');
    const before = await call(ws, 'GET', `/api/2.0/permissions/directories/${id}`);
    expect(before.status, before.text).toBe(200);
    expect(before.body.object_type).toBe('directory');
    const shared = ws.state().objects['/Shared'].object_id;
    expect(before.body.access_control_list).toContainEqual({
      group_name: 'users',
      all_permissions: [
        {
          permission_level: 'CAN_MANAGE',
          inherited: true,
          inherited_from_object: [`/directories/${shared}`],
        },
      ],
    });
    const after = await put(`/api/2.0/permissions/directories/${id}`, {
      access_control_list: [{ service_principal_name: SP, permission_level: 'CAN_MANAGE' }],
    });
    expect(after.status, after.text).toBe(200);
    const acl = after.body.access_control_list as Array<{
      group_name?: string;
      service_principal_name?: string;
    }>;
    expect(acl.find((e) => e.service_principal_name === SP)).toBeDefined();
    expect(acl.find((e) => e.group_name === 'users')).toBeDefined(); // inherited: not taken away
    const bad = await put(`/api/2.0/permissions/directories/${id}`, {
      access_control_list: [{ user_name: ME, permission_level: 'IS_OWNER' }],
    });
    expect(bad.status).toBe(400);
    const levels = await call(ws, 'GET', `/api/2.0/permissions/directories/${id}/permissionLevels`);
    expect(
      levels.body.permission_levels.map((l: { permission_level: string }) => l.permission_level),
    ).toEqual(['CAN_READ', 'CAN_RUN', 'CAN_EDIT', 'CAN_MANAGE']);
  });

  it('a folder outside /Shared inherits nothing from the users group; an unknown id is 404', async () => {
    const id = await folder('/Users/emulator@example.com/private');
    const res = await call(ws, 'GET', `/api/2.0/permissions/directories/${id}`);
    expect(res.body.access_control_list.some((e: { group_name?: string }) => e.group_name === 'users')).toBe(
      false,
    );
    expect((await call(ws, 'GET', '/api/2.0/permissions/directories/999999999')).status).toBe(404);
  });
});
