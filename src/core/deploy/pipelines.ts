/**
 * Lakeflow Declarative Pipelines: matched by name among the pipelines this config owns (tag
 * `databricks-dr: <name>` in the pipeline's `tags`), edited only when the settings really differ,
 * permissions applied, and in a passive region deployed with `continuous: false` (the value as
 * written recorded in the state file for failover) and no update running. Jobs name pipelines
 * (`pipeline_task.pipeline_name`): this stage gives each region's ids to the name table first.
 */
import { createAtMostOnce, isPipelineActive, nameFilter, type PipelineDetails } from '../client/index.js';
import { ownedBy, ownerOf } from '../ownership.js';
import { applyChanges, type PlannedChange, planned } from '../plan/apply.js';
import { adoptionError, countUnchanged, noteUnmanaged, type RegionContext } from '../session/context.js';
import { mapLimit } from '../util.js';
import { differingFields } from './compare.js';
import { aclToWrite, writePermissions } from './permissions.js';
import {
  comparablePipelines,
  desiredPipeline,
  PIPELINE_COMPARE,
  pipelineFile,
  settingsOf,
  writtenContinuous,
} from './pipeline-settings.js';

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

const owns = (ctx: RegionContext, p: PipelineDetails) => ownedBy(p.spec?.tags, ctx.config.name);

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

export async function deployPipelines(
  ctx: RegionContext,
  all: Map<string, PipelineDetails[]>,
): Promise<void> {
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
    const { settings: file, permissions } = pipelineFile(def.byRegion[ctx.region.name]);
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
    const actual = settingsOf(existing.spec);
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

  for (const [name, list] of all) {
    if (desiredNames.has(name)) continue;
    if (list.some((p) => owns(ctx, p))) {
      noteUnmanaged(ctx, 'pipeline', name);
      ctx.result.warnings.push(
        `pipeline "${name}" in region ${ctx.region.name} is managed by ${ctx.config.name} but no longer in the repo; delete it by hand when it is no longer needed`,
      );
    } else delete recorded[name];
  }
  await applyChanges(ctx, 'pipeline', changes, { concurrency: 4 });
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
