/**
 * The one table of name references: every slot of a job, cluster or pipeline where the Jobs,
 * Clusters and Pipelines APIs take the id of another object, which differs in every workspace, and the name a definition
 * writes there instead. Both directions read it: import turns ids into names (id → name in the
 * imported workspace, src/core/import/references.ts) and validate, preflight and deploy turn names
 * into each region's ids (src/core/assets/references/). A new slot is one row; a new kind of
 * object is one entry in KINDS and one listing in RegionLookups.
 *
 * Slots follow the Go SDK's jobs.JobSettings / jobs.Task / compute.ClusterSpec (databricks-sdk-go
 * service/jobs/model.go); a pipeline's clusters (pipelines.PipelineCluster) have the same policy
 * and pool slots as a cluster spec. Job environments (`environments[].spec`) hold no ids, and budget and
 * usage policies are account-level (the same id in every workspace), so neither has a row.
 */

import type { AssetKind } from '../client/assets.js';
import type { DatabricksClient } from '../client/index.js';

type Json = Record<string, unknown>;

/** The kinds of object a definition may name instead of giving an id. */
export type RefKind =
  | 'clusters'
  | 'policies'
  | 'pools'
  | 'jobs'
  | 'warehouses'
  | 'pipelines'
  | 'alerts'
  | 'queries'
  | 'dashboards'
  | 'sqlDashboards'
  | 'destinations';

/** One object of a kind as a region lists it. */
export interface NamedObject {
  id: string;
  name: string;
}

export interface KindInfo {
  /** What messages call it. */
  label: string;
  /** Names matched case-insensitively (jobs, as everywhere in databricks-dr). */
  caseInsensitive?: boolean;
  /** Ids are numbers on the wire (job ids). */
  numericId?: boolean;
  /** The lookup: every object of the kind in a workspace, as id and name. */
  list: (client: DatabricksClient) => Promise<NamedObject[]>;
}

const asset = (kind: AssetKind) => (client: DatabricksClient) => client.assets.listAll(kind);

/** The kinds: how each is called and listed. */
export const KINDS: Record<RefKind, KindInfo> = {
  clusters: {
    label: 'cluster',
    // Job clusters come and go with runs and cannot be referenced: only all-purpose clusters.
    list: async (client) =>
      (await client.clusters.listAll({ clusterSources: ['API', 'UI'] })).map((c) => ({
        id: c.cluster_id,
        name: String(c.cluster_name ?? ''),
      })),
  },
  policies: {
    label: 'policy',
    list: async (client) =>
      (await client.compute.listPolicies()).map((p) => ({ id: p.policy_id, name: p.name })),
  },
  pools: {
    label: 'instance pool',
    list: async (client) =>
      (await client.compute.listInstancePools()).map((p) => ({
        id: p.instance_pool_id,
        name: p.instance_pool_name,
      })),
  },
  jobs: {
    label: 'job',
    caseInsensitive: true,
    numericId: true,
    list: async (client) =>
      (await client.jobs.listAll()).map((j) => ({
        id: String(j.job_id),
        name: String(j.settings?.name ?? ''),
      })),
  },
  warehouses: {
    label: 'warehouse',
    list: async (client) => (await client.compute.listWarehouses()).map((w) => ({ id: w.id, name: w.name })),
  },
  pipelines: { label: 'pipeline', list: asset('pipelines') },
  alerts: { label: 'alert', list: asset('alerts') },
  queries: { label: 'SQL query', list: asset('queries') },
  dashboards: { label: 'dashboard', list: asset('dashboards') },
  sqlDashboards: { label: 'legacy SQL dashboard', list: asset('sqlDashboards') },
  destinations: { label: 'notification destination', list: asset('destinations') },
};

/** Where a slot's holder is found: the job itself, each task (for-each inner tasks too), each cluster spec. */
export type Scope = 'job' | 'task' | 'cluster';

export interface NameReference {
  scope: Scope;
  /** Dotted path from the scope to the object holding the id; `key[]` steps into each element of a list. */
  path: string;
  idKey: string;
  nameKey: string;
  kind: RefKind;
}

/** A row whose keys are `<stem>_id` and `<stem>_name`. */
function ref(scope: Scope, path: string, stem: string, kind: RefKind): NameReference {
  return { scope, path, idKey: `${stem}_id`, nameKey: `${stem}_name`, kind };
}

const WEBHOOK_EVENTS = [
  'on_start',
  'on_success',
  'on_failure',
  'on_duration_warning_threshold_exceeded',
  'on_streaming_backlog_exceeded',
];

