import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedWorkspace, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { call, get, post } from './helpers.js';

let emulator: Emulator;
let standard: EmulatedWorkspace;
let premium: EmulatedWorkspace;

beforeAll(async () => {
  emulator = await startEmulator({
    workspaces: [{ name: 'std', tier: 'standard' }, { name: 'prem' }],
    rateLimits: 'off',
  });
  standard = emulator.workspace('std');
  premium = emulator.workspace('prem');
});
afterAll(() => emulator.stop());

const admin = (w: EmulatedWorkspace, method: string, path: string, body?: unknown) =>
  call(w, method, `/__emulator/${path}`, body, { token: null });

describe('standard tier', () => {
  it('only creates scopes with initial_manage_principal "users"', async () => {
    const r = await post(standard, '/api/2.0/secrets/scopes/create', { scope: 'mine' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      error_code: 'BAD_REQUEST',
      message:
        'Premium Tier is disabled in this workspace. Secret scopes can only be created with initial_manage_principal "users".',
    });
    const ok = await post(standard, '/api/2.0/secrets/scopes/create', {
      scope: 'shared',
      initial_manage_principal: 'users',
    });
    expect(ok.status).toBe(200);
    // Secrets themselves work.
    expect(
      (await post(standard, '/api/2.0/secrets/put', { scope: 'shared', key: 'k', string_value: 'v' })).status,
    ).toBe(200);
    expect((await get(standard, '/api/2.0/secrets/list?scope=shared')).body.secrets).toHaveLength(1);
    expect((await post(premium, '/api/2.0/secrets/scopes/create', { scope: 'mine' })).status).toBe(200);
  });

  it('refuses every secret ACL operation', async () => {
    await post(standard, '/api/2.0/secrets/scopes/create', {
      scope: 'acl-scope',
      initial_manage_principal: 'users',
    });
    const denied = { error_code: 'PERMISSION_DENIED', message: 'ACL is not supported in your workspace.' };
    for (const r of [
      await post(standard, '/api/2.0/secrets/acls/put', {
        scope: 'acl-scope',
        principal: 'users',
        permission: 'READ',
      }),
      await get(standard, '/api/2.0/secrets/acls/list?scope=acl-scope'),
      await get(standard, '/api/2.0/secrets/acls/get?scope=acl-scope&principal=users'),
      await post(standard, '/api/2.0/secrets/acls/delete', { scope: 'acl-scope', principal: 'users' }),
    ]) {
      expect(r.status).toBe(403);
      expect(r.body).toEqual(denied);
    }
  });

  it('refuses the Permissions API and ACLs on jobs/create', async () => {
    const job = (await post(standard, '/api/2.2/jobs/create', { name: 'j' })).body.job_id;
    const cluster = (
      await post(standard, '/api/2.1/clusters/create', {
        spark_version: '15.4.x-scala2.12',
        node_type_id: 'Standard_DS3_v2',
        num_workers: 0,
      })
    ).body.cluster_id;
    const jobErr = {
      error_code: 'FEATURE_DISABLED',
      message: 'ACLs for job are disabled or not available in this tier',
    };
    for (const r of [
      await get(standard, `/api/2.0/permissions/jobs/${job}`),
      await get(standard, `/api/2.0/permissions/jobs/${job}/permissionLevels`),
      await call(standard, 'PUT', `/api/2.0/permissions/jobs/${job}`, { access_control_list: [] }),
      await call(standard, 'PATCH', `/api/2.0/permissions/jobs/${job}`, { access_control_list: [] }),
    ]) {
      expect(r.status).toBe(404);
      expect(r.body).toEqual(jobErr);
    }
    const c = await get(standard, `/api/2.0/permissions/clusters/${cluster}`);
    expect(c.status).toBe(404);
    expect(c.body.message).toBe('ACLs for cluster are disabled or not available in this tier');
    const create = await post(standard, '/api/2.2/jobs/create', {
      name: 'acl',
      access_control_list: [{ group_name: 'users', permission_level: 'CAN_VIEW' }],
    });
    expect(create.body).toEqual(jobErr);
    expect(
      (
        await get(
          premium,
          `/api/2.0/permissions/jobs/${(await post(premium, '/api/2.2/jobs/create', { name: 'j' })).body.job_id}`,
        )
      ).status,
    ).toBe(200);
  });

  it('switches tier at run time (admin API and object API)', async () => {
    const e = await startEmulator({ workspaces: [{ name: 'w' }], rateLimits: 'off', entra: false });
    try {
      const w = e.workspace('w');
      expect((await admin(w, 'POST', 'tier', { tier: 'standard' })).status).toBe(200);
      expect((await admin(w, 'GET', 'catalog')).body.tier).toBe('standard');
      expect((await post(w, '/api/2.0/secrets/scopes/create', { scope: 's' })).body.error_code).toBe(
        'BAD_REQUEST',
      );
      w.setTier('premium');
      expect((await post(w, '/api/2.0/secrets/scopes/create', { scope: 's' })).status).toBe(200);
      expect((await admin(w, 'POST', 'tier', { tier: 'enterprise' })).status).toBe(400);
    } finally {
      await e.stop();
    }
    await expect(
      startEmulator({ workspaces: [{ name: 'x', tier: 'gold' as 'premium' }], entra: false }),
    ).rejects.toThrow(/tier/);
  });
});
