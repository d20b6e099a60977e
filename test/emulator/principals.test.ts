import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedWorkspace, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { call, get, post } from './helpers.js';

let emulator: Emulator;
let ws: EmulatedWorkspace;
let other: EmulatedWorkspace;
const SCIM = '/api/2.0/preview/scim/v2';
const SP = '11111111-2222-3333-4444-555555555555';

beforeAll(async () => {
  emulator = await startEmulator({
    workspaces: [
      {
        name: 'primary',
        users: ['alice@example.com'],
        groups: { 'data-engineers': ['alice@example.com', SP], platform: ['data-engineers'] },
        servicePrincipals: [{ applicationId: SP, displayName: 'dr-deployer' }],
      },
      { name: 'secondary' },
    ],
    rateLimits: 'off',
  });
  ws = emulator.workspace('primary');
  other = emulator.workspace('secondary');
});
afterAll(() => emulator.stop());

const names = (r: { body: { Resources?: Record<string, unknown>[] } }, key: string) =>
  (r.body.Resources ?? []).map((x) => x[key]);

describe('SCIM principals', () => {
  it('starts with the caller, admins and users (and the spec principals)', async () => {
    const users = await get(ws, `${SCIM}/Users`);
    expect(users.status).toBe(200);
    expect(users.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 2,
      startIndex: 1,
      itemsPerPage: 2,
    });
    expect(names(users, 'userName')).toEqual(['emulator@example.com', 'alice@example.com']);
    expect(names(await get(ws, `${SCIM}/Groups`), 'displayName')).toEqual([
      'admins',
      'users',
      'data-engineers',
      'platform',
    ]);
    expect(names(await get(other, `${SCIM}/Groups`), 'displayName')).toEqual(['admins', 'users']);
    expect(names(await get(other, `${SCIM}/ServicePrincipals`), 'applicationId')).toEqual([]);
    const sps = await get(ws, `${SCIM}/ServicePrincipals`);
    expect(sps.body.Resources[0]).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal'],
      applicationId: SP,
      displayName: 'dr-deployer',
      active: true,
    });
  });

  it('reports the caller with its groups on Me', async () => {
    const me = await get(ws, `${SCIM}/Me`);
    expect(me.body).toMatchObject({ userName: 'emulator@example.com', active: true });
    const groups = me.body.groups.map((g: { display: string }) => g.display).sort();
    expect(groups).toEqual(['admins', 'users']);
    expect(me.body.groups[0]).toEqual({
      display: expect.any(String),
      type: 'direct',
      value: expect.any(String),
      $ref: expect.stringMatching(/^Groups\//),
    });
  });

  it('filters with eq, co, sw, ne and and/or', async () => {
    const eq = await get(ws, `${SCIM}/Users?filter=${encodeURIComponent('userName eq "ALICE@example.com"')}`);
    expect(names(eq, 'userName')).toEqual(['alice@example.com']);
    const dn = await get(
      ws,
      `${SCIM}/Groups?filter=${encodeURIComponent('displayName eq "data-engineers"')}`,
    );
    expect(dn.body.totalResults).toBe(1);
    expect(dn.body.Resources[0].members.map((m: { display: string }) => m.display).sort()).toEqual([
      'alice',
      'dr-deployer',
    ]);
    const app = await get(
      ws,
      `${SCIM}/ServicePrincipals?filter=${encodeURIComponent(`applicationId eq "${SP}"`)}`,
    );
    expect(names(app, 'displayName')).toEqual(['dr-deployer']);
    const none = await get(
      ws,
      `${SCIM}/Users?filter=${encodeURIComponent('userName eq "nobody@example.com"')}`,
    );
    expect(none.body).toMatchObject({ totalResults: 0, itemsPerPage: 0 });
    expect(none.body.Resources).toBeUndefined();
    const co = await get(
      ws,
      `${SCIM}/Groups?filter=${encodeURIComponent('displayName co "engineer" or displayName sw "plat"')}`,
    );
    expect(names(co, 'displayName')).toEqual(['data-engineers', 'platform']);
    const and = await get(
      ws,
      `${SCIM}/Users?filter=${encodeURIComponent('userName sw "a" and userName ne "alice@example.com"')}`,
    );
    expect(and.body.totalResults).toBe(0);
    const bad = await get(ws, `${SCIM}/Users?filter=${encodeURIComponent('userName equals "x"')}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '400',
      scimType: 'invalidFilter',
    });
  });

  it('pages with startIndex and count', async () => {
    const r = await get(ws, `${SCIM}/Groups?startIndex=2&count=2`);
    expect(r.body).toMatchObject({ totalResults: 4, startIndex: 2, itemsPerPage: 2 });
    expect(names(r, 'displayName')).toEqual(['users', 'data-engineers']);
  });

  it('creates users, groups and service principals (201) and refuses duplicates (409)', async () => {
    const u = await post(ws, `${SCIM}/Users`, { userName: 'carol@example.com', displayName: 'Carol' });
    expect(u.status).toBe(201);
    expect(u.body).toMatchObject({ userName: 'carol@example.com', displayName: 'Carol', active: true });
    expect(u.body.groups.map((g: { display: string }) => g.display)).toEqual(['users']);
    const dup = await post(ws, `${SCIM}/Users`, { userName: 'Carol@example.com' });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      detail: 'User with username Carol@example.com already exists.',
      status: '409',
      scimType: 'uniqueness',
    });

    const g = await post(ws, `${SCIM}/Groups`, { displayName: 'analysts', members: [{ value: u.body.id }] });
    expect(g.status).toBe(201);
    expect(g.body.members).toEqual([{ display: 'Carol', value: u.body.id, $ref: `Users/${u.body.id}` }]);
    expect((await post(ws, `${SCIM}/Groups`, { displayName: 'analysts' })).status).toBe(409);
    expect((await post(ws, `${SCIM}/Groups`, { displayName: 'x', members: [{ value: '1' }] })).status).toBe(
      404,
    );

    const sp = await post(ws, `${SCIM}/ServicePrincipals`, { displayName: 'runner' });
    expect(sp.status).toBe(201);
    expect(sp.body.applicationId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await post(ws, `${SCIM}/ServicePrincipals`, { applicationId: SP })).status).toBe(409);

    expect((await get(ws, `${SCIM}/Users/${u.body.id}`)).body.userName).toBe('carol@example.com');
    expect((await get(ws, `${SCIM}/Groups/${g.body.id}`)).body.displayName).toBe('analysts');
    const missing = await get(ws, `${SCIM}/Users/424242`);
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('User 424242 not found.');
    expect((await post(ws, `${SCIM}/Users`, {})).status).toBe(400);
    // The new principals can be granted permissions at once.
    const job = (await post(ws, '/api/2.2/jobs/create', { name: 'j' })).body.job_id;
    const patched = await call(ws, 'PATCH', `/api/2.0/permissions/jobs/${job}`, {
      access_control_list: [{ group_name: 'analysts', permission_level: 'CAN_VIEW' }],
    });
    expect(patched.status, patched.text).toBe(200);
  });

  it('refuses a spec whose group names an unknown member', async () => {
    await expect(
      startEmulator({ workspaces: [{ name: 'x', groups: { g: ['nobody@example.com'] } }], entra: false }),
    ).rejects.toThrow(/nobody@example.com/);
  });

  it('uses options.userName for the caller', async () => {
    const e = await startEmulator({
      workspaces: [{ name: 'u' }],
      userName: 'deployer@corp.com',
      entra: false,
    });
    try {
      const w = e.workspace('u');
      expect((await get(w, `${SCIM}/Me`)).body.userName).toBe('deployer@corp.com');
      const admins = await get(w, `${SCIM}/Groups?filter=${encodeURIComponent('displayName eq "admins"')}`);
      expect(admins.body.Resources[0].members.map((m: { display: string }) => m.display)).toEqual([
        'deployer',
      ]);
    } finally {
      await e.stop();
    }
  });
});
