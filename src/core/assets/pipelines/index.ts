/**
 * Lakeflow Declarative Pipelines: matched by name among the pipelines this config owns (tag
 * `databricks-dr: <name>` in the pipeline's `tags`), edited only when the settings really differ,
 * permissions applied, and in a passive region deployed with `continuous: false` (the value as
 * written recorded in the state file for failover) and no update running. Jobs name pipelines
 * (`pipeline_task.pipeline_name`): this stage gives each region's ids to the name table first.
 * One git no longer has is reported, or deleted with `prune.pipelines` once no job runs it.
 */
import {
  type BaseJob,
  createAtMostOnce,
  isPipelineActive,
  nameFilter,
  type PipelineDetails,
  type PipelineSettings,
} from '../../client/index.js';
import { adoptedBy, ownedBy, ownerOf, ownsJob, withManagementTag } from '../../ownership.js';
import { applyChanges, type PlannedChange, planned } from '../../plan/apply.js';
import { namesIn, tasksOf } from '../../plan/name-refs.js';
import type { AssetKind } from '../../plan/types.js';
import { adoptionError, countUnchanged, noteUnmanaged, type RegionContext } from '../../session/context.js';
import { mapLimit } from '../../util.js';
import { listJobs } from '../jobs/index.js';
import { aclToWrite, writePermissions } from '../permissions/index.js';
import { describeMissing, type MissingReference, resolvePipelineSpec } from '../references/index.js';
import { differingFields } from '../shared/compare.js';
import {
  comparablePipelines,
  desiredPipeline,
  PIPELINE_COMPARE,
  pipelineFile,
  settingsOf,
  writtenContinuous,
} from './settings.js';

/** The name each definition deploys under in this region. */
function nameOf(
  ctx: RegionContext,
  def: { name: string; byRegion: Record<string, Record<string, unknown>> },
) {
  return String(def.byRegion[ctx.region.name].name ?? def.name);
}

/**
 * The pipelines of each name the config defines, with their settings (a listing has no tags, so
 * each match is read), and the ones the state file records under names git no longer has.
 */
export async function listPipelines(ctx: RegionContext): Promise<Map<string, PipelineDetails[]>> {
  const api = ctx.client.pipelines;
  const names = ctx.project.pipelines.map((d) => nameOf(ctx, d));
  const found = new Map<string, PipelineDetails[]>();
  await mapLimit(names, 4, async (name) => {
    const statuses = (await api.listAll(nameFilter(name))).filter((s) => s.name === name);
    found.set(name, await Promise.all(statuses.map((s) => api.get(s.pipeline_id))));
  });
  for (const [name, entry] of Object.entries(ctx.state.pipelines ?? {})) {
    if (found.has(name)) continue;
    const p = await api.get(entry.pipeline_id).catch(() => undefined);
    if (p) found.set(name, [p]);
  }
  return found;
}

/** Tagged by this config, or adopted by name and id in its `adopt:` list (import). */
const owns = (ctx: RegionContext, p: PipelineDetails) =>
  ownedBy(p.spec?.tags, ctx.config.name) ||
  adoptedBy(ctx.config, ctx.region.name, 'pipelines', p.spec?.name ?? p.name, p.pipeline_id);

/** Pipeline ids by name for the jobs' `pipeline_task.pipeline_name`: this config's pipelines first. */
function publishIds(ctx: RegionContext, ids: ReadonlyMap<string, string>): void {
  for (const [name, id] of ids) ctx.catalog.pipelines.set(name, id);
}

/** Ids by name when the pipelines stage does not run (`--only jobs`): read, never write. */
export function resolveManagedPipelines(ctx: RegionContext, all: Map<string, PipelineDetails[]>): void {
  const ids = new Map<string, string>();
  for (const def of ctx.project.pipelines) {
    const name = nameOf(ctx, def);
    const mine = (all.get(name) ?? []).filter((p) => owns(ctx, p));
    if (mine.length === 1) ids.set(name, mine[0].pipeline_id);
  }
  publishIds(ctx, ids);
}

/**
 * A region's pipelines stage: deployed (`--only` with pipelines), or only their ids given to the
 * jobs (`--only jobs`). Returns the deletes of owned pipelines git no longer has, which the engine
 * applies after the jobs stage.
 */
export async function pipelineStage(
  ctx: RegionContext,
  kinds: readonly AssetKind[],
): Promise<PlannedChange[]> {
  const any = ctx.project.pipelines.length > 0 || Object.keys(ctx.state.pipelines ?? {}).length > 0;
  if (!any || !(kinds.includes('pipeline') || kinds.includes('job'))) return [];
  const all = await listPipelines(ctx);
  if (kinds.includes('pipeline')) return deployPipelines(ctx, all, kinds.includes('job'));
  resolveManagedPipelines(ctx, all);
  return [];
}

/**
 * Creates and edits this config's pipelines; returns the deletes of the ones git no longer has
 * (prune.pipelines), for the engine to apply after the jobs stage (`jobsDeployed`: it runs).
 */
