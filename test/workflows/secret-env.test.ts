/**
 * .github/actions/secret-env, run as the runner runs it: exports exactly the named secrets through
 * GITHUB_ENV (NAME or NAME=SECRET), masks them, and fails before anything runs when a name is
 * missing, malformed or reserved.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/runner.js';

const SCRIPT = path.join(ROOT, '.github/actions/secret-env/index.mjs');

async function run(names: string, secrets: Record<string, string> | string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'secret-env-'));
  const envFile = path.join(dir, 'env');
  writeFileSync(envFile, '');
  const child = spawn(process.execPath, [SCRIPT], {
    env: {
      PATH: process.env.PATH,
      GITHUB_ENV: envFile,
      INPUT_NAMES: names,
      INPUT_SECRETS: typeof secrets === 'string' ? secrets : JSON.stringify(secrets),
    },
  });
  let stdout = '';
  child.stdout.on('data', (d) => {
    stdout += String(d);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const exported: Record<string, string> = {};
  for (const m of readFileSync(envFile, 'utf8').matchAll(
    /^(\w+)<<(ghadelimiter_[0-9a-f-]+)\n([\s\S]*?)\n\2$/gm,
  ))
    exported[m[1]] = m[3];
  return { code, stdout, exported };
}

const SECRETS = {
  github_token: 'ghs_should-never-be-exported',
  DATABRICKS_TOKEN_SECONDARY: 'dapi-secondary-0001',
  HIVE_METASTORE_PASSWORD: 'pa55\nwith a second line',
  PROD_ORDERS_KEY: 'orders-0002',
  UNRELATED: 'not-asked-for',
};

describe('secret-env', () => {
  it('exports exactly the named secrets (NAME and NAME=SECRET), multi-line safe, masked', async () => {
    const r = await run(
      'DATABRICKS_TOKEN_SECONDARY, hive_metastore_password\nORDERS_API_KEY=PROD_ORDERS_KEY',
      SECRETS,
    );
    expect(r.code, r.stdout).toBe(0);
    expect(r.exported).toEqual({
      DATABRICKS_TOKEN_SECONDARY: 'dapi-secondary-0001',
      hive_metastore_password: 'pa55\nwith a second line',
      ORDERS_API_KEY: 'orders-0002',
    });
    expect(r.stdout).toContain('::add-mask::dapi-secondary-0001');
    expect(r.stdout).toContain('::add-mask::with a second line');
    expect(r.stdout).not.toContain('not-asked-for');
  });

  it('fails, exporting nothing, when a secret is missing, and never exports the GitHub token', async () => {
    const r = await run('DATABRICKS_TOKEN_PRIMARY, GH=GITHUB_TOKEN, DATABRICKS_TOKEN_SECONDARY', SECRETS);
    expect(r.code).toBe(1);
    expect(r.exported).toEqual({});
    expect(r.stdout).toMatch(
      /::error title=databricks-dr secret-env::no secret named DATABRICKS_TOKEN_PRIMARY, GITHUB_TOKEN/,
    );
    expect(r.stdout).toContain('secrets: inherit');
  });

  it('refuses malformed and reserved names, and input that is not JSON', async () => {
    const bad = await run('NODE_OPTIONS=UNRELATED, GITHUB_TOKEN2, 1ABC, A=B=C', SECRETS);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('NODE_OPTIONS is reserved');
    expect(bad.stdout).toContain('GITHUB_TOKEN2 is reserved');
    expect(bad.stdout).toContain('"1ABC" is not NAME or NAME=SECRET');
    expect(bad.stdout).toContain('"A=B=C" is not NAME or NAME=SECRET');
    const notJson = await run('UNRELATED', '{not json');
    expect(notJson.code).toBe(1);
    expect(notJson.stdout).toContain('the secrets input is not JSON');
  });
});
