/**
 * azure-cli and azure-msi through the real `AzureCliCredential` and `ManagedIdentityCredential`:
 * a stand-in `az` on PATH (it prints what `az account get-access-token` prints), and a stand-in
 * App Service managed-identity endpoint (IDENTITY_ENDPOINT / IDENTITY_HEADER, which MSAL reads from
 * the process environment). Both hand out tokens the emulated workspace accepts as Entra tokens,
 * so the Key Vault path is exercised too. Both change process.env, restored afterwards (this file
 * runs in its own worker).
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tokenProviderFor } from '../../src/core/auth/index.js';
import { ConfigurationError } from '../../src/core/errors.js';
import {
  type AuthHarness,
  authHarness,
  caught,
  clientFor,
  KEYVAULT,
  recordingMask,
  region,
} from './helpers.js';

let h: AuthHarness;
const saved = { ...process.env };
beforeAll(async () => {
  h = await authHarness();
});
afterAll(() => h.close());
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

describe.skipIf(process.platform === 'win32')('azure-cli (AzureCliCredential)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fake-az-'));
    // What `az account get-access-token --output json --resource R` prints; it also logs its args.
    writeFileSync(
      join(dir, 'az'),
      `#!/bin/sh
echo "$*" >> "$AZ_LOG"
if [ "$AZ_FAIL" = login ]; then echo "ERROR: Please run 'az login' to setup account." >&2; exit 1; fi
case "$*" in
  *management*) tok="$AZ_TOKEN_MGMT" ;;
  *) tok="$AZ_TOKEN_DBX" ;;
esac
exp=$(( $(date +%s) + 3600 ))
printf '{"accessToken":"%s","expiresOn":"2099-01-01 00:00:00.000000","expires_on":%s,"subscription":"sub","tenant":"t","tokenType":"Bearer"}\\n' "$tok" "$exp"
`,
    );
    chmodSync(join(dir, 'az'), 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function fakeAz(extra: Record<string, string> = {}) {
    const log = join(dir, `log-${Math.random().toString(36).slice(2)}`);
    writeFileSync(log, '');
    Object.assign(process.env, {
      PATH: `${dir}:${saved.PATH ?? ''}`,
      AZ_LOG: log,
      AZ_TOKEN_DBX: 'cli-databricks-token',
      AZ_TOKEN_MGMT: 'cli-management-token',
      ...extra,
    });
    return () => readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
  }

  it('asks az for an AzureDatabricks token (and a management token), masks them, and works at the workspace', async () => {
    const calls = fakeAz();
    h.primary.addToken('cli-databricks-token', 'entra');
    const { mask, masked } = recordingMask();
    const provider = await tokenProviderFor(
      region(h.primary, {
        type: 'azure-cli',
        workspace_resource_id:
          '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/adb-primary',
      }),
      process.env,
      { mask },
    );
    expect(provider.kind).toBe('entra');
    expect(provider.source).toBe('the Azure CLI’s signed-in account (az login)');
    expect(await provider.token()).toBe('cli-databricks-token');
    expect((await provider.headers?.())?.['X-Databricks-Azure-SP-Management-Token']).toBe(
      'cli-management-token',
    );
    expect(calls()).toEqual([
      'account get-access-token --output json --resource 2ff814a6-3304-4ab8-85cb-cd0e6f879c1d',
      'account get-access-token --output json --resource https://management.core.windows.net/',
    ]);
    expect(masked).toEqual(['cli-databricks-token', 'cli-management-token']);
    const client = clientFor(h.primary, provider);
    try {
      await client.secrets.createScope({
        scope: 'kv-cli',
        scope_backend_type: 'AZURE_KEYVAULT',
        backend_azure_keyvault: KEYVAULT,
      });
    } finally {
      client.close();
    }
  });

  it('explains a CLI that is not signed in', async () => {
    fakeAz({ AZ_FAIL: 'login' });
    const provider = await tokenProviderFor(region(h.primary, { type: 'azure-cli' }), process.env);
    const e = await caught(() => provider.token());
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toContain(
      'region primary (auth azure-cli): the Azure CLI is not signed in. Run `az login`',
    );
    expect(e.message).toContain('AzureCLI@2');
  });

  it('explains a missing az', async () => {
    process.env.PATH = dir.replace(/fake-az-.*/, 'no-such-dir');
    const provider = await tokenProviderFor(region(h.primary, { type: 'azure-cli' }), process.env);
    const e = await caught(() => provider.token());
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toContain('the Azure CLI (az) is not on PATH');
  });
});

describe('azure-msi (ManagedIdentityCredential, App Service endpoint)', () => {
  let server: Server;
  const seen: { url: string; header: string | undefined }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', header: req.headers['x-identity-header'] as string | undefined });
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.headers['x-identity-header'] !== 'identity-secret') {
        res.writeHead(401).end();
        return;
      }
      const clientId = url.searchParams.get('client_id');
      if (clientId && clientId !== 'mi-client') {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ statusCode: 400, message: 'Identity not found', correlationId: 'x' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          access_token: 'msi-databricks-token',
          expires_on: String(Math.floor(Date.now() / 1000) + 3600),
          resource: url.searchParams.get('resource'),
          token_type: 'Bearer',
          client_id: clientId ?? 'system-assigned',
        }),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('gets the token from the managed-identity endpoint, for a user-assigned identity', async () => {
    process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}/msi/token`;
    process.env.IDENTITY_HEADER = 'identity-secret';
    h.primary.addToken('msi-databricks-token', 'entra');
    const { mask, masked } = recordingMask();
    const provider = await tokenProviderFor(
      region(h.primary, { type: 'azure-msi', client_id: 'mi-client' }),
      process.env,
      { mask },
    );
    expect(provider.source).toBe('user-assigned managed identity mi-client');
    expect(await provider.token()).toBe('msi-databricks-token');
    expect(masked).toEqual(['msi-databricks-token']);
    const query = new URL(seen.at(-1)?.url ?? '/', 'http://x').searchParams;
    expect(query.get('resource')).toBe('2ff814a6-3304-4ab8-85cb-cd0e6f879c1d');
    expect(query.get('client_id')).toBe('mi-client');
    const client = clientFor(h.primary, provider);
    try {
      await expect(client.secrets.listScopes()).resolves.toBeInstanceOf(Array);
    } finally {
      client.close();
    }
  });

  it('explains a user-assigned identity that is not on this machine', async () => {
    process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}/msi/token`;
    process.env.IDENTITY_HEADER = 'identity-secret';
    const provider = await tokenProviderFor(
      region(h.primary, { type: 'azure-msi', client_id: 'other' }),
      process.env,
    );
    const e = await caught(() => provider.token());
    expect(e.message).toContain('region primary (auth azure-msi): ');
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toContain('no managed identity with client_id other is assigned to this machine');
  });
});
