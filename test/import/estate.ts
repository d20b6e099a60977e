/**
 * A hand-made estate in emulated workspaces, seeded over the REST API (never by import or deploy):
 * a policy, a pool, a warehouse, a pinned shared cluster on the external Hive metastore, jobs that
 * refer to them and to each other by id, a Lakeflow pipeline on the Hive metastore, notebooks in five languages and formats, a file, a
 * Databricks-backed and a Key Vault-backed scope, and per-region differences.
 */
import type { EmulatedWorkspace } from '../../src/emulator/index.js';

export const SEED_TOKEN = 'entra-seed-token-Distinctive-5511';

export interface RegionFlavour {
  jdbcUrl: string;
  maxWorkers: number;
  vault: { resource_id: string; dns_name: string };
  /** The pipeline's storage location (Hive metastore pipelines keep one per region). */
  pipelineStorage: string;
  /** A job only this region has. */
  extraJob?: string;
}

export const EAST: RegionFlavour = {
  jdbcUrl: 'jdbc:sqlserver://sql-dr-eastus.database.windows.net:1433;database=hms',
  maxWorkers: 8,
  vault: {
    resource_id:
      '/subscriptions/0000/resourceGroups/rg-east/providers/Microsoft.KeyVault/vaults/kv-sales-east',
    dns_name: 'https://kv-sales-east.vault.azure.net/',
  },
  pipelineStorage: 'abfss://pipelines@stsaleseast.dfs.core.windows.net/orders',
};

export const WEST: RegionFlavour = {
  jdbcUrl: 'jdbc:sqlserver://sql-dr-westus.database.windows.net:1433;database=hms',
  maxWorkers: 4,
  vault: {
    resource_id:
      '/subscriptions/0000/resourceGroups/rg-west/providers/Microsoft.KeyVault/vaults/kv-sales-west',
    dns_name: 'https://kv-sales-west.vault.azure.net/',
  },
  pipelineStorage: 'abfss://pipelines@stsaleswest.dfs.core.windows.net/orders',
  extraJob: 'west-only-backfill',
};

