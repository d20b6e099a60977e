/**
 * Jobs: matched by name (case-insensitively) among the jobs this config owns (tag
 * `databricks-dr: <name>`), reset only when the settings really differ, written in passive form in
 * a passive region, with the values as written recorded in the state file for failover.
 */
import { type JobSettings as ApiJobSettings, type BaseJob, isOutcomeUnknown } from '../client/index.js';
import { ownedBy } from '../ownership.js';
import { differingFields } from './compare.js';
import {
  applyChanges,
  countUnchanged,
  noteUnmanaged,
  type PlannedChange,
  planned,
  type RegionContext,
} from './context.js';
import {
  type JobSettings,
  passiveValues,
  resolveClusterNames,
  toMultiTask,
  withManagedDefaults,
  withRunnableValues,
  writtenValues,
} from './job-settings.js';
import { JOB_COMPARE } from './normalize.js';

export async function listJobs(ctx: RegionContext): Promise<BaseJob[]> {
  return ctx.client.jobs.listAll({ expandTasks: true });
}

/** The settings a region receives for one job file, and the values as written. */
export function desiredJob(ctx: RegionContext, written: JobSettings) {
  const { settings: resolved, missing } = resolveClusterNames(toMultiTask(written), ctx.clusterIds);
  const asWritten = withManagedDefaults(resolved, ctx.config.name);
  const values = writtenValues(asWritten);
  const settings =
    ctx.role === 'passive'
      ? withRunnableValues(asWritten, passiveValues(asWritten, ctx.config.passive))
      : asWritten;
  return { settings, values, missing };
}

export async function deployJobs(ctx: RegionContext, all: BaseJob[]): Promise<void> {
  const api = ctx.client.jobs;
  const owned = all.filter((j) => ownedBy(j.settings?.tags, ctx.config.name));
  const changes: PlannedChange[] = [];
  let unchanged = 0;
  const desiredNames = new Set<string>();
  ctx.result.jobIds = {};

  for (const def of ctx.project.jobs) {
    const desired = desiredJob(ctx, def.byRegion[ctx.region.name]);
    const { values, missing } = desired;
    let settings = desired.settings;
    const name = String(settings.name ?? def.name);
    const key = name.toLowerCase();
    desiredNames.add(key);
    if (missing.length > 0) {
      ctx.result.errors.push(
        `job "${name}": cluster ${missing.map((m) => `"${m}"`).join(', ')} not found in region ${ctx.region.name}; ` +
          'define it under clusters or list it in external_clusters',
      );
      continue;
    }
    const mine = owned.filter((j) => String(j.settings.name ?? '').toLowerCase() === key);
    if (mine.length > 1) {
      ctx.result.errors.push(
        `job "${name}" is ambiguous in region ${ctx.region.name}: ${mine.length} jobs owned by ${ctx.config.name} have that name ` +
          `(ids ${mine.map((j) => j.job_id).join(', ')}); delete the extra ones`,
      );
      continue;
    }
    let existing: BaseJob | undefined = mine[0];
    if (!existing) {
      const others = all.filter((j) => String(j.settings?.name ?? '').toLowerCase() === key);
      if (others.length > 0 && !ctx.adopt) {
        ctx.result.errors.push(
          `job "${name}" exists in region ${ctx.region.name} (id ${others[0].job_id}) but is not managed by databricks-dr ` +
            `(${ctx.config.name}); rename one of them, or run with --adopt to take it over`,
        );
        continue;
      }
      if (others.length > 1) {
        ctx.result.errors.push(
          `cannot adopt job "${name}" in region ${ctx.region.name}: ${others.length} jobs have that name`,
        );
        continue;
      }
      existing = others[0];
    }

    if (!existing) {
      changes.push(
        planned('job', name, 'create', async () => {
          const id = await createOnce(ctx, name, settings);
          ctx.state.jobs[name] = { job_id: id, written: values };
          ctx.result.jobIds![name] = id;
        }),
      );
      continue;
    }
    const id = existing.job_id;
    ctx.result.jobIds[name] = id;
    if (!ctx.rolesVerified)
      settings = withRunnableValues(settings, writtenValues(existing.settings as JobSettings));
    const previous = ctx.state.jobs[name];
    ctx.state.jobs[name] = { job_id: id, written: values };
    if (!previous || previous.job_id !== id || JSON.stringify(previous.written) !== JSON.stringify(values))
      ctx.wrote ||= !ctx.dryRun;
    const fields = differingFields(settings, existing.settings as Record<string, unknown>, JOB_COMPARE);
    if (fields.length === 0) {
      unchanged++;
      continue;
    }
    changes.push(
      planned('job', name, 'update', () => api.reset(id, settings as ApiJobSettings), { fields, id }),
    );
  }
  countUnchanged(ctx, 'job', unchanged);

  for (const j of owned) {
    const name = String(j.settings.name ?? j.job_id);
    if (desiredNames.has(name.toLowerCase())) continue;
    if (ctx.config.prune.jobs) {
      changes.push(
        planned(
          'job',
          name,
          'delete',
          async () => {
            await api.delete(j.job_id);
            delete ctx.state.jobs[name];
          },
          { id: j.job_id },
        ),
      );
    } else {
      noteUnmanaged(ctx, 'job', name, 'prune.jobs');
    }
  }

  const ownedIds = new Set(owned.map((j) => j.job_id));
  for (const [name, entry] of Object.entries(ctx.state.jobs)) {
    if (!ownedIds.has(entry.job_id) && !desiredNames.has(name.toLowerCase())) delete ctx.state.jobs[name];
  }

  await applyChanges(ctx, 'job', changes, { concurrency: 8 });
}

/**
 * Creates a job at most once: after a lost answer, the job may exist, so look it up by name
 * (jobs/list?name=) among owned jobs before trying again.
 */
async function createOnce(ctx: RegionContext, name: string, settings: JobSettings): Promise<number> {
  try {
    return (await ctx.client.jobs.create(settings as ApiJobSettings)).job_id;
  } catch (err) {
    if (!isOutcomeUnknown(err)) throw err;
    const found = (await ctx.client.jobs.listAll({ name })).find((j) =>
      ownedBy(j.settings?.tags, ctx.config.name),
    );
    if (found) {
      await ctx.client.jobs.reset(found.job_id, settings as ApiJobSettings);
      return found.job_id;
    }
    return (await ctx.client.jobs.create(settings as ApiJobSettings)).job_id;
  }
}
