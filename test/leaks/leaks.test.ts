/**
 * Nothing the tool prints may contain a token or a secret value: not the CLI (in-process and the
 * bundled dist/cli/index.js), not the actions (dist/<action>/index.js run as the GitHub runner runs
 * them: stdout, outputs, step summary), not the demo — on success paths and on failure paths (a
 * read-only secondary, a wrong token, a missing environment variable, a validation error).
 *
 * Every token and secret is distinctive and random per run, and is looked for as written, base64
 * encoded (the Workspace and Secrets APIs carry base64) and by its random part alone (catches
 * escaped or re-encoded copies). Any JWT (the shape of an Entra access token) is a leak too. The
 * runner's own `::add-mask::` commands are the one place a secret must appear (the runner consumes
 * them), so those lines are left out, and checked to be there.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import {
  DEFAULT_CLIENT_SECRET,
  DEFAULT_TOKEN,
  type Emulator,
  startEmulator,
} from '../../src/emulator/index.js';
import { echoBodyInError, hostileProxy } from '../helpers/hostile-proxy.js';
import { copyExamples } from '../helpers/project.js';
import { ROOT, runAction } from '../helpers/runner.js';

const TAG = randomBytes(6).toString('hex');
const canary = (what: string) => `${what}-LeakCanary-${TAG}-${randomBytes(4).toString('hex')}`;

const TOKEN_PRIMARY = canary('dapi-primary');
const TOKEN_SECONDARY = canary('dapi-secondary');
const WRONG_TOKEN = canary('dapi-wrong');
const SECRETS = { HIVE_METASTORE_PASSWORD: canary('hive'), ORDERS_API_KEY: canary('orders') };
// Characters that JSON, URL and CI-log escaping all change, so escaped copies are looked for too.
const ROTATED = {
  HIVE_METASTORE_PASSWORD: canary('hive2 "q" \\/+%&'),
  ORDERS_API_KEY: canary('orders2 é;]'),
};
const ALL = [
  TOKEN_PRIMARY,
  TOKEN_SECONDARY,
  WRONG_TOKEN,
  ...Object.values(SECRETS),
  ...Object.values(ROTATED),
];
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;

interface Setup {
  emulator: Emulator;
  dir: string;
  env: Record<string, string>;
}

let setup: Setup | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  if (setup) rmSync(setup.dir, { recursive: true, force: true });
  setup = undefined;
});

async function twoRegions(): Promise<Setup> {
  const emulator = await startEmulator({
    // The example's scope ACL names the team's group (a real workspace has it from SCIM).
    workspaces: ['primary', 'secondary'].map((name) => ({ name, groups: { 'sales-data-engineers': [] } })),
    token: TOKEN_PRIMARY,
    rateLimits: 'off',
    clusterStartMs: 10,
    clusterTerminateMs: 10,
    entra: false,
  });
  const [p, s] = emulator.workspaces;
  s.addToken(TOKEN_SECONDARY, 'pat');
  const dir = copyExamples();
  setup = {
    emulator,
    dir,
    env: {
      DATABRICKS_DR_HOST_PRIMARY: p.url,
      DATABRICKS_DR_HOST_SECONDARY: s.url,
      DATABRICKS_TOKEN_PRIMARY: TOKEN_PRIMARY,
      DATABRICKS_TOKEN_SECONDARY: TOKEN_SECONDARY,
      ...SECRETS,
    },
  };
  return setup;
}

/**
 * Each value, its base64 forms, and a canary's random part: any of them in output is a leak. The
 * base64 forms are also looked for inside a longer base64 text (a request body echoed encoded),
 * where the value can start at any of three byte offsets: the middle of each encoding, away from
 * the characters its neighbours share, is what such a text must contain.
 */
function forms(values: readonly string[]): { form: string; of: string }[] {
  return values.flatMap((v) => {
    const texts = [v, JSON.stringify(v).slice(1, -1)];
    const b64 = Buffer.from(v).toString('base64');
    const inside = texts.flatMap((t) =>
      ['', 'x', 'xx'].flatMap((pad) =>
        (['base64', 'base64url'] as const).map((enc) =>
          Buffer.from(pad + t)
            .toString(enc)
            .slice(4, -4),
        ),
      ),
    );
    return [
      { form: v, of: v },
      { form: b64.replace(/=+$/, ''), of: v },
      { form: Buffer.from(v).toString('base64url'), of: v },
      ...inside.map((form) => ({ form, of: v })),
      ...(v.includes('-LeakCanary-') ? [{ form: v.slice(v.lastIndexOf('-') + 1), of: v }] : []),
    ];
  });
}