export async function deployPipelines(
  ctx: RegionContext,
  all: Map<string, PipelineDetails[]>,
  jobsDeployed: boolean,
): Promise<PlannedChange[]> {
  const api = ctx.client.pipelines;
  const passive = ctx.role === 'passive' || !ctx.rolesVerified;
  const changes: PlannedChange[] = [];
  const ids = new Map<string, string>();
  const desiredNames = new Set<string>();
  let unchanged = 0;
  ctx.state.pipelines ??= {};
  const recorded = ctx.state.pipelines;
  ctx.result.pipelineIds = {};

  for (const def of ctx.project.pipelines) {
    const name = nameOf(ctx, def);
    desiredNames.add(name);
    const { settings: written, permissions } = pipelineFile(def.byRegion[ctx.region.name]);
    const missing: MissingReference[] = [];
    const file = resolvePipelineSpec(written, ctx.catalog, missing) as PipelineSettings;
    if (missing.length > 0) {
      ctx.result.errors.push(`pipeline "${name}": ${describeMissing(missing, ctx.region.name)}`);
      continue;
    }
    const continuous = writtenContinuous(file);
    const matches = all.get(name) ?? [];
    const mine = matches.filter((p) => owns(ctx, p));
    if (mine.length > 1) {
      ctx.result.errors.push(
        `pipeline "${name}" is ambiguous in region ${ctx.region.name}: ${mine.length} pipelines owned by ${ctx.config.name} ` +
          `have that name (${mine.map((p) => p.pipeline_id).join(', ')}); delete the extra ones`,
      );
      continue;
    }
    let existing: PipelineDetails | undefined = mine[0];
    if (!existing) {
      const problem = adoptionError(ctx, 'pipeline', name, matches.length, {
        id: matches[0]?.pipeline_id,
        owners: matches.map((p) => ownerOf(p.spec?.tags)),
      });
      if (problem) {
        ctx.result.errors.push(problem);
        continue;
      }
      existing = matches[0];
    }

    if (!existing) {
      const settings = desiredPipeline(file, ctx.config.name, passive ? false : continuous);
      changes.push(
        planned(
          'pipeline',
          name,
          'create',
          async () => {
            const id = await createOnce(ctx, name, settings);
            recorded[name] = { pipeline_id: id, continuous };
            ctx.catalog.pipelines.set(name, id);
            ctx.result.pipelineIds![name] = id;
            if (permissions) {
              const acl = await aclToWrite(ctx, 'pipelines', id, permissions);
              if (acl) await writePermissions(ctx.client, 'pipelines', id, acl);
            }
          },
          { passive },
        ),
      );
      ids.set(name, `<new pipeline ${name}>`);
      continue;
    }

    const id = existing.pipeline_id;
    ids.set(name, id);
    ctx.result.pipelineIds[name] = id;
    const previous = recorded[name];
    recorded[name] = { pipeline_id: id, continuous };
    if (!previous || previous.pipeline_id !== id || previous.continuous !== continuous)
      ctx.wrote ||= !ctx.dryRun;
    const found = settingsOf(existing.spec);
    // An adopted pipeline (import) is compared as if it carried the tag: taking it over writes nothing.
    const tags = withManagementTag(found.tags, ctx.config.name);
    const actual = owns(ctx, existing) ? { ...found, tags } : found;
    // Roles unverified: an existing pipeline keeps its own continuous value (it may be the active one's).
    const target = ctx.rolesVerified
      ? ctx.role === 'passive'
        ? false
        : continuous
      : actual.continuous === true;
    const settings = desiredPipeline(file, ctx.config.name, target);
    const fields = differingFields(...comparablePipelines(settings, actual), PIPELINE_COMPARE);
    const specChanged = fields.length > 0;
    const acl = permissions ? await aclToWrite(ctx, 'pipelines', id, permissions) : undefined;
    if (acl) fields.push('permissions');
    const running = isPipelineActive(existing);
    if (fields.length > 0)
      changes.push(
        planned(
          'pipeline',
          name,
          'update',
          async () => {
            if (specChanged) await api.edit(id, settings);
            if (acl) await writePermissions(ctx.client, 'pipelines', id, acl);
          },
          { fields, id },
        ),
      );
    // A passive region runs no update: one running (started by hand, or before a fencing) is stopped.
    if (passive && ctx.rolesVerified && running)
      changes.push(planned('pipeline', name, 'stop', () => api.stop(id), { id }));
    if (fields.length === 0 && !(passive && ctx.rolesVerified && running)) unchanged++;
  }
  countUnchanged(ctx, 'pipeline', unchanged);
  publishIds(ctx, ids);
  await applyChanges(ctx, 'pipeline', changes, { concurrency: 4 });
  return removedPipelines(ctx, all, desiredNames, jobsDeployed);
}

/**
 * Pipelines this config owns that git no longer has (found through the state file's records):
 * with `prune.pipelines` planned for deletion, which the engine applies after the jobs stage, so
 * a job of this run stops running one first; else reported as unmanaged. A pipeline a job still
 * runs is never deleted.
 */
