/**
 * Names instead of ids: cluster policies, instance pools, SQL warehouses, jobs, pipelines, SQL
 * alerts and queries, Lakeview dashboards and notification destinations have different ids in
 * every workspace, so definitions may name them (`policy_name`, `instance_pool_name`,
 * `driver_instance_pool_name`, `run_job_task.job_name`, and the slots of name-refs.ts:
 * `warehouse_name`, `pipeline_name`, `alert_name`, `query_name`, `sql_query_name`,
 * `dashboard_name`, `destination_name`) and each region resolves the name to its own id at deploy
 * time (like `existing_cluster_name`).
 */
import type { DatabricksClient } from '../client/index.js';
import { closest } from '../suggest.js';
import type { ProjectDefinitions } from '../validate/types.js';
import { type NamedTable, nameSlots, TABLE_KIND, tasksOf } from './name-refs.js';

export { tasksOf };

type Json = Record<string, unknown>;

export type ReferenceKind = 'policy' | 'instance pool' | 'job' | (typeof TABLE_KIND)[NamedTable];

export interface MissingReference {
  kind: ReferenceKind;
  name: string;
  /** The closest name the region has, for "did you mean". */
  suggestion?: string;
}

/** Name → id per kind, in one region (a kind not referenced is left empty). */
export type RegionCatalog = Record<'policies' | 'pools' | NamedTable, Map<string, string>>;

/** Each table of a catalog with the kind its messages name. */
export const CATALOG_KINDS: ReadonlyArray<[keyof RegionCatalog, ReferenceKind]> = [
  ['policies', 'policy'],
  ['pools', 'instance pool'],
  ...(Object.entries(TABLE_KIND) as Array<[NamedTable, ReferenceKind]>),
];

export function emptyCatalog(): RegionCatalog {
  return {
    policies: new Map(),
    pools: new Map(),
    warehouses: new Map(),
    pipelines: new Map(),
    alerts: new Map(),
    queries: new Map(),
    dashboards: new Map(),
    destinations: new Map(),
  };
}

/** A name the region lacks, with the closest one it has. */
export function missingName(
  kind: ReferenceKind,
  name: string,
  known: ReadonlyMap<string, string>,
): MissingReference {
  const suggestion = closest(
    name,
    [...known.keys()].filter((k) => known.get(k)),
  );
  return suggestion ? { kind, name, suggestion } : { kind, name };
}

const CLUSTER_REFS: Array<[string, string, keyof RegionCatalog, ReferenceKind]> = [
  ['policy_name', 'policy_id', 'policies', 'policy'],
  ['instance_pool_name', 'instance_pool_id', 'pools', 'instance pool'],
  ['driver_instance_pool_name', 'driver_instance_pool_id', 'pools', 'instance pool'],
];

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every cluster spec inside a job: job clusters and tasks' new clusters (and a 2.0 job's). */
function clusterSpecsOf(job: Json): Json[] {
  const specs: Json[] = [];
  if (isObject(job.new_cluster)) specs.push(job.new_cluster);
  if (Array.isArray(job.job_clusters))
    for (const jc of job.job_clusters)
      if (isObject(jc) && isObject(jc.new_cluster)) specs.push(jc.new_cluster);
  for (const t of tasksOf(job)) if (isObject(t.new_cluster)) specs.push(t.new_cluster);
  return specs;
}

/** What a region's definitions reference by name, to look up only what is needed. */
export function referencedNames(project: ProjectDefinitions, region: string) {
  const names = {
    policies: new Set<string>(),
    pools: new Set<string>(),
    jobs: new Set<string>(),
    warehouses: new Set<string>(),
    pipelines: new Set<string>(),
    alerts: new Set<string>(),
    queries: new Set<string>(),
    dashboards: new Set<string>(),
    destinations: new Set<string>(),
  };
  const addCluster = (spec: Json) => {
    if (typeof spec.policy_name === 'string') names.policies.add(spec.policy_name);
    if (typeof spec.instance_pool_name === 'string') names.pools.add(spec.instance_pool_name);
    if (typeof spec.driver_instance_pool_name === 'string') names.pools.add(spec.driver_instance_pool_name);
  };
  for (const c of project.clusters) addCluster(c.byRegion[region]);
  for (const j of project.jobs) {
    const job = j.byRegion[region];
    clusterSpecsOf(job).forEach(addCluster);
    for (const slot of nameSlots(job)) names[slot.table].add(slot.block[slot.nameKey] as string);
    for (const t of tasksOf(job)) {
      if (isObject(t.run_job_task) && typeof t.run_job_task.job_name === 'string')
        names.jobs.add(t.run_job_task.job_name);
    }
  }
  return names;
}

/** Name → id; an ambiguous name resolves to nothing (the caller reports it like a missing one). */
function byName<T>(items: T[], id: (t: T) => string, name: (t: T) => string): Map<string, string> {
  const map = new Map<string, string>();
  const dup = new Set<string>();
  for (const item of items) {
    if (map.has(name(item))) dup.add(name(item));
    map.set(name(item), id(item));
  }
  for (const d of dup) map.set(d, '');
  return map;
}