/** Webhook notifications name a destination by `id` (jobs.Webhook). */
function webhooks(scope: Scope): NameReference[] {
  return WEBHOOK_EVENTS.map((event) => ({
    scope,
    path: `webhook_notifications.${event}[]`,
    idKey: 'id',
    nameKey: 'destination_name',
    kind: 'destinations' as const,
  }));
}

/** A SQL condition (jobs.SqlConditionConfiguration) of a schedule or trigger. */
function sqlCondition(path: string): NameReference[] {
  return [ref('job', path, 'sql_query', 'queries'), ref('job', path, 'warehouse', 'warehouses')];
}

export const NAME_REFERENCES: readonly NameReference[] = [
  // Compute of a task and inside cluster specs (compute.ClusterSpec).
  ref('task', '', 'existing_cluster', 'clusters'),
  ref('cluster', '', 'policy', 'policies'),
  ref('cluster', '', 'instance_pool', 'pools'),
  ref('cluster', '', 'driver_instance_pool', 'pools'),
  // Tasks that run another object.
  ref('task', 'run_job_task', 'job', 'jobs'),
  ref('task', 'pipeline_task', 'pipeline', 'pipelines'),
  // SQL tasks (jobs.SqlTask): the warehouse, and a query, a SQL alert or a legacy SQL dashboard.
  ref('task', 'sql_task', 'warehouse', 'warehouses'),
  ref('task', 'sql_task.query', 'query', 'queries'),
  ref('task', 'sql_task.alert', 'alert', 'alerts'),
  ref('task', 'sql_task.alert.subscriptions[]', 'destination', 'destinations'),
  ref('task', 'sql_task.dashboard', 'dashboard', 'sqlDashboards'),
  ref('task', 'sql_task.dashboard.subscriptions[]', 'destination', 'destinations'),
  // Other tasks on a warehouse.
  ref('task', 'notebook_task', 'warehouse', 'warehouses'),
  ref('task', 'dbt_task', 'warehouse', 'warehouses'),
  ref('task', 'power_bi_task', 'warehouse', 'warehouses'),
  // Lakeview dashboards (jobs.DashboardTask) and alerts (jobs.AlertTask).
  ref('task', 'dashboard_task', 'dashboard', 'dashboards'),
  ref('task', 'dashboard_task', 'warehouse', 'warehouses'),
  ref('task', 'dashboard_task.subscription.subscribers[]', 'destination', 'destinations'),
  ref('task', 'alert_task', 'alert', 'alerts'),
  ref('task', 'alert_task', 'warehouse', 'warehouses'),
  ref('task', 'alert_task.subscribers[]', 'destination', 'destinations'),
  // Notifications and conditions.
  ...webhooks('task'),
  ...webhooks('job'),
  ...sqlCondition('schedule.sql_condition'),
  ...sqlCondition('trigger.sql_condition'),
  ...sqlCondition('triggers[].sql_condition'),
];

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object inside a document, with its JSON pointer (for messages). */
interface Located {
  value: Json;
  pointer: string;
}

/** Every task of a job with its pointer, for_each inner tasks included. */
function locatedTasks(job: Json): Located[] {
  const out: Located[] = [];
  const visit = (t: unknown, pointer: string) => {
    if (!isObject(t)) return;
    out.push({ value: t, pointer });
    if (isObject(t.for_each_task)) visit(t.for_each_task.task, `${pointer}/for_each_task/task`);
  };
  if (Array.isArray(job.tasks))
    job.tasks.forEach((t, i) => {
      visit(t, `/tasks/${i}`);
    });
  return out;
}

/** Every task of a job, for_each inner tasks included. */
export function tasksOf(job: Json): Json[] {
  return locatedTasks(job).map((t) => t.value);
}

/** Every cluster spec inside a job with its pointer: job clusters, tasks' new clusters (and a 2.0 job's). */
function locatedClusterSpecs(job: Json): Located[] {
  const specs: Located[] = [];
  if (isObject(job.new_cluster)) specs.push({ value: job.new_cluster, pointer: '/new_cluster' });
  if (Array.isArray(job.job_clusters))
    job.job_clusters.forEach((jc, i) => {
      if (isObject(jc) && isObject(jc.new_cluster))
        specs.push({ value: jc.new_cluster, pointer: `/job_clusters/${i}/new_cluster` });
    });
  for (const t of locatedTasks(job))
    if (isObject(t.value.new_cluster))
      specs.push({ value: t.value.new_cluster, pointer: `${t.pointer}/new_cluster` });
  return specs;
}

/** Every cluster spec inside a job. */
export function clusterSpecsOf(job: Json): Json[] {
  return locatedClusterSpecs(job).map((s) => s.value);
}

