/**
 * Lakeflow Declarative Pipelines over real HTTP against two emulated workspaces (examples/): the
 * pipeline and the job that runs it deploy to both regions; the secondary's pipeline is not
 * continuous and idle; a redeploy writes nothing; failover restores `continuous` (and starts the
 * pipeline with --start-pipelines); drift catches a hand edit; a bad pipeline file is refused
 * with file:line:col before anything is written.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDrift } from '../../src/core/drift/index.js';
import { ValidationError } from '../../src/core/errors.js';
import { runFailover } from '../../src/core/failover/index.js';
import type { EmulatedWorkspace } from '../../src/emulator/index.js';
import type { EmulatedPipeline } from '../../src/emulator/pipelines-api.js';
import { deployProject, type TwoRegions, twoRegions, writesBesideLocks } from '../helpers/project.js';
import { RecordingReporter } from '../helpers/reporter.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

const client = { rateLimits: 'off' as const, backoffBaseMs: 5, backoffCapMs: 20 };

function pipeline(ws: EmulatedWorkspace, name = 'orders-silver'): EmulatedPipeline {
  const found = Object.values(ws.state().pipelines ?? {}).filter((p) => p.spec.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

function job(ws: EmulatedWorkspace, name: string): Record<string, unknown> {
  const j = Object.values(ws.state().jobs).find((x) => x.settings.name === name);
  expect(j).toBeDefined();
  return j!.settings as Record<string, unknown>;
}

const failover = (s: TwoRegions, to: string, extra: { startPipelines?: boolean } = {}) =>
  runFailover({
    configFile: s.configFile,
    env: s.env,
    reporter: new RecordingReporter(),
    client,
    to,
    ...extra,
  });

describe('pipelines', () => {
  it('deploy to both regions, passive in the secondary, and a redeploy writes nothing', async () => {
    setup = await twoRegions();
    const [primary, secondary] = setup.emulator.workspaces;
    const first = await deployProject(setup);
    expect(first.regions.primary.errors).toEqual([]);
    expect(first.regions.secondary.errors).toEqual([]);
    expect(first.regions.secondary.changes).toContainEqual(
      expect.objectContaining({ kind: 'pipeline', name: 'orders-silver', action: 'create', passive: true }),
    );

    const p = pipeline(primary);
    const s = pipeline(secondary);
    expect(p.spec).toMatchObject({
      continuous: true,
      target: 'sales_silver',
      tags: { 'databricks-dr': 'sales-platform' },
    });
    expect(p.spec.storage).toContain('stsaleseastus');
    expect(s.spec.storage).toContain('stsaleswestus');
    expect(
      (s.spec.configuration as Record<string, string>)['spark.hadoop.javax.jdo.option.ConnectionURL'],
    ).toContain('sql-dr-westus');
    // The secondary's pipeline is not continuous and idle.
    expect(s.spec.continuous).toBe(false);
    expect(s.updates).toEqual([]);
    // The job runs each region's own pipeline.
    for (const ws of [primary, secondary]) {
      const tasks = job(ws, 'orders-silver-refresh').tasks as Array<Record<string, Record<string, unknown>>>;
      expect(tasks[0].pipeline_task.pipeline_id).toBe(pipeline(ws).pipeline_id);
    }
    expect(ws2perm(secondary, s.pipeline_id)).toContainEqual({
      group_name: 'sales-data-engineers',
      permission_level: 'CAN_MANAGE',
    });

    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const again = await deployProject(setup);
    for (const r of Object.values(again.regions)) {
      expect(r.changes).toEqual([]);
      expect(r.unchanged.pipeline).toBe(1);
    }
    for (const ws of setup.emulator.workspaces) expect(writesBesideLocks(ws)).toEqual([]);
  });

  it('failover restores continuous, --start-pipelines starts it, and the old active one is stopped', async () => {
    setup = await twoRegions();
    const [primary, secondary] = setup.emulator.workspaces;
    await deployProject(setup);
    // The primary's pipeline runs.
    const running = await fetch(`${primary.url}/api/2.0/pipelines/${pipeline(primary).pipeline_id}/updates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${primary.token}` },
      body: '{}',
    });
    expect(running.status).toBe(200);

    const result = await failover(setup, 'secondary', { startPipelines: true });
    expect(result.activeRegion).toBe('secondary');
    expect(pipeline(secondary).spec.continuous).toBe(true);
    expect(pipeline(secondary).updates).toHaveLength(1);
    expect(pipeline(secondary).updates[0].stopped_at).toBeUndefined();
    // Fenced: the old active region's pipeline is not continuous and its update was stopped.
    expect(pipeline(primary).spec.continuous).toBe(false);
    expect(pipeline(primary).updates[0].stopped_at).toEqual(expect.any(Number));
    expect(result.regions.primary.changes).toContainEqual(
      expect.objectContaining({ kind: 'pipeline', name: 'orders-silver', action: 'stop', status: 'applied' }),
    );

    // Failing back without --start-pipelines restores continuous only.
    const back = await failover(setup, 'primary');
    expect(back.activeRegion).toBe('primary');
    expect(pipeline(primary).spec.continuous).toBe(true);
    expect(pipeline(primary).updates).toHaveLength(1);
    expect(pipeline(secondary).spec.continuous).toBe(false);
  });

  it('drift catches a hand edit of a pipeline', async () => {
    setup = await twoRegions();
    const [primary] = setup.emulator.workspaces;
    await deployProject(setup);
    const p = pipeline(primary);
    const res = await fetch(`${primary.url}/api/2.0/pipelines/${p.pipeline_id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${primary.token}` },
      body: JSON.stringify({ ...p.spec, target: 'sales_silver_by_hand' }),
    });
    expect(res.status).toBe(200);
    const drift = await runDrift({
      configFile: setup.configFile,
      env: setup.env,
      cwd: setup.dir,
      reporter: new RecordingReporter(),
      client,
    });
    expect(drift.drift).toBe(true);
    expect(drift.regions.primary.drift).toContainEqual({
      kind: 'pipeline',
      name: 'orders-silver',
      status: 'differs',
      fields: ['target'],
    });
    expect(drift.regions.secondary.drift ?? []).toEqual([]);
  });

  it('a pipeline removed from git is unmanaged, or deleted with prune.pipelines once no job runs it', async () => {
    setup = await twoRegions();
    const [primary] = setup.emulator.workspaces;
    await deployProject(setup);
    const id = pipeline(primary).pipeline_id;
    const config = readFileSync(setup.configFile, 'utf8');
    const edit = (prune: string) =>
      writeFileSync(
        setup!.configFile,
        config
          .replace('pipelines: [pipelines/*.json]', 'pipelines: []')
          .replace('prune: { jobs: false, clusters: false, pipelines: false, secret_scopes: false }', prune),
      );

    // Without prune.pipelines: reported like a job or cluster, never deleted.
    edit('prune: { jobs: false, clusters: false, pipelines: false, secret_scopes: false }');
    const kept = await deployProject(setup);
    expect(kept.regions.primary.unmanaged).toContainEqual({ kind: 'pipeline', name: 'orders-silver' });
    expect(kept.regions.primary.warnings).toContainEqual(
      expect.stringContaining('set prune.pipelines: true'),
    );
    expect(kept.regions.primary.changes).toEqual([]);

    // With prune.pipelines while a job of the repo still runs it: not deleted, and said why.
    edit('prune: { jobs: true, clusters: false, pipelines: true, secret_scopes: false }');
    const held = await deployProject(setup, { dryRun: true });
    expect(held.regions.primary.changes).toEqual([]);
    expect(held.regions.primary.warnings).toContainEqual(
      expect.stringContaining('not deleted: job "orders-silver-refresh" still runs it'),
    );

    // The job removed too (prune.jobs): the plan says both go and writes nothing; deploy deletes both.
    unlinkSync(path.join(setup.dir, 'jobs/orders-silver-refresh.json'));
    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const plan = await deployProject(setup, { dryRun: true });
    for (const region of ['primary', 'secondary'])
      expect(plan.regions[region].changes).toEqual([
        expect.objectContaining({
          kind: 'job',
          name: 'orders-silver-refresh',
          action: 'delete',
          status: 'planned',
        }),
        expect.objectContaining({
          kind: 'pipeline',
          name: 'orders-silver',
          action: 'delete',
          status: 'planned',
        }),
      ]);
    for (const ws of setup.emulator.workspaces) expect(ws.requests().filter((r) => r.mutation)).toEqual([]);
    const pruned = await deployProject(setup);
    // (a passive region lists its changes in the usual kind order, pipelines before jobs)
    for (const region of ['primary', 'secondary'])
      expect(pruned.regions[region].changes.map((c) => [c.kind, c.action, c.status]).sort()).toEqual([
        ['job', 'delete', 'applied'],
        ['pipeline', 'delete', 'applied'],
      ]);
    for (const ws of setup.emulator.workspaces)
      expect(
        Object.values(ws.state().pipelines ?? {}).filter((p) => p.spec.name === 'orders-silver'),
      ).toEqual([]);
    expect(Object.keys(primary.state().pipelines ?? {})).not.toContain(id);
    const again = await deployProject(setup);
    for (const r of Object.values(again.regions)) {
      expect(r.changes).toEqual([]);
      expect(r.unmanaged ?? []).toEqual([]);
    }
  });

  it('never deletes a pipeline that a job outside the repo runs', async () => {
    setup = await twoRegions();
    const [primary] = setup.emulator.workspaces;
    await deployProject(setup);
    const id = pipeline(primary).pipeline_id;
    const res = await fetch(`${primary.url}/api/2.1/jobs/create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${primary.token}` },
      body: JSON.stringify({
        name: 'hand-made-refresh',
        tasks: [{ task_key: 'refresh', pipeline_task: { pipeline_id: id } }],
      }),
    });
    expect(res.status).toBe(200);
    unlinkSync(path.join(setup.dir, 'jobs/orders-silver-refresh.json'));
    writeFileSync(
      setup.configFile,
      readFileSync(setup.configFile, 'utf8')
        .replace('pipelines: [pipelines/*.json]', 'pipelines: []')
        .replace(
          'prune: { jobs: false, clusters: false, pipelines: false, secret_scopes: false }',
          'prune: { jobs: true, clusters: false, pipelines: true, secret_scopes: false }',
        ),
    );
    const result = await deployProject(setup);
    expect(result.regions.primary.changes.map((c) => [c.kind, c.action])).toEqual([['job', 'delete']]);
    expect(result.regions.primary.warnings).toContainEqual(
      expect.stringContaining('not deleted: job "hand-made-refresh" still runs it'),
    );
    expect(pipeline(primary).pipeline_id).toBe(id);
    // The secondary has no such job: its pipeline goes.
    expect(result.regions.secondary.changes.map((c) => [c.kind, c.action]).sort()).toEqual([
      ['job', 'delete'],
      ['pipeline', 'delete'],
    ]);
  });

  it('keeps a pruned pipeline whose job could not be changed: checked again after the jobs stage', async () => {
    setup = await twoRegions();
    const [primary, secondary] = setup.emulator.workspaces;
    await deployProject(setup);
    // The job now runs a notebook instead, and the pipeline leaves the repo (prune.pipelines).
    const jobFile = path.join(setup.dir, 'jobs/orders-silver-refresh.json');
    const job = JSON.parse(readFileSync(jobFile, 'utf8'));
    job.tasks = [
      { task_key: 'refresh', notebook_task: { notebook_path: '/Shared/sales/etl/orders_silver' } },
    ];
    job.tasks[0].existing_cluster_name = 'shared-etl';
    writeFileSync(jobFile, JSON.stringify(job, null, 2));
    writeFileSync(
      setup.configFile,
      readFileSync(setup.configFile, 'utf8')
        .replace('pipelines: [pipelines/*.json]', 'pipelines: []')
        .replace('pipelines: false', 'pipelines: true'),
    );
    const plan = await deployProject(setup, { dryRun: true });
    expect(plan.regions.primary.changes.map((c) => [c.kind, c.action])).toEqual([
      ['job', 'update'],
      ['pipeline', 'delete'],
    ]);
    // The primary refuses every job reset: its job still runs the pipeline, which is kept.
    primary.setFaults({ rules: [{ fault: '503', method: 'POST', path: '/api/2.2/jobs/reset' }] });
    const result = await deployProject(setup, { client: { ...client, deadlineMs: 300 } });
    const primaryChanges = result.regions.primary.changes;
    expect(primaryChanges.map((c) => [c.kind, c.action, c.status])).toEqual([
      ['job', 'update', 'failed'],
      ['pipeline', 'delete', 'failed'],
    ]);
    expect(primaryChanges[1].error).toBe('not deleted: job "orders-silver-refresh" still runs it');
    expect(pipeline(primary).spec.name).toBe('orders-silver');
    expect(Object.values(secondary.state().pipelines ?? {})).toEqual([]);
    primary.setFaults(undefined);
  });

  it('a cluster policy and pools named in clusters[] become each region’s ids', async () => {
    setup = await twoRegions();
    const ids = await seedComputeNames(setup, ['primary', 'secondary']);
    expect(ids.primary.policy).not.toBe(ids.secondary.policy);
    namePolicyAndPools(setup);
    const first = await deployProject(setup);
    for (const r of Object.values(first.regions)) expect(r.errors).toEqual([]);
    for (const ws of setup.emulator.workspaces) {
      const cluster = (pipeline(ws).spec.clusters as Array<Record<string, unknown>>)[0];
      expect(cluster).toMatchObject({
        policy_id: ids[ws.name].policy,
        instance_pool_id: ids[ws.name].pool,
        driver_instance_pool_id: ids[ws.name].pool,
      });
      expect(Object.keys(cluster).filter((k) => k.endsWith('_name'))).toEqual([]);
    }
    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const again = await deployProject(setup);
    for (const r of Object.values(again.regions)) expect(r.changes).toEqual([]);
    for (const ws of setup.emulator.workspaces) expect(writesBesideLocks(ws)).toEqual([]);
  });

  it('a pool missing in one region: preflight stops the deploy, plan says where, nothing written', async () => {
    setup = await twoRegions();
    await seedComputeNames(setup, ['primary']);
    namePolicyAndPools(setup);
    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const result = await deployProject(setup);
    expect(result.regions.primary.status).toBe('skipped');
    expect(JSON.stringify(result.regions.secondary)).toContain(
      'policy \\"etl-policy\\", instance pool \\"etl-pool\\" not found in region secondary',
    );
    for (const ws of setup.emulator.workspaces) expect(writesBesideLocks(ws)).toEqual([]);
    const plan = await deployProject(setup, { dryRun: true });
    expect(plan.regions.secondary.errors).toContainEqual(
      'pipeline "orders-silver": policy "etl-policy", instance pool "etl-pool" not found in region secondary',
    );
    expect(plan.regions.secondary.changes.filter((c) => c.kind === 'pipeline')).toEqual([]);
    expect(plan.regions.primary.errors).toEqual([]);
  });

  it('refuses a policy given by id and by name with file:line:col', async () => {
    setup = await twoRegions();
    const file = path.join(setup.dir, 'pipelines/orders-silver.json');
    const value = JSON.parse(readFileSync(file, 'utf8'));
    value.clusters[0] = { label: 'default', policy_id: 'ABC123', policy_name: 'etl-policy' };
    writeFileSync(file, JSON.stringify(value, null, 2));
    const err = await deployProject(setup).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const d = (err as ValidationError).diagnostics.find((x) => x.file.endsWith('orders-silver.json'));
    expect(d?.message).toContain('both policy_id and policy_name are set');
    expect(d?.line).toBeGreaterThan(1);
    for (const ws of setup.emulator.workspaces) expect(writesBesideLocks(ws)).toEqual([]);
  });

  it('refuses a bad pipeline file with file:line:col and writes nothing', async () => {
    setup = await twoRegions();
    const file = path.join(setup.dir, 'pipelines/orders-silver.json');
    writeFileSync(file, '{\n  "name": "orders-silver",\n  "continous": true\n}\n');
    const err = await deployProject(setup).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const d = (err as ValidationError).diagnostics.find((x) => x.file.endsWith('orders-silver.json'));
    expect(d).toMatchObject({ line: 3, column: 3 });
    expect(d?.message).toContain('continuous');
    for (const ws of setup.emulator.workspaces) expect(writesBesideLocks(ws)).toEqual([]);
  });
});

function ws2perm(ws: EmulatedWorkspace, id: string) {
  return ws.state().permissions[`/pipelines/${id}`] ?? [];
}

/** A cluster policy and an instance pool of the same names in each region, with their own ids. */
async function seedComputeNames(s: TwoRegions, regions: string[]) {
  const ids: Record<string, { policy: string; pool: string }> = {};
  for (const ws of s.emulator.workspaces.filter((w) => regions.includes(w.name))) {
    const post = async (p: string, body: unknown) => {
      const res = await fetch(`${ws.url}${p}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ws.token}` },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as Record<string, string>;
    };
    // Offset the id sequences so the regions' ids really differ.
    if (ws.name === 'secondary') await post('/api/2.0/policies/clusters/create', { name: 'spare' });
    const policy = await post('/api/2.0/policies/clusters/create', { name: 'etl-policy' });
    const pool = await post('/api/2.0/instance-pools/create', {
      instance_pool_name: 'etl-pool',
      node_type_id: 'Standard_DS3_v2',
    });
    ids[ws.name] = { policy: policy.policy_id, pool: pool.instance_pool_id };
    ws.clearRequests();
  }
  return ids;
}

function namePolicyAndPools(s: TwoRegions) {
  const file = path.join(s.dir, 'pipelines/orders-silver.json');
  const value = JSON.parse(readFileSync(file, 'utf8'));
  value.clusters[0] = {
    ...value.clusters[0],
    policy_name: 'etl-policy',
    instance_pool_name: 'etl-pool',
    driver_instance_pool_name: 'etl-pool',
  };
  writeFileSync(file, JSON.stringify(value, null, 2));
}
