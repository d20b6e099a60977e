/**
 * Ids become names: the workspace answers with ids (a task's existing_cluster_id, a cluster's
 * policy_id…), which differ in every workspace, so import writes the name references that validate
 * and deploy resolve per region (src/core/deploy/references.ts). One table row per reference: a new
 * kind (pipelines, alerts, dashboards, queries, notification destinations) is one row and one
 * catalog list.
 */
import type { DatabricksClient } from '../client/index.js';
import { tasksOf } from '../deploy/references.js';

type Json = Record<string, unknown>;

/** Id → name per kind, in one workspace. A name shared by several objects maps to undefined. */
export interface ImportCatalog {
  clusters: Map<string, string | undefined>;
  policies: Map<string, string | undefined>;
  pools: Map<string, string | undefined>;
  warehouses: Map<string, string | undefined>;
  jobs: Map<string, string | undefined>;
}

export interface NameReference {
  kind: string;
  catalog: keyof ImportCatalog;
  /** Where the id sits: in a cluster spec, in a task, or in a block of a task (e.g. sql_task). */
  scope: 'cluster' | 'task';
  block?: string;
  idKey: string;
  nameKey: string;
}

export const NAME_REFERENCES: readonly NameReference[] = [
  {
    kind: 'cluster',
    catalog: 'clusters',
    scope: 'task',
    idKey: 'existing_cluster_id',
    nameKey: 'existing_cluster_name',
  },
  { kind: 'policy', catalog: 'policies', scope: 'cluster', idKey: 'policy_id', nameKey: 'policy_name' },
  {
    kind: 'instance pool',
    catalog: 'pools',
    scope: 'cluster',
    idKey: 'instance_pool_id',
    nameKey: 'instance_pool_name',
  },
  {
    kind: 'instance pool',
    catalog: 'pools',
    scope: 'cluster',
    idKey: 'driver_instance_pool_id',
    nameKey: 'driver_instance_pool_name',
  },
  {
    kind: 'warehouse',
    catalog: 'warehouses',
    scope: 'task',
    block: 'sql_task',
    idKey: 'warehouse_id',
    nameKey: 'warehouse_name',
  },
  {
    kind: 'warehouse',
    catalog: 'warehouses',
    scope: 'task',
    block: 'dbt_task',
    idKey: 'warehouse_id',
    nameKey: 'warehouse_name',
  },
  {
    kind: 'job',
    catalog: 'jobs',
    scope: 'task',
    block: 'run_job_task',
    idKey: 'job_id',
    nameKey: 'job_name',
  },
];

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function idMap<T>(
  items: T[],
  id: (t: T) => unknown,
  name: (t: T) => unknown,
): Map<string, string | undefined> {
  const count = new Map<string, number>();
  for (const item of items) count.set(String(name(item)), (count.get(String(name(item))) ?? 0) + 1);
  const out = new Map<string, string | undefined>();
  for (const item of items) {
    const n = String(name(item));
    out.set(String(id(item)), count.get(n) === 1 ? n : undefined);
  }
  return out;
}

/** Lists every kind the table names (one request per kind; the clusters and jobs are passed in). */
export async function loadImportCatalog(
  client: DatabricksClient,
  clusters: Array<{ cluster_id: string; cluster_name?: string }>,
  jobs: Array<{ job_id: number; settings?: { name?: string } }>,
): Promise<ImportCatalog> {
  const [policies, pools, warehouses] = await Promise.all([
    client.compute.listPolicies(),
    client.compute.listInstancePools(),
    client.compute.listWarehouses(),
  ]);
  return {
    clusters: idMap(
      clusters,
      (c) => c.cluster_id,
      (c) => c.cluster_name,
    ),
    policies: idMap(
      policies,
      (p) => p.policy_id,
      (p) => p.name,
    ),
    pools: idMap(
      pools,
      (p) => p.instance_pool_id,
      (p) => p.instance_pool_name,
    ),
    warehouses: idMap(
      warehouses,
      (w) => w.id,
      (w) => w.name,
    ),
    jobs: idMap(
      jobs,
      (j) => j.job_id,
      (j) => j.settings?.name,
    ),
  };
}

/** A reference import followed: which name an id became, or why the id was kept. */
export interface FollowedReference {
  kind: string;
  catalog: keyof ImportCatalog;
  id: string;
  name?: string;
  problem?: string;
}

function replaceIn(
  target: Json,
  ref: NameReference,
  catalog: ImportCatalog,
  seen: FollowedReference[],
): void {
  const holder = ref.block ? target[ref.block] : target;
  if (!isObject(holder) || holder[ref.idKey] === undefined) return;
  const id = String(holder[ref.idKey]);
  const known = catalog[ref.catalog].has(id);
  const name = catalog[ref.catalog].get(id);
  if (name === undefined) {
    seen.push({
      kind: ref.kind,
      catalog: ref.catalog,
      id,
      problem: known
        ? `${ref.kind} ${id}: its name is not unique in the workspace, so the id was kept (it differs per workspace)`
        : `${ref.kind} ${id} does not exist in the workspace, so the id was kept`,
    });
    return;
  }
  delete holder[ref.idKey];
  holder[ref.nameKey] = name;
  seen.push({ kind: ref.kind, catalog: ref.catalog, id, name });
}

/** A cluster spec's ids replaced by names, in place. */
export function nameClusterSpec(spec: Json, catalog: ImportCatalog, seen: FollowedReference[]): void {
  for (const ref of NAME_REFERENCES) if (ref.scope === 'cluster') replaceIn(spec, ref, catalog, seen);
}

/** Job settings' ids replaced by names, in place: tasks, their clusters and the job clusters. */
export function nameJobSettings(settings: Json, catalog: ImportCatalog, seen: FollowedReference[]): void {
  const clusterSpecs: Json[] = [];
  if (Array.isArray(settings.job_clusters))
    for (const jc of settings.job_clusters)
      if (isObject(jc) && isObject(jc.new_cluster)) clusterSpecs.push(jc.new_cluster);
  for (const task of tasksOf(settings)) {
    if (isObject(task.new_cluster)) clusterSpecs.push(task.new_cluster);
    for (const ref of NAME_REFERENCES) if (ref.scope === 'task') replaceIn(task, ref, catalog, seen);
  }
  for (const spec of clusterSpecs) nameClusterSpec(spec, catalog, seen);
}
