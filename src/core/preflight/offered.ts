/**
 * Preflight check 3: the node types and Databricks Runtimes the definitions use are offered in the
 * region. A secondary region that lacks one is found here, not on the day of the disaster.
 */
import { describeError } from '../client/describe.js';
import type { ProjectDefinitions } from '../validate/types.js';
import { isObject, type Json, type KnownValues, type PreflightCheck, type RegionPreflight } from './types.js';

/** Every cluster spec a region's definitions contain, with the file it comes from. */
function clusterSpecs(project: ProjectDefinitions, region: string): Array<{ spec: Json; file: string }> {
  const out: Array<{ spec: Json; file: string }> = [];
  for (const c of project.clusters) out.push({ spec: c.byRegion[region], file: c.path });
  for (const j of project.jobs) {
    const job = j.byRegion[region];
    const add = (spec: unknown) => {
      if (isObject(spec)) out.push({ spec, file: j.path });
    };
    add(job.new_cluster);
    if (Array.isArray(job.job_clusters))
      for (const jc of job.job_clusters) if (isObject(jc)) add(jc.new_cluster);
    const visit = (t: unknown) => {
      if (!isObject(t)) return;
      add(t.new_cluster);
      if (isObject(t.for_each_task)) visit(t.for_each_task.task);
    };
    if (Array.isArray(job.tasks)) job.tasks.forEach(visit);
  }
  return out;
}

/** The values the specs give any of `keys`, each with the files using it. */
function used(specs: Array<{ spec: Json; file: string }>, keys: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { spec, file } of specs) {
    for (const k of keys) {
      const v = spec[k];
      if (typeof v !== 'string') continue;
      if (!out.has(v)) out.set(v, new Set());
      out.get(v)!.add(file);
    }
  }
  return out;
}

function sample(values: Iterable<string>, n = 5): string {
  const list = [...values].slice(0, n);
  return list.length > 0 ? ` (it offers e.g. ${list.join(', ')})` : '';
}

/** One kind of value the definitions use and the region must offer. */
interface OfferedKind {
  check: string;
  /** `a node type`, for the fix. */
  what: string;
  /** The variable the fix suggests for a per-region value. */
  variable: string;
  /** The cluster spec keys that hold the value. */
  keys: string[];
  fact: 'node_types' | 'runtimes';
  list: () => Promise<string[]>;
}

/**
 * Is every value the definitions use (with the files using it) among those the region offers?
 * Values in `known` were verified by an earlier deploy and are not asked again; when every value is
 * known, nothing is listed.
 */
async function offeredCheck(
  kind: OfferedKind,
  usedValues: Map<string, Set<string>>,
  region: string,
  known: KnownValues,
): Promise<{ check: PreflightCheck; verified: string[] }> {
  const { check } = kind;
  const all = [...usedValues.keys()];
  const toCheck = [...usedValues].filter(([v]) => !known.values.has(v));
  if (toCheck.length === 0)
    return { check: { check, status: 'ok', detail: `${all.join(', ')}${known.note}` }, verified: all };
  let offered: Set<string>;
  try {
    offered = new Set(await kind.list());
  } catch (err) {
    return {
      check: { check, status: 'warn', detail: `could not list ${check}: ${describeError(err)}` },
      verified: all.filter((v) => known.values.has(v)),
    };
  }
  const verified = all.filter((v) => known.values.has(v) || offered.has(v));
  const missing = toCheck.filter(([v]) => !offered.has(v));
  if (missing.length === 0) return { check: { check, status: 'ok', detail: all.join(', ') }, verified };
  return {
    check: {
      check,
      status: 'fail',
      detail: `${missing.map(([v, files]) => `${v} (used by ${[...files].join(', ')})`).join('; ')} not offered in region ${region}`,
      fix: `use ${kind.what} region ${region} offers${sample(offered)}, or set it per region with \${var.${kind.variable}}`,
    },
    verified,
  };
}

/** Check 3: node types and runtimes the definitions use (both lists asked at once). */
export async function offeredValuesChecks(run: RegionPreflight): Promise<PreflightCheck[]> {
  const { client, region, project, facts, verified } = run;
  const specs = clusterSpecs(project, region.name);
  const kinds: OfferedKind[] = [
    {
      check: 'node types',
      what: 'a node type',
      variable: 'node_type',
      keys: ['node_type_id', 'driver_node_type_id'],
      fact: 'node_types',
      list: () => client.clusters.listNodeTypes(),
    },
    {
      check: 'runtimes',
      what: 'a Databricks Runtime',
      variable: 'spark_version',
      keys: ['spark_version'],
      fact: 'runtimes',
      list: () => client.clusters.sparkVersions(),
    },
  ];
  const results = await Promise.all(
    kinds.map(async (kind) => {
      const values = used(specs, kind.keys);
      if (values.size === 0) return undefined;
      const r = await offeredCheck(kind, values, region.name, run.knownOf(facts?.[kind.fact]));
      verified[kind.fact] = r.verified;
      return r.check;
    }),
  );
  return results.filter((c) => c !== undefined);
}
