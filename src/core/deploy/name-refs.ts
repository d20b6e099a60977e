/**
 * Every place in a job where a per-region object that databricks-dr does not deploy can be named
 * instead of given by id: SQL warehouses, pipelines, SQL alerts and queries, Lakeview dashboards
 * and notification destinations. One table, read by referencedNames (what to list), preflight
 * (is it there) and resolveJobReferences (name → this region's id).
 */

type Json = Record<string, unknown>;

export type NamedTable = 'warehouses' | 'pipelines' | 'alerts' | 'queries' | 'dashboards' | 'destinations';

export const TABLE_KIND = {
  warehouses: 'warehouse',
  pipelines: 'pipeline',
  alerts: 'alert',
  queries: 'SQL query',
  dashboards: 'dashboard',
  destinations: 'notification destination',
} as const;

/** One named reference: `block[nameKey]` is resolved into `block[idKey]`. */
export interface NameSlot {
  block: Json;
  nameKey: string;
  idKey: string;
  table: NamedTable;
}

type SlotSpec = [nameKey: string, idKey: string, table: NamedTable];

const WAREHOUSE: SlotSpec = ['warehouse_name', 'warehouse_id', 'warehouses'];
const DESTINATION: SlotSpec = ['destination_name', 'destination_id', 'destinations'];
const SQL_CONDITION: SlotSpec[] = [WAREHOUSE, ['sql_query_name', 'sql_query_id', 'queries']];
const WEBHOOK_EVENTS = [
  'on_start',
  'on_success',
  'on_failure',
  'on_duration_warning_threshold_exceeded',
  'on_streaming_backlog_exceeded',
];

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function objects(list: unknown): Json[] {
  return Array.isArray(list) ? list.filter(isObject) : [];
}

/** Every task of a job, for_each inner tasks included. */
export function tasksOf(job: Json): Json[] {
  const out: Json[] = [];
  const visit = (t: unknown) => {
    if (!isObject(t)) return;
    out.push(t);
    if (isObject(t.for_each_task)) visit(t.for_each_task.task);
  };
  if (Array.isArray(job.tasks)) job.tasks.forEach(visit);
  return out;
}

/** The named references of one task. */
function taskSlots(task: Json, add: (block: unknown, ...specs: SlotSpec[]) => void): void {
  const sql = task.sql_task;
  add(sql, WAREHOUSE);
  if (isObject(sql)) {
    add(sql.query, ['query_name', 'query_id', 'queries']);
    for (const part of [sql.alert, sql.dashboard])
      if (isObject(part)) for (const s of objects(part.subscriptions)) add(s, DESTINATION);
  }
  add(task.dbt_task, WAREHOUSE);
  add(task.pipeline_task, ['pipeline_name', 'pipeline_id', 'pipelines']);
  const alert = task.alert_task;
  add(alert, WAREHOUSE, ['alert_name', 'alert_id', 'alerts']);
  if (isObject(alert)) for (const s of objects(alert.subscribers)) add(s, DESTINATION);
  const dashboard = task.dashboard_task;
  add(dashboard, WAREHOUSE, ['dashboard_name', 'dashboard_id', 'dashboards']);
  if (isObject(dashboard) && isObject(dashboard.subscription))
    for (const s of objects(dashboard.subscription.subscribers)) add(s, DESTINATION);
  webhookSlots(task.webhook_notifications, add);
}

function webhookSlots(hooks: unknown, add: (block: unknown, ...specs: SlotSpec[]) => void): void {
  if (!isObject(hooks)) return;
  for (const event of WEBHOOK_EVENTS)
    for (const w of objects(hooks[event])) add(w, ['destination_name', 'id', 'destinations']);
}

/** Every named reference of a job (the blocks are the job's own objects: mutate a copy). */
export function nameSlots(job: Json): NameSlot[] {
  const out: NameSlot[] = [];
  const add = (block: unknown, ...specs: SlotSpec[]) => {
    if (!isObject(block)) return;
    for (const [nameKey, idKey, table] of specs)
      if (typeof block[nameKey] === 'string') out.push({ block, nameKey, idKey, table });
  };
  for (const t of tasksOf(job)) taskSlots(t, add);
  webhookSlots(job.webhook_notifications, add);
  for (const holder of [job.schedule, job.trigger, ...objects(job.triggers)])
    if (isObject(holder)) add(holder.sql_condition, ...SQL_CONDITION);
  return out;
}
