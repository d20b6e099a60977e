/**
 * The one name-reference table, both directions: every slot of a job is resolved to the region's
 * id and nothing named is left for the API to refuse (tasks, for-each tasks, cluster specs,
 * notifications, every sql_condition); and the same job written with ids is named again by
 * import's direction, so id → name → id is the identity. The table itself is checked against its
 * rows: each row is met by the job below (a row added without a case here fails).
 */
import { describe, expect, it } from 'vitest';
import {
  bindReferences,
  emptyCatalog,
  type MissingReference,
  type RegionIds,
  resolveJobReferences,
} from '../../src/core/assets/references/index.js';
import { ImportCatalog, nameJobSettings } from '../../src/core/import/references.js';
import {
  KINDS,
  NAME_REFERENCES,
  type RefKind,
  type SymbolicReference,
  slotsOf,
} from '../../src/core/plan/name-refs.js';

const cond = () => ({ sql_query_name: 'ready', warehouse_name: 'wh' });
const hooks = (n: string) => ({
  on_start: [{ destination_name: n }],
  on_success: [{ destination_name: n }],
  on_failure: [{ destination_name: n }],
  on_duration_warning_threshold_exceeded: [{ destination_name: n }],
  on_streaming_backlog_exceeded: [{ destination_name: n }],
});
const cluster = { policy_name: 'pol', instance_pool_name: 'pool', driver_instance_pool_name: 'pool' };
const JOB = {
  name: 'all-kinds',
  schedule: { quartz_cron_expression: '0 0 1 * * ?', timezone_id: 'UTC', sql_condition: cond() },
  triggers: [{ periodic: { interval: 1, unit: 'HOURS' }, sql_condition: cond() }],
  trigger: { periodic: { interval: 1, unit: 'DAYS' }, sql_condition: cond() },
  webhook_notifications: hooks('hook'),
  job_clusters: [{ job_cluster_key: 'jc', new_cluster: cluster }],
  tasks: [
    {
      task_key: 'c',
      existing_cluster_name: 'shared',
      notebook_task: { notebook_path: '/n', warehouse_name: 'wh' },
    },
    { task_key: 'nc', new_cluster: cluster, spark_python_task: { python_file: '/p.py' } },
    { task_key: 'p', pipeline_task: { pipeline_name: 'dlt' } },
    { task_key: 'r', run_job_task: { job_name: 'Nightly' } },
    {
      task_key: 'a',
      alert_task: { alert_name: 'late', warehouse_name: 'wh', subscribers: [{ destination_name: 'hook' }] },
    },
    {
      task_key: 'd',
      dashboard_task: {
        dashboard_name: 'sales',
        warehouse_name: 'wh',
        subscription: { subscribers: [{ destination_name: 'hook' }] },
      },
    },
    {
      task_key: 'q',
      sql_task: { warehouse_name: 'wh', query: { query_name: 'ready' } },
      webhook_notifications: hooks('hook'),
    },
    {
      task_key: 's',
      sql_task: {
        warehouse_name: 'wh',
        alert: { alert_name: 'late', subscriptions: [{ destination_name: 'hook' }] },
      },
    },
    {
      task_key: 'l',
      sql_task: {
        warehouse_name: 'wh',
        dashboard: { dashboard_name: 'legacy', subscriptions: [{ destination_name: 'hook' }] },
      },
    },
    { task_key: 'b', dbt_task: { commands: ['dbt run'], warehouse_name: 'wh' } },
    { task_key: 'bi', power_bi_task: { warehouse_name: 'wh', connection_resource_name: 'pbi' } },
    {
      task_key: 'f',
      for_each_task: { inputs: '[1]', task: { task_key: 'fi', pipeline_task: { pipeline_name: 'dlt' } } },
    },
  ],
};

const IDS: Record<RefKind, [string, string | number]> = {
  clusters: ['shared', '0101-000000-c1'],
  policies: ['pol', 'POL1'],
  pools: ['pool', 'POOL1'],
  jobs: ['nightly', 77],
  warehouses: ['wh', 'W1'],
  pipelines: ['dlt', 'P1'],
  alerts: ['late', 'A1'],
  queries: ['ready', 'Q1'],
  dashboards: ['sales', 'D1'],
  sqlDashboards: ['legacy', 'L1'],
  destinations: ['hook', 'H1'],
};

function regionIds(): RegionIds {
  const catalog = emptyCatalog();
  for (const [kind, [name, id]] of Object.entries(IDS))
    if (kind in catalog) catalog[kind as keyof typeof catalog].set(name, String(id));
  return {
    catalog,
    clusterIds: new Map([[IDS.clusters[0], String(IDS.clusters[1])]]),
    jobIds: new Map([[IDS.jobs[0], IDS.jobs[1] as number]]),
  };
}

const NAMES = /"[a-z_]*_name":"(shared|pol|pool|Nightly|wh|dlt|late|ready|sales|legacy|hook)"/;