async function removedPipelines(
  ctx: RegionContext,
  all: Map<string, PipelineDetails[]>,
  desiredNames: ReadonlySet<string>,
  jobsDeployed: boolean,
): Promise<PlannedChange[]> {
  const recorded = ctx.state.pipelines ?? {};
  const removed: Array<[string, PipelineDetails]> = [];
  for (const [name, list] of all) {
    if (desiredNames.has(name)) continue;
    const mine = list.find((p) => owns(ctx, p));
    if (mine) removed.push([name, mine]);
    else delete recorded[name];
  }
  if (removed.length === 0) return [];
  if (!ctx.config.prune.pipelines) {
    for (const [name] of removed) noteUnmanaged(ctx, 'pipeline', name, 'prune.pipelines');
    return [];
  }
  const runners = await jobsRunning(ctx, jobsDeployed);
  // At apply time (after the jobs stage) the region's jobs are read again: a job whose update
  // failed may still run the pipeline, which is then kept.
  let after: Promise<BaseJob[]> | undefined;
  const stillRun = async (id: string) => {
    after ??= listJobs(ctx);
    return (await after)
      .filter((j) => pipelineIdsRun((j.settings ?? {}) as Record<string, unknown>).includes(id))
      .map((j) => `"${j.settings?.name ?? j.job_id}"`);
  };
  const deletes: PlannedChange[] = [];
  for (const [name, p] of removed) {
    const jobs = runners(name, p.pipeline_id);
    if (jobs.length > 0) {
      noteUnmanaged(ctx, 'pipeline', name);
      ctx.result.warnings.push(
        `pipeline "${name}" in region ${ctx.region.name} is managed by ${ctx.config.name} but no longer in the repo; ` +
          `not deleted: job ${jobs.map((j) => `"${j}"`).join(', ')} still runs it`,
      );
      continue;
    }
    deletes.push(
      planned(
        'pipeline',
        name,
        'delete',
        async () => {
          const jobs = await stillRun(p.pipeline_id);
          if (jobs.length > 0) throw new Error(`not deleted: job ${jobs.join(', ')} still runs it`);
          await ctx.client.pipelines.delete(p.pipeline_id);
          delete recorded[name];
        },
        { id: p.pipeline_id },
      ),
    );
  }
  return deletes;
}

/**
 * The names of the jobs in this region that run a pipeline (by its name or id) once this run's jobs
 * stage is done: this config's jobs as the repo defines them, the ones prune.jobs deletes none;
 * every other job as the region has it. Without a jobs stage (--only pipelines) every job counts
 * as the region has it.
 */
async function jobsRunning(
  ctx: RegionContext,
  jobsDeployed: boolean,
): Promise<(name: string, id: string) => string[]> {
  const region = ctx.region.name;
  const defined = ctx.project.jobs.map((d) => ({
    ...d.byRegion[region],
    name: d.byRegion[region].name ?? d.name,
  }));
  const definedNames = new Set(defined.map((j) => String(j.name).toLowerCase()));
  const runs: Array<{ job: string; names: string[]; ids: unknown[] }> = [];
  for (const j of await listJobs(ctx)) {
    const settings = (j.settings ?? {}) as Record<string, unknown>;
    const name = String(settings.name ?? j.job_id);
    if (jobsDeployed && ownsJob(ctx.config, region, j)) {
      if (definedNames.has(name.toLowerCase()) || ctx.config.prune.jobs) continue;
    }
    runs.push({ job: name, names: [], ids: pipelineIdsRun(settings) });
  }
  if (jobsDeployed)
    for (const j of defined)
      runs.push({
        job: String(j.name),
        names: namesIn(j, 'job')
          .filter((r) => r.kind === 'pipelines')
          .map((r) => r.name),
        ids: pipelineIdsRun(j),
      });
  return (name, id) => runs.filter((r) => r.names.includes(name) || r.ids.includes(id)).map((r) => r.job);
}

/** The pipeline ids a job's tasks run (pipeline_task.pipeline_id). */
function pipelineIdsRun(job: Record<string, unknown>): unknown[] {
  return tasksOf(job).map((t) => (t.pipeline_task as { pipeline_id?: unknown } | undefined)?.pipeline_id);
}

/**
 * Creates a pipeline at most once (createAtMostOnce): after an answer that leaves the outcome
 * unknown, the pipeline is looked up by name among those carrying this config's tag, which the
 * create request sets.
 */
function createOnce(ctx: RegionContext, name: string, settings: Record<string, unknown>): Promise<string> {
  const api = ctx.client.pipelines;
  return createAtMostOnce({
    create: async () => (await api.create(settings)).pipeline_id,
    lookUp: async () => {
      for (const s of await api.listAll(nameFilter(name))) {
        if (s.name !== name) continue;
        const p = await api.get(s.pipeline_id);
        if (ownedBy(p.spec?.tags, ctx.config.name)) return p.pipeline_id;
      }
      return undefined;
    },
  });
}
