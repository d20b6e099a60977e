/**
 * Sovereign clouds: Azure Government (`*.databricks.azure.us`) and Azure China
 * (`*.databricks.azure.cn`) workspaces validate; an Entra auth type asks the authority of the
 * workspace's cloud unless `authority_host` (or AZURE_AUTHORITY_HOST) says otherwise; a Key Vault
 * of another cloud than the workspace's is refused by validate.
 *
 * Which authority the CLI really contacts is seen on the wire: the run goes through a recording
 * proxy (a CONNECT names the host it tunnels to), and with `authority_host` pointing at the
 * emulator's authority, that authority answers the token request.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveAuthorityHost } from '../../src/core/auth/entra.js';
import {
  AZURE_CHINA,
  AZURE_PUBLIC,
  AZURE_US_GOVERNMENT,
  cloudOfKeyVault,
  cloudOfWorkspace,
} from '../../src/core/clouds.js';
import { EXAMPLES, SECRET_VALUES, type TwoRegions, twoRegions } from '../helpers/project.js';
import { cli, startProxy, type TestProxy } from '../helpers/proxy.js';

const GOV_PRIMARY = 'https://adb-1111111111111111.11.databricks.azure.us';
const GOV_SECONDARY = 'https://adb-2222222222222222.2.databricks.azure.us';
const CHINA_HOST = 'https://adb-3333333333333333.3.databricks.azure.cn';

describe('the cloud of a workspace', () => {
  it('is told by the host’s DNS zone', () => {
    expect(cloudOfWorkspace('https://adb-1.1.azuredatabricks.net')).toBe(AZURE_PUBLIC);
    expect(cloudOfWorkspace(GOV_PRIMARY)).toBe(AZURE_US_GOVERNMENT);
    expect(cloudOfWorkspace(`${CHINA_HOST}/`)).toBe(AZURE_CHINA);
    expect(cloudOfWorkspace('http://127.0.0.1:8001')).toBeUndefined();
    expect(cloudOfWorkspace('https://databricks.azure.us.example.com')).toBeUndefined();
    expect(cloudOfKeyVault('https://kv-a.vault.usgovcloudapi.net/')).toBe(AZURE_US_GOVERNMENT);
    expect(cloudOfKeyVault('https://kv-a.vault.azure.cn/')).toBe(AZURE_CHINA);
    expect(cloudOfKeyVault('https://kv-a.vault.azure.net/')).toBe(AZURE_PUBLIC);
  });

  it('picks the Entra authority, unless authority_host or AZURE_AUTHORITY_HOST is set', () => {
    const auth = { type: 'azure-cli' } as const;
    expect(resolveAuthorityHost('r', auth, {}, GOV_PRIMARY)).toEqual({
      host: 'https://login.microsoftonline.us',
      custom: false,
    });
    expect(resolveAuthorityHost('r', auth, {}, CHINA_HOST)).toEqual({
      host: 'https://login.chinacloudapi.cn',
      custom: false,
    });
    expect(resolveAuthorityHost('r', auth, {}, 'https://adb-1.1.azuredatabricks.net').host).toBe(
      'https://login.microsoftonline.com',
    );
    expect(resolveAuthorityHost('r', auth, {}, 'http://127.0.0.1:8001').host).toBe(
      'https://login.microsoftonline.com',
    );
    expect(
      resolveAuthorityHost('r', { ...auth, authority_host: 'https://127.0.0.1:4443' }, {}, GOV_PRIMARY),
    ).toEqual({ host: 'https://127.0.0.1:4443', custom: true });
    expect(
      resolveAuthorityHost(
        'r',
        auth,
        { AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.us' },
        CHINA_HOST,
      ).host,
    ).toBe('https://login.microsoftonline.us');
  });
});

let setup: TwoRegions | undefined;
let proxy: TestProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await setup?.emulator.stop();
  proxy = undefined;
  setup = undefined;
});

/** The example repository with both regions in Azure Government and an Entra auth type. */
function governmentRepo(s: TwoRegions, auth: string, vaultSuffix = '.vault.usgovcloudapi.net'): void {
  writeFileSync(
    path.join(s.dir, 'databricks-dr.yml'),
    readFileSync(path.join(EXAMPLES, 'databricks-dr.yml'), 'utf8')
      .replace('http://127.0.0.1:8001', GOV_PRIMARY)
      .replace('http://127.0.0.1:8002', GOV_SECONDARY)
      .replace(/auth: \{ type: pat, token_env: DATABRICKS_TOKEN_\w+ \}/g, `auth: ${auth}`)
      .replace(/\.vault\.azure\.net\//g, `${vaultSuffix}/`),
  );
}

describe('an Azure Government repository', () => {
  it('validates, with its Key Vault in the same cloud; a public-cloud vault is refused at its line', async () => {
    setup = await twoRegions({ keepKeyVaultScope: true });
    const auth = '{ type: azure-client-secret, tenant_id: t, client_id: c, client_secret_env: SP_SECRET }';
    governmentRepo(setup, auth);
    const env = { SP_SECRET: 'x', ...SECRET_VALUES };
    const ok = await cli(['validate'], setup.dir, env);
    expect(ok.code, ok.output).toBe(0);

    governmentRepo(setup, auth, '.vault.azure.net');
    const wrong = await cli(['validate'], setup.dir, env);
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain(
      'the Key Vault https://kv-sales-eastus.vault.azure.net/ is in Azure (public), but region primary (https://adb-1111111111111111.11.databricks.azure.us) is in Azure Government',
    );
    expect(wrong.output).toMatch(/secret-scopes\/kv-sales\.json:\d+:\d+: /);
  }, 60_000);

  it('asks the Government authority (login.microsoftonline.us) for an Entra token', async () => {
    setup = await twoRegions();
    // The proxy records where the CLI tunnels to and lets nothing out of this machine.
    proxy = await startProxy({ refuse: true });
    const entra = setup.emulator.entra!;
    governmentRepo(
      setup,
      `{ type: azure-client-secret, tenant_id: ${entra.tenantId}, client_id: ${entra.clientId}, client_secret_env: SP_SECRET }`,
    );
    const env = { SP_SECRET: entra.clientSecret, HTTPS_PROXY: proxy.url, ...SECRET_VALUES };
    const plan = await cli(['plan'], setup.dir, env);
    expect(plan.code).not.toBe(0);
    expect(proxy.seen, plan.output).toContain('CONNECT login.microsoftonline.us:443');
    expect(proxy.seen.filter((r) => /microsoftonline\.com|chinacloudapi/.test(r))).toEqual([]);
    expect(plan.output).not.toContain(entra.clientSecret);
  }, 60_000);

  it('asks authority_host instead when it is set (the emulator’s authority answers)', async () => {
    setup = await twoRegions();
    proxy = await startProxy({ refuse: true });
    const entra = setup.emulator.entra!;
    governmentRepo(
      setup,
      `{ type: azure-client-secret, tenant_id: ${entra.tenantId}, client_id: ${entra.clientId}, client_secret_env: SP_SECRET, authority_host: "${entra.authorityHost}" }`,
    );
    // The workspaces are out of reach (their hosts are not real); the token comes first.
    const env = {
      SP_SECRET: entra.clientSecret,
      NODE_EXTRA_CA_CERTS: entra.caFile,
      HTTPS_PROXY: proxy.url,
      NO_PROXY: '127.0.0.1',
      ...SECRET_VALUES,
    };
    const plan = await cli(['plan'], setup.dir, env);
    expect(plan.code).not.toBe(0);
    const tokens = entra.requests().filter((r) => r.path.endsWith('/oauth2/v2.0/token'));
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((r) => r.status === 200 && r.grant === 'client_secret')).toBe(true);
    expect(proxy.seen.some((r) => /login\.microsoftonline/.test(r))).toBe(false);
    expect(proxy.seen.some((r) => r.includes('databricks.azure.us'))).toBe(true);
  }, 60_000);
});