/** The lines of `text` holding a leak, with the value itself replaced (so the report is safe). */
function leaks(text: string, values: readonly string[] = ALL): string[] {
  const found: string[] = [];
  const lines = text.split(/\r?\n/).filter((l) => !l.startsWith('::add-mask::'));
  for (const line of lines) {
    for (const { form, of } of forms(values)) {
      if (line.includes(form))
        found.push(`${of.split('-LeakCanary-')[0].slice(0, 8)}…: ${line.split(form).join('<LEAK>')}`);
    }
    if (JWT.test(line)) found.push(`a JWT: ${line.replace(JWT, '<JWT>')}`);
  }
  return found;
}

function expectClean(label: string, text: string, values?: readonly string[]): void {
  expect(leaks(text, values), `${label} printed a secret`).toEqual([]);
}

async function cli(argv: string[], env: Record<string, string>, cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => out.push(String(d)));
  const code = await main(argv, { stdout, stderr, env, cwd });
  return { code, output: out.join('') };
}

function spawnNode(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
    let output = '';
    child.stdout.on('data', (d) => {
      output += String(d);
    });
    child.stderr.on('data', (d) => {
      output += String(d);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const breakJob = (dir: string) =>
  writeFileSync(
    path.join(dir, 'jobs/broken.json'),
    '{\n  "name": "broken",\n  "max_concurrent_runs": 5000,\n  "tasks": [{ "task_key": "a", "notebok_task": {} }]\n}\n',
  );

describe('no token or secret value is ever printed', () => {
  it('the detector finds a planted value in every form it looks for, and skips only ::add-mask::', () => {
    const secret = SECRETS.HIVE_METASTORE_PASSWORD;
    for (const planted of [
      `password=${secret}`,
      `content: ${Buffer.from(secret).toString('base64')}`,
      Buffer.from(secret).toString('base64url'),
      `"…${secret.slice(secret.lastIndexOf('-') + 1)}…"`,
      'Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzcCJ9.c2ln',
      ...['{"v":"', '{"v":"a', '{"v":"ab'].map((p) => Buffer.from(`${p}${secret}"}`).toString('base64')),
      Buffer.from(JSON.stringify({ v: ROTATED.HIVE_METASTORE_PASSWORD })).toString('base64'),
    ])
      expect(leaks(`ok\n${planted}\n`), planted).not.toEqual([]);
    expect(leaks(`::add-mask::${secret}\nall good\n`)).toEqual([]);
    expect(leaks(`::warning::${secret}\n`)).not.toEqual([]);
  });

  it('the CLI in-process: validate, preflight, plan, deploy, drift, failover — with --debug and --json', async () => {
    const s = await twoRegions();
    const runs: [string, string[]][] = [
      ['validate', ['validate']],
      ['preflight', ['preflight', '--debug']],
      ['plan', ['plan', '--debug']],
      ['deploy', ['deploy', '--debug']],
      ['deploy --json', ['deploy', '--json', '--debug']],
      ['plan --json', ['plan', '--json']],
      ['drift --deep', ['drift', '--deep', '--debug']],
      ['failover', ['failover', '--to', 'secondary', '--debug']],
      ['failback --json', ['failover', '--to', 'primary', '--json']],
      ['deploy after failback', ['deploy', '--debug']],
    ];
    for (const [label, argv] of runs) {
      const r = await cli(argv, s.env, s.dir);
      expect(r.code, `${label}: ${r.output}`).toBe(0);
      expectClean(`databricks-dr ${label}`, r.output);
    }
  });

  it('the CLI in-process on failure paths: read-only secondary, wrong token, missing variables, validation error', async () => {
    const s = await twoRegions();
    expect((await cli(['deploy'], s.env, s.dir)).code).toBe(0);

    // New secret values, so each region has secrets to write; the secondary refuses every write.
    s.emulator.workspace('secondary').setReadOnly(true);
    const readOnly = await cli(['deploy', '--debug'], { ...s.env, ...ROTATED }, s.dir);
    expect(readOnly.code).toBe(1);
    expect(readOnly.output).toMatch(/read-only|permission/i);
    expectClean('deploy to a read-only secondary', readOnly.output);
    const readOnlyJson = await cli(['deploy', '--json'], { ...s.env, ...ROTATED }, s.dir);
    expectClean('deploy --json to a read-only secondary', readOnlyJson.output);
    s.emulator.workspace('secondary').setReadOnly(false);

    const wrong = await cli(
      ['deploy', '--debug'],
      { ...s.env, DATABRICKS_TOKEN_SECONDARY: WRONG_TOKEN },
      s.dir,
    );
    expect(wrong.code).toBe(1);
    expectClean('deploy with a wrong token', wrong.output);

    for (const missing of ['ORDERS_API_KEY', 'DATABRICKS_TOKEN_SECONDARY']) {
      const env = { ...s.env };
      delete env[missing];
      const r = await cli(['deploy', '--debug'], env, s.dir);
      expect(r.code).toBe(1);
      expect(r.output).toContain(missing);
      expectClean(`deploy without ${missing}`, r.output);
    }

    breakJob(s.dir);
    for (const argv of [['deploy'], ['validate'], ['plan', '--json']]) {
      const r = await cli(argv, s.env, s.dir);
      expect(r.code).toBe(1);
      expect(r.output).toContain('broken.json');
      expectClean(`${argv[0]} with a validation error`, r.output);
    }
  });

  it('the bundled CLI (dist/cli/index.js), spawned', async () => {
    const s = await twoRegions();
    const bin = path.join(ROOT, 'dist/cli/index.js');
    const ok = await spawnNode([bin, 'deploy', '--debug'], s.env, s.dir);
    expect(ok.code, ok.output).toBe(0);
    expectClean('dist/cli deploy', ok.output);

    s.emulator.workspace('secondary').setReadOnly(true);
    const readOnly = await spawnNode([bin, 'deploy', '--debug', '--json'], { ...s.env, ...ROTATED }, s.dir);
    expect(readOnly.code).toBe(1);
    expectClean('dist/cli deploy to a read-only secondary', readOnly.output);
    s.emulator.workspace('secondary').setReadOnly(false);

    const env = { ...s.env };
    delete env.HIVE_METASTORE_PASSWORD;
    const missing = await spawnNode([bin, 'deploy'], env, s.dir);
    expect(missing.code).toBe(1);
    expectClean('dist/cli deploy without a secret variable', missing.output);

    breakJob(s.dir);
    const invalid = await spawnNode([bin, 'plan', '--debug'], s.env, s.dir);
    expect(invalid.code).toBe(1);
    expectClean('dist/cli plan with a validation error', invalid.output);
  });

  it('a secret of 130 KB (its forms too large for one regular expression): plan and deploy redact it, no crash', async () => {
    const s = await twoRegions();
    const big = `${canary('big')}${'q'.repeat(130_000)}`;
    const env = { ...s.env, ORDERS_API_KEY: big };
    for (const argv of [['plan'], ['deploy', '--json']]) {
      const run = await cli(argv, env, s.dir);
      expect(run.code, run.output.slice(0, 2000)).toBe(0);
      expect(run.output).not.toContain('Invalid regular expression');
      expectClean(`${argv[0]} with a 130 KB secret`, run.output, [big]);
    }
  });

  it('every action, run as the runner runs it: stdout, outputs and step summary', async () => {
    const s = await twoRegions();
    const actions = readdirSync(path.join(ROOT, 'dist')).filter(
      (d) => d !== 'cli' && d !== 'chunks' && existsSync(path.join(ROOT, 'dist', d, 'index.js')),
    );
    expect(actions).toContain('deploy');
    const env = { ...s.env, RUNNER_DEBUG: '1' };
    const check = (label: string, r: Awaited<ReturnType<typeof runAction>>) => {
      expectClean(`${label}: stdout`, r.stdout);
      expectClean(`${label}: stderr`, r.stderr);
      expectClean(`${label}: outputs`, JSON.stringify(r.outputs));
      expectClean(`${label}: step summary`, r.summary);
    };
    const deploy = await runAction('deploy', { command: 'deploy', config: 'databricks-dr.yml' }, env, s.dir);
    expect(deploy.code, deploy.stdout).toBe(0);
    check('deploy', deploy);
    // The runner hides what the action masks: each token and secret value it used.
    for (const v of [TOKEN_PRIMARY, TOKEN_SECONDARY, ...Object.values(SECRETS)])
      expect(deploy.stdout.split('\n')).toContain(`::add-mask::${v}`);

    for (const action of actions) {
      const r = await runAction(
        action,
        { config: 'databricks-dr.yml', to: 'secondary', command: 'plan' },
        env,
        s.dir,
      );
      check(action, r);
    }

    // Failure paths.
    s.emulator.workspace('secondary').setReadOnly(true);
    const readOnly = await runAction(
      'deploy',
      { command: 'deploy', config: 'databricks-dr.yml' },
      { ...env, ...ROTATED },
      s.dir,
    );
    expect(readOnly.code).toBe(1);
    check('deploy to a read-only secondary', readOnly);
    s.emulator.workspace('secondary').setReadOnly(false);

    const wrong = await runAction(
      'deploy',
      { command: 'deploy', config: 'databricks-dr.yml' },
      { ...env, DATABRICKS_TOKEN_SECONDARY: WRONG_TOKEN },
      s.dir,
    );
    expect(wrong.code).toBe(1);
    check('deploy with a wrong token', wrong);

    const withoutSecret: Record<string, string> = { ...env };
    delete withoutSecret.ORDERS_API_KEY;
    const missing = await runAction(
      'deploy',
      { command: 'deploy', config: 'databricks-dr.yml' },
      withoutSecret,
      s.dir,
    );
    expect(missing.code).toBe(1);
    check('deploy without a secret variable', missing);

    breakJob(s.dir);
    for (const action of ['deploy', 'validate']) {
      const r = await runAction(action, { command: 'deploy', config: 'databricks-dr.yml' }, env, s.dir);
      expect(r.code).toBe(1);
      check(`${action} with a validation error`, r);
    }
  }, 120_000);

  it('a workspace (or a proxy) that echoes request bodies in its errors: CLI, --json, Azure DevOps and the action', async () => {
    const s = await twoRegions();
    expect((await cli(['deploy'], s.env, s.dir)).code).toBe(0);
    // Every secrets/put is refused with the request body quoted back (echoBodyInError).
    const proxy = await hostileProxy(
      s.emulator.workspace('secondary').url,
      echoBodyInError('/api/2.0/secrets/put'),
    );
    try {
      // New values, so each region has secrets to write.
      const env = { ...s.env, ...ROTATED, DATABRICKS_DR_HOST_SECONDARY: proxy.url };
      const text = await cli(['deploy', '--debug'], env, s.dir);
      expect(text.code).toBe(1);
      expect(text.output).toContain('cannot store');
      expectClean('deploy through an echoing proxy', text.output);

      const json = await cli(['deploy', '--json'], env, s.dir);
      expect(json.code).toBe(1);
      expect(json.output).toContain('cannot store');
      expectClean('deploy --json through an echoing proxy', json.output);

      const ado = await cli(['deploy', '--debug'], { ...env, TF_BUILD: 'True' }, s.dir);
      expect(ado.code).toBe(1);
      expect(ado.output).toContain('##vso[task.setsecret]');
      expectClean(
        'deploy under Azure Pipelines through an echoing proxy',
        ado.output
          .split('\n')
          .filter((l) => !l.startsWith('##vso[task.setsecret]'))
          .join('\n'),
      );

      const action = await runAction(
        'deploy',
        { command: 'deploy', config: 'databricks-dr.yml' },
        { ...env, RUNNER_DEBUG: '1' },
        s.dir,
      );
      expect(action.code).toBe(1);
      expect(action.summary).toContain('cannot store');
      expectClean('the deploy action through an echoing proxy: stdout', action.stdout);
      expectClean('the deploy action through an echoing proxy: outputs', JSON.stringify(action.outputs));
      expectClean('the deploy action through an echoing proxy: step summary', action.summary);
    } finally {
      await proxy.close();
    }
  }, 120_000);

  it('the demo (npm run demo), with distinctive values in its environment too', async () => {
    // The demo sets its own secret values (it does not take them from the environment); read
    // them from the script, so the check follows the script.
    const script = readFileSync(path.join(ROOT, 'scripts/demo.mjs'), 'utf8');
    const own = [...script.matchAll(/(?:HIVE_METASTORE_PASSWORD|ORDERS_API_KEY):\s*'([^']+)'/g)].map(
      (m) => m[1],
    );
    expect(own.length).toBeGreaterThan(0);
    const r = await spawnNode(
      [path.join(ROOT, 'scripts/demo.mjs')],
      { ...SECRETS, HOME: process.env.HOME ?? '' },
      ROOT,
    );
    expect(r.code, r.output.slice(-3000)).toBe(0);
    expectClean('npm run demo', r.output);
    expectClean('npm run demo', r.output, [...own, DEFAULT_CLIENT_SECRET, DEFAULT_TOKEN]);
  }, 180_000);
});
