import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_JOBS, type TwoRegions, twoRegions } from '../helpers/project.js';
import { runAction } from '../helpers/runner.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

describe('actions, run as the runner runs them', () => {
  it('deploy-clusters, deploy-pipelines then deploy-jobs: outputs, a summary per region, tokens masked', async () => {
    setup = await twoRegions();
    // The jobs reference shared-etl and orders-silver, so the clusters and the pipeline go first
    // (a composable pipeline's order).
    const clusters = await runAction(
      'deploy-clusters',
      { config: 'databricks-dr.yml' },
      setup.env,
      setup.dir,
    );
    expect(clusters.code, clusters.stdout).toBe(0);
    const clusterIds = JSON.parse(clusters.outputs['cluster-ids']);
    expect(Object.keys(clusterIds)).toEqual(['primary', 'secondary']);

    const pipelines = await runAction(
      'deploy-pipelines',
      { config: 'databricks-dr.yml' },
      setup.env,
      setup.dir,
    );
    expect(pipelines.code, pipelines.stdout).toBe(0);
    const pipelineIds = JSON.parse(pipelines.outputs['pipeline-ids']);
    const [primary, secondary] = setup.emulator.workspaces;
    for (const [region, ws] of [
      ['primary', primary],
      ['secondary', secondary],
    ] as const) {
      const id = pipelineIds[region]['orders-silver'];
      expect(ws.state().pipelines?.[id]?.spec.name).toBe('orders-silver');
      expect(ws.state().pipelines?.[id]?.spec.continuous).toBe(region === 'primary');
    }
    const pipelineResult = JSON.parse(pipelines.outputs.result);
    for (const r of Object.values(pipelineResult.regions) as Array<{ changes: Array<{ kind: string }> }>)
      expect(r.changes.map((c) => c.kind)).toEqual(['pipeline']);
    expect(pipelines.summary).toContain('| + | pipeline | `orders-silver` | create | applied |');
    for (const ws of setup.emulator.workspaces) expect(Object.keys(ws.state().jobs)).toEqual([]);

    const jobs = await runAction(
      'deploy-jobs',
      { config: 'databricks-dr.yml', regions: '', 'dry-run': 'false' },
      setup.env,
      setup.dir,
    );
    expect(jobs.code, jobs.stdout).toBe(0);
    const ids = JSON.parse(jobs.outputs['job-ids']);
    expect(Object.keys(ids.secondary).sort()).toEqual(EXAMPLE_JOBS);
    // The job runs each region's own pipeline, deployed by the step before.
    for (const [region, ws] of [
      ['primary', primary],
      ['secondary', secondary],
    ] as const) {
      const refresh = ws.state().jobs[ids[region]['orders-silver-refresh']].settings as {
        tasks: Array<{ pipeline_task?: { pipeline_id: string } }>;
      };
      expect(refresh.tasks[0].pipeline_task?.pipeline_id).toBe(pipelineIds[region]['orders-silver']);
    }
    const result = JSON.parse(jobs.outputs.result);
    expect(result.command).toBe('deploy');
    expect(result.regions.primary.changes.every((c: { kind: string }) => c.kind === 'job')).toBe(true);
    expect(jobs.summary).toContain('### primary (active, epoch 0): ok');
    expect(jobs.summary).toContain('| + | job | `daily-sales-etl` | create | applied |');
    // The log says what changed per region, one collapsible group each (issue 22).
    expect(jobs.stdout).toContain('::group::primary (active, epoch 0): ok — 6 created; unchanged: nothing\n');
    expect(jobs.stdout).toContain(
      '::group::secondary (passive, epoch 0): ok — 6 created; unchanged: nothing\n',
    );
    expect(jobs.stdout).toContain('+ create job daily-sales-etl (passive)  [applied]\n');
    expect(jobs.stdout.match(/::endgroup::/g)?.length).toBeGreaterThanOrEqual(2);
    // Tokens are masked before anything could print them.
    expect(jobs.stdout).toContain(`::add-mask::${setup.env.DATABRICKS_TOKEN_PRIMARY}`);
    expect(jobs.summary).not.toContain(setup.env.DATABRICKS_TOKEN_PRIMARY!);
  });

  it('validate annotates errors on the file and line and fails, writing nothing', async () => {
    setup = await twoRegions();
    writeFileSync(
      path.join(setup.dir, 'jobs/broken.json'),
      '{\n  "name": "broken",\n  "max_concurrent_runs": 5000,\n  "tasks": [{ "task_key": "a", "notebok_task": {} }]\n}\n',
    );
    const run = await runAction(
      'deploy',
      { command: 'deploy', config: 'databricks-dr.yml' },
      setup.env,
      setup.dir,
    );
    expect(run.code).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error' && a.properties.file);
    expect(errors.map((a) => [a.properties.file, a.properties.line])).toEqual(
      expect.arrayContaining([
        ['jobs/broken.json', '3'],
        ['jobs/broken.json', '4'],
      ]),
    );
    expect(run.summary).toContain('validation failed, nothing was written');
    // The result output says why, as the CLI's --json does.
    expect(JSON.parse(run.outputs.result)).toMatchObject({
      command: 'deploy',
      regions: {},
      error: { kind: 'validation', message: expect.stringContaining('nothing was written') },
    });
    for (const ws of setup.emulator.workspaces) expect(ws.requests()).toEqual([]);

    const missing = await runAction(
      'deploy',
      { command: 'plan', config: 'databricks-dr.yaml' },
      setup.env,
      setup.dir,
    );
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain(`config file not found: ${path.join(setup.dir, 'databricks-dr.yaml')}`);
    expect(JSON.parse(missing.outputs.result)).toMatchObject({
      command: 'plan',
      dry_run: true,
      error: { kind: 'usage' },
    });

    const validate = await runAction('validate', { config: 'databricks-dr.yml' }, setup.env, setup.dir);
    expect(validate.code).toBe(1);
    expect(JSON.parse(validate.outputs.result).diagnostics.length).toBeGreaterThanOrEqual(2);
  });

  it('plan (the root action) writes nothing and summarises every region', async () => {
    setup = await twoRegions();
    const run = await runAction(
      'deploy',
      { command: 'plan', config: 'databricks-dr.yml' },
      setup.env,
      setup.dir,
    );
    expect(run.code, run.stdout).toBe(0);
    expect(run.summary).toContain('### secondary (passive, epoch 0): ok');
    expect(run.summary).toContain('| + | cluster | `shared-etl` | create |');
    for (const ws of setup.emulator.workspaces) expect(ws.requests().filter((r) => r.mutation)).toEqual([]);
  });

  it('rejects a bad input value as a usage error', async () => {
    setup = await twoRegions();
    const run = await runAction('deploy', { command: 'destroy' }, setup.env, setup.dir);
    expect(run.code).toBe(1);
    expect(run.annotations[0].message).toContain(
      'input command must be one of deploy, plan, validate, failover, drift, preflight, got "destroy"',
    );
  });

  it('failover and drift: outputs, the time to active, and exit 3 on drift', async () => {
    setup = await twoRegions();
    const deploy = await runAction('deploy', { command: 'deploy' }, setup.env, setup.dir);
    expect(deploy.code, deploy.stdout).toBe(0);

    const clean = await runAction('drift', { 'fail-on-drift': 'true' }, setup.env, setup.dir);
    expect(clean.code, clean.stdout).toBe(0);
    expect(clean.outputs.drift).toBe('false');

    // A dry run reports the region active before it, and says it is a dry run in every output.
    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const dry = await runAction('failover', { to: 'secondary', 'dry-run': 'true' }, setup.env, setup.dir);
    expect(dry.code, dry.stdout).toBe(0);
    expect(dry.outputs['active-region']).toBe('primary');
    expect(JSON.parse(dry.outputs.result)).toMatchObject({
      dry_run: true,
      would_activate: 'secondary',
      activeRegion: 'primary',
    });
    expect(dry.summary).toContain('databricks-dr failover (dry run)');
    expect(dry.summary).not.toContain('applied');
    for (const ws of setup.emulator.workspaces) expect(ws.requests().filter((r) => r.mutation)).toEqual([]);

    const failover = await runAction('failover', { to: 'secondary' }, setup.env, setup.dir);
    expect(failover.code, failover.stdout).toBe(0);
    expect(failover.outputs['active-region']).toBe('secondary');
    expect(failover.summary).toMatch(/secondary accepted runs \*\*\d+\.\d s\*\* after the failover started/);
    expect(failover.summary).toContain(
      '| ↑ | job | `daily-sales-etl` | activate (max_concurrent_runs, queue, schedule) | applied |',
    );

    // A hand edit in the new active region is drift.
    const [, secondary] = setup.emulator.workspaces;
    const job = Object.values(secondary.state().jobs).find(
      (j) => j.settings.name === 'weekly-demand-forecast',
    )!;
    await fetch(`${secondary.url}/api/2.2/jobs/update`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secondary.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ job_id: job.job_id, new_settings: { description: 'edited by hand' } }),
    });
    const drifted = await runAction('drift', { 'fail-on-drift': 'true' }, setup.env, setup.dir);
    expect(drifted.code).toBe(3);
    expect(drifted.outputs.drift).toBe('true');
    expect(drifted.summary).toContain('| differs | job | `weekly-demand-forecast` | description |');
    // The log shows the drift per region, one group each (issue 22).
    expect(drifted.stdout).toMatch(/^::group::secondary \(active, epoch 1\): 1 drifted \(\d+ in sync\)$/m);
    expect(drifted.stdout).toMatch(/^differs +job weekly-demand-forecast \(description\)$/m);
  });

  it('preflight: a table per region, and exit 1 with what to fix when a region is not ready', async () => {
    setup = await twoRegions();
    const ready = await runAction('preflight', {}, setup.env, setup.dir);
    expect(ready.code, ready.stdout).toBe(0);
    expect(ready.summary).toContain('### primary: ready');
    expect(ready.summary).toContain('### secondary: ready');
    expect(JSON.parse(ready.outputs.result).command).toBe('preflight');

    const [, secondary] = setup.emulator.workspaces;
    await fetch(`${secondary.url}/__emulator/catalog`, {
      method: 'POST',
      body: JSON.stringify({ spark_versions: ['14.3.x-scala2.12'] }),
    });
    const notReady = await runAction('preflight', {}, setup.env, setup.dir);
    expect(notReady.code).toBe(1);
    expect(notReady.summary).toContain('### secondary: not ready');
    expect(notReady.summary).toMatch(
      /❌ \| runtimes \| 15\.4\.x-scala2\.12 \(used by clusters\/shared-etl\.json\) not offered in region secondary/,
    );
    for (const ws of setup.emulator.workspaces) expect(ws.requests().filter((r) => r.mutation)).toEqual([]);
  });
});
