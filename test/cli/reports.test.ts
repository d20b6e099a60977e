/**
 * Reports tell the truth: a dry run says it is one and never reports its target as active, every
 * --json exit path prints exactly one JSON result, a missing config names the path it looked at.
 * Through the CLI in-process against the emulator.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { closedPort, hostileProxy, streamHuge } from '../helpers/hostile-proxy.js';
import { EXAMPLE_JOBS, type TwoRegions, twoRegions } from '../helpers/project.js';

const cli = runCli;

/** stdout holds exactly one line, a JSON object: returns it. */
function oneJson(stdout: string): Record<string, unknown> {
  const lines = stdout.split('\n').filter((l) => l !== '');
  expect(lines, stdout).toHaveLength(1);
  return JSON.parse(lines[0]);
}

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

describe('true reports', () => {
  it('failover --dry-run says it is one and reports the region active before it, in text and --json', async () => {
    setup = await twoRegions();
    const io = { env: setup.env, cwd: setup.dir };
    expect((await cli(['deploy'], io)).code).toBe(0);
    for (const ws of setup.emulator.workspaces) ws.clearRequests();

    const json = await cli(['failover', '--to', 'secondary', '--dry-run', '--json'], io);
    expect(json.code, json.stderr).toBe(0);
    const result = oneJson(json.stdout);
    expect(result).toMatchObject({
      command: 'failover',
      dry_run: true,
      would_activate: 'secondary',
      activeRegion: 'primary',
    });
    const changes = Object.values(result.regions as Record<string, { changes: { status: string }[] }>)
      .flatMap((r) => r.changes)
      .map((c) => c.status);
    expect(changes.length).toBeGreaterThan(0);
    expect(new Set(changes)).toEqual(new Set(['planned']));

    const text = await cli(['failover', '--to', 'secondary', '--dry-run'], io);
    expect(text.stdout).toContain('dry run: nothing was written; a real run would make secondary active');
    expect(text.stdout).not.toContain('[applied]');
    expect(text.stdout).not.toContain('[planned]');
    for (const ws of setup.emulator.workspaces) expect(ws.requests().filter((r) => r.mutation)).toEqual([]);
  });

  it('prints one JSON result on every early exit: validation error, missing secret variable, bad flag, unexpected region', async () => {
    setup = await twoRegions();
    const io = { env: setup.env, cwd: setup.dir };

    const env = { ...setup.env };
    delete env.ORDERS_API_KEY;
    for (const command of ['deploy', 'plan']) {
      const missing = await cli([command, '--json'], { ...io, env });
      expect(missing.code).toBe(1);
      const result = oneJson(missing.stdout);
      expect(result).toMatchObject({ command, regions: {}, error: { kind: 'configuration' } });
      expect((result.error as { message: string }).message).toContain('ORDERS_API_KEY');
      if (command === 'plan') expect(result.dry_run).toBe(true);
    }

    const usage = await cli(['deploy', '--json', '--region', 'nowhere'], io);
    expect(usage.code).toBe(2);
    expect(oneJson(usage.stdout)).toMatchObject({ command: 'deploy', error: { kind: 'usage' } });

    const flag = await cli(['plan', '--json', '--regoin', 'x'], io);
    expect(flag.code).toBe(2);
    expect(oneJson(flag.stdout)).toMatchObject({ command: 'plan', dry_run: true, error: { kind: 'usage' } });

    writeFileSync(
      path.join(setup.dir, 'jobs/broken.json'),
      '{\n  "name": "broken",\n  "max_concurrent_runs": 5000,\n  "tasks": []\n}\n',
    );
    for (const command of ['deploy', 'plan', 'drift']) {
      const invalid = await cli([command, '--json'], io);
      expect(invalid.code).toBe(1);
      const result = oneJson(invalid.stdout);
      expect(result).toMatchObject({ command, error: { kind: 'validation' } });
      const diagnostics = (result.error as { diagnostics: { file: string; line: number }[] }).diagnostics;
      expect(diagnostics.some((d) => d.file.endsWith('broken.json') && d.line === 3)).toBe(true);
    }
    for (const ws of setup.emulator.workspaces) expect(ws.requests().filter((r) => r.mutation)).toEqual([]);
  });

  it('plan lists each fencing change once and does not say "fenced" for what it did not write', async () => {
    setup = await twoRegions();
    const io = { env: setup.env, cwd: setup.dir };
    const [primary] = setup.emulator.workspaces;
    expect((await cli(['deploy'], io)).code).toBe(0);
    // The primary misses the failover, and comes back still active at the old epoch: stale.
    primary.setOutage(true);
    const failover = await cli(['failover', '--to', 'secondary', '--json'], io);
    expect(oneJson(failover.stdout).activeRegion).toBe('secondary');
    primary.setOutage(false);
    primary.clearRequests();
    // Something new to deploy, so the plan holds more than the fencing.
    writeFileSync(
      path.join(setup.dir, 'notebooks/etl/new_step.py'),
      '# Databricks notebook source\nprint(1)\n',
    );

    const plan = oneJson((await cli(['plan', '--json'], io)).stdout) as {
      regions: Record<
        string,
        { changes: { kind: string; name: string; action: string }[]; warnings: string[] }
      >;
    };
    const changes = plan.regions.primary.changes;
    const jobs = changes.filter((c) => c.kind === 'job');
    expect(jobs.map((c) => c.action)).toEqual(jobs.map(() => 'passivate'));
    expect(new Set(jobs.map((c) => c.name)).size).toBe(jobs.length);
    expect(jobs.length).toBe(EXAMPLE_JOBS.length);
    // Fencing is the plan's first step: it ends with the region's role written passive, and every
    // change of the deploy comes after it.
    const fenced = changes.findIndex((c) => c.kind === 'region' && c.action === 'passivate');
    expect(fenced).toBeGreaterThanOrEqual(jobs.length);
    expect(changes.slice(0, fenced).map((c) => c.kind)).not.toContain('notebook');
    expect(changes.slice(fenced + 1).map((c) => [c.kind, c.action])).toEqual([['notebook', 'create']]);
    expect(plan.regions.primary.warnings.join('\n')).toContain('deploy would fence it');
    expect(plan.regions.primary.warnings.join('\n')).not.toMatch(/: fenced$/m);
    expect(primary.requests().filter((r) => r.mutation)).toEqual([]);

    const text = await cli(['plan'], io);
    expect(text.stdout).not.toMatch(/~ update job/);

    const deploy = oneJson((await cli(['deploy', '--json'], io)).stdout) as typeof plan;
    expect(deploy.regions.primary.warnings.join('\n')).toMatch(/: fenced$/m);
    expect(deploy.regions.primary.changes.filter((c) => c.kind === 'job').map((c) => c.action)).toEqual(
      EXAMPLE_JOBS.map(() => 'passivate'),
    );
  });

  it('a missing --config names the absolute path and exits 2, with --json too', async () => {
    setup = await twoRegions();
    const io = { env: setup.env, cwd: setup.dir };
    const expected = path.join(setup.dir, 'databricks-dr.yaml');
    for (const argv of [
      ['deploy', '--config', 'databricks-dr.yaml'],
      ['validate', '--config', 'databricks-dr.yaml'],
      ['failover', '--to', 'secondary', '--config', 'databricks-dr.yaml'],
    ]) {
      const r = await cli(argv, io);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain(`config file not found: ${expected}`);
      expect(r.stderr).not.toContain('(/)');
    }
    const json = await cli(['plan', '--json', '-c', 'databricks-dr.yaml'], io);
    expect(json.code).toBe(2);
    expect(oneJson(json.stdout)).toMatchObject({
      command: 'plan',
      error: { kind: 'usage', message: `config file not found: ${expected}` },
    });
    const fromElsewhere = await cli(['plan'], { ...io, cwd: path.join(setup.dir, 'jobs') });
    expect(fromElsewhere.code).toBe(2);
    expect(fromElsewhere.stderr).toContain(path.join(setup.dir, 'jobs', 'databricks-dr.yml'));
  });

  it('a huge answer from one region fails that region with a clear message; the other is deployed', async () => {
    setup = await twoRegions();
    const proxy = await hostileProxy(setup.emulator.workspace('primary').url, async (req, res) => {
      if (!req.url.startsWith('/api/2.2/jobs/list')) return false;
      await streamHuge(res, 100 * 1024 * 1024);
      return true;
    });
    try {
      const env = { ...setup.env, DATABRICKS_DR_HOST_PRIMARY: proxy.url };
      const r = await cli(['deploy', '--json'], { env, cwd: setup.dir });
      expect(r.code).toBe(1);
      const result = oneJson(r.stdout) as { regions: Record<string, { status: string; errors: string[] }> };
      expect(result.regions.secondary.status).toBe('ok');
      expect(result.regions.primary.status).toBe('failed');
      expect(result.regions.primary.errors.join('\n')).toContain(
        'the answer to GET /api/2.2/jobs/list exceeded 64 MB',
      );
      const secondaryJobs = Object.values(setup.emulator.workspace('secondary').state().jobs);
      expect(secondaryJobs.map((j) => j.settings.name).sort()).toEqual(EXAMPLE_JOBS);
    } finally {
      await proxy.close();
    }
  });

  it('an unreachable region is named (scheme, host, port) and given up on within DATABRICKS_DR_REGION_TIMEOUT', async () => {
    setup = await twoRegions();
    const port = await closedPort();
    const env = {
      ...setup.env,
      DATABRICKS_DR_HOST_SECONDARY: `http://127.0.0.1:${port}`,
      DATABRICKS_DR_REGION_TIMEOUT: '2',
    };
    const started = Date.now();
    const r = await cli(['deploy'], { env, cwd: setup.dir });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `region secondary could not be reached: could not connect to http://127.0.0.1:${port} (ECONNREFUSED)`,
    );
    expect(r.stdout).not.toMatch(/\.[;)]/);
    expect(r.stdout).toMatch(/primary \(active, epoch 0\): ok/);

    const bad = await cli(['plan'], {
      env: { ...env, DATABRICKS_DR_REGION_TIMEOUT: 'soon' },
      cwd: setup.dir,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('DATABRICKS_DR_REGION_TIMEOUT=soon: give a number of seconds');
  });
});
