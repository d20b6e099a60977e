/**
 * Benchmark: `validateProject` on a generated repository of 1,000 realistic job files (multi-task,
 * shared and job clusters, schedules, notifications, `${var.X}` references), 10 clusters, 2 scopes,
 * 40 notebooks and a two-region config. Target: under 1 s cold (the first call in the process,
 * schema compilation included).
 *
 *   node bench/validate.run.mjs        (bundles this file with esbuild, runs it on this Node)
 *
 * Prints the cold time and the mean of 5 warm runs; exits 1 when the cold run misses the target.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatDiagnostic } from '../src/core/errors.js';
import { hasErrors, validateProject } from '../src/core/validate/index.js';

/** `${var.NAME}` written without a template-literal look-alike. */
const v = (name: string) => `$${'{'}var.${name}}`;

const JOBS = 1000;
const CLUSTERS = 10;
const NOTEBOOKS = 40;

function generate(root: string): string {
  for (const d of ['jobs', 'clusters', 'secret-scopes', 'notebooks/etl'])
    mkdirSync(path.join(root, d), { recursive: true });
  writeFileSync(
    path.join(root, 'databricks-dr.yml'),
    `version: 1
name: bench-platform
regions:
  primary:
    host: https://adb-1111111111111111.11.azuredatabricks.net
    role: active
    auth: { type: azure-oidc, tenant_id: "t", client_id: "c" }
    variables: { env: prod-eastus, warehouse: abc123, workers: 4, jdbc: "jdbc:sqlserver://a" }
  secondary:
    host: https://adb-2222222222222222.2.azuredatabricks.net
    role: passive
    auth: { type: azure-oidc, tenant_id: "t", client_id: "c" }
    variables: { env: prod-westus, warehouse: def456, workers: 2, jdbc: "jdbc:sqlserver://b" }
notebooks:
  - { source: notebooks, target: /Shared/bench }
jobs: [jobs/*.json]
clusters: [clusters/*.json]
secret_scopes: [secret-scopes/*.json]
`,
  );
  for (let i = 0; i < NOTEBOOKS; i++)
    writeFileSync(
      path.join(root, `notebooks/etl/step_${i}.py`),
      `# Databricks notebook source\nprint(${i})\n`,
    );
  for (let c = 0; c < CLUSTERS; c++) {
    writeFileSync(
      path.join(root, `clusters/cluster-${c}.json`),
      JSON.stringify(
        {
          cluster_name: `shared-${c}`,
          spark_version: '15.4.x-scala2.12',
          node_type_id: 'Standard_DS3_v2',
          autoscale: { min_workers: 1, max_workers: v('workers') },
          autotermination_minutes: 60,
          spark_conf: {
            'spark.hadoop.javax.jdo.option.ConnectionURL': v('jdbc'),
            'spark.x': '{{secrets/app/pw}}',
          },
          custom_tags: { team: 'bench', env: v('env') },
        },
        null,
        2,
      ),
    );
  }
  writeFileSync(
    path.join(root, 'secret-scopes/app.json'),
    JSON.stringify({
      scope: 'app',
      backend: 'databricks',
      secrets: { pw: { env: 'PW' } },
      acls: [{ principal: 'users', permission: 'READ' }],
    }),
  );
  writeFileSync(
    path.join(root, 'secret-scopes/kv.json'),
    JSON.stringify({
      scope: 'kv',
      backend: 'azure_keyvault',
      keyvault: {
        resource_id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv',
        dns_name: 'https://kv.vault.azure.net/',
      },
    }),
  );
  for (let j = 0; j < JOBS; j++) {
    const steps = 3 + (j % 4);
    const tasks = Array.from({ length: steps }, (_, k) => ({
      task_key: `step_${k}`,
      ...(k > 0 ? { depends_on: [{ task_key: `step_${k - 1}` }] } : {}),
      ...(k % 3 === 2
        ? {
            job_cluster_key: 'jc',
            spark_python_task: {
              python_file: '/Shared/bench/etl/tool.py',
              parameters: ['--env', v('env')],
            },
          }
        : {
            existing_cluster_name: `shared-${j % CLUSTERS}`,
            notebook_task: {
              notebook_path: `/Shared/bench/etl/step_${(j + k) % NOTEBOOKS}`,
              base_parameters: { run_date: '{{job.start_time.iso_date}}', env: v('env') },
            },
          }),
      max_retries: 1,
      timeout_seconds: 3600,
    }));
    writeFileSync(
      path.join(root, `jobs/job-${String(j).padStart(4, '0')}.json`),
      JSON.stringify(
        {
          name: `bench-job-${j}`,
          description: 'Generated for the validation benchmark.',
          tags: { team: 'bench', index: String(j) },
          max_concurrent_runs: 1,
          timeout_seconds: 14400,
          queue: { enabled: true },
          schedule: {
            quartz_cron_expression: `0 ${j % 60} ${j % 24} * * ?`,
            timezone_id: 'Europe/Amsterdam',
          },
          email_notifications: { on_failure: ['oncall@example.com'] },
          parameters: [{ name: 'run_date', default: '' }],
          job_clusters: [
            {
              job_cluster_key: 'jc',
              new_cluster: {
                spark_version: '15.4.x-scala2.12',
                node_type_id: 'Standard_DS3_v2',
                num_workers: v('workers'),
              },
            },
          ],
          tasks,
        },
        null,
        2,
      ),
    );
  }
  writeFileSync(path.join(root, 'notebooks/etl/tool.py'), 'print("a plain file")\n');
  return path.join(root, 'databricks-dr.yml');
}

const TARGET_MS = 1000;
const root = mkdtempSync(path.join(tmpdir(), 'dr-validate-bench-'));
try {
  const config = generate(root);
  const started = performance.now();
  const report = validateProject(config, { cwd: root });
  const cold = performance.now() - started;
  if (hasErrors(report)) {
    throw new Error(
      `the generated repository should be valid:\n${report.diagnostics.map(formatDiagnostic).join('\n')}`,
    );
  }
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    validateProject(config, { cwd: root });
    warm.push(performance.now() - t);
  }
  const mean = warm.reduce((a, b) => a + b, 0) / warm.length;
  console.log(
    `validateProject: ${report.files} files (${JOBS} jobs, ${CLUSTERS} clusters, 2 scopes, ${NOTEBOOKS + 1} notebook files, 2 regions)`,
  );
  console.log(
    `  cold ${cold.toFixed(0)} ms (target < ${TARGET_MS} ms), warm mean ${mean.toFixed(0)} ms over ${warm.length} runs`,
  );
  if (cold >= TARGET_MS) process.exitCode = 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
