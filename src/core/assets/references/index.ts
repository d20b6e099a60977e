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
  type SymbolicReference,
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

/** Names left symbolic while resolving: those of objects the run creates before it applies the document. */
export interface Deferred {
  /** Per kind, the names (lower-cased where names match case-insensitively) created later in the run. */
  created: Partial<Record<RefKind, ReadonlySet<string>>>;
  /** Filled with each slot left symbolic; `bindReferences` gives them their ids at apply time. */
  refs: SymbolicReference[];
}

/** The id a slot holds until its object exists (0 for a job): never sent for a name the region lacks. */
function placeholderId(kind: RefKind, name: string): string | number {
  const info = KINDS[kind];
  return info.numericId ? 0 : `<unresolved ${info.label} ${name}>`;
}

function lookUp(ids: RegionIds, kind: RefKind, name: string) {
  const known = idsOf(ids, kind);
  const key = KINDS[kind].caseInsensitive ? name.toLowerCase() : name;
  return { known, key, id: known.get(key) };
}

/**
 * A copy of a job, cluster or pipeline spec with every name replaced by this region's id. A name
 * of an object the run creates later (`deferred`) is left symbolic; another name the region lacks
 * goes to `missing`. Both leave a placeholder id.
 */
export function resolveNames(
  doc: Json,
  kind: DocumentKind,
  ids: RegionIds,
  missing: MissingReference[],
  deferred?: Deferred,
): Json {
  const out = structuredClone(doc);
  for (const { ref, holder, pointer } of slotsOf(out, kind)) {
    const name = holder[ref.nameKey];
    if (typeof name !== 'string') continue;
    const info = KINDS[ref.kind];
    const { known, key, id } = lookUp(ids, ref.kind, name);
    delete holder[ref.nameKey];
    if (id !== undefined && id !== '') {
      holder[ref.idKey] = id;
      continue;
    }
    holder[ref.idKey] = placeholderId(ref.kind, name);
    if (deferred?.created[ref.kind]?.has(key))
      deferred.refs.push({ pointer: `${pointer}/${ref.idKey}`, kind: ref.kind, name });
    else
      missing.push(info.caseInsensitive ? { kind: info.label, name } : missingName(info.label, name, known));
  }
  return out;
}

/**
 * The document as applied: each symbolic reference given the id its object has now (a copy; the
 * placeholder stays for one that still has none, as when its create failed).
 */
export function bindReferences(doc: Json, refs: readonly SymbolicReference[], ids: RegionIds): Json {
  if (refs.length === 0) return doc;
  const out = structuredClone(doc);
  for (const ref of refs) {
    const steps = ref.pointer.split('/').slice(1);
    const slot = steps.pop()!;
    let holder: unknown = out;
    for (const step of steps) holder = (holder as Record<string, unknown> | undefined)?.[step];
    if (typeof holder !== 'object' || holder === null) continue;
    const { id } = lookUp(ids, ref.kind, ref.name);
    (holder as Json)[slot] = id === undefined || id === '' ? placeholderId(ref.kind, ref.name) : id;
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

/**
 * A job with every name replaced by this region's id (clusters, jobs and every listed kind); the
 * names of `deferred` objects are left symbolic (jobs this config creates in the same run).
 */
export function resolveJobReferences(
  job: Json,
  ids: RegionIds,
  missing: MissingReference[],
  deferred?: Deferred,
): Json {
  return resolveNames(job, 'job', ids, missing, deferred);
}

export function describeMissing(missing: MissingReference[], region: string): string {
  const unique = [...new Map(missing.map((m) => [`${m.kind}:${m.name}`, m])).values()];
  return (
    unique
      .map((m) => `${m.kind} "${m.name}"${m.suggestion ? ` (did you mean "${m.suggestion}"?)` : ''}`)
      .join(', ') + ` not found in region ${region}`
  );
}
