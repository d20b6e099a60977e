/**
 * Every name slot of a job is resolved to the region's id, and nothing named is left for the API
 * to refuse: the job carries one of each kind, in tasks, for-each tasks, notifications and every
 * sql_condition.
 */
import { describe, expect, it } from 'vitest';
import {
  emptyCatalog,
  type MissingReference,
  resolveJobReferences,
} from '../../src/core/deploy/references.js';

const cond = { sql_query_name: 'ready', warehouse_name: 'wh' };
const JOB = {
  name: 'all-kinds',
  schedule: { quartz_cron_expression: '0 0 1 * * ?', timezone_id: 'UTC', sql_condition: cond },
  triggers: [{ periodic: { interval: 1, unit: 'HOURS' }, sql_condition: cond }],
  trigger: { periodic: { interval: 1, unit: 'DAYS' }, sql_condition: cond },
  webhook_notifications: { on_failure: [{ destination_name: 'hook' }], on_start: [{ id: 'kept-id' }] },
  tasks: [
    { task_key: 'p', pipeline_task: { pipeline_name: 'dlt' } },
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
      webhook_notifications: { on_success: [{ destination_name: 'hook' }] },
    },
    {
      task_key: 's',
      sql_task: {
        warehouse_name: 'wh',
        alert: { alert_id: 'x', subscriptions: [{ destination_name: 'hook' }] },
      },
    },
    { task_key: 'b', dbt_task: { commands: ['dbt run'], warehouse_name: 'wh' } },
    {
      task_key: 'f',
      for_each_task: { inputs: '[1]', task: { task_key: 'fi', pipeline_task: { pipeline_name: 'dlt' } } },
    },
  ],
};

function catalog() {
  const c = emptyCatalog();
  c.warehouses.set('wh', 'W1');
  c.pipelines.set('dlt', 'P1');
  c.alerts.set('late', 'A1');
  c.queries.set('ready', 'Q1');
  c.dashboards.set('sales', 'D1');
  c.destinations.set('hook', 'H1');
  return c;
}

describe('name references', () => {
  it('resolves every slot and leaves no name behind; the input is not changed', () => {
    const before = JSON.stringify(JOB);
    const missing: MissingReference[] = [];
    const out = resolveJobReferences(JOB, catalog(), new Map(), missing);
    expect(missing).toEqual([]);
    expect(JSON.stringify(JOB)).toBe(before);
    const text = JSON.stringify(out);
    expect(text).not.toMatch(/"(warehouse|pipeline|alert|query|sql_query|dashboard|destination)_name"/);
    expect(text.match(/"W1"/g)).toHaveLength(8);
    expect(text.match(/"Q1"/g)).toHaveLength(4);
    expect(text.match(/"H1"/g)).toHaveLength(5);
    expect(text.match(/"P1"/g)).toHaveLength(2);
    expect(out.webhook_notifications).toEqual({ on_failure: [{ id: 'H1' }], on_start: [{ id: 'kept-id' }] });
  });

  it('reports a missing name with the closest one the region has', () => {
    const c = catalog();
    c.alerts = new Map([['late-orders', 'A9']]);
    const missing: MissingReference[] = [];
    const job = { name: 'j', tasks: [{ task_key: 'a', alert_task: { alert_name: 'late orders' } }] };
    resolveJobReferences(job, c, new Map(), missing);
    expect(missing).toEqual([{ kind: 'alert', name: 'late orders', suggestion: 'late-orders' }]);
  });
});
