/** examples/ is the team repository of the DR scenario: it validates clean and deploys what it says. */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateProject } from '../../src/core/validate/index.js';
import { EXAMPLE_JOBS } from '../helpers/project.js';
import { lines } from './helpers.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');

describe('examples/', () => {
  const report = validateProject(path.join(EXAMPLES, 'databricks-dr.yml'), { cwd: EXAMPLES, env: {} });

  test('validates clean: no errors, no warnings', () => {
    expect(lines(report)).toEqual([]);
  });

  test('the config: two regions on the emulator, primary active', () => {
    expect(report.config?.name).toBe('sales-platform');
    expect(report.config?.regions.map((r) => [r.name, r.role, r.host, r.auth])).toEqual([
      ['primary', 'active', 'http://127.0.0.1:8001', { type: 'pat', token_env: 'DATABRICKS_TOKEN_PRIMARY' }],
      [
        'secondary',
        'passive',
        'http://127.0.0.1:8002',
        { type: 'pat', token_env: 'DATABRICKS_TOKEN_SECONDARY' },
      ],
    ]);
  });

  test('the shared cluster points each region at its own Hive metastore; the password stays a secret reference', () => {
    const shared = report.project?.clusters.find((c) => c.name === 'shared-etl');
    const conf = (r: string) => shared?.byRegion[r].spark_conf as Record<string, string>;
    expect(conf('primary')['spark.hadoop.javax.jdo.option.ConnectionURL']).toContain('sql-dr-eastus');
    expect(conf('secondary')['spark.hadoop.javax.jdo.option.ConnectionURL']).toContain('sql-dr-westus');
    expect(conf('secondary')['spark.hadoop.javax.jdo.option.ConnectionPassword']).toBe(
      '{{secrets/app/hive-password}}',
    );
    expect(shared?.byRegion.primary.autoscale).toEqual({ min_workers: 2, max_workers: 8 });
    expect(shared?.byRegion.secondary.autoscale).toEqual({ min_workers: 2, max_workers: 4 });
  });

  test('jobs run on shared-etl (or run the pipeline), each started by a schedule or triggers; scopes: one Databricks-backed, one Key Vault-backed per region', () => {
    const jobs = report.project?.jobs ?? [];
    expect(jobs.map((j) => j.name).sort()).toEqual(EXAMPLE_JOBS);
    for (const j of jobs) {
      const settings = j.byRegion.primary;
      expect(settings.schedule ?? settings.triggers).toBeDefined();
      expect(JSON.stringify(settings)).toMatch(
        /"existing_cluster_name":"shared-etl"|"pipeline_name":"orders-silver"/,
      );
    }
    const byName = Object.fromEntries(jobs.map((j) => [j.name, j.byRegion.primary]));
    expect((byName['orders-landing'].triggers as unknown[]).length).toBe(3);
    expect(JSON.stringify(byName['regional-rollup'])).toMatch(
      /"for_each_task".*"condition_task"|"condition_task".*"for_each_task"/,
    );
    const scopes = Object.fromEntries((report.project?.scopes ?? []).map((s) => [s.name, s]));
    expect(scopes.app.byRegion.primary.backend).toBe('databricks');
    expect(scopes['kv-sales'].byRegion.secondary.keyvault).toEqual({
      resource_id:
        '/subscriptions/6f1c1b7e-2f0a-4c59-9a53-2d8d1c0e6a11/resourceGroups/rg-sales-westus/providers/Microsoft.KeyVault/vaults/kv-sales-westus',
      dns_name: 'https://kv-sales-westus.vault.azure.net/',
    });
  });

  test('notebooks in every language, a .ipynb and plain files', () => {
    const nb = (report.project?.notebooks ?? []).map((n) =>
      `${n.workspacePath} ${n.objectType} ${n.language ?? ''}`.trim(),
    );
    expect(nb).toEqual([
      '/Shared/sales/etl/ingest_orders NOTEBOOK PYTHON',
      '/Shared/sales/etl/orders_silver NOTEBOOK SQL',
      '/Shared/sales/etl/transform_sales NOTEBOOK SCALA',
      '/Shared/sales/init/install-odbc.sh FILE',
      '/Shared/sales/ml/explore_customers NOTEBOOK PYTHON',
      '/Shared/sales/ml/forecast_demand NOTEBOOK R',
      '/Shared/sales/ops/dr_smoke_test NOTEBOOK PYTHON',
      '/Shared/sales/ops/report_failure.py FILE',
      '/Shared/sales/reporting/daily_revenue NOTEBOOK SQL',
    ]);
  });
});
