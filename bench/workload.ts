/**
 * Workload generators for the benchmarks and the soak: a team repository with N notebooks in D
 * folders, J multi-task jobs (tasks on managed clusters through `existing_cluster_name`, plus a job
 * cluster), C all-purpose clusters and S Databricks-backed secret scopes with two secrets each, and
 * a two-region config whose hosts and tokens come from the environment.
 *
 * Everything is deterministic: the same sizes give the same files, byte for byte.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface WorkloadSize {
  notebooks: number;
  folders: number;
  jobs: number;
  clusters: number;
  scopes: number;
}

export interface Workload {
  root: string;
  configFile: string;
  name: string;
  target: string;
  size: WorkloadSize;
  /** Secret env var → value (every secret the scopes name). */
  secrets: Record<string, string>;
  /** Notebook source files (absolute), in generation order. */
  notebookFiles: string[];
  /** Job files (absolute), in generation order. */
  jobFiles: string[];
  /** Workspace folders the notebooks land in, the target included. */
  folders: string[];
}

/** `${var.NAME}` written without a template-literal look-alike. */
export const v = (name: string) => `$${'{'}var.${name}}`;

const pad = (n: number, width = 4) => String(n).padStart(width, '0');

/** The folder (relative to notebooks/) of notebook i. */
function folderOf(i: number, size: WorkloadSize): string {
  return `area_${pad(i % Math.max(1, size.folders), 3)}`;
}

/** A notebook of a realistic size (a few KB) whose content depends on `revision`. */
function notebookSource(i: number, revision: number): { ext: string; text: string } {
  const kind = i % 10;
  if (kind === 9) {
    // A workspace file (init script / helper), not a notebook.
    return {
      ext: '.sh',
      text: `#!/bin/bash\n# helper ${i} revision ${revision}\nset -euo pipefail\necho "setting up ${i}"\n${'apt-get install -y unixodbc >/dev/null\n'.repeat(3)}`,
    };
  }
  if (kind === 8) {
    const cells = Array.from(
      { length: 6 },
      (_, c) =>
        `-- MAGIC %md\n-- MAGIC ## Step ${c} of report ${i}\n\n-- COMMAND ----------\n\nSELECT region, sum(amount) AS revenue_${c}\nFROM sales.orders_${i % 7}\nWHERE order_date >= date_sub(current_date(), ${c + 1})\nGROUP BY region;\n`,
    );
    return {
      ext: '.sql',
      text: `-- Databricks notebook source\n-- revision ${revision}\n${cells.join('\n-- COMMAND ----------\n\n')}`,
    };
  }
  const cells = Array.from(
    { length: 8 },
    (_, c) =>
      `# MAGIC %md\n# MAGIC ### Cell ${c} of notebook ${i}\n\n# COMMAND ----------\n\ndf_${c} = spark.read.table("bronze.events_${(i + c) % 13}")\ndf_${c} = df_${c}.filter("event_date >= current_date() - ${c + 1}").groupBy("customer_id").count()\ndisplay(df_${c}.limit(${10 + c}))\n`,
  );
  return {
    ext: '.py',
    text: `# Databricks notebook source\n# notebook ${i}, revision ${revision}\nimport pyspark.sql.functions as F\n\n# COMMAND ----------\n\n${cells.join('\n# COMMAND ----------\n\n')}`,
  };
}

/** Workspace path (without extension for notebooks) of notebook i. */
function notebookWorkspacePath(target: string, i: number, size: WorkloadSize): string {
  const { ext } = notebookSource(i, 0);
  const stem = `nb_${pad(i, 5)}`;
  return `${target}/${folderOf(i, size)}/${ext === '.sh' ? `${stem}.sh` : stem}`;
}