describe('the name-reference table', () => {
  it('meets every row in the job above', () => {
    const met = new Set(slotsOf(JOB, 'job').map((s) => s.ref));
    expect(NAME_REFERENCES.filter((r) => !met.has(r))).toEqual([]);
  });

  it('resolves every slot and leaves no name behind; the input is not changed', () => {
    const before = JSON.stringify(JOB);
    const missing: MissingReference[] = [];
    const out = resolveJobReferences(JOB, regionIds(), missing);
    expect(missing).toEqual([]);
    expect(JSON.stringify(JOB)).toBe(before);
    const text = JSON.stringify(out);
    expect(text).not.toMatch(NAMES);
    expect(text.match(/"W1"/g)).toHaveLength(11);
    expect(text.match(/"Q1"/g)).toHaveLength(4);
    expect(text.match(/"H1"/g)).toHaveLength(14);
    expect(text.match(/"POOL1"/g)).toHaveLength(4);
    expect(out.webhook_notifications).toEqual({
      on_start: [{ id: 'H1' }],
      on_success: [{ id: 'H1' }],
      on_failure: [{ id: 'H1' }],
      on_duration_warning_threshold_exceeded: [{ id: 'H1' }],
      on_streaming_backlog_exceeded: [{ id: 'H1' }],
    });
    const tasks = out.tasks as Array<Record<string, Record<string, unknown>>>;
    expect(tasks[0].existing_cluster_id).toBe('0101-000000-c1');
    expect(tasks[3].run_job_task).toEqual({ job_id: 77 });
    expect(tasks[8].sql_task.dashboard).toEqual({
      dashboard_id: 'L1',
      subscriptions: [{ destination_id: 'H1' }],
    });
  });

  it('names the resolved job again: id → name → id is the identity', async () => {
    const resolved = resolveJobReferences(JOB, regionIds(), []);
    const listed = Object.fromEntries(
      (Object.keys(KINDS) as RefKind[]).map((k) => {
        const name = k === 'jobs' ? 'Nightly' : IDS[k][0];
        return [
          k,
          [
            { id: String(IDS[k][1]), name },
            { id: 'other', name: `${name}-2` },
          ],
        ];
      }),
    );
    const renamed = structuredClone(resolved);
    const followed = await nameJobSettings(renamed, new ImportCatalog({} as never, listed));
    expect(followed.filter((f) => f.problem)).toEqual([]);
    expect(renamed).toEqual(JOB);
  });

  it('keeps an id whose name is shared or unknown, and says why', async () => {
    const job = {
      name: 'j',
      tasks: [
        { task_key: 'a', sql_task: { warehouse_id: 'W1', query: { query_id: 'Q9' } } },
        { task_key: 'b', sql_task: { warehouse_id: '{{job.parameters.wh}}', file: { path: '/q.sql' } } },
      ],
    };
    const catalog = new ImportCatalog({} as never, {
      warehouses: [
        { id: 'W1', name: 'wh' },
        { id: 'W2', name: 'wh' },
      ],
      queries: [],
    });
    const followed = await nameJobSettings(job, catalog);
    expect(followed.map((f) => f.problem)).toEqual([
      'warehouse W1: its name is not unique in the workspace, so the id was kept (it differs per workspace)',
      'SQL query Q9 does not exist in the workspace, so the id was kept',
    ]);
    expect(job.tasks[0].sql_task).toEqual({ warehouse_id: 'W1', query: { query_id: 'Q9' } });
  });

  it('reports a missing name with the closest one the region has', () => {
    const ids = regionIds();
    ids.catalog.alerts = new Map([['late-orders', 'A9']]);
    const missing: MissingReference[] = [];
    const job = { name: 'j', tasks: [{ task_key: 'a', alert_task: { alert_name: 'late orders' } }] };
    resolveJobReferences(job, ids, missing);
    expect(missing).toEqual([{ kind: 'alert', name: 'late orders', suggestion: 'late-orders' }]);
  });

  it('leaves a job the run creates later symbolic, and binds it to the id it has at apply time', () => {
    const job = {
      name: 'j',
      tasks: [
        { task_key: 'a', run_job_task: { job_name: 'Later' } },
        { task_key: 'b', run_job_task: { job_name: 'nightly' } },
        {
          task_key: 'f',
          for_each_task: { inputs: '[1]', task: { task_key: 'i', run_job_task: { job_name: 'later' } } },
        },
      ],
    };
    const ids = regionIds();
    const missing: MissingReference[] = [];
    const deferred = { created: { jobs: new Set(['later', 'nightly']) }, refs: [] as SymbolicReference[] };
    const planned = resolveJobReferences(job, ids, missing, deferred);
    expect(missing).toEqual([]);
    expect(deferred.refs).toEqual([
      { pointer: '/tasks/0/run_job_task/job_id', kind: 'jobs', name: 'Later' },
      { pointer: '/tasks/2/for_each_task/task/run_job_task/job_id', kind: 'jobs', name: 'later' },
    ]);
    const tasks = (p: Record<string, unknown>) => JSON.stringify(p.tasks).match(/"job_id":\d+/g);
    expect(tasks(planned)).toEqual(['"job_id":0', '"job_id":77', '"job_id":0']);
    expect(tasks(bindReferences(planned, deferred.refs, ids))).toEqual([
      '"job_id":0',
      '"job_id":77',
      '"job_id":0',
    ]);
    const later = { ...ids, jobIds: new Map([...ids.jobIds!, ['later', 91]]) };
    const applied = bindReferences(planned, deferred.refs, later);
    expect(tasks(applied)).toEqual(['"job_id":91', '"job_id":77', '"job_id":91']);
    expect(tasks(planned)).toEqual(['"job_id":0', '"job_id":77', '"job_id":0']);
  });
});
