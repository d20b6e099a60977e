/**
 * Pure transformations of pipeline settings between the repo's form and what a region receives
 * and reports: the management tag (and whether a pipeline is this config's: tagged, or adopted),
 * the passive form (continuous false), and the comparison that ignores what the server fills in
 * by itself (the id, the default channel and edition, a storage location when none was written,
 * the default cluster label), so a redeploy writes nothing.
 */
import type { PipelineDetails, PipelineSettings } from '../../client/index.js';
import { adoptedBy, ownedBy, withManagementTag } from '../../ownership.js';
import type { RegionContext } from '../../session/context.js';
import type { PermissionEntry } from '../permissions/index.js';
import type { CompareOptions } from '../shared/compare.js';

/** Tagged by this config, or adopted by name and id in its `adopt:` list (import). */
export const ownsPipeline = (ctx: RegionContext, p: PipelineDetails) =>
  ownedBy(p.spec?.tags, ctx.config.name) ||
  adoptedBy(ctx.config, ctx.region.name, 'pipelines', p.spec?.name ?? p.name, p.pipeline_id);

/** The settings of a pipeline file without databricks-dr's own fields, and its permissions. */
export function pipelineFile(written: Record<string, unknown>): {
  settings: PipelineSettings;
  permissions?: PermissionEntry[];
} {
  const { permissions, ...settings } = written;
  return {
    settings: settings as PipelineSettings,
    permissions: permissions as PermissionEntry[] | undefined,
  };
}

/** `continuous` as written (absent: false, the API's default). */
export function writtenContinuous(settings: PipelineSettings): boolean {
  return settings.continuous === true;
}

/**
 * What a region receives: the file with the management tag, and `continuous` as given (the
 * written value in the active region, false in a passive one).
 */
export function desiredPipeline(
  settings: PipelineSettings,
  configName: string,
  continuous: boolean,
): PipelineSettings {
  return { ...settings, tags: withManagementTag(settings.tags, configName), continuous };
}

/** The server's answer reduced to the settings a file can write (the spec without its id). */
export function settingsOf(spec: (PipelineSettings & { id?: string }) | undefined): PipelineSettings {
  const { id: _id, ...rest } = spec ?? {};
  return rest;
}

/** What the Pipelines API fills when a field is absent (pipelines.PipelineSpec). */
export const PIPELINE_COMPARE: CompareOptions = {
  defaults: {
    channel: 'CURRENT',
    edition: 'ADVANCED',
    continuous: false,
    development: false,
    photon: false,
    serverless: false,
    'clusters/*/label': 'default',
  },
  keyedArrays: { clusters: 'label' },
};

/**
 * The two sides made comparable: a storage location the server chose (none written, no catalog)
 * is not a difference, and clusters without a label get the server's "default".
 */
export function comparablePipelines(
  desired: PipelineSettings,
  actual: PipelineSettings,
): [Record<string, unknown>, Record<string, unknown>] {
  const label = (s: PipelineSettings) =>
    Array.isArray(s.clusters)
      ? s.clusters.map((c) => ({ ...c, label: (c as { label?: string }).label ?? 'default' }))
      : s.clusters;
  const d: Record<string, unknown> = { ...desired, clusters: label(desired) };
  const a: Record<string, unknown> = { ...actual, clusters: label(actual) };
  if (desired.storage === undefined && desired.catalog === undefined) delete a.storage;
  return [d, a];
}