function jobDocument(
  j: number,
  size: WorkloadSize,
  target: string,
  revision: number,
): Record<string, unknown> {
  const steps = 2 + (j % 3);
  const nbIndex = (k: number) => {
    // Only notebooks (not .sh files) are notebook tasks.
    let i = (j * 7 + k * 3) % Math.max(1, size.notebooks);
    if (i % 10 === 9) i = (i + 1) % Math.max(1, size.notebooks);
    return i;
  };
  const tasks = Array.from({ length: steps }, (_, k) => {
    const base = {
      task_key: `step_${k}`,
      ...(k > 0 ? { depends_on: [{ task_key: `step_${k - 1}` }] } : {}),
      max_retries: 1,
      timeout_seconds: 3600,
    };
    if (k === steps - 1 && j % 2 === 0) {
      return {
        ...base,
        job_cluster_key: 'jc',
        notebook_task: {
          notebook_path: notebookWorkspacePath(target, nbIndex(k), size),
          base_parameters: { env: v('env') },
        },
      };
    }
    return {
      ...base,
      existing_cluster_name: `shared-${pad((j + k) % Math.max(1, size.clusters), 2)}`,
      notebook_task: {
        notebook_path: notebookWorkspacePath(target, nbIndex(k), size),
        base_parameters: { run_date: '{{job.start_time.iso_date}}', job_id: '{{job.id}}', env: v('env') },
      },
    };
  });
  return {
    name: `bench-job-${pad(j)}`,
    description: `Generated job ${j}, revision ${revision}.`,
    tags: { team: 'bench', index: String(j) },
    max_concurrent_runs: 1 + (j % 2),
    timeout_seconds: 14400,
    queue: { enabled: true },
    schedule: {
      quartz_cron_expression: `0 ${j % 60} ${j % 24} * * ?`,
      timezone_id: 'Europe/Amsterdam',
      pause_status: 'UNPAUSED',
    },
    email_notifications: { on_failure: ['oncall@example.com'], no_alert_for_skipped_runs: true },
    parameters: [{ name: 'run_date', default: '' }],
    ...(j % 2 === 0
      ? {
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
        }
      : {}),
    tasks,
  };
}

function clusterDocument(c: number, revision: number, withSecret = true): Record<string, unknown> {
  return {
    cluster_name: `shared-${pad(c, 2)}`,
    spark_version: '15.4.x-scala2.12',
    node_type_id: 'Standard_DS3_v2',
    autoscale: { min_workers: 1, max_workers: v('workers') },
    autotermination_minutes: 60 + revision,
    spark_conf: {
      'spark.hadoop.javax.jdo.option.ConnectionURL': v('jdbc'),
      ...(withSecret
        ? { 'spark.hadoop.javax.jdo.option.ConnectionPassword': '{{secrets/bench-scope-00/key-0}}' }
        : {}),
    },
    spark_env_vars: { DR_REGION: '${region.name}' },
    custom_tags: { team: 'bench', env: v('env') },
  };
}

/** Secret values: distinctive, per scope and key, deterministic per `salt`. */
export function secretEnv(size: WorkloadSize, salt: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (let s = 0; s < size.scopes; s++)
    for (let k = 0; k < 2; k++) env[`BENCH_SECRET_${s}_${k}`] = `bench-${salt}-${s}-${k}-value`;
  return env;
}

export function generateWorkload(root: string, size: WorkloadSize, name = 'bench-platform'): Workload {
  rmSync(root, { recursive: true, force: true });
  const target = '/Shared/bench';
  for (const d of ['jobs', 'clusters', 'secret-scopes', 'notebooks'])
    mkdirSync(path.join(root, d), { recursive: true });
  writeFileSync(
    path.join(root, 'databricks-dr.yml'),
    `version: 1
name: ${name}
regions:
  primary:
    host: http://127.0.0.1:1
    role: active
    auth: { type: pat, token_env: DATABRICKS_TOKEN_PRIMARY }
    variables: { env: prod-eastus, workers: 4, jdbc: "jdbc:sqlserver://sql-dr-eastus.database.windows.net:1433;database=hms" }
  secondary:
    host: http://127.0.0.1:2
    role: passive
    auth: { type: pat, token_env: DATABRICKS_TOKEN_SECONDARY }
    variables: { env: prod-westus, workers: 2, jdbc: "jdbc:sqlserver://sql-dr-westus.database.windows.net:1433;database=hms" }
notebooks:
  - { source: notebooks, target: ${target}, delete_orphans: true }
jobs: [jobs/*.json]
clusters: [clusters/*.json]
secret_scopes: [secret-scopes/*.json]
external_clusters: []
prune: { jobs: true, clusters: true, secret_scopes: true }
`,
  );
  const folders = new Set<string>([target]);
  const notebookFiles: string[] = [];
  for (let i = 0; i < size.notebooks; i++) {
    const folder = folderOf(i, size);
    folders.add(`${target}/${folder}`);
    mkdirSync(path.join(root, 'notebooks', folder), { recursive: true });
    const { ext, text } = notebookSource(i, 0);
    const file = path.join(root, 'notebooks', folder, `nb_${pad(i, 5)}${ext}`);
    writeFileSync(file, text);
    notebookFiles.push(file);
  }
  for (let c = 0; c < size.clusters; c++)
    writeFileSync(
      path.join(root, `clusters/shared-${pad(c, 2)}.json`),
      `${JSON.stringify(clusterDocument(c, 0, size.scopes > 0), null, 2)}\n`,
    );
  for (let s = 0; s < size.scopes; s++)
    writeFileSync(
      path.join(root, `secret-scopes/bench-scope-${pad(s, 2)}.json`),
      `${JSON.stringify(
        {
          scope: `bench-scope-${pad(s, 2)}`,
          backend: 'databricks',
          secrets: { 'key-0': { env: `BENCH_SECRET_${s}_0` }, 'key-1': { env: `BENCH_SECRET_${s}_1` } },
          acls: [{ principal: 'users', permission: 'READ' }],
        },
        null,
        2,
      )}\n`,
    );
  const jobFiles: string[] = [];
  for (let j = 0; j < size.jobs; j++) {
    const file = path.join(root, `jobs/job-${pad(j)}.json`);
    writeFileSync(file, `${JSON.stringify(jobDocument(j, size, target, 0), null, 2)}\n`);
    jobFiles.push(file);
  }
  return {
    root,
    configFile: path.join(root, 'databricks-dr.yml'),
    name,
    target,
    size,
    secrets: secretEnv(size, 'static'),
    notebookFiles,
    jobFiles,
    folders: [...folders].sort(),
  };
}

