/**
 * Every action's dist entry, run as the runner runs it (INPUT_* variables, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, workflow commands on stdout) against emulated workspaces, for the
 * entries and paths test/actions/actions.test.ts does not cover: outputs, annotations and the
 * summary are asserted. The reusable workflows call exactly these entries.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_JOBS, SECRET_VALUES, type TwoRegions, twoRegions } from '../helpers/project.js';
import { ROOT, runAction } from '../helpers/runner.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

/** dist/failover and dist/drift are built from the failover/drift engine (issue 7). */
const HAS_FAILOVER_DRIFT =
  existsSync(path.join(ROOT, 'dist/failover/index.js')) && existsSync(path.join(ROOT, 'dist/drift/index.js'));

function mutations(s: TwoRegions) {
  return s.emulator.workspaces.flatMap((ws) => ws.requests().filter((r) => r.mutation));
}

describe('validate (dist/validate)', () => {
  it('a clean project: the result output, a summary, no annotation, exit 0, no request', async () => {
    setup = await twoRegions();
    const run = await runAction('validate', { config: 'databricks-dr.yml' }, setup.env, setup.dir);
    expect(run.code, run.stdout).toBe(0);
    const result = JSON.parse(run.outputs.result);
    expect(result).toMatchObject({ command: 'validate', diagnostics: [] });
    expect(result.files).toBeGreaterThan(3);
    expect(run.summary).toContain('## databricks-dr validate');
    expect(run.summary).toMatch(/\d+ files checked: 0 errors, 0 warnings/);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    for (const ws of setup.emulator.workspaces) expect(ws.requests()).toEqual([]);
  });

  it('files without a config: annotations on the file, line and column; exit 1', async () => {
    setup = await twoRegions();
    writeFileSync(
      path.join(setup.dir, 'jobs/broken.json'),
      '{\n  "name": "broken",\n  "tasks": [{ "task_key": "a", "notebook_task": { "notebook_path": "/x" }, "depends_on": [{ "task_key": "zz" }] }]\n}\n',
    );
    const run = await runAction('validate', { files: 'jobs/broken.json', kind: 'job' }, setup.env, setup.dir);
    expect(run.code).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error' && a.properties.file);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].properties).toMatchObject({ file: 'jobs/broken.json', line: '3' });
    expect(Number(errors[0].properties.col)).toBeGreaterThan(0);
    expect(JSON.parse(run.outputs.result).diagnostics.length).toBe(errors.length);
    expect(run.summary).toContain('jobs/broken.json:3:');
    // The first findings as a table: where (file:line) and what.
    expect(run.summary).toMatch(/\d+ files? checked: [1-9]\d* errors?, 0 warnings/);
    expect(run.summary).toMatch(/\| error \| `jobs\/broken\.json:3` \| .+ \|/);
  });
});