/** A reference path (`tasks[].new_cluster`) as steps, split once per path. */
const stepsByPath = new Map<string, Array<{ key: string; list: boolean }>>();
function stepsOf(path: string): Array<{ key: string; list: boolean }> {
  let steps = stepsByPath.get(path);
  if (!steps) {
    steps = (path === '' ? [] : path.split('.')).map((step) =>
      step.endsWith('[]') ? { key: step.slice(0, -2), list: true } : { key: step, list: false },
    );
    stepsByPath.set(path, steps);
  }
  return steps;
}

/**
 * The objects a path leads to from a root that `wanted` accepts. Pointers are built only for
 * those: every job is walked for every reference kind in validation and again per region, and
 * a pointer string per step visited was most of what that allocated.
 */
function holdersAt(root: Located, path: string, wanted: (holder: Json) => boolean): Located[] {
  const steps = stepsOf(path);
  const found: Located[] = [];
  const segments: string[] = [];
  const visit = (value: Json, depth: number) => {
    if (depth === steps.length) {
      if (wanted(value)) found.push({ value, pointer: root.pointer + segments.map((s) => `/${s}`).join('') });
      return;
    }
    const { key, list } = steps[depth];
    const v = value[key];
    if (!list) {
      if (!isObject(v)) return;
      segments.push(key);
      visit(v, depth + 1);
      segments.pop();
      return;
    }
    if (!Array.isArray(v)) return;
    v.forEach((e, i) => {
      if (!isObject(e)) return;
      segments.push(key, String(i));
      visit(e, depth + 1);
      segments.length -= 2;
    });
  };
  visit(root.value, 0);
  return found;
}

/** One slot found in a document: the row, the object holding its id or name, and its pointer. */
export interface Slot {
  ref: NameReference;
  holder: Json;
  pointer: string;
}

/** What a document is: a job, an all-purpose cluster, or a pipeline (its `clusters[]` are cluster specs). */
export type DocumentKind = 'job' | 'cluster' | 'pipeline';

/** A pipeline's cluster specs (pipelines.PipelineCluster) with their pointers. */
function locatedPipelineClusters(pipeline: Json): Located[] {
  if (!Array.isArray(pipeline.clusters)) return [];
  return pipeline.clusters.flatMap((c, i) => (isObject(c) ? [{ value: c, pointer: `/clusters/${i}` }] : []));
}

/**
 * Every slot of a document that holds an id or a name (the holders are the document's own objects:
 * mutate a copy). A Jobs 2.0 single-task job is its own task.
 */
export function slotsOf(doc: Json, kind: DocumentKind): Slot[] {
  const self: Located = { value: doc, pointer: '' };
  const roots: Record<Scope, Located[]> =
    kind === 'cluster'
      ? { job: [], task: [], cluster: [self] }
      : kind === 'pipeline'
        ? { job: [], task: [], cluster: locatedPipelineClusters(doc) }
        : {
            job: [self],
            task: Array.isArray(doc.tasks) ? locatedTasks(doc) : [self],
            cluster: locatedClusterSpecs(doc),
          };
  const out: Slot[] = [];
  // A single-task job is both the job and its task: its webhooks are met twice, at one pointer.
  const seen = new Set<string>();
  for (const ref of NAME_REFERENCES)
    for (const root of roots[ref.scope])
      for (const { value: holder, pointer } of holdersAt(
        root,
        ref.path,
        (h) => h[ref.idKey] !== undefined || h[ref.nameKey] !== undefined,
      )) {
        const key = `${pointer}/${ref.nameKey}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ ref, holder, pointer });
      }
  return out;
}

/** The names a document writes, per kind. */
export function namesIn(doc: Json, kind: DocumentKind): Array<{ kind: RefKind; name: string }> {
  return slotsOf(doc, kind)
    .filter((s) => typeof s.holder[s.ref.nameKey] === 'string')
    .map((s) => ({ kind: s.ref.kind, name: s.holder[s.ref.nameKey] as string }));
}

/**
 * A name a plan keeps as a name: the object it names is created by the same run, after the plan
 * was made, so its id is written into the document at apply time (a job that runs a job this
 * config creates: `{ pointer: '/tasks/0/run_job_task/job_id', kind: 'jobs', name: 'daily-sales-etl' }`).
 */
export interface SymbolicReference {
  /** JSON pointer, in the resolved document, of the slot that takes the id. */
  pointer: string;
  kind: RefKind;
  /** The name as the definition writes it. */
  name: string;
}

/**
 * The kinds a region lists to resolve names. Clusters and jobs are not listed here: a deploy
 * resolves them from its own listings, this config's objects first (the clusters stage's ids, jobIds).
 */
export type ListedKind = Exclude<RefKind, 'clusters' | 'jobs'>;

/** Name → id per listed kind, in one region (a kind not referenced is left empty). */
export type RegionCatalog = Record<ListedKind, Map<string, string>>;