/**
 * Changes every `1/fraction`-th notebook and job (a new revision), spread over all folders.
 * Returns how many of each changed.
 */
export function changeFraction(
  w: Workload,
  fraction: number,
  revision: number,
  offset = 0,
): { notebooks: number; jobs: number } {
  const every = Math.max(1, Math.round(1 / fraction));
  let notebooks = 0;
  for (let i = offset % every; i < w.notebookFiles.length; i += every) {
    writeFileSync(w.notebookFiles[i], notebookSource(i, revision).text);
    notebooks++;
  }
  let jobs = 0;
  for (let j = offset % every; j < w.jobFiles.length; j += every) {
    writeFileSync(w.jobFiles[j], `${JSON.stringify(jobDocument(j, w.size, w.target, revision), null, 2)}\n`);
    jobs++;
  }
  return { notebooks, jobs };
}

/** Rewrites one cluster file with a new revision (an `edit` on the next deploy). */
export function changeCluster(w: Workload, c: number, revision: number): void {
  writeFileSync(
    path.join(w.root, `clusters/shared-${pad(c, 2)}.json`),
    `${JSON.stringify(clusterDocument(c, revision, w.size.scopes > 0), null, 2)}\n`,
  );
}

/**
 * The validation benchmark's repository (from the former bench/validate.bench.ts): 1,000 realistic
 * job files (multi-task, shared and job clusters, schedules, notifications, `${var.X}`
 * references), 10 clusters, 2 scopes, 40 notebooks and a two-region Entra-authenticated config.
 */
export function generateValidationRepo(root: string, jobs = 1000, clusters = 10, notebooks = 40): string {
  rmSync(root, { recursive: true, force: true });
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
  for (let i = 0; i < notebooks; i++)
    writeFileSync(
      path.join(root, `notebooks/etl/step_${i}.py`),
      `# Databricks notebook source\nprint(${i})\n`,
    );
  for (let c = 0; c < clusters; c++) {
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
  for (let j = 0; j < jobs; j++) {
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
            existing_cluster_name: `shared-${j % clusters}`,
            notebook_task: {
              notebook_path: `/Shared/bench/etl/step_${(j + k) % notebooks}`,
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

/** Adds job `bench-extra-<k>` (a create on the next deploy); returns its file. */
export function writeExtraJob(w: Workload, k: number): string {
  const doc = jobDocument(k, w.size, w.target, k);
  doc.name = `bench-extra-${pad(k, 3)}`;
  const file = path.join(w.root, `jobs/extra-${pad(k, 3)}.json`);
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  return file;
}

/** Adds notebook `extra/extra_<k>` (a create on the next deploy); returns its file. */
export function writeExtraNotebook(w: Workload, k: number): string {
  mkdirSync(path.join(w.root, 'notebooks/extra'), { recursive: true });
  const { ext, text } = notebookSource(k, k);
  const file = path.join(w.root, `notebooks/extra/extra_${pad(k, 3)}${ext}`);
  writeFileSync(file, text);
  return file;
}
