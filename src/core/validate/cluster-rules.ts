/**
 * Cluster rules a schema cannot express, for `clusters/*.json` and for every `new_cluster` inside
 * a job. Each rule skips values of the wrong type: the schema reports those.
 */

import { MANAGEMENT_TAG } from '../ownership.js';
/** The tag key databricks-dr sets on what it manages; users may not set it. */
import { NAME_REFERENCES } from '../plan/name-refs.js';
import { apiClusterIssues } from './cluster-api-rules.js';
import { type Issue, isObject, issue } from './issues.js';

export { MANAGEMENT_TAG };
/** Databricks allows 45 custom tags on a cluster; databricks-dr adds one. */
export const MAX_CLUSTER_TAGS = 44;
/** Databricks allows 25 tags on a job; databricks-dr adds one. */
export const MAX_JOB_TAGS = 24;

/** A policy or pool given by id and by name at once (a cluster spec, or a pipeline's cluster). */
export function clusterIdAndNameIssues(spec: Record<string, unknown>, at: string): Issue[] {
  return NAME_REFERENCES.filter((r) => r.scope === 'cluster' && r.idKey in spec && r.nameKey in spec).map(
    ({ idKey: id, nameKey: name }) =>
      issue(
        `${at}/${name}`,
        `both ${id} and ${name} are set: keep ${name} (resolved in each region), or ${id}`,
        {
          target: 'key',
        },
      ),
  );
}

/**
 * Rules for one cluster spec at `at` (a JSON pointer prefix, '' for a cluster file). `maxTags`
 * limits custom_tags (cluster files: 44, leaving room for the management tag).
 */
export function clusterSpecIssues(spec: unknown, at: string, maxTags?: number): Issue[] {
  if (!isObject(spec)) return [];
  const out: Issue[] = clusterIdAndNameIssues(spec, at);
  const autoscale = spec.autoscale;
  if (isObject(autoscale)) {
    const { min_workers: min, max_workers: max } = autoscale;
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      out.push(
        issue(
          `${at}/autoscale/max_workers`,
          `autoscale.max_workers (${max}) must be at least min_workers (${min}): raise max_workers or lower min_workers`,
        ),
      );
    }
  }
  const auto = spec.autotermination_minutes;
  if (typeof auto === 'number' && auto > 0 && auto < 10) {
    out.push(
      issue(
        `${at}/autotermination_minutes`,
        `autotermination_minutes must be 0 (never terminate) or from 10 to 10000, got ${auto}`,
      ),
    );
  }
  if (
    typeof spec.runtime_engine === 'string' &&
    spec.runtime_engine !== 'NULL' &&
    typeof spec.spark_version === 'string' &&
    spec.spark_version.includes('-photon-')
  ) {
    out.push(
      issue(
        `${at}/runtime_engine`,
        `runtime_engine cannot be set with a "-photon-" spark_version ("${spec.spark_version}"): remove runtime_engine, or use the plain version with runtime_engine: PHOTON`,
      ),
    );
  }
  if (spec.kind !== 'CLASSIC_PREVIEW') {
    for (const field of ['is_single_node', 'use_ml_runtime'] as const) {
      if (spec[field] !== undefined)
        out.push(
          issue(`${at}/${field}`, `${field} requires "kind": "CLASSIC_PREVIEW" in the same cluster spec`),
        );
    }
  }
  out.push(...apiClusterIssues(spec, at));
  out.push(...tagIssues(spec.custom_tags, `${at}/custom_tags`, 'custom tag', maxTags));
  return out;
}

/**
 * The reserved management tag and, when `max` is given, the tag count (leaving room for the tag
 * databricks-dr adds).
 */
export function tagIssues(tags: unknown, at: string, what: string, max: number | undefined): Issue[] {
  if (!isObject(tags)) return [];
  const out: Issue[] = [];
  const keys = Object.keys(tags);
  for (const k of keys) {
    if (k.toLowerCase() === MANAGEMENT_TAG) {
      out.push(
        issue(
          `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          `${what} "${k}" is reserved: databricks-dr sets it on everything it manages; remove it`,
          { target: 'key' },
        ),
      );
    }
  }
  if (max !== undefined && keys.length > max) {
    out.push(
      issue(
        at,
        `${at.split('/').pop()} has ${keys.length} entries; at most ${max} are allowed (Databricks allows ${max + 1} and databricks-dr adds "${MANAGEMENT_TAG}")`,
      ),
    );
  }
  return out;
}

/** Rules for a cluster file (clusters/*.json). */
export function clusterFileIssues(cluster: unknown): Issue[] {
  return clusterSpecIssues(cluster, '', MAX_CLUSTER_TAGS);
}