export async function call<T = Record<string, unknown>>(
  ws: EmulatedWorkspace,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${ws.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${SEED_TOKEN}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} in ${ws.name}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

async function notebook(ws: EmulatedWorkspace, path: string, language: string, text: string) {
  await call(ws, 'POST', '/api/2.0/workspace/mkdirs', { path: path.slice(0, path.lastIndexOf('/')) });
  await call(ws, 'POST', '/api/2.0/workspace/import', {
    path,
    format: 'SOURCE',
    language,
    content: b64(text),
  });
}

export const IPYNB = `${JSON.stringify(
  {
    cells: [
      { cell_type: 'markdown', metadata: {}, source: ['# Train the demand model'] },
      { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: ['print("training")'] },
    ],
    metadata: { language_info: { name: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  },
  null,
  1,
)}\n`;

/**
 * What jobs point at that neither import nor deploy makes: a SQL alert, query, Lakeview and
 * legacy SQL dashboards, a notification destination (pipelines are imported and deployed). The Databricks APIs for these are
 * read-only in the emulator, so they are seeded through its admin route; each workspace gives
 * them its own ids.
 */
export const ASSETS = {
  alerts: ['late orders'],
  queries: ['orders ready'],
  dashboards: ['Sales overview'],
  sqlDashboards: ['Sales (legacy)'],
  destinations: ['sales-oncall'],
};

export async function seedAssets(ws: EmulatedWorkspace): Promise<void> {
  const res = await fetch(`${ws.url}/__emulator/assets`, { method: 'POST', body: JSON.stringify(ASSETS) });
  if (!res.ok) throw new Error(`seeding assets in ${ws.name}: ${res.status} ${await res.text()}`);
}

/** The id of the one object of a list answer. */
async function onlyId(ws: EmulatedWorkspace, listPath: string, items: string, id: string): Promise<string> {
  const page = await call<Record<string, Array<Record<string, string>>>>(ws, 'GET', listPath);
  return page[items][0][id];
}

/** A job that names one of each by id: every slot the Jobs API has for them. */
async function reportsJob(
  ws: EmulatedWorkspace,
  warehouse_id: string,
  pipeline_id: string,
): Promise<Record<string, unknown>> {
  await seedAssets(ws);
  const alert_id = await onlyId(ws, '/api/2.0/sql/alerts', 'results', 'id');
  const query_id = await onlyId(ws, '/api/2.0/sql/queries', 'results', 'id');
  const dashboard_id = await onlyId(ws, '/api/2.0/lakeview/dashboards', 'dashboards', 'dashboard_id');
  const legacy_id = await onlyId(ws, '/api/2.0/preview/sql/dashboards', 'results', 'id');
  const destination_id = await onlyId(ws, '/api/2.0/notification-destinations', 'results', 'id');
  return {
    name: 'sales-reports',
    webhook_notifications: { on_failure: [{ id: destination_id }] },
    tasks: [
      { task_key: 'refresh', pipeline_task: { pipeline_id } },
      {
        task_key: 'check',
        depends_on: [{ task_key: 'refresh' }],
        sql_task: { warehouse_id, alert: { alert_id, subscriptions: [{ destination_id }] } },
      },
      { task_key: 'ready', sql_task: { warehouse_id, query: { query_id } } },
      { task_key: 'legacy', sql_task: { warehouse_id, dashboard: { dashboard_id: legacy_id } } },
      {
        task_key: 'dashboard',
        dashboard_task: { dashboard_id, warehouse_id, subscription: { subscribers: [{ destination_id }] } },
      },
      {
        task_key: 'revenue',
        notebook_task: { notebook_path: '/Shared/sales/reporting/revenue', warehouse_id },
      },
      { task_key: 'powerbi', power_bi_task: { warehouse_id, connection_resource_name: 'pbi-sales' } },
      { task_key: 'late', alert_task: { alert_id, warehouse_id } },
    ],
  };
}

export async function seedEstate(ws: EmulatedWorkspace, flavour: RegionFlavour): Promise<void> {
  ws.addToken(SEED_TOKEN, 'entra');
  const { policy_id } = await call<{ policy_id: string }>(ws, 'POST', '/api/2.0/policies/clusters/create', {
    name: 'etl-policy',
    definition: JSON.stringify({
      'spark_conf.spark.databricks.cluster.profile': { type: 'forbidden', hidden: true },
    }),
  });
  const { instance_pool_id } = await call<{ instance_pool_id: string }>(
    ws,
    'POST',
    '/api/2.0/instance-pools/create',
    {
      instance_pool_name: 'etl-pool',
      node_type_id: 'Standard_DS3_v2',
      min_idle_instances: 0,
    },
  );
  const { id: warehouse_id } = await call<{ id: string }>(ws, 'POST', '/api/2.0/sql/warehouses', {
    name: 'reporting-wh',
    cluster_size: 'Small',
    max_num_clusters: 1,
    auto_stop_mins: 10,
  });
  const { cluster_id } = await call<{ cluster_id: string }>(ws, 'POST', '/api/2.1/clusters/create', {
    cluster_name: 'shared-etl',
    spark_version: '15.4.x-scala2.12',
    node_type_id: 'Standard_DS3_v2',
    autoscale: { min_workers: 2, max_workers: flavour.maxWorkers },
    autotermination_minutes: 60,
    policy_id,
    data_security_mode: 'NONE',
    spark_conf: {
      'spark.hadoop.javax.jdo.option.ConnectionURL': flavour.jdbcUrl,
      'spark.hadoop.javax.jdo.option.ConnectionPassword': '{{secrets/app/hive-password}}',
      'spark.sql.hive.metastore.version': '2.3.9',
    },
    custom_tags: { team: 'sales-data' },
  });
  await call(ws, 'POST', '/api/2.1/clusters/pin', { cluster_id });

  await notebook(ws, '/Shared/sales/etl/ingest', 'PYTHON', 'df = spark.read.table("orders")\ndisplay(df)\n');
  await notebook(ws, '/Shared/sales/reporting/revenue', 'SQL', 'SELECT sum(amount) FROM sales\n');
  await notebook(ws, '/Shared/sales/util/Helpers', 'SCALA', 'object Helpers { def one = 1 }\n');
  await notebook(ws, '/Shared/sales/reporting/plot', 'R', 'plot(1:10)\n');
  await call(ws, 'POST', '/api/2.0/workspace/mkdirs', { path: '/Shared/sales/ml' });
  await call(ws, 'POST', '/api/2.0/workspace/import', {
    path: '/Shared/sales/ml/train',
    format: 'JUPYTER',
    content: b64(IPYNB),
  });
  await call(ws, 'POST', '/api/2.0/workspace/mkdirs', { path: '/Shared/sales/sql' });
  await call(ws, 'POST', '/api/2.0/workspace/import', {
    path: '/Shared/sales/sql/revenue.sql',
    format: 'AUTO',
    content: b64('SELECT region, sum(amount) FROM sales GROUP BY region\n'),
  });
  await call(ws, 'POST', '/api/2.0/workspace/mkdirs', { path: '/Shared/sales/conf' });
  await call(ws, 'POST', '/api/2.0/workspace/import', {
    path: '/Shared/sales/conf/settings.json',
    format: 'AUTO',
    content: b64('{"batch": 500}\n'),
  });

  // A pipeline made by hand: per-region storage and metastore, a policy by id, a repo notebook.
  const { pipeline_id } = await call<{ pipeline_id: string }>(ws, 'POST', '/api/2.0/pipelines', {
    name: 'orders-dlt',
    continuous: true,
    storage: flavour.pipelineStorage,
    target: 'sales_silver',
    configuration: { 'spark.hadoop.javax.jdo.option.ConnectionURL': flavour.jdbcUrl },
    libraries: [{ notebook: { path: '/Shared/sales/etl/ingest' } }],
    clusters: [{ label: 'default', policy_id, num_workers: 1 }],
    tags: { team: 'sales-data' },
  });

  await call(ws, 'POST', '/api/2.0/pipelines', {
    name: 'other-team-pipeline',
    tags: { 'databricks-dr': 'other-config' },
  });

  const create = (settings: Record<string, unknown>) =>
    call<{ job_id: number }>(ws, 'POST', '/api/2.2/jobs/create', settings).then((r) => r.job_id);
  const ingest = await create({
    name: 'ingest-orders',
    tasks: [
      {
        task_key: 'ingest',
        existing_cluster_id: cluster_id,
        notebook_task: { notebook_path: '/Shared/sales/etl/ingest' },
      },
    ],
    tags: { team: 'sales-data' },
  });
  await create({
    name: 'nightly-sales',
    schedule: { quartz_cron_expression: '0 0 2 * * ?', timezone_id: 'UTC' },
    job_clusters: [
      {
        job_cluster_key: 'pool',
        new_cluster: {
          spark_version: '15.4.x-scala2.12',
          instance_pool_id,
          num_workers: flavour.maxWorkers,
          policy_id,
          data_security_mode: 'SINGLE_USER',
        },
      },
    ],
    tasks: [
      { task_key: 'ingest', run_job_task: { job_id: ingest } },
      {
        task_key: 'report',
        depends_on: [{ task_key: 'ingest' }],
        sql_task: { warehouse_id, file: { path: '/Shared/sales/sql/revenue.sql' } },
      },
      {
        task_key: 'train',
        depends_on: [{ task_key: 'report' }],
        job_cluster_key: 'pool',
        notebook_task: { notebook_path: '/Shared/sales/ml/train' },
      },
    ],
  });
  await create(await reportsJob(ws, warehouse_id, pipeline_id));
  await create({
    name: 'other-team-job',
    tags: { 'databricks-dr': 'other-config' },
    tasks: [
      { task_key: 't', existing_cluster_id: cluster_id, notebook_task: { notebook_path: '/Shared/x' } },
    ],
  });
  if (flavour.extraJob)
    await create({
      name: flavour.extraJob,
      tasks: [
        {
          task_key: 't',
          existing_cluster_id: cluster_id,
          notebook_task: { notebook_path: '/Shared/sales/etl/ingest' },
        },
      ],
    });

  await call(ws, 'POST', '/api/2.0/secrets/scopes/create', {
    scope: 'app',
    initial_manage_principal: 'users',
  });
  await call(ws, 'POST', '/api/2.0/secrets/put', {
    scope: 'app',
    key: 'hive-password',
    string_value: 'never-read-Distinctive-1',
  });
  await call(ws, 'POST', '/api/2.0/secrets/put', {
    scope: 'app',
    key: 'orders-api-key',
    string_value: 'never-read-Distinctive-2',
  });
  await call(ws, 'POST', '/api/2.0/secrets/scopes/create', {
    scope: 'kv-sales',
    scope_backend_type: 'AZURE_KEYVAULT',
    backend_azure_keyvault: flavour.vault,
  });
  ws.clearRequests();
}
