/**
 * Names → this region's ids, the deploy direction of the name-reference table (plan/name-refs.ts):
 * definitions name clusters, policies, pools, jobs, warehouses, pipelines, SQL alerts, queries and
 * legacy dashboards, Lakeview dashboards and notification destinations, whose ids differ in every
 * workspace, and each region resolves the names to its own ids at deploy time. Validate and
 * preflight check the same names exist.
 */
import type { DatabricksClient } from '../../client/index.js';
import {
  type DocumentKind,
  KINDS,
  type ListedKind,
  namesIn,
  type RefKind,
  type RegionCatalog,
  slotsOf,
  tasksOf,
} from '../../plan/name-refs.js';
import { closest } from '../../suggest.js';
import type { ProjectDefinitions } from '../../validate/types.js';

export { tasksOf };

type Json = Record<string, unknown>;

/** What messages call a kind ("policy", "warehouse", …: KINDS[kind].label). */
export type ReferenceKind = string;

export interface MissingReference {
  kind: ReferenceKind;
  name: string;
  /** The closest name the region has, for "did you mean". */
  suggestion?: string;
}

export const LISTED_KINDS = (Object.keys(KINDS) as RefKind[]).filter(
  (k): k is ListedKind => k !== 'clusters' && k !== 'jobs',
);

/** Each table of a catalog with the kind its messages name. */
export const CATALOG_KINDS: ReadonlyArray<[ListedKind, ReferenceKind]> = LISTED_KINDS.map((k) => [
  k,
  KINDS[k].label,
]);

export function emptyCatalog(): RegionCatalog {
  return Object.fromEntries(LISTED_KINDS.map((k) => [k, new Map<string, string>()])) as RegionCatalog;
}

/** A name the region lacks, with the closest one it has. */
export function missingName(
  kind: ReferenceKind,
  name: string,
  known: ReadonlyMap<string, unknown>,
): MissingReference {
  const suggestion = closest(
    name,
    [...known.keys()].filter((k) => known.get(k) !== '' && known.get(k) !== undefined),
  );
  return suggestion ? { kind, name, suggestion } : { kind, name };
}

export type ReferencedNames = Record<RefKind, Set<string>>;

/** What a region's definitions reference by name, to look up only what is needed. */
export function referencedNames(project: ProjectDefinitions, region: string): ReferencedNames {
  const names = Object.fromEntries((Object.keys(KINDS) as RefKind[]).map((k) => [k, new Set<string>()]));
  const add = (doc: Json, kind: DocumentKind) => {
    for (const ref of namesIn(doc, kind)) names[ref.kind].add(ref.name);
  };
  for (const c of project.clusters) add(c.byRegion[region], 'cluster');
  for (const p of project.pipelines) add(p.byRegion[region], 'pipeline');
  for (const j of project.jobs) add(j.byRegion[region], 'job');
  return names as ReferencedNames;
}

/** Name → id; a name two objects share maps to '' (ambiguous: reported like a missing one). */
function uniqueNames(items: Array<{ id: string; name: string }>): Map<string, string> {
  const map = new Map<string, string>();
  for (const { id, name } of items) map.set(name, map.has(name) ? '' : id);
  return map;
}

/** Lists only the kinds that are referenced (KINDS[kind].list). */
export async function loadCatalog(client: DatabricksClient, needs: ReferencedNames): Promise<RegionCatalog> {
  const catalog = emptyCatalog();
  await Promise.all(
    LISTED_KINDS.filter((kind) => needs[kind].size > 0).map(async (kind) => {
      catalog[kind] = uniqueNames(await KINDS[kind].list(client));
    }),
  );
  return catalog;
}

/** What one region resolves names with. */
export interface RegionIds {
  catalog: RegionCatalog;
  /** Cluster name → id: this config's clusters and its external ones. */
  clusterIds?: ReadonlyMap<string, string>;
  /** Lower-cased job name → id: this config's jobs first, then the region's other jobs. */
  jobIds?: ReadonlyMap<string, number>;
}

function idsOf(ids: RegionIds, kind: RefKind): ReadonlyMap<string, string | number> {
  if (kind === 'clusters') return ids.clusterIds ?? new Map();
  if (kind === 'jobs') return ids.jobIds ?? new Map();
  return ids.catalog[kind];
}

/**
 * A copy of a job, cluster or pipeline spec with every name replaced by this region's id. A name the region
 * lacks goes to `missing` and leaves a placeholder id (0 for a job not created yet).
 */
export function resolveNames(
  doc: Json,
  kind: DocumentKind,
  ids: RegionIds,
  missing: MissingReference[],
): Json {
  const out = structuredClone(doc);
  for (const { ref, holder } of slotsOf(out, kind)) {
    const name = holder[ref.nameKey];
    if (typeof name !== 'string') continue;
    const info = KINDS[ref.kind];
    const known = idsOf(ids, ref.kind);
    const id = known.get(info.caseInsensitive ? name.toLowerCase() : name);
    delete holder[ref.nameKey];
    if (id === undefined || id === '') {
      missing.push(info.caseInsensitive ? { kind: info.label, name } : missingName(info.label, name, known));
      holder[ref.idKey] = info.numericId ? 0 : `<unresolved ${info.label} ${name}>`;
    } else holder[ref.idKey] = id;
  }
  return out;
}

/** A cluster spec with its names replaced by this region's ids. */
export function resolveClusterSpec(spec: Json, catalog: RegionCatalog, missing: MissingReference[]): Json {
  return resolveNames(spec, 'cluster', { catalog }, missing);
}

/** A pipeline with the policy and pool names of its clusters replaced by this region's ids. */
export function resolvePipelineSpec(spec: Json, catalog: RegionCatalog, missing: MissingReference[]): Json {
  return resolveNames(spec, 'pipeline', { catalog }, missing);
}

/** A job with every name replaced by this region's id (clusters, jobs and every listed kind). */
export function resolveJobReferences(job: Json, ids: RegionIds, missing: MissingReference[]): Json {
  return resolveNames(job, 'job', ids, missing);
}

/** The jobs a job runs through run_job_task.job_name, lower-cased (to create them first). */
export function jobNamesRun(job: Json): string[] {
  return namesIn(job, 'job')
    .filter((ref) => ref.kind === 'jobs')
    .map((ref) => ref.name.toLowerCase());
}

export function describeMissing(missing: MissingReference[], region: string): string {
  const unique = [...new Map(missing.map((m) => [`${m.kind}:${m.name}`, m])).values()];
  return (
    unique
      .map((m) => `${m.kind} "${m.name}"${m.suggestion ? ` (did you mean "${m.suggestion}"?)` : ''}`)
      .join(', ') + ` not found in region ${region}`
  );
}