describe('composable deploy actions (dist/create-secret-scope, dist/deploy-notebooks)', () => {
  it('create-secret-scope: scopes in both regions, secret values masked and never in the summary', async () => {
    setup = await twoRegions();
    const run = await runAction('create-secret-scope', { config: 'databricks-dr.yml' }, setup.env, setup.dir);
    expect(run.code, run.stdout).toBe(0);
    const result = JSON.parse(run.outputs.result);
    expect(Object.keys(result.regions).sort()).toEqual(['primary', 'secondary']);
    for (const r of Object.values(result.regions) as Array<{ changes: Array<{ kind: string }> }>) {
      expect(r.changes.length).toBeGreaterThan(0);
      expect(r.changes.every((c) => c.kind === 'secret_scope')).toBe(true);
    }
    for (const value of Object.values(SECRET_VALUES)) {
      expect(run.stdout).toContain(`::add-mask::${value}`);
      expect(run.summary).not.toContain(value);
      expect(run.outputs.result).not.toContain(value);
    }
    expect(run.summary).toMatch(/\| \+ \| secret scope \| `app` \| create \| applied \|/);
    for (const ws of setup.emulator.workspaces) expect(Object.keys(ws.state().scopes)).toContain('app');
  });

  it('deploy-notebooks: notebooks in both regions, a summary per region, then nothing to change', async () => {
    setup = await twoRegions();
    const run = await runAction('deploy-notebooks', { config: 'databricks-dr.yml' }, setup.env, setup.dir);
    expect(run.code, run.stdout).toBe(0);
    const result = JSON.parse(run.outputs.result);
    for (const r of Object.values(result.regions) as Array<{ changes: Array<{ kind: string }> }>) {
      expect(r.changes.length).toBeGreaterThan(0);
      expect(r.changes.every((c) => c.kind === 'notebook')).toBe(true);
    }
    expect(run.summary).toContain('### primary (active, epoch 0): ok');
    expect(run.summary).toContain('### secondary (passive, epoch 0): ok');
    expect(run.summary).toMatch(/\| \+ \| notebook \| `\/Shared\/sales\/[^`]+` \| create \| applied \|/);

    const again = await runAction('deploy-notebooks', { config: 'databricks-dr.yml' }, setup.env, setup.dir);
    expect(again.code).toBe(0);
    expect(again.summary).toContain('Nothing to change.');
  });
});

describe('the root action (dist/deploy), command deploy', () => {
  it('deploys every kind: job-ids, cluster-ids, active-region outputs; tokens masked', async () => {
    setup = await twoRegions();
    const run = await runAction(
      'deploy',
      { command: 'deploy', config: 'databricks-dr.yml' },
      setup.env,
      setup.dir,
    );
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs['active-region']).toBe('primary');
    const jobIds = JSON.parse(run.outputs['job-ids']);
    const clusterIds = JSON.parse(run.outputs['cluster-ids']);
    expect(Object.keys(jobIds).sort()).toEqual(['primary', 'secondary']);
    expect(Object.keys(jobIds.primary).sort()).toEqual(EXAMPLE_JOBS);
    expect(Object.keys(clusterIds.secondary)).toEqual(['shared-etl']);
    // Ids differ per workspace: each region's own.
    const [primary, secondary] = setup.emulator.workspaces;
    const jobIn = (ws: typeof primary, name: string) =>
      Object.values(ws.state().jobs).find((j) => j.settings.name === name)?.job_id;
    expect(jobIds.primary['daily-sales-etl']).toBe(jobIn(primary, 'daily-sales-etl'));
    expect(jobIds.secondary['daily-sales-etl']).toBe(jobIn(secondary, 'daily-sales-etl'));
    expect(JSON.parse(run.outputs.result).command).toBe('deploy');
    for (const token of [setup.env.DATABRICKS_TOKEN_PRIMARY!, setup.env.DATABRICKS_TOKEN_SECONDARY!]) {
      expect(run.stdout).toContain(`::add-mask::${token}`);
      expect(run.summary).not.toContain(token);
    }
    expect(run.summary).toContain('| + | job | `daily-sales-etl` | create | applied |');
  });

  it('a region that fails: exit 1, an error annotation naming it, the other region still deployed', async () => {
    setup = await twoRegions();
    const env = { ...setup.env, DATABRICKS_TOKEN_SECONDARY: 'dapi-wrong-token-0000' };
    const run = await runAction('deploy', { command: 'deploy' }, env, setup.dir);
    expect(run.code).toBe(1);
    expect(run.annotations.some((a) => a.level === 'error' && /secondary/.test(a.message))).toBe(true);
    expect(run.stdout).toContain('::add-mask::dapi-wrong-token-0000');
    const result = JSON.parse(run.outputs.result);
    expect(result.regions.secondary.status).not.toBe('ok');
    expect(result.regions.primary.status).toBe('ok');
    expect(Object.keys(JSON.parse(run.outputs['job-ids']).primary ?? {})).toHaveLength(EXAMPLE_JOBS.length);
  });
});

describe.skipIf(!HAS_FAILOVER_DRIFT)(
  'failover and drift entries (dist/failover, dist/drift, root command)',
  () => {
    it('failover dry run writes nothing and summarises what would change', async () => {
      setup = await twoRegions();
      const deploy = await runAction('deploy', { command: 'deploy' }, setup.env, setup.dir);
      expect(deploy.code, deploy.stdout).toBe(0);
      const before = mutations(setup).length;
      const run = await runAction('failover', { to: 'secondary', 'dry-run': 'true' }, setup.env, setup.dir);
      expect(run.code, run.stdout).toBe(0);
      expect(mutations(setup).length).toBe(before);
      const result = JSON.parse(run.outputs.result);
      expect(result.command).toBe('failover');
      expect(run.summary).toContain('secondary');
      expect(run.summary).toMatch(/activate/);
    });

    it('failover without `to` is a usage error annotation', async () => {
      setup = await twoRegions();
      const run = await runAction('failover', {}, setup.env, setup.dir);
      expect(run.code).toBe(1);
      expect(run.annotations[0]?.message).toMatch(/to/);
    });

    it('the root action runs failover and drift by its command input, with the same outputs', async () => {
      setup = await twoRegions();
      expect((await runAction('deploy', { command: 'deploy' }, setup.env, setup.dir)).code).toBe(0);
      const failover = await runAction(
        'deploy',
        { command: 'failover', to: 'secondary' },
        setup.env,
        setup.dir,
      );
      expect(failover.code, failover.stdout).toBe(0);
      expect(failover.outputs['active-region']).toBe('secondary');
      const drift = await runAction(
        'deploy',
        { command: 'drift', 'fail-on-drift': 'true', regions: 'secondary' },
        setup.env,
        setup.dir,
      );
      expect(drift.code, drift.stdout).toBe(0);
      expect(drift.outputs.drift).toBe('false');
      expect(Object.keys(JSON.parse(drift.outputs.result).regions)).toEqual(['secondary']);
    });
  },
);
