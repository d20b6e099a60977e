/**
 * Names instead of ids: cluster policies, instance pools, SQL warehouses and jobs have different
 * ids in every workspace, so definitions may name them (`policy_name`, `instance_pool_name`,
 * `driver_instance_pool_name`, `warehouse_name`, `run_job_task.job_name`) and each region resolves
 * the name to its own id at deploy time (like `existing_cluster_name`).
 */
import type { DatabricksClient } from '../client/index.js';
import type { ProjectDefinitions } from '../validate/types.js';

type Json = Record<string, unknown>;

export type ReferenceKind = 'policy' | 'instance pool' | 'warehouse' | 'job';

export interface MissingReference {
  kind: ReferenceKind;
  name: string;
}

/** Name → id per kind, in one region. */
export interface RegionCatalog {
  policies: Map<string, string>;
  pools: Map<string, string>;
  warehouses: Map<string, string>;
}

const CLUSTER_REFS: Array<[string, string, keyof RegionCatalog, ReferenceKind]> = [
  ['policy_name', 'policy_id', 'policies', 'policy'],
  ['instance_pool_name', 'instance_pool_id', 'pools', 'instance pool'],
  ['driver_instance_pool_name', 'driver_instance_pool_id', 'pools', 'instance pool'],
];

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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
    warehouses: new Set<string>(),
    jobs: new Set<string>(),
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
    for (const t of tasksOf(job)) {
      for (const type of ['sql_task', 'dbt_task']) {
        const block = t[type];
        if (isObject(block) && typeof block.warehouse_name === 'string')
          names.warehouses.add(block.warehouse_name);
      }
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
  return { policies, pools, warehouses };
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
    else missing.push({ kind, name });
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
    for (const type of ['sql_task', 'dbt_task']) {
      const block = out[type];
      if (isObject(block) && typeof block.warehouse_name === 'string') {
        const { warehouse_name: name, ...rest } = block;
        const id = catalog.warehouses.get(name as string);
        if (!id) missing.push({ kind: 'warehouse', name: name as string });
        out[type] = { ...rest, warehouse_id: id || `<unresolved warehouse ${name}>` };
      }
    }
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
  const out: Json = { ...job };
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
  return unique.map((m) => `${m.kind} "${m.name}"`).join(', ') + ` not found in region ${region}`;
}
