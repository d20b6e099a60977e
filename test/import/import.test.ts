/**
 * import over real HTTP: two emulated workspaces seeded by hand, imported with the compare region,
 * then validate passes, plan on the imported region shows no change, a deploy brings an empty
 * third workspace to the same definitions, and drift finds both in sync.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDrift } from '../../src/core/drift/index.js';
import { runDeploy } from '../../src/core/engine/run.js';
import { runFailover } from '../../src/core/failover/index.js';
import { type ImportResult, runImport } from '../../src/core/import/index.js';
import { validateProject } from '../../src/core/validate/project.js';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';
import { RecordingReporter } from '../helpers/reporter.js';
import { call, EAST, IPYNB, seedAssets, seedEstate, WEST } from './estate.js';

let emulator: Emulator;
let dir: string;
let env: NodeJS.ProcessEnv;
let imported: ImportResult;
let reporter: RecordingReporter;

// biome-ignore lint/suspicious/noExplicitAny: the written files are probed field by field
type Loose = any;
const readJson = (rel: string) => JSON.parse(readFileSync(path.join(dir, rel), 'utf8')) as Loose;
const client = () => ({
  rateLimits: 'off' as const,
  backoffBaseMs: 5,
  backoffCapMs: 20,
  ca: emulator.entra!.caCert,
});

beforeAll(async () => {
  emulator = await startEmulator({
    workspaces: [{ name: 'east' }, { name: 'west' }, { name: 'third' }],
    rateLimits: 'off',
    clusterStartMs: 20,
    clusterTerminateMs: 20,
  });
  await seedEstate(emulator.workspace('east'), EAST);
  await seedEstate(emulator.workspace('west'), WEST);
  // The third workspace is empty but for what the jobs name and no deploy creates: policy, pool,
  // warehouse, alert, query, dashboards and notification destination (the pipeline is deployed).
  const third = emulator.workspace('third');
  third.addToken('entra-seed-token-Distinctive-5511', 'entra');
  await seedAssets(third);
  await call(third, 'POST', '/api/2.0/policies/clusters/create', { name: 'etl-policy', definition: '{}' });
  await call(third, 'POST', '/api/2.0/instance-pools/create', {
    instance_pool_name: 'etl-pool',
    node_type_id: 'Standard_DS3_v2',
  });
  await call(third, 'POST', '/api/2.0/sql/warehouses', {
    name: 'reporting-wh',
    cluster_size: 'Small',
    max_num_clusters: 1,
  });

  const entra = emulator.entra!;
  dir = mkdtempSync(path.join(tmpdir(), 'dr-import-'));
  const region = (ws: string) =>
    `  ${ws}:\n    host: ${emulator.workspace(ws).url}\n    auth: { type: azure-client-secret, tenant_id: "${entra.tenantId}", client_id: "${entra.clientId}", client_secret_env: DR_CLIENT_SECRET, authority_host: "${entra.authorityHost}" }\n`;
  // What a team writes first: version, name, regions (hosts and auth).
  writeFileSync(
    path.join(dir, 'databricks-dr.yml'),
    `# the sales platform\nversion: 1\nname: sales-platform\nregions:\n${region('east')}${region('west')}${region('third')}`,
  );
  env = {
    DR_CLIENT_SECRET: entra.clientSecret,
    APP_HIVE_PASSWORD: 'hive-Distinctive-77',
    APP_ORDERS_API_KEY: 'orders-Distinctive-88',
  };
  reporter = new RecordingReporter();
  imported = await runImport({
    configFile: path.join(dir, 'databricks-dr.yml'),
    reporter,
    env,
    region: 'east',
    compareRegion: 'west',
    selection: { jobs: [], allJobs: true, clusters: [], notebooks: ['/Shared/sales'], scopes: ['kv-sales'] },
    command:
      'databricks-dr import --region east --compare-region west --all-jobs --notebooks /Shared/sales --scope kv-sales',
    client: client(),
  });
}, 60_000);

afterAll(() => emulator?.stop());

describe('import', () => {
  it('imports the jobs, the cluster they use, the notebooks and the scopes, and says what it skipped', () => {
    expect(imported.errors).toEqual([]);
    expect(imported.status).toBe('ok');
    expect(imported.imported.jobs.sort()).toEqual(['ingest-orders', 'nightly-sales', 'sales-reports']);
    expect(imported.imported.clusters).toEqual(['shared-etl']);
    expect(imported.imported.pipelines).toEqual(['orders-dlt']);
    expect(imported.imported.secret_scopes.sort()).toEqual(['app', 'kv-sales']);
    expect(imported.skipped).toContainEqual({
      kind: 'job',
      name: 'other-team-job',
      reason: 'owned by another config (other-config)',
      region: 'east',
    });
    expect(imported.only_in).toEqual({ west: ['job west-only-backfill'] });
    expect(reporter.lines.some((l) => l.includes('reading job nightly-sales'))).toBe(true);
  });

  it('writes ids as names and drops what the server fills in', () => {
    const nightly = readJson('jobs/nightly-sales.json');
    expect(nightly.tasks.find((t: Loose) => t.task_key === 'ingest').run_job_task).toEqual({
      job_name: 'ingest-orders',
    });
    const report = nightly.tasks.find((t: Loose) => t.task_key === 'report').sql_task;
    expect(report.warehouse_name).toBe('reporting-wh');
    expect(report.warehouse_id).toBeUndefined();
    const spec = nightly.job_clusters[0].new_cluster;
    expect(spec).toMatchObject({
      instance_pool_name: 'etl-pool',
      policy_name: 'etl-policy',
      num_workers: '${var.nightly_sales_new_cluster_num_workers}',
    });
    expect(spec.instance_pool_id).toBeUndefined();
    for (const key of ['job_id', 'created_time', 'creator_user_name', 'format', 'run_as'])
      expect(nightly[key], key).toBeUndefined();
    expect(readJson('jobs/ingest-orders.json').tasks[0]).toMatchObject({
      existing_cluster_name: 'shared-etl',
    });

    // Every other id a job holds: pipelines, SQL alerts, queries and legacy dashboards, Lakeview
    // dashboards, notification destinations, warehouses of every kind of task.
    const reports = readJson('jobs/sales-reports.json');
    const task = (key: string) => reports.tasks.find((t: Loose) => t.task_key === key);
    expect(reports.webhook_notifications).toEqual({ on_failure: [{ destination_name: 'sales-oncall' }] });
    expect(task('refresh').pipeline_task).toEqual({ pipeline_name: 'orders-dlt' });
    expect(task('check').sql_task).toEqual({
      warehouse_name: 'reporting-wh',
      alert: { alert_name: 'late orders', subscriptions: [{ destination_name: 'sales-oncall' }] },
    });
    expect(task('ready').sql_task.query).toEqual({ query_name: 'orders ready' });
    expect(task('legacy').sql_task.dashboard).toEqual({ dashboard_name: 'Sales (legacy)' });
    expect(task('dashboard').dashboard_task).toEqual({
      dashboard_name: 'Sales overview',
      warehouse_name: 'reporting-wh',
      subscription: { subscribers: [{ destination_name: 'sales-oncall' }] },
    });
    expect(task('revenue').notebook_task.warehouse_name).toBe('reporting-wh');
    expect(task('powerbi').power_bi_task.warehouse_name).toBe('reporting-wh');
    expect(task('late').alert_task).toEqual({ alert_name: 'late orders', warehouse_name: 'reporting-wh' });
    expect(JSON.stringify(reports)).not.toMatch(/_id"/);

    const cluster = readJson('clusters/shared-etl.json');
    expect(cluster.policy_name).toBe('etl-policy');
    for (const key of ['cluster_id', 'state', 'creator_user_name', 'policy_id', 'default_tags'])
      expect(cluster[key], key).toBeUndefined();
    expect(cluster.spark_conf['spark.hadoop.javax.jdo.option.ConnectionURL']).toBe(
      '${var.metastore_jdbc_url}',
    );
    expect(cluster.autoscale.max_workers).toMatch(/^\$\{var\.\w+\}$/);
  });

  it('writes the pipeline a job runs: no id or server default, its policy by name, per-region values as variables', () => {
    expect(readJson('pipelines/orders-dlt.json')).toEqual({
      name: 'orders-dlt',
      continuous: true,
      storage: '${var.orders_dlt_storage}',
      target: 'sales_silver',
      configuration: { 'spark.hadoop.javax.jdo.option.ConnectionURL': '${var.metastore_jdbc_url}' },
      libraries: [{ notebook: { path: '/Shared/sales/etl/ingest' } }],
      clusters: [{ policy_name: 'etl-policy', num_workers: 1 }],
      tags: { team: 'sales-data' },
    });
    const text = readFileSync(path.join(dir, 'databricks-dr.yml'), 'utf8');
    expect(text).toContain('pipelines:\n  - pipelines/*.json');
    expect(text).toContain(EAST.pipelineStorage);
    expect(text).toContain(WEST.pipelineStorage);
  });

  it('writes notebooks as source with the header, Jupyter ones as .ipynb, files as they are', () => {
    const nb = (rel: string) => readFileSync(path.join(dir, 'notebooks', rel), 'utf8');
    expect(nb('etl/ingest.py')).toMatch(/^# Databricks notebook source\n/);
    expect(nb('reporting/revenue.sql')).toMatch(/^-- Databricks notebook source\n/);
    expect(nb('util/Helpers.scala')).toMatch(/^\/\/ Databricks notebook source\n/);
    expect(nb('reporting/plot.r')).toMatch(/^# Databricks notebook source\n/);
    expect(JSON.parse(nb('ml/train.ipynb')).cells).toEqual(JSON.parse(IPYNB).cells);
    expect(nb('conf/settings.json')).toBe('{"batch": 500}\n');
    expect(nb('sql/revenue.sql')).toMatch(/^SELECT region/);
  });

  it('maps secret keys to environment variables and vaults to variables, never a value', () => {
    expect(readJson('secret-scopes/app.json')).toEqual({
      scope: 'app',
      backend: 'databricks',
      secrets: {
        'hive-password': { env: 'APP_HIVE_PASSWORD' },
        'orders-api-key': { env: 'APP_ORDERS_API_KEY' },
      },
      acls: [{ principal: 'users', permission: 'MANAGE' }],
    });
    expect(readJson('secret-scopes/kv-sales.json').keyvault).toEqual({
      resource_id: '${var.kv_sales_keyvault_resource_id}',
      dns_name: '${var.kv_sales_keyvault_dns_name}',
    });
    const everything = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => !existsSync(path.join(dir, f, '.')) || !f.includes('.'))
      .map((f) => {
        try {
          return readFileSync(path.join(dir, f), 'utf8');
        } catch {
          return '';
        }
      })
      .join('\n');
    expect(everything).not.toContain('never-read-Distinctive');
    for (const ws of emulator.workspaces)
      expect(ws.requests().some((r) => r.path.startsWith('/api/2.0/secrets/get'))).toBe(false);
    const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
    for (const name of ['DR_CLIENT_SECRET', 'APP_HIVE_PASSWORD', 'APP_ORDERS_API_KEY'])
      expect(readme).toContain(`\`${name}\``);
    expect(imported.ci_secrets.map((s) => s.env).sort()).toEqual([
      'APP_HIVE_PASSWORD',
      'APP_ORDERS_API_KEY',
      'DR_CLIENT_SECRET',
    ]);
  });

  it('fills in the config: roles, per-region variables, the notebook target and the adopt list', () => {
    const text = readFileSync(path.join(dir, 'databricks-dr.yml'), 'utf8');
    expect(text).toMatch(/^# the sales platform/);
    expect(text).toContain(EAST.jdbcUrl);
    expect(text).toContain(WEST.jdbcUrl);
    expect(text).toContain(WEST.vault.resource_id);
    expect(text).toMatch(/east:\n(.*\n)*?\s+role: active/);
    const report = validateProject(path.join(dir, 'databricks-dr.yml'), { env, cwd: dir });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const config = report.project!.config;
    expect(config.adopt.east.jobs['nightly-sales']).toBeTypeOf('number');
    expect(config.adopt.west.jobs['west-only-backfill']).toBeUndefined();
    expect(config.adopt.east.clusters['shared-etl']).toBeTypeOf('string');
    expect(config.adopt.west.pipelines?.['orders-dlt']).toBeTypeOf('string');
    expect(config.adopt.west.pipelines?.['orders-dlt']).not.toBe(config.adopt.east.pipelines?.['orders-dlt']);
    expect(config.regions.find((r) => r.name === 'west')!.variables.metastore_jdbc_url).toBe(WEST.jdbcUrl);
  });

  it('plan on the imported region changes nothing; a deploy brings an empty third region to the same definitions; drift is in sync', async () => {
    const configFile = path.join(dir, 'databricks-dr.yml');
    const plan = await runDeploy({
      configFile,
      reporter: new RecordingReporter(),
      env,
      cwd: dir,
      regions: ['east'],
      dryRun: true,
      client: client(),
    });
    expect(plan.regions.east.errors).toEqual([]);
    expect(plan.regions.east.changes).toEqual([]);

    const east = emulator.workspace('east');
    east.clearRequests();
    const deploy = await runDeploy({
      configFile,
      reporter: new RecordingReporter(),
      env,
      cwd: dir,
      regions: ['east', 'third'],
      skipPreflight: true,
      client: client(),
    });
    expect(deploy.regions.third.errors).toEqual([]);
    expect(deploy.regions.east.changes).toEqual([]);
    // In the imported region only the tool's own records are written: no job, cluster, notebook or secret.
    const writes = east.requests().filter((r) => r.method === 'POST' && !r.object?.endsWith('/lock.json'));
    expect(writes.map((r) => r.path).filter((p) => !/workspace\/(import|mkdirs)$/.test(p))).toEqual([]);

    const drift = await runDrift({
      configFile,
      reporter: new RecordingReporter(),
      env,
      cwd: dir,
      regions: ['east', 'third'],
      client: client(),
    });
    expect(drift.regions.east.drift).toEqual([]);
    expect(drift.regions.third.drift).toEqual([]);
    const thirdJobs = await call<{ jobs: Array<{ settings: { name: string } }> }>(
      emulator.workspace('third'),
      'GET',
      '/api/2.2/jobs/list?expand_tasks=true',
    );
    // The names became the third workspace's own ids.
    const third = emulator.workspace('third');
    const reports: Loose = thirdJobs.jobs.find((j) => j.settings.name === 'sales-reports')!.settings;
    const legacy = await call<Loose>(third, 'GET', '/api/2.0/preview/sql/dashboards');
    const destinations = await call<Loose>(third, 'GET', '/api/2.0/notification-destinations');
    expect(reports.tasks.find((t: Loose) => t.task_key === 'legacy').sql_task.dashboard.dashboard_id).toBe(
      legacy.results[0].id,
    );
    expect(reports.webhook_notifications.on_failure).toEqual([{ id: destinations.results[0].id }]);
    // The imported pipeline was deployed there, and the job runs it by the third workspace's id.
    const thirdPipelines = Object.values(third.state().pipelines ?? {});
    expect(thirdPipelines.map((p) => p.spec.name)).toEqual(['orders-dlt']);
    expect(thirdPipelines[0].spec).toMatchObject({
      continuous: false,
      storage: EAST.pipelineStorage,
      tags: { team: 'sales-data', 'databricks-dr': 'sales-platform' },
    });
    expect(reports.tasks.find((t: Loose) => t.task_key === 'refresh').pipeline_task).toEqual({
      pipeline_id: thirdPipelines[0].pipeline_id,
    });
    expect(thirdJobs.jobs.map((j) => j.settings.name).sort()).toEqual([
      'ingest-orders',
      'nightly-sales',
      'sales-reports',
    ]);
  }, 60_000);

  it('the compare region is taken over in passive form, and a failover moves the imported jobs between roles', async () => {
    const configFile = path.join(dir, 'databricks-dr.yml');
    const deploy = await runDeploy({
      configFile,
      reporter: new RecordingReporter(),
      env,
      cwd: dir,
      skipPreflight: true,
      client: client(),
    });
    for (const r of ['east', 'west', 'third']) expect(deploy.regions[r].errors, r).toEqual([]);
    const settingsIn = async (ws: string) => {
      const list = await call<{ jobs: Array<{ job_id: number; settings: Loose }> }>(
        emulator.workspace(ws),
        'GET',
        '/api/2.2/jobs/list',
      );
      return new Map(list.jobs.map((j) => [j.settings.name as string, j.settings]));
    };
    const west = await settingsIn('west');
    // Imported in west: passive now. Not imported (west-only, another config's): untouched.
    expect(west.get('nightly-sales')).toMatchObject({
      max_concurrent_runs: 0,
      schedule: { pause_status: 'PAUSED' },
    });
    expect(west.get('west-only-backfill')!.max_concurrent_runs).toBe(1);
    expect(west.get('west-only-backfill')!.tags).toBeUndefined();
    expect(west.get('other-team-job')!.tags).toEqual({ 'databricks-dr': 'other-config' });
    const pipelineIn = async (ws: string) =>
      Object.values(emulator.workspace(ws).state().pipelines ?? {}).find((p) => p.spec.name === 'orders-dlt')!
        .spec;
    expect((await pipelineIn('west')).continuous).toBe(false);
    // The imported region's pipeline matched its file: adopted, never written, so still untagged.
    expect((await pipelineIn('east')).tags).toEqual({ team: 'sales-data' });

    const failover = await runFailover({
      configFile,
      reporter: new RecordingReporter(),
      env,
      to: 'west',
      client: client(),
    });
    expect(failover.regions.west.errors).toEqual([]);
    const east = await settingsIn('east');
    expect(east.get('nightly-sales')).toMatchObject({
      max_concurrent_runs: 0,
      schedule: { pause_status: 'PAUSED' },
    });
    expect(east.get('ingest-orders')!.max_concurrent_runs).toBe(0);
    // The adopted pipelines change roles too: the old active one stops being continuous.
    expect((await pipelineIn('east')).continuous).toBe(false);
    expect((await pipelineIn('west')).continuous).toBe(true);
    expect(east.get('other-team-job')!.max_concurrent_runs ?? 1).toBe(1);
    expect((await settingsIn('west')).get('nightly-sales')).toMatchObject({
      max_concurrent_runs: 1,
      schedule: { pause_status: 'UNPAUSED' },
    });
  }, 60_000);
});
