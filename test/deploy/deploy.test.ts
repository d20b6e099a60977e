import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WorkspaceClient } from '@databricks/sdk-experimental';
import { afterEach, describe, expect, it } from 'vitest';
import { runDrift } from '../../src/core/drift/index.js';
import type { EmulatedWorkspace } from '../../src/emulator/index.js';
import {
  deployProject,
  EXAMPLE_JOBS,
  type TwoRegions,
  twoRegions,
  writesBesideLocks,
} from '../helpers/project.js';
import { RecordingReporter } from '../helpers/reporter.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

const deploy = deployProject;

const writes = writesBesideLocks;
const jobsOf = (ws: EmulatedWorkspace) => Object.values(ws.state().jobs);
const clustersOf = (ws: EmulatedWorkspace) => Object.values(ws.state().clusters);

async function settle() {
  await new Promise((r) => setTimeout(r, 100));
}

describe('deploy to two regions', () => {
  it('creates everything in both regions, the secondary in passive form', async () => {
    setup = await twoRegions();
    const result = await deploy(setup);
    expect(result.regions.primary.status, JSON.stringify(result.regions.primary.errors)).toBe('ok');
    expect(result.regions.secondary.status, JSON.stringify(result.regions.secondary.errors)).toBe('ok');
    expect(result.regions.primary.role).toBe('active');
    expect(result.regions.secondary.role).toBe('passive');
    await settle();
    const [primary, secondary] = setup.emulator.workspaces;

    for (const ws of [primary, secondary]) {
      expect(
        jobsOf(ws)
          .map((j) => j.settings.name)
          .sort(),
      ).toEqual(EXAMPLE_JOBS);
      expect(clustersOf(ws).map((c) => [c.spec.cluster_name, c.is_pinned])).toEqual([['shared-etl', true]]);
      expect(Object.keys(ws.state().scopes)).toEqual(['app']);
      expect(Object.keys(ws.state().scopes.app.secrets).sort()).toEqual(['hive-password', 'orders-api-key']);
      const paths = Object.keys(ws.state().objects);
      expect(paths).toContain('/Shared/sales/etl/ingest_orders');
      expect(paths).toContain('/Shared/sales/ml/explore_customers');
      expect(paths).toContain('/Shared/sales/init/install-odbc.sh');
      expect(paths).toContain('/Shared/.databricks-dr/sales-platform/state.json');
    }
    for (const job of jobsOf(secondary)) {
      expect(job.settings.max_concurrent_runs).toBe(0);
      expect(job.settings.queue).toEqual({ enabled: false });
      for (const key of ['schedule', 'trigger', 'continuous'])
        if (job.settings[key])
          expect((job.settings[key] as { pause_status: string }).pause_status).toBe('PAUSED');
    }
    const etl = jobsOf(primary).find((j) => j.settings.name === 'daily-sales-etl')!;
    expect(etl.settings.max_concurrent_runs).toBe(1);
    expect((etl.settings.schedule as { pause_status: string }).pause_status).toBe('UNPAUSED');
    const clusterId = clustersOf(primary)[0].cluster_id;
    expect((etl.settings.tasks as Array<{ existing_cluster_id: string }>)[0].existing_cluster_id).toBe(
      clusterId,
    );
    expect(clustersOf(secondary)[0].state).toBe('TERMINATED');
    const etlSecondary = jobsOf(secondary).find((j) => j.settings.name === 'daily-sales-etl')!;
    expect(
      (etlSecondary.settings.tasks as Array<{ existing_cluster_id: string }>)[0].existing_cluster_id,
    ).toBe(clustersOf(secondary)[0].cluster_id);
    // The region's own metastore: variables are substituted per region.
    expect(JSON.stringify(clustersOf(secondary)[0].spec)).toContain('sql-dr-westus');
    expect(JSON.stringify(clustersOf(primary)[0].spec)).toContain('sql-dr-eastus');

    // The state file records the written values for failover.
    const state = JSON.parse(
      Buffer.from(
        secondary.state().objects['/Shared/.databricks-dr/sales-platform/state.json'].content!,
        'base64',
      ).toString(),
    );
    expect(state.role).toBe('passive');
    expect(state.jobs['daily-sales-etl'].written).toEqual({
      max_concurrent_runs: 1,
      schedule: 'UNPAUSED',
      queue: true,
    });
    expect(JSON.stringify(state)).not.toContain('hive-pa55');
  });

  it('makes zero writes on a second deploy with no change, then writes exactly what changed', async () => {
    setup = await twoRegions();
    await deploy(setup);
    await settle();
    for (const ws of setup.emulator.workspaces) ws.clearRequests();

    const again = await deploy(setup);
    for (const r of Object.values(again.regions)) {
      expect(r.status).toBe('ok');
      expect(r.changes).toEqual([]);
    }
    for (const ws of setup.emulator.workspaces) expect(writes(ws)).toEqual([]);

    const plan = await deploy(setup, { dryRun: true });
    expect(Object.values(plan.regions).flatMap((r) => r.changes)).toEqual([]);

    // One notebook and one job change.
    const nb = path.join(setup.dir, 'notebooks/etl/ingest_orders.py');
    writeFileSync(nb, `${readFileSync(nb, 'utf8')}\n# a change\nprint("changed")\n`);
    const jobFile = path.join(setup.dir, 'jobs/daily-sales-etl.json');
    writeFileSync(
      jobFile,
      readFileSync(jobFile, 'utf8').replace('"timeout_seconds": 10800', '"timeout_seconds": 7200'),
    );
    for (const ws of setup.emulator.workspaces) ws.clearRequests();

    const planned = await deploy(setup, { dryRun: true });
    for (const ws of setup.emulator.workspaces) expect(writes(ws)).toEqual([]);
    expect(planned.regions.primary.changes.map((c) => [c.kind, c.name, c.action, c.fields])).toEqual([
      ['notebook', '/Shared/sales/etl/ingest_orders', 'update', undefined],
      ['job', 'daily-sales-etl', 'update', ['timeout_seconds']],
    ]);

    const changed = await deploy(setup);
    for (const [name, r] of Object.entries(changed.regions)) {
      expect(r.status, name).toBe('ok');
      expect(r.changes.map((c) => [c.kind, c.name, c.action, c.status])).toEqual([
        ['notebook', '/Shared/sales/etl/ingest_orders', 'update', 'applied'],
        ['job', 'daily-sales-etl', 'update', 'applied'],
      ]);
    }
    const [primary, secondary] = setup.emulator.workspaces;
    const expected = [
      '/api/2.0/workspace/import', // the notebook
      '/api/2.0/workspace/import', // the manifest
      '/api/2.2/jobs/reset',
      '/api/2.0/workspace/import', // the state file
    ];
    // The active region updates the job only after its notebook; the passive one may overlap them.
    expect(writes(primary).map((r) => r.path)).toEqual(expected);
    expect(
      writes(secondary)
        .map((r) => r.path)
        .sort(),
    ).toEqual([...expected].sort());
    expect(writes(secondary).at(-1)?.object).toBe('/Shared/.databricks-dr/sales-platform/state.json');
  });

  it('sees the whole of a job with more than 100 tasks: no rewrite on the next deploy, no drift', async () => {
    setup = await twoRegions();
    // 150 tasks and 110 job clusters: Jobs 2.2 pages both at 100 in jobs/list and jobs/get.
    const tasks = Array.from({ length: 150 }, (_, i) => ({
      task_key: `step_${i}`,
      job_cluster_key: `c${i % 110}`,
      notebook_task: { notebook_path: '/Shared/sales/etl/ingest_orders' },
    }));
    const jobClusters = Array.from({ length: 110 }, (_, i) => ({
      job_cluster_key: `c${i}`,
      new_cluster: { spark_version: '15.4.x-scala2.12', node_type_id: 'Standard_DS3_v2', num_workers: 1 },
    }));
    writeFileSync(
      path.join(setup.dir, 'jobs/wide.json'),
      JSON.stringify({ name: 'wide', tasks, job_clusters: jobClusters }, null, 2),
    );
    const first = await deploy(setup);
    for (const r of Object.values(first.regions)) expect(r.status, JSON.stringify(r.errors)).toBe('ok');
    await settle();
    for (const ws of setup.emulator.workspaces) {
      const wide = jobsOf(ws).find((j) => j.settings.name === 'wide')!;
      expect((wide.settings.tasks as unknown[]).length).toBe(150);
      ws.clearRequests();
    }

    const again = await deploy(setup);
    for (const r of Object.values(again.regions)) expect(r.changes).toEqual([]);
    for (const ws of setup.emulator.workspaces) expect(writes(ws)).toEqual([]);
    const drift = await runDrift({
      configFile: setup.configFile,
      env: setup.env,
      cwd: setup.dir,
      reporter: new RecordingReporter(),
      client: { rateLimits: 'off' },
    });
    expect(drift.drift).toBe(false);
  });

  it('overwrites a notebook edited by hand in the workspace', async () => {
    setup = await twoRegions();
    await deploy(setup);
    const [primary] = setup.emulator.workspaces;
    await new Promise((r) => setTimeout(r, 5));
    const res = await fetch(`${primary.url}/api/2.0/workspace/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${primary.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        path: '/Shared/sales/etl/ingest_orders',
        format: 'SOURCE',
        language: 'PYTHON',
        overwrite: true,
        content: Buffer.from('# Databricks notebook source\nprint("hotfix")\n').toString('base64'),
      }),
    });
    expect(res.status).toBe(200);
    const result = await deploy(setup);
    expect(result.regions.primary.changes.map((c) => [c.name, c.action, c.fields])).toEqual([
      ['/Shared/sales/etl/ingest_orders', 'update', ['edited in the workspace']],
    ]);
    expect(result.regions.secondary.changes).toEqual([]);
    const content = Buffer.from(
      primary.state().objects['/Shared/sales/etl/ingest_orders'].content!,
      'base64',
    ).toString();
    expect(content).not.toContain('hotfix');
  });

  it('is visible to the official SDK', async () => {
    setup = await twoRegions();
    await deploy(setup);
    for (const ws of setup.emulator.workspaces) {
      const sdk = new WorkspaceClient({ host: ws.url, token: ws.token, authType: 'pat', env: {} } as never);
      const jobs = [];
      for await (const j of sdk.jobs.list({})) jobs.push(j.settings?.name);
      expect(jobs.sort()).toEqual(EXAMPLE_JOBS);
      const clusters = [];
      for await (const c of sdk.clusters.list({})) clusters.push(c.cluster_name);
      expect(clusters).toEqual(['shared-etl']);
      const objects = await sdk.workspace.list({ path: '/Shared/sales/etl' });
      const names = [];
      for await (const o of objects) names.push(o.path);
      expect(names.sort()).toEqual([
        '/Shared/sales/etl/ingest_orders',
        '/Shared/sales/etl/orders_silver',
        '/Shared/sales/etl/transform_sales',
      ]);
      const pipelines = [];
      for await (const p of sdk.pipelines.listPipelines({})) pipelines.push(p.name);
      expect(pipelines).toEqual(['orders-silver']);
      const scopes = [];
      for await (const s of sdk.secrets.listScopes()) scopes.push(s.name);
      expect(scopes).toEqual(['app']);
    }
  });

  it('creates exactly one job and one cluster when their create responses are lost', async () => {
    setup = await twoRegions();
    for (const ws of setup.emulator.workspaces) {
      ws.setFaults({
        seed: 1,
        rules: [
          { fault: 'lost', method: 'POST', path: '/api/2.2/jobs/create', times: 1 },
          { fault: 'lost', method: 'POST', path: '/api/2.1/clusters/create', times: 1 },
        ],
      });
    }
    const result = await deploy(setup);
    for (const r of Object.values(result.regions)) expect(r.status, JSON.stringify(r.errors)).toBe('ok');
    for (const ws of setup.emulator.workspaces) {
      expect(ws.requests().filter((r) => r.fault === 'lost').length).toBe(2);
      expect(clustersOf(ws).length).toBe(1);
      expect(jobsOf(ws).length).toBe(EXAMPLE_JOBS.length);
    }
    const again = await deploy(setup);
    for (const r of Object.values(again.regions)) expect(r.changes).toEqual([]);
  });

  it('refuses same-named objects it does not own, unless --adopt, and never adopts an ambiguous name', async () => {
    setup = await twoRegions();
    const [primary, secondary] = setup.emulator.workspaces;
    const post = async (ws: EmulatedWorkspace, p: string, body: unknown) => {
      const res = await fetch(`${ws.url}${p}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ws.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, unknown>;
    };
    // In the primary a job of the same name; in the secondary the cluster and the scope (a job
    // there could not even be matched: its cluster would be missing first).
    const job = await post(primary, '/api/2.2/jobs/create', { name: 'daily-sales-etl' });
    await post(secondary, '/api/2.1/clusters/create', {
      cluster_name: 'shared-etl',
      spark_version: '15.4.x-scala2.12',
      node_type_id: 'Standard_DS3_v2',
      num_workers: 1,
    });
    await post(secondary, '/api/2.0/secrets/scopes/create', { scope: 'app' });

    const refused = await deploy(setup);
    const tail =
      'is not managed by databricks-dr (sales-platform); rename one of them, or run with --adopt to take it over';
    expect(refused.regions.primary.errors).toEqual([
      `job "daily-sales-etl" exists in region primary (id ${job.job_id}) but ${tail}`,
    ]);
    expect(refused.regions.secondary.errors).toEqual(
      expect.arrayContaining([
        `secret scope "app" exists in region secondary but ${tail}`,
        `cluster "shared-etl" exists in region secondary but ${tail}`,
      ]),
    );

    // A second job of that name: even --adopt cannot tell which one is meant.
    await post(primary, '/api/2.2/jobs/create', { name: 'daily-sales-etl' });
    const ambiguous = await deploy(setup, { adopt: true });
    expect(ambiguous.regions.primary.errors).toEqual([
      'cannot adopt job "daily-sales-etl" in region primary: 2 jobs have that name',
    ]);
    expect(ambiguous.regions.secondary.status, JSON.stringify(ambiguous.regions.secondary.errors)).toBe('ok');
    expect(clustersOf(secondary)).toHaveLength(1);
  });

  it('deploys the primary completely when the secondary is read-only, and says why the secondary failed', async () => {
    setup = await twoRegions();
    const [primary, secondary] = setup.emulator.workspaces;
    secondary.setReadOnly(true);
    const result = await deploy(setup);
    expect(result.regions.primary.status).toBe('ok');
    expect(jobsOf(primary).length).toBe(EXAMPLE_JOBS.length);
    expect(result.regions.secondary.status).toBe('failed');
    expect(result.regions.secondary.errors.join('\n')).toMatch(/secondary/);
    expect(result.regions.secondary.errors.join('\n')).toMatch(/read-only|permission/i);
    expect(jobsOf(secondary).length).toBe(0);
  });

  it('writes nothing when a secret value is missing', async () => {
    setup = await twoRegions();
    const env = { ...setup.env, ORDERS_API_KEY: undefined };
    await expect(deploy(setup, { env })).rejects.toThrow(/ORDERS_API_KEY \(secret app\/orders-api-key\)/);
    for (const ws of setup.emulator.workspaces) expect(ws.requests()).toEqual([]);
  });
});
