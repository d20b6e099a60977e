/**
 * The import command line over real HTTP: the minimal config, flags, --json, refusals that write
 * nothing, and ownership: only the imported objects are taken over.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';
import { call, EAST, seedAssets, seedEstate, WEST } from './estate.js';

let emulator: Emulator;
let env: NodeJS.ProcessEnv;

async function cli(argv: string[], cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  const code = await main(argv, { stdout, stderr, env, cwd });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A folder with the config a team writes first: version, name, regions with hosts and auth. */
function minimalProject(extra = ''): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dr-import-cli-'));
  writeFileSync(
    path.join(dir, 'databricks-dr.yml'),
    [
      'version: 1',
      'name: sales-platform',
      'regions:',
      '  east: { host: http://127.0.0.1:1, auth: { type: pat, token_env: TOKEN_EAST } }',
      '  west: { host: http://127.0.0.1:1, auth: { type: pat, token_env: TOKEN_WEST } }',
      extra,
    ].join('\n'),
  );
  return dir;
}

beforeAll(async () => {
  emulator = await startEmulator({
    workspaces: [{ name: 'east' }, { name: 'west' }, { name: 'third' }],
    rateLimits: 'off',
    clusterStartMs: 20,
    clusterTerminateMs: 20,
  });
  await seedEstate(emulator.workspace('east'), EAST);
  await seedEstate(emulator.workspace('west'), WEST);
  // An empty region but for what the jobs name and no deploy creates.
  const third = emulator.workspace('third');
  third.addToken('entra-seed-token-Distinctive-5511', 'entra');
  await seedAssets(third);
  await call(third, 'POST', '/api/2.0/policies/clusters/create', { name: 'etl-policy', definition: '{}' });
  await call(third, 'POST', '/api/2.0/instance-pools/create', {
    instance_pool_name: 'etl-pool',
    node_type_id: 'Standard_DS3_v2',
  });
  await call(third, 'POST', '/api/2.0/sql/warehouses', { name: 'reporting-wh', cluster_size: 'Small' });
  const [e, w] = emulator.workspaces;
  env = {
    DATABRICKS_DR_HOST_EAST: e.url,
    DATABRICKS_DR_HOST_WEST: w.url,
    DATABRICKS_DR_HOST_THIRD: third.url,
    TOKEN_EAST: e.token,
    TOKEN_WEST: w.token,
    TOKEN_THIRD: third.token,
    APP_HIVE_PASSWORD: 'hive-Distinctive-77',
    APP_ORDERS_API_KEY: 'orders-Distinctive-88',
  };
}, 60_000);

afterAll(() => emulator?.stop());