/** Lists only the kinds that are referenced. */
export async function loadCatalog(
  client: DatabricksClient,
  needs: ReturnType<typeof referencedNames>,
): Promise<RegionCatalog> {
  const empty = () => Promise.resolve(new Map<string, string>());
  const [policies, pools, warehouses] = await Promise.all([
    needs.policies.size > 0
      ? client.compute.listPolicies().then((l) =>
          byName(
            l,
            (p) => p.policy_id,
            (p) => p.name,
          ),
        )
      : empty(),
    needs.pools.size > 0
      ? client.compute.listInstancePools().then((l) =>
          byName(
            l,
            (p) => p.instance_pool_id,
            (p) => p.instance_pool_name,
          ),
        )
      : empty(),
    needs.warehouses.size > 0
      ? client.compute.listWarehouses().then((l) =>
          byName(
            l,
            (w) => w.id,
            (w) => w.name,
          ),
        )
      : empty(),
  ]);
  const catalog: RegionCatalog = { ...emptyCatalog(), policies, pools, warehouses };
  const assets = ['pipelines', 'alerts', 'queries', 'dashboards', 'destinations'] as const;
  await Promise.all(
    assets
      .filter((kind) => needs[kind].size > 0)
      .map(async (kind) => {
        catalog[kind] = uniqueNames(await client.assets.listAll(kind));
      }),
  );
  return catalog;
}

/** Name → id; a name two objects share maps to '' (ambiguous: reported like a missing one). */
function uniqueNames(items: Array<{ id: string; name: string }>): Map<string, string> {
  const map = new Map<string, string>();
  for (const { id, name } of items) map.set(name, map.has(name) ? '' : id);
  return map;
}

/** A cluster spec with its names replaced by this region's ids. */
export function resolveClusterSpec(spec: Json, catalog: RegionCatalog, missing: MissingReference[]): Json {
  const out: Json = { ...spec };
  for (const [nameKey, idKey, table, kind] of CLUSTER_REFS) {
    const name = out[nameKey];
    if (typeof name !== 'string') continue;
    delete out[nameKey];
    const id = catalog[table].get(name);
    if (id) out[idKey] = id;
    else missing.push(missingName(kind, name, catalog[table]));
  }
  return out;
}

/**
 * A job with every name replaced by this region's id. `jobIds` maps lower-cased job names to ids
 * (this config's jobs first, then the region's others); a job not created yet stays unresolved.
 */
export function resolveJobReferences(
  job: Json,
  catalog: RegionCatalog,
  jobIds: ReadonlyMap<string, number>,
  missing: MissingReference[],
): Json {
  const cluster = (spec: unknown) => (isObject(spec) ? resolveClusterSpec(spec, catalog, missing) : spec);
  const task = (t: unknown): unknown => {
    if (!isObject(t)) return t;
    const out: Json = { ...t };
    if (out.new_cluster) out.new_cluster = cluster(out.new_cluster);
    const rj = out.run_job_task;
    if (isObject(rj) && typeof rj.job_name === 'string') {
      const { job_name: name, ...rest } = rj;
      const id = jobIds.get((name as string).toLowerCase());
      if (id === undefined) missing.push({ kind: 'job', name: name as string });
      out.run_job_task = { ...rest, job_id: id ?? 0 };
    }
    if (isObject(out.for_each_task))
      out.for_each_task = { ...out.for_each_task, task: task(out.for_each_task.task) };
    return out;
  };
  // The named slots are resolved in place, in a copy.
  const out = structuredClone(job);
  for (const slot of nameSlots(out)) {
    const name = slot.block[slot.nameKey];
    // A block met twice (one object referenced from two places) is resolved once.
    if (typeof name !== 'string') continue;
    const known = catalog[slot.table];
    const id = known.get(name);
    if (!id) missing.push(missingName(TABLE_KIND[slot.table], name, known));
    delete slot.block[slot.nameKey];
    slot.block[slot.idKey] = id || `<unresolved ${TABLE_KIND[slot.table]} ${name}>`;
  }
  if (out.new_cluster) out.new_cluster = cluster(out.new_cluster);
  if (Array.isArray(out.job_clusters))
    out.job_clusters = out.job_clusters.map((jc) =>
      isObject(jc) ? { ...jc, new_cluster: cluster(jc.new_cluster) } : jc,
    );
  if (Array.isArray(out.tasks)) out.tasks = out.tasks.map(task);
  return out;
}

/** The jobs a job runs through run_job_task.job_name (to create them first). */
export function jobNamesRun(job: Json): string[] {
  return tasksOf(job)
    .map((t) => (isObject(t.run_job_task) ? t.run_job_task.job_name : undefined))
    .filter((n): n is string => typeof n === 'string')
    .map((n) => n.toLowerCase());
}

export function describeMissing(missing: MissingReference[], region: string): string {
  const unique = [...new Map(missing.map((m) => [`${m.kind}:${m.name}`, m])).values()];
  return (
    unique
      .map((m) => `${m.kind} "${m.name}"${m.suggestion ? ` (did you mean "${m.suggestion}"?)` : ''}`)
      .join(', ') + ` not found in region ${region}`
  );
}
