/**
 * Lakeflow Declarative Pipelines: matched by name among the pipelines this config owns (tag
 * `databricks-dr: <name>` in the pipeline's `tags`), edited only when the settings really differ,
 * permissions applied, and in a passive region deployed with `continuous: false` (the value as
 * written recorded in the state file for failover) and no update running. Jobs name pipelines
 * (`pipeline_task.pipeline_name`): this stage gives each region's ids to the name table first.
 * One git no longer has is reported, or deleted with `prune.pipelines` once no job runs it.
 */
import {
  createAtMostOnce,
  isPipelineActive,
  nameFilter,
  type PipelineDetails,
  type PipelineSettings,
} from '../../client/index.js';
import { ownedBy, ownerOf, withManagementTag } from '../../ownership.js';
import {
  applyChanges,
  type PlannedChange,
  planned,
  reportStage,
  type StageReport,
} from '../../plan/apply.js';
import type { AssetKind } from '../../plan/types.js';
import { adoptionError, countUnchanged, type RegionContext } from '../../session/context.js';
import type { RegionState } from '../../state/state.js';
import { mapLimit } from '../../util.js';
import type { Definition } from '../../validate/types.js';
import { aclToWrite, type PermissionEntry, writePermissions } from '../permissions/index.js';
import { describeMissing, type MissingReference, resolvePipelineSpec } from '../references/index.js';
import { differingFields } from '../shared/compare.js';
import { removedPipelines } from './prune.js';
import {
  comparablePipelines,
  desiredPipeline,
  ownsPipeline,
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

/** Ids by name when the pipelines stage does not run (`--only jobs`): read, never write. */
function resolveManagedPipelines(
  ctx: RegionContext,
  all: Map<string, PipelineDetails[]>,
  ids: Map<string, string>,
): void {
  for (const def of ctx.project.pipelines) {
    const name = nameOf(ctx, def);
    const mine = (all.get(name) ?? []).filter((p) => ownsPipeline(ctx, p));
    if (mine.length === 1) ids.set(name, mine[0].pipeline_id);
  }
}

/**
 * A region's pipelines stage: deployed (`--only` with pipelines), or only their ids read (`--only
 * jobs`). Reports this config's pipeline ids by name, for the jobs' `pipeline_task.pipeline_name`
 * (`<new pipeline …>` in a plan for one not created yet), and the deletes of owned pipelines git
 * no longer has, which the engine applies after the jobs stage.
 */
export async function pipelineStage(
  ctx: RegionContext,
  kinds: readonly AssetKind[],
): Promise<StageReport & { pipelineIds: ReadonlyMap<string, string>; deletes: PlannedChange[] }> {
  const tally = { recorded: false };
  const ids = new Map<string, string>();
  let deletes: PlannedChange[] = [];
  const report = await reportStage(tally, async () => {
    const any = ctx.project.pipelines.length > 0 || Object.keys(ctx.state.pipelines ?? {}).length > 0;
    if (!any || !(kinds.includes('pipeline') || kinds.includes('job'))) return;
    const all = await listPipelines(ctx);
    if (kinds.includes('pipeline'))
      deletes = await deployPipelines(ctx, all, { jobsDeployed: kinds.includes('job'), ids, tally });
    else resolveManagedPipelines(ctx, all, ids);
  });
  return { ...report, pipelineIds: ids, deletes };
}

/** What the pipelines stage plans in a region, definition by definition. */
interface PipelinePlan {
  /** Passive, or roles unverified: a new pipeline is created with `continuous: false`. */
  passive: boolean;
  changes: PlannedChange[];
  /** Ids by name for the jobs (`<new pipeline …>` until a create has run). */
  ids: Map<string, string>;
  unchanged: number;
  /** The state file's record of each pipeline: its id and `continuous` as written. */
  recorded: NonNullable<RegionState['pipelines']>;
  /** The stage's tally: set when a record changes without a change being applied. */
  tally: { recorded: boolean };
}

/**
 * Creates and edits this config's pipelines, their ids into `ids`; returns the deletes of the ones
 * git no longer has (prune.pipelines), for the engine to apply after the jobs stage
 * (`jobsDeployed`: it runs).
 */
async function deployPipelines(
  ctx: RegionContext,
  all: Map<string, PipelineDetails[]>,
  {
    jobsDeployed,
    ids,
    tally,
  }: { jobsDeployed: boolean; ids: Map<string, string>; tally: { recorded: boolean } },
): Promise<PlannedChange[]> {
  const desiredNames = new Set<string>();
  ctx.state.pipelines ??= {};
  const plan: PipelinePlan = {
    passive: ctx.role === 'passive' || !ctx.rolesVerified,
    changes: [],
    ids,
    unchanged: 0,
    recorded: ctx.state.pipelines,
    tally,
  };
  ctx.result.pipelineIds = {};

  for (const def of ctx.project.pipelines) {
    const name = nameOf(ctx, def);
    desiredNames.add(name);
    await planPipeline(ctx, plan, def, name, all.get(name) ?? []);
  }
  countUnchanged(ctx, 'pipeline', plan.unchanged);
  await applyChanges(ctx, 'pipeline', plan.changes, { concurrency: 4 });
  return removedPipelines(ctx, all, desiredNames, jobsDeployed);
}

/**
 * One definition: its references resolved, the pipeline it deploys to found among the ones of its
 * name (this config's, or one adoption allows), then a create or an update planned.
 */
async function planPipeline(
  ctx: RegionContext,
  plan: PipelinePlan,
  def: Definition,
  name: string,
  matches: PipelineDetails[],
): Promise<void> {
  const { settings: written, permissions } = pipelineFile(def.byRegion[ctx.region.name]);
  const missing: MissingReference[] = [];
  const file = resolvePipelineSpec(written, ctx.catalog, missing) as PipelineSettings;
  if (missing.length > 0) {
    ctx.result.errors.push(`pipeline "${name}": ${describeMissing(missing, ctx.region.name)}`);
    return;
  }
  const mine = matches.filter((p) => ownsPipeline(ctx, p));
  if (mine.length > 1) {
    ctx.result.errors.push(
      `pipeline "${name}" is ambiguous in region ${ctx.region.name}: ${mine.length} pipelines owned by ${ctx.config.name} ` +
        `have that name (${mine.map((p) => p.pipeline_id).join(', ')}); delete the extra ones`,
    );
    return;
  }
  let existing: PipelineDetails | undefined = mine[0];
  if (!existing) {
    const problem = adoptionError(ctx, 'pipeline', name, matches.length, {
      id: matches[0]?.pipeline_id,
      owners: matches.map((p) => ownerOf(p.spec?.tags)),
    });
    if (problem) {
      ctx.result.errors.push(problem);
      return;
    }
    existing = matches[0];
  }
  if (!existing) planCreate(ctx, plan, name, file, permissions);
  else await planUpdate(ctx, plan, name, file, permissions, existing);
}

/** A pipeline not in the region yet: created (tagged), recorded, its id published, permissions set. */
function planCreate(
  ctx: RegionContext,
  plan: PipelinePlan,
  name: string,
  file: PipelineSettings,
  permissions: PermissionEntry[] | undefined,
): void {
  const { passive, recorded } = plan;
  const continuous = writtenContinuous(file);
  const settings = desiredPipeline(file, ctx.config.name, passive ? false : continuous);
  plan.changes.push(
    planned(
      'pipeline',
      name,
      'create',
      async () => {
        const id = await createOnce(ctx, name, settings);
        recorded[name] = { pipeline_id: id, continuous };
        plan.ids.set(name, id);
        ctx.result.pipelineIds![name] = id;
        if (permissions) {
          const acl = await aclToWrite(ctx, 'pipelines', id, permissions);
          if (acl) await writePermissions(ctx.client, 'pipelines', id, acl);
        }
      },
      { passive },
    ),
  );
  plan.ids.set(name, `<new pipeline ${name}>`);
}

/**
 * A pipeline already there: recorded, edited only where its settings or permissions differ, and
 * in a passive region with verified roles, a running update stopped.
 */
async function planUpdate(
  ctx: RegionContext,
  plan: PipelinePlan,
  name: string,
  file: PipelineSettings,
  permissions: PermissionEntry[] | undefined,
  existing: PipelineDetails,
): Promise<void> {
  const api = ctx.client.pipelines;
  const { passive, recorded } = plan;
  const continuous = writtenContinuous(file);
  const id = existing.pipeline_id;
  plan.ids.set(name, id);
  ctx.result.pipelineIds![name] = id;
  const previous = recorded[name];
  recorded[name] = { pipeline_id: id, continuous };
  if (!previous || previous.pipeline_id !== id || previous.continuous !== continuous)
    plan.tally.recorded ||= !ctx.dryRun;
  const found = settingsOf(existing.spec);
  // An adopted pipeline (import) is compared as if it carried the tag: taking it over writes nothing.
  const tags = withManagementTag(found.tags, ctx.config.name);
  const actual = ownsPipeline(ctx, existing) ? { ...found, tags } : found;
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
    plan.changes.push(
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
    plan.changes.push(planned('pipeline', name, 'stop', () => api.stop(id), { id }));
  if (fields.length === 0 && !(passive && ctx.rolesVerified && running)) plan.unchanged++;
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
