/**
 * What only a separate process shows: `@azure/identity` stays unloaded in a PAT-only run, and the
 * CLI path trusts the emulator's authority through NODE_EXTRA_CA_CERTS (read at process start),
 * with no `ca` option anywhere.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHarness, authHarness } from './helpers.js';

const hooks = fileURLToPath(new URL('../emulator/ts-hooks.mjs', import.meta.url));
const authIndex = fileURLToPath(new URL('../../src/core/auth/index.ts', import.meta.url));

/** Runs an ESM script (TypeScript imports allowed) in a fresh Node; returns stdout, stderr, code. */
function runNode(
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<{ out: string; err: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--experimental-transform-types',
        '--no-warnings',
        '--import',
        hooks,
        '--input-type=module',
        '-e',
        script,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      err += c;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ out, err, code }));
  });
}

/** The parent's environment without anything that would steer authentication in the child. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(AZURE_|ACTIONS_ID_TOKEN|SYSTEM_|NODE_EXTRA_CA_CERTS|NODE_OPTIONS|DATABRICKS_)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

let h: AuthHarness;
beforeAll(async () => {
  h = await authHarness();
});
afterAll(() => h.close());

describe('in a separate process', () => {
  it('loads @azure/identity only when a region uses an Entra type', async () => {
    const script = `
      import { registerHooks } from 'node:module';
      let loaded = false;
      registerHooks({
        resolve(specifier, context, next) {
          const r = next(specifier, context);
          if (r.url.includes('/@azure/identity/')) loaded = true;
          return r;
        },
      });
      const { tokenProviderFor } = await import(${JSON.stringify(authIndex)});
      const region = (auth) => ({ name: 'r', host: 'https://adb-1.1.azuredatabricks.net', role: 'active', variables: {}, auth });
      const pat = await tokenProviderFor(region({ type: 'pat', token_env: 'T' }), { T: 'dapi-x' });
      const afterPat = loaded;
      const entra = await tokenProviderFor(region({ type: 'azure-cli' }), {});
      console.log(JSON.stringify({ pat: pat.kind, afterPat, entra: entra.kind, afterEntra: loaded }));
    `;
    const r = await runNode(script, cleanEnv({}));
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual({ pat: 'pat', afterPat: false, entra: 'entra', afterEntra: true });
  });

  const secretScript = `
    const { tokenProviderFor } = await import(${JSON.stringify(authIndex)});
    const env = process.env;
    const region = { name: 'primary', host: env.WS_URL, role: 'active', variables: {}, auth: {
      type: 'azure-client-secret', tenant_id: env.TENANT, client_id: env.CLIENT, client_secret_env: 'DR_SECRET' } };
    try {
      const provider = await tokenProviderFor(region);
      const token = await provider.token();
      const res = await fetch(env.WS_URL + '/api/2.0/secrets/scopes/list', { headers: { authorization: 'Bearer ' + token } });
      console.log(JSON.stringify({ kind: provider.kind, status: res.status }));
    } catch (e) {
      console.log(JSON.stringify({ error: e.name, message: e.message }));
    }
  `;
  const secretEnv = (extra: Record<string, string> = {}) =>
    cleanEnv({
      WS_URL: h.primary.url,
      TENANT: h.entra.tenantId,
      CLIENT: h.entra.clientId,
      DR_SECRET: h.entra.clientSecret,
      // The authority host from the environment, as in an air-gapped cloud.
      AZURE_AUTHORITY_HOST: h.entra.authorityHost,
      ...extra,
    });

  it('trusts the emulator authority through NODE_EXTRA_CA_CERTS (the CLI path)', async () => {
    const r = await runNode(secretScript, secretEnv({ NODE_EXTRA_CA_CERTS: h.entra.caFile }));
    expect(JSON.parse(r.out)).toEqual({ kind: 'entra', status: 200 });
  });

  it('without it, says to set NODE_EXTRA_CA_CERTS', async () => {
    const r = await runNode(secretScript, secretEnv());
    const result = JSON.parse(r.out);
    expect(result.error).toBe('ConfigurationError');
    expect(result.message).toContain('is not trusted');
    expect(result.message).toContain('NODE_EXTRA_CA_CERTS');
  });
});
