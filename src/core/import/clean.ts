/**
 * What a person would write: the workspace's answers without ids, read-only facts and the values
 * the server fills in by itself (the same defaults deploy ignores when it compares, assets/shared/normalize.ts),
 * so that the imported files deploy back without a change.
 */

import { PIPELINE_COMPARE, settingsOf } from '../assets/pipelines/settings.js';
import { type CompareOptions, matches } from '../assets/shared/compare.js';
import { CLUSTER_COMPARE, clusterSettingsOf, JOB_COMPARE } from '../assets/shared/normalize.js';
import type { ClusterDetails, Job, PipelineDetails } from '../client/index.js';
import { MANAGEMENT_TAG } from '../ownership.js';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEmpty(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    (Array.isArray(v) && v.length === 0) ||
    (isObject(v) && Object.keys(v).length === 0)
  );
}

/**
 * A copy without the fields `options` ignores, the values equal to the server's defaults and the
 * empty objects and lists left behind. `${var.` and `${region.` in workspace text are escaped, so
 * they stay literal when deployed.
 */
export function withoutServerFields(value: unknown, options: CompareOptions, path = ''): unknown {
  if (typeof value === 'string') return value.replace(/\$\{(var|region)\./g, '$$$${$1.');
  if (Array.isArray(value))
    return value.map((v, i) => withoutServerFields(v, options, join(path, String(i))));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    const at = join(path, key);
    if (options.ignore?.some((p) => matches(p, at))) continue;
    const fallback = Object.entries(options.defaults ?? {}).find(([p]) => matches(p, at));
    if (fallback && JSON.stringify(fallback[1]) === JSON.stringify(v)) continue;
    const cleaned = withoutServerFields(v, options, at);
    if (!isEmpty(cleaned)) out[key] = cleaned;
  }
  return out;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}/${key}`;
}

function withoutManagementTag(tags: unknown): unknown {
  if (!isObject(tags)) return tags;
  const { [MANAGEMENT_TAG]: _, ...rest } = tags;
  return rest;
}

/** A job as a jobs/*.json file would hold it: its settings, without what the server owns. */
export function jobDefinition(job: Job): Json {
  const settings = withoutServerFields(job.settings, JOB_COMPARE) as Json;
  // A file without `queue` deploys with queueing on (Jobs 2.2's default, withManagedDefaults); a
  // job that does not queue (off, or absent as jobs made through 2.0/2.1 are) says so, or the first
  // deploy would turn queueing on in the imported region.
  if ((job.settings.queue as { enabled?: boolean } | undefined)?.enabled !== true)
    settings.queue = { enabled: false };
  const tags = withoutManagementTag(settings.tags);
  if (isEmpty(tags)) delete settings.tags;
  else settings.tags = tags;
  return settings;
}

/** A cluster as a clusters/*.json file would hold it: the create spec, without what the server fills. */
export function clusterDefinition(details: ClusterDetails): Json {
  const spec = withoutServerFields(clusterSettingsOf(details), CLUSTER_COMPARE) as Json;
  // The driver defaults to the workers' node type (comparableClusters in normalize.ts).
  if (spec.driver_node_type_id !== undefined && spec.driver_node_type_id === spec.node_type_id)
    delete spec.driver_node_type_id;
  const tags = withoutManagementTag(spec.custom_tags);
  if (isEmpty(tags)) delete spec.custom_tags;
  else spec.custom_tags = tags;
  return spec;
}

/**
 * A pipeline as a pipelines/*.json file would hold it: the spec without its id, the defaults the
 * server fills (assets/pipelines/settings.ts) and the storage location it chose (`dbfs:/pipelines/<id>`,
 * which a deploy leaves to each region's server again).
 */
export function pipelineDefinition(details: PipelineDetails): Json {
  const spec: Json = { ...settingsOf(details.spec) };
  if (spec.storage === `dbfs:/pipelines/${details.pipeline_id}`) delete spec.storage;
  const settings = withoutServerFields(spec, PIPELINE_COMPARE) as Json;
  const tags = withoutManagementTag(settings.tags);
  if (isEmpty(tags)) delete settings.tags;
  else settings.tags = tags;
  return settings;
}
