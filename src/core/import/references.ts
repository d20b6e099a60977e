/**
 * Ids become names, the import direction of the name-reference table (src/core/plan/name-refs.ts):
 * the workspace answers with ids (a task's existing_cluster_id, a cluster's policy_id, a SQL task's
 * warehouse_id…), which differ in every workspace, so import writes the names that validate and
 * deploy resolve per region. Each kind is listed once, when a definition first holds one of its ids.
 */
import type { DatabricksClient } from '../client/index.js';
import { type DocumentKind, KINDS, type NamedObject, type RefKind, slotsOf } from '../plan/name-refs.js';

type Json = Record<string, unknown>;

/** Id → name per kind, in one workspace, listed on first use. A name several objects share maps to undefined. */
export class ImportCatalog {
  private readonly tables = new Map<RefKind, Promise<Map<string, string | undefined>>>();

  /** `known`: kinds the caller has listed already (import lists the clusters and jobs anyway). */
  constructor(
    private readonly client: DatabricksClient,
    known: Partial<Record<RefKind, NamedObject[]>> = {},
  ) {
    for (const [kind, items] of Object.entries(known) as Array<[RefKind, NamedObject[]]>)
      this.tables.set(kind, Promise.resolve(idToName(items, KINDS[kind].caseInsensitive === true)));
  }

  /** The kind's id → name table. */
  table(kind: RefKind): Promise<Map<string, string | undefined>> {
    let table = this.tables.get(kind);
    if (!table) {
      table = KINDS[kind]
        .list(this.client)
        .then((items) => idToName(items, KINDS[kind].caseInsensitive === true));
      this.tables.set(kind, table);
    }
    return table;
  }
}

/** Id → name; a name that is not unique (case-insensitively where the kind is) maps to undefined. */
function idToName(items: NamedObject[], caseInsensitive: boolean): Map<string, string | undefined> {
  const key = (n: string) => (caseInsensitive ? n.toLowerCase() : n);
  const count = new Map<string, number>();
  for (const { name } of items) count.set(key(name), (count.get(key(name)) ?? 0) + 1);
  const out = new Map<string, string | undefined>();
  for (const { id, name } of items) out.set(id, name !== '' && count.get(key(name)) === 1 ? name : undefined);
  return out;
}

/** A reference import followed: which name an id became, or why the id was kept. */
export interface FollowedReference {
  kind: RefKind;
  id: string;
  name?: string;
  problem?: string;
}

/** A job's, a cluster spec's or a pipeline's ids replaced by names, in place; what was followed is returned. */
export async function nameIds(
  doc: Json,
  docKind: DocumentKind,
  catalog: ImportCatalog,
): Promise<FollowedReference[]> {
  const seen: FollowedReference[] = [];
  for (const { ref, holder } of slotsOf(doc, docKind)) {
    const raw = holder[ref.idKey];
    if (raw === undefined || holder[ref.nameKey] !== undefined) continue;
    const id = String(raw);
    // An id written as a Databricks dynamic value or a variable is left as it is.
    if (id.includes('{{') || id.includes('${')) continue;
    const label = KINDS[ref.kind].label;
    const table = await catalog.table(ref.kind).catch((err: unknown) => err as Error);
    if (table instanceof Error) {
      seen.push({
        kind: ref.kind,
        id,
        problem: `${label} ${id}: the ${label}s could not be listed (${table.message}), so the id was kept`,
      });
      continue;
    }
    const name = table.get(id);
    if (name === undefined) {
      seen.push({
        kind: ref.kind,
        id,
        problem: table.has(id)
          ? `${label} ${id}: its name is not unique in the workspace, so the id was kept (it differs per workspace)`
          : `${label} ${id} does not exist in the workspace, so the id was kept`,
      });
      continue;
    }
    delete holder[ref.idKey];
    holder[ref.nameKey] = name;
    seen.push({ kind: ref.kind, id, name });
  }
  return seen;
}

/** A cluster spec's ids replaced by names, in place. */
export function nameClusterSpec(spec: Json, catalog: ImportCatalog): Promise<FollowedReference[]> {
  return nameIds(spec, 'cluster', catalog);
}

/** A pipeline's ids replaced by names, in place: the policy and pools of its clusters. */
export function namePipelineSpec(spec: Json, catalog: ImportCatalog): Promise<FollowedReference[]> {
  return nameIds(spec, 'pipeline', catalog);
}

/** Job settings' ids replaced by names, in place: tasks, their clusters, notifications, conditions. */
export function nameJobSettings(settings: Json, catalog: ImportCatalog): Promise<FollowedReference[]> {
  return nameIds(settings, 'job', catalog);
}
