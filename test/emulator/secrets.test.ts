import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedWorkspace, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { b64, call, get, post, unb64 } from './helpers.js';

let emulator: Emulator;
let ws: EmulatedWorkspace;

beforeAll(async () => {
  emulator = await startEmulator({ workspaces: [{ name: 'primary' }], rateLimits: 'off' });
  ws = emulator.workspace('primary');
  ws.addToken('entra-token', 'entra');
});
afterAll(() => emulator.stop());

const kv = {
  resource_id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.KeyVault/vaults/v',
  dns_name: 'https://v.vault.azure.net/',
};

describe('scopes', () => {
  it('creates, lists and deletes a Databricks-backed scope; the creator gets MANAGE', async () => {
    expect((await post(ws, '/api/2.0/secrets/scopes/create', { scope: 'app-secrets' })).status).toBe(200);
    const list = await get(ws, '/api/2.0/secrets/scopes/list');
    expect(list.body.scopes).toContainEqual({ name: 'app-secrets', backend_type: 'DATABRICKS' });
    const acls = await get(ws, '/api/2.0/secrets/acls/list?scope=app-secrets');
    expect(acls.body).toEqual({ items: [{ principal: 'emulator@example.com', permission: 'MANAGE' }] });
    expect((await post(ws, '/api/2.0/secrets/scopes/delete', { scope: 'app-secrets' })).status).toBe(200);
    const gone = await post(ws, '/api/2.0/secrets/scopes/delete', { scope: 'app-secrets' });
    expect(gone.status).toBe(404);
    expect(gone.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('gives users MANAGE with initial_manage_principal: users', async () => {
    await post(ws, '/api/2.0/secrets/scopes/create', { scope: 'shared', initial_manage_principal: 'users' });
    const acls = await get(ws, '/api/2.0/secrets/acls/list?scope=shared');
    expect(acls.body.items).toEqual([{ principal: 'users', permission: 'MANAGE' }]);
    const bad = await post(ws, '/api/2.0/secrets/scopes/create', {
      scope: 'x',
      initial_manage_principal: 'admins',
    });
    expect(bad.body.error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('refuses a duplicate scope with 400 RESOURCE_ALREADY_EXISTS', async () => {
    await post(ws, '/api/2.0/secrets/scopes/create', { scope: 'dup' });
    const r = await post(ws, '/api/2.0/secrets/scopes/create', { scope: 'dup' });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe('RESOURCE_ALREADY_EXISTS');
  });

  it('checks scope names: alphanumerics, - _ . @, up to 128 characters', async () => {
    expect((await post(ws, '/api/2.0/secrets/scopes/create', { scope: 'ok-name_1.x@y' })).status).toBe(200);
    for (const scope of ['has space', 'slash/no', 'a'.repeat(129)]) {
      const r = await post(ws, '/api/2.0/secrets/scopes/create', { scope });
      expect(r.status).toBe(400);
      expect(r.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    }
    expect((await post(ws, '/api/2.0/secrets/scopes/create', {})).body.message).toContain('scope');
  });

  it('refuses an Azure Key Vault scope with a PAT; accepts it with an Entra token', async () => {
    const pat = await post(ws, '/api/2.0/secrets/scopes/create', {
      scope: 'akv',
      scope_backend_type: 'AZURE_KEYVAULT',
      backend_azure_keyvault: kv,
    });
    expect(pat.status).toBe(400);
    expect(pat.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: 'Scope with Azure KeyVault must have userAADToken defined!',
    });
    const entra = await call(
      ws,
      'POST',
      '/api/2.0/secrets/scopes/create',
      { scope: 'akv', scope_backend_type: 'AZURE_KEYVAULT', backend_azure_keyvault: kv },
      { token: 'entra-token' },
    );
    expect(entra.status).toBe(200);
    const list = await get(ws, '/api/2.0/secrets/scopes/list');
    expect(list.body.scopes).toContainEqual({
      name: 'akv',
      backend_type: 'AZURE_KEYVAULT',
      keyvault_metadata: kv,
    });
    // Key Vault scopes are read-only through the API.
    const put = await post(ws, '/api/2.0/secrets/put', { scope: 'akv', key: 'k', string_value: 'v' });
    expect(put.status).toBe(400);
    expect(put.body.error_code).toBe('BAD_REQUEST');
    const del = await post(ws, '/api/2.0/secrets/delete', { scope: 'akv', key: 'k' });
    expect(del.body.error_code).toBe('BAD_REQUEST');
  });

  it('caps a workspace at 1000 scopes', async () => {
    const e = await startEmulator({ workspaces: [{ name: 'many' }], rateLimits: 'off' });
    try {
      const w = e.workspace('many');
      for (let i = 0; i < 1000; i++)
        expect((await post(w, '/api/2.0/secrets/scopes/create', { scope: `s${i}` })).status).toBe(200);
      const over = await post(w, '/api/2.0/secrets/scopes/create', { scope: 'one-more' });
      expect(over.body.error_code).toBe('RESOURCE_LIMIT_EXCEEDED');
    } finally {
      await e.stop();
    }
  });
});

describe('secrets', () => {
  beforeAll(async () => {
    await post(ws, '/api/2.0/secrets/scopes/create', { scope: 'app' });
  });

  it('puts string and bytes values, lists keys without values, gets, overwrites, deletes', async () => {
    expect(
      (await post(ws, '/api/2.0/secrets/put', { scope: 'app', key: 'db-password', string_value: 's3cret' }))
        .status,
    ).toBe(200);
    expect(
      (await post(ws, '/api/2.0/secrets/put', { scope: 'app', key: 'cert', bytes_value: b64('\x00\x01') }))
        .status,
    ).toBe(200);
    const list = await get(ws, '/api/2.0/secrets/list?scope=app');
    expect(list.body.secrets.map((s: { key: string }) => s.key)).toEqual(['cert', 'db-password']);
    expect(list.body.secrets[0].last_updated_timestamp).toBeGreaterThan(0);
    expect(list.body.secrets[0].value).toBeUndefined();
    const got = await get(ws, '/api/2.0/secrets/get?scope=app&key=db-password');
    expect(got.body).toEqual({ key: 'db-password', value: b64('s3cret') });
    await post(ws, '/api/2.0/secrets/put', { scope: 'app', key: 'db-password', string_value: 'new' });
    expect(unb64((await get(ws, '/api/2.0/secrets/get?scope=app&key=db-password')).body.value)).toBe('new');
    expect((await post(ws, '/api/2.0/secrets/delete', { scope: 'app', key: 'cert' })).status).toBe(200);
    const gone = await post(ws, '/api/2.0/secrets/delete', { scope: 'app', key: 'cert' });
    expect(gone.status).toBe(404);
    expect(gone.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('needs exactly one of string_value and bytes_value', async () => {
    const none = await post(ws, '/api/2.0/secrets/put', { scope: 'app', key: 'k' });
    expect(none.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    const both = await post(ws, '/api/2.0/secrets/put', {
      scope: 'app',
      key: 'k',
      string_value: 'a',
      bytes_value: b64('a'),
    });
    expect(both.body.error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('refuses values over 128 KB and bad key names; a missing scope is 404', async () => {
    const big = await post(ws, '/api/2.0/secrets/put', {
      scope: 'app',
      key: 'big',
      string_value: 'x'.repeat(128 * 1024 + 1),
    });
    expect(big.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    const okMax = await post(ws, '/api/2.0/secrets/put', {
      scope: 'app',
      key: 'max',
      string_value: 'x'.repeat(128 * 1024),
    });
    expect(okMax.status).toBe(200);
    const badKey = await post(ws, '/api/2.0/secrets/put', {
      scope: 'app',
      key: 'bad key',
      string_value: 'v',
    });
    expect(badKey.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    const noScope = await post(ws, '/api/2.0/secrets/put', { scope: 'nope', key: 'k', string_value: 'v' });
    expect(noScope.status).toBe(404);
    expect(noScope.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await get(ws, '/api/2.0/secrets/list?scope=nope')).status).toBe(404);
  });

  it('caps a scope at 1000 secrets', async () => {
    await post(ws, '/api/2.0/secrets/scopes/create', { scope: 'full' });
    for (let i = 0; i < 1000; i++)
      expect(
        (await post(ws, '/api/2.0/secrets/put', { scope: 'full', key: `k${i}`, string_value: 'v' })).status,
      ).toBe(200);
    const over = await post(ws, '/api/2.0/secrets/put', { scope: 'full', key: 'extra', string_value: 'v' });
    expect(over.body.error_code).toBe('RESOURCE_LIMIT_EXCEEDED');
    // Overwriting an existing key is still allowed.
    expect(
      (await post(ws, '/api/2.0/secrets/put', { scope: 'full', key: 'k1', string_value: 'w' })).status,
    ).toBe(200);
  });
});

describe('ACLs', () => {
  beforeAll(async () => {
    await post(ws, '/api/2.0/secrets/scopes/create', { scope: 'acl-scope' });
  });

  it('puts (creates or overwrites), gets, lists under items, deletes', async () => {
    expect(
      (
        await post(ws, '/api/2.0/secrets/acls/put', {
          scope: 'acl-scope',
          principal: 'data-eng',
          permission: 'READ',
        })
      ).status,
    ).toBe(200);
    await post(ws, '/api/2.0/secrets/acls/put', {
      scope: 'acl-scope',
      principal: 'data-eng',
      permission: 'WRITE',
    });
    const one = await get(ws, '/api/2.0/secrets/acls/get?scope=acl-scope&principal=data-eng');
    expect(one.body).toEqual({ principal: 'data-eng', permission: 'WRITE' });
    const list = await get(ws, '/api/2.0/secrets/acls/list?scope=acl-scope');
    expect(list.body.items).toEqual([
      { principal: 'data-eng', permission: 'WRITE' },
      { principal: 'emulator@example.com', permission: 'MANAGE' },
    ]);
    expect(
      (await post(ws, '/api/2.0/secrets/acls/delete', { scope: 'acl-scope', principal: 'data-eng' })).status,
    ).toBe(200);
    const missing = await get(ws, '/api/2.0/secrets/acls/get?scope=acl-scope&principal=data-eng');
    expect(missing.status).toBe(404);
    expect(missing.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('refuses an unknown permission', async () => {
    const r = await post(ws, '/api/2.0/secrets/acls/put', {
      scope: 'acl-scope',
      principal: 'x',
      permission: 'OWNER',
    });
    expect(r.body.error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('enforces permissions: without MANAGE the caller cannot change ACLs or write', async () => {
    await post(ws, '/api/2.0/secrets/scopes/create', { scope: 'locked' });
    await post(ws, '/api/2.0/secrets/acls/put', {
      scope: 'locked',
      principal: 'emulator@example.com',
      permission: 'READ',
    });
    const put = await post(ws, '/api/2.0/secrets/put', { scope: 'locked', key: 'k', string_value: 'v' });
    expect(put.status).toBe(403);
    expect(put.body.error_code).toBe('PERMISSION_DENIED');
    expect((await get(ws, '/api/2.0/secrets/list?scope=locked')).status).toBe(200);
    expect((await get(ws, '/api/2.0/secrets/acls/list?scope=locked')).status).toBe(403);
  });
});