describe('databricks-dr import (CLI)', () => {
  it('done when: import → validate → plan changes nothing → deploy to an empty region → drift in sync in both', async () => {
    const dir = minimalProject(
      '  third: { host: http://127.0.0.1:1, auth: { type: pat, token_env: TOKEN_THIRD } }',
    );
    const imported = await cli(
      ['import', '--region', 'east', '--all-jobs', '--notebooks', '/Shared/sales', '--json'],
      dir,
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).imported.jobs.sort()).toEqual([
      'ingest-orders',
      'nightly-sales',
      'sales-reports',
    ]);
    expect((await cli(['validate'], dir)).code).toBe(0);
    const plan = await cli(['plan', '--region', 'east', '--json'], dir);
    expect(plan.code, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout).regions.east).toMatchObject({ errors: [], changes: [] });
    const deploy = await cli(['deploy', '--region', 'east', '--region', 'third', '--json'], dir);
    expect(deploy.code, deploy.stdout).toBe(0);
    const deployed = JSON.parse(deploy.stdout).regions;
    expect(deployed.east.changes).toEqual([]);
    expect(deployed.third.changes.length).toBeGreaterThan(0);
    const drift = await cli(['drift', '--region', 'east', '--region', 'third', '--json'], dir);
    expect(drift.code, drift.stdout).toBe(0);
    const regions = JSON.parse(drift.stdout).regions;
    expect(regions.east.drift).toEqual([]);
    expect(regions.third.drift).toEqual([]);
  }, 60_000);

  it('imports one job with what it uses, prints one JSON result, and the repository validates and plans clean', async () => {
    const dir = minimalProject();
    const res = await cli(
      ['import', '--region', 'east', '--job', 'nightly-sales', '--notebooks', '/Shared/sales', '--json'],
      dir,
    );
    expect(res.stderr).not.toContain('unexpected');
    expect(res.code).toBe(0);
    const result = JSON.parse(res.stdout);
    expect(res.stdout.trim().split('\n')).toHaveLength(1);
    // nightly-sales runs ingest-orders, which runs on shared-etl, which reads {{secrets/app/…}}.
    expect(result.imported.jobs.sort()).toEqual(['ingest-orders', 'nightly-sales']);
    expect(result.imported.clusters).toEqual(['shared-etl']);
    expect(result.imported.secret_scopes).toEqual(['app']);
    expect(result.ci_secrets.map((s: { env: string }) => s.env)).toEqual([
      'TOKEN_EAST',
      'TOKEN_WEST',
      'APP_HIVE_PASSWORD',
      'APP_ORDERS_API_KEY',
    ]);
    expect(readdirSync(path.join(dir, 'jobs')).sort()).toEqual(['ingest-orders.json', 'nightly-sales.json']);
    expect(res.stderr).toContain('east: reading job nightly-sales');

    expect((await cli(['validate'], dir)).code).toBe(0);
    const plan = await cli(['plan', '--region', 'east', '--json'], dir);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout).regions.east.changes).toEqual([]);
  }, 60_000);

  it.each([['--pipeline', 'orders-dlt'], ['--all-pipelines']])(
    '%s imports a pipeline on its own; the repository validates and plans clean',
    async (...flags) => {
      const dir = minimalProject();
      const res = await cli(
        ['import', '--region', 'east', ...flags, '--notebooks', '/Shared/sales', '--json'],
        dir,
      );
      expect(res.code, res.stderr).toBe(0);
      const result = JSON.parse(res.stdout);
      expect(result.imported).toMatchObject({ jobs: [], clusters: [], pipelines: ['orders-dlt'] });
      if (flags[0] === '--all-pipelines')
        expect(result.skipped).toContainEqual({
          kind: 'pipeline',
          name: 'other-team-pipeline',
          reason: 'owned by another config (other-config)',
          region: 'east',
        });
      expect(readdirSync(path.join(dir, 'pipelines'))).toEqual(['orders-dlt.json']);
      expect(res.stderr).toContain('east: reading pipeline orders-dlt');
      expect((await cli(['validate'], dir)).code).toBe(0);
      const plan = JSON.parse((await cli(['plan', '--region', 'east', '--json'], dir)).stdout);
      expect(plan.regions.east).toMatchObject({ errors: [], changes: [] });
      expect(plan.regions.east.unchanged.pipeline).toBe(1);
    },
    60_000,
  );

  it('takes over only the imported objects: a same-named object with another id is refused', async () => {
    const dir = minimalProject();
    expect((await cli(['import', '--region', 'east', '--job', 'ingest-orders'], dir)).code).toBe(0);
    // Another ingest-orders appears beside the imported one: only the listed id is owned; the
    // newcomer is neither adopted nor touched.
    const east = emulator.workspace('east');
    const { job_id: intruder } = await call<{ job_id: number }>(east, 'POST', '/api/2.2/jobs/create', {
      name: 'ingest-orders',
      tasks: [{ task_key: 't', notebook_task: { notebook_path: '/Shared/x' }, existing_cluster_id: 'x' }],
    });
    try {
      const plan = JSON.parse((await cli(['plan', '--region', 'east', '--json'], dir)).stdout);
      expect(plan.regions.east.errors).toEqual([]);
      expect(plan.regions.east.changes).toEqual([]);
      // With the imported id replaced by another, nothing of that name is owned: refused, not adopted.
      const file = path.join(dir, 'databricks-dr.yml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/ingest-orders: \d+/, 'ingest-orders: 1'));
      const refused = JSON.parse((await cli(['plan', '--region', 'east', '--json'], dir)).stdout);
      expect(refused.regions.east.errors.join('\n')).toMatch(
        /job "ingest-orders" exists in region east .*not managed by databricks-dr/,
      );
    } finally {
      await call(east, 'POST', '/api/2.2/jobs/delete', { job_id: intruder });
    }
  }, 60_000);

  it('refuses bad usage with exit 2 and writes nothing', async () => {
    const dir = minimalProject();
    const before = readFileSync(path.join(dir, 'databricks-dr.yml'), 'utf8');
    for (const argv of [
      ['import'],
      ['import', '--region', 'east', '--job', 'x', '--all-jobs'],
      ['import', '--region', 'nowhere'],
      ['import', '--region', 'east', '--compare-region', 'east'],
      ['import', '--region', 'east', '--jobs', 'x'],
    ]) {
      const res = await cli(argv, dir);
      expect(res.code, argv.join(' ')).toBe(2);
      expect(res.stderr).not.toMatch(/\bat \w+ \(/);
    }
    expect(readdirSync(dir)).toEqual(['databricks-dr.yml']);
    expect(readFileSync(path.join(dir, 'databricks-dr.yml'), 'utf8')).toBe(before);
  });

  it('reports a bad config with its position and never overwrites files it did not write', async () => {
    const bad = minimalProject('prune: yes-please');
    const res = await cli(['import', '--region', 'east'], bad);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('validation failed');

    const dir = minimalProject();
    expect((await cli(['import', '--region', 'east', '--job', 'ingest-orders'], dir)).code).toBe(0);
    const config = readFileSync(path.join(dir, 'databricks-dr.yml'), 'utf8');
    writeFileSync(
      path.join(dir, 'jobs/ingest-orders.json'),
      '{"name": "ingest-orders", "edited": "by hand"}\n',
    );
    const again = await cli(['import', '--region', 'east', '--job', 'ingest-orders', '--json'], dir);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).errors[0]).toMatch(
      /would overwrite 3 file\(s\).*jobs\/ingest-orders\.json.*nothing was written/,
    );
    expect(readFileSync(path.join(dir, 'jobs/ingest-orders.json'), 'utf8')).toContain('by hand');
    expect(readFileSync(path.join(dir, 'databricks-dr.yml'), 'utf8')).toBe(config);
  }, 60_000);

  it('lists objects present in one region only and lifts the differences with --compare-region', async () => {
    const dir = minimalProject();
    const out = path.join(dir, 'repo');
    const res = await cli(
      ['import', '--region', 'east', '--compare-region', 'west', '--all-jobs', '--out', 'repo'],
      dir,
    );
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('only in region west: job west-only-backfill');
    expect(res.stdout).toContain('east: job other-team-job: owned by another config (other-config)');
    const cluster = JSON.parse(readFileSync(path.join(out, 'clusters/shared-etl.json'), 'utf8'));
    expect(cluster.spark_conf['spark.hadoop.javax.jdo.option.ConnectionURL']).toBe(
      '${var.metastore_jdbc_url}',
    );
    expect(readFileSync(path.join(out, 'databricks-dr.yml'), 'utf8')).toContain(WEST.jdbcUrl);
  }, 60_000);
});
