import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { type TwoRegions, twoRegions } from '../helpers/project.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function cli(argv: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  return runCli(argv, { env: options.env ?? {}, cwd: options.cwd ?? ROOT });
}

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

describe('databricks-dr CLI', () => {
  it('prints its version and help', async () => {
    const version = await cli(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['validate', 'plan', 'deploy', 'emulator']) expect(help.stdout).toContain(`  ${c}`);
    const deployHelp = await cli(['deploy', '--help']);
    expect(deployHelp.stdout).toContain('--only KINDS');
  });

  it('treats unknown commands and flags as usage errors (exit 2) with a hint', async () => {
    const unknown = await cli(['deplyo']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "deplyo" — did you mean "deploy"?');
    const flag = await cli(['plan', '--regoin', 'x']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('plan: unknown flag --regoin — did you mean "--region"?');
    expect(flag.stderr).toContain('Usage: databricks-dr plan');
    const only = await cli(['plan', '--only', 'widgets', '--config', 'examples/databricks-dr.yml']);
    expect(only.code).toBe(2);
    expect(only.stderr).toContain('--only widgets: use secret_scopes, notebooks, clusters, pipelines, jobs');
  });

  it('validates the examples clean, and reports a broken file at its line', async () => {
    const ok = await cli(['validate', '--config', 'examples/databricks-dr.yml']);
    expect(ok.stderr).toMatch(/validate: \d+ files checked, no problems/);
    expect(ok.code).toBe(0);

    const bad = path.join(
      setup ? setup.dir : (await import('node:os')).tmpdir(),
      `bad-job-${process.pid}.json`,
    );
    writeFileSync(bad, '{\n  "name": "x",\n  "max_concurrent_runs": 5000,\n  "tasks": []\n}\n');
    const result = await cli(['validate', bad, '--kind', 'job', '--json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.command).toBe('validate');
    expect(json.errors).toBeGreaterThan(0);
    expect(result.stderr).toContain(`${bad}:3:26:`);
  });

  it('plans and deploys with --json: one result on stdout, logs on stderr', async () => {
    setup = await twoRegions();
    const env = setup.env;
    const plan = await cli(['plan', '--json'], { env, cwd: setup.dir });
    expect(plan.code).toBe(0);
    const planned = JSON.parse(plan.stdout);
    expect(planned.command).toBe('plan');
    expect(planned.regions.primary.changes.length).toBeGreaterThan(0);
    for (const ws of setup.emulator.workspaces) expect(ws.requests().filter((r) => r.mutation)).toEqual([]);

    const deploy = await cli(['deploy', '--json'], { env, cwd: setup.dir });
    expect(deploy.code, deploy.stderr).toBe(0);
    const result = JSON.parse(deploy.stdout);
    expect(Object.keys(result.regions)).toEqual(['primary', 'secondary']);
    expect(result.regions.secondary).toMatchObject({ status: 'ok', role: 'passive', epoch: 0 });
    expect(deploy.stderr).toMatch(/primary: jobs 6\/6 \(100%\)/);
    // Secrets and tokens never reach either stream.
    for (const secret of [env.HIVE_METASTORE_PASSWORD!, env.ORDERS_API_KEY!, env.DATABRICKS_TOKEN_PRIMARY!]) {
      expect(deploy.stdout + deploy.stderr).not.toContain(secret);
    }
  });

  it('exits 1 with the region and reason when a region fails', async () => {
    setup = await twoRegions();
    setup.emulator.workspaces[1].setReadOnly(true);
    const deploy = await cli(['deploy'], { env: setup.env, cwd: setup.dir });
    expect(deploy.code).toBe(1);
    expect(deploy.stdout).toMatch(/^secondary \(passive, epoch 0\): failed/m);
  });
});

describe('the bundled CLI', () => {
  const bundle = path.join(ROOT, 'dist/cli/index.js');

  it('prints the version', () => {
    expect(execFileSync(process.execPath, [bundle, '--version'], { encoding: 'utf8' })).toBe('0.1.0\n');
  });

  it('refuses to run on Node.js older than 22 with a clear message', () => {
    const script =
      "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.1.0' } });" +
      `process.argv.splice(1, 0, 'cli'); await import(${JSON.stringify(bundle)});`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, '--', '--version'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'databricks-dr needs Node.js 22 or newer (GitHub runners use Node 24); this is Node.js 20.1.0.',
    );
  });

  const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((n) => {
    const r = spawnSync(n, ['--version'], { encoding: 'utf8' });
    return r.status === 0 && Number(r.stdout.slice(1).split('.')[0]) < 22;
  });
  it.runIf(systemNode)(`refuses to run on this machine's own old Node.js (${systemNode})`, () => {
    const r = spawnSync(systemNode!, [bundle, '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^databricks-dr needs Node\.js 22 or newer/);
    // In this clone `npm ci` installed Node 24: the message says where (the runbook relies on it).
    expect(r.stderr).toContain(
      `\`npm ci\` installed Node.js 24 in this repository: run ${path.join(ROOT, 'node_modules/.bin/node')} `,
    );
  });
});
