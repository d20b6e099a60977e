/**
 * Jobs: matched by name (case-insensitively) among the jobs this config owns (tag
 * `databricks-dr: <name>`), reset only when the settings really differ, written in passive form in
 * a passive region, with the values as written recorded in the state file for failover. Names of
 * clusters, policies, pools, warehouses and jobs are resolved to this region's ids.
 */
import { type JobSettings as ApiJobSettings, type BaseJob, createAtMostOnce } from '../../client/index.js';
import { ownedBy, ownerOf, ownsJob as ownsJobIn, withManagementTag } from '../../ownership.js';
import {
  applyChanges,
  type PlannedChange,
  planned,
  reportStage,
  type StageReport,
} from '../../plan/apply.js';
import { KINDS, type RegionCatalog, type SymbolicReference } from '../../plan/name-refs.js';
import { adoptionError, countUnchanged, noteUnmanaged, type RegionContext } from '../../session/context.js';
import type { WrittenJobValues } from '../../state/state.js';
import { aclToWrite, type PermissionEntry, writePermissions } from '../permissions/index.js';
import {
  bindReferences,
  type Deferred,
  describeMissing,
  type MissingReference,
  resolveJobReferences,
} from '../references/index.js';
import { differingFields } from '../shared/compare.js';
import { JOB_COMPARE } from '../shared/normalize.js';
import {
  type JobSettings,
  passiveValues,
  toMultiTask,
  withManagedDefaults,
  withRunnableValues,
  writtenValues,
} from './settings.js';

export async function listJobs(ctx: RegionContext): Promise<BaseJob[]> {
  return ctx.client.jobs.listAll({ expandTasks: true });
}

/** Fields of a job file that are ours, not the Jobs API's. */
function apiSettings(written: JobSettings): { settings: JobSettings; permissions?: PermissionEntry[] } {
  const { permissions, ...settings } = written;
  return { settings, permissions: permissions as PermissionEntry[] | undefined };
}

/** One job file as a region receives it, resolved once when the job is planned. */
export interface DesiredJob {
  /**
   * The settings as sent, except that a job of this config without an id yet (created in this
   * run) holds a placeholder id at each of `refs`, given its id when the job is applied.
   */
  settings: JobSettings;
  refs: SymbolicReference[];
  /** The runnable values as written, for the state file. */
  values: WrittenJobValues;
  missingClusters: string[];
  missing: MissingReference[];
  permissions?: PermissionEntry[];
}

/**
 * The ids known when a job is planned (the region's catalog with this config's pipelines, the
 * clusters stage's, and the jobs'), and the names of this config's jobs (lower-cased).
 */
interface KnownIds {
  catalog: RegionCatalog;
  clusterIds: ReadonlyMap<string, string>;
  jobIds: ReadonlyMap<string, number>;
  configNames: ReadonlySet<string>;
}

/**
 * The settings a region receives for one job file, and the values as written. Roles unverified:
 * the passive form (an existing job then keeps its own runnable values; see planJob).
 */
export function desiredJob(ctx: RegionContext, written: JobSettings, known: KnownIds): DesiredJob {
  const { settings: file, permissions } = apiSettings(written);
  const unresolved: MissingReference[] = [];
  // A job of this config that has no id yet is created first in this run: not missing, symbolic.
  const deferred: Deferred = { created: { jobs: known.configNames }, refs: [] };
  const resolved = resolveJobReferences(
    toMultiTask(file),
    { catalog: known.catalog, clusterIds: known.clusterIds, jobIds: known.jobIds },
    unresolved,
    deferred,
  );
  // A cluster that is missing has its own advice (define it, or list it as external).
  const missingClusters = unresolved.filter((m) => m.kind === KINDS.clusters.label).map((m) => m.name);
  const missing = unresolved.filter((m) => m.kind !== KINDS.clusters.label);
  const asWritten = withManagedDefaults(resolved, ctx.config.name);
  const values = writtenValues(asWritten);
  const passive = withRunnableValues(asWritten, passiveValues(asWritten, ctx.config.passive));
  const settings = ctx.role === 'passive' || !ctx.rolesVerified ? passive : asWritten;
  return { settings, refs: deferred.refs, values, missingClusters, missing, permissions };
}

/** The settings a create or reset sends: the planned ones, each symbolic job given its id now. */
function asApplied(pass: JobsPass, job: DesiredJob): ApiJobSettings {
  return bindReferences(job.settings, job.refs, {
    catalog: pass.catalog,
    jobIds: pass.jobIds,
  }) as ApiJobSettings;
}

/** Tagged by this config, or adopted by id in its `adopt:` list (import). */
function ownsJob(ctx: RegionContext, job: BaseJob): boolean {
  return ownsJobIn(ctx.config, ctx.region.name, job);
}

/** What planning every job of a region shares: the region's jobs and the ids known by name. */
interface JobsPass extends KnownIds {
  all: BaseJob[];
  /** The jobs this config owns in the region. */
  owned: BaseJob[];
  /** Lower-cased names of this config's jobs. */
  configNames: Set<string>;
  /** Job ids by lower-cased name; jobs created in this run are added as they are created. */
  jobIds: Map<string, number>;
  /** The stage's tally: set when a job's record changes without a change being applied. */
  tally: { recorded: boolean };
}

/** A job's planned change, with the jobs of this config it runs (applied after them). */
interface JobPlan {
  key: string;
  runs: string[];
  change: PlannedChange;
}

/**
 * A region's jobs stage, over the region's jobs and the ids the clusters and pipelines stages
 * reported: its changes go to the region's result, the rest is reported.
 */
export async function deployJobs(
  ctx: RegionContext,
  {
    clusterIds,
    pipelineIds,
    listed,
  }: {
    clusterIds: ReadonlyMap<string, string>;
    pipelineIds: ReadonlyMap<string, string>;
    /** The region's jobs, when the engine listed them ahead (listJobs). */
    listed?: Promise<BaseJob[]>;
  },
): Promise<StageReport> {
  const tally = { recorded: false };
  return reportStage(tally, async () => {
    const all = await (listed ?? listJobs(ctx));
    const owned = all.filter((j) => ownsJob(ctx, j));
    ctx.result.jobIds = {};
    const configNames = new Set(
      ctx.project.jobs.map((d) => String(d.byRegion[ctx.region.name].name ?? d.name).toLowerCase()),
    );
    const jobIds = jobIdsByName(ctx, all, configNames);
    // This config's pipelines go before any other of the same name.
    const catalog = { ...ctx.catalog, pipelines: new Map([...ctx.catalog.pipelines, ...pipelineIds]) };
    await planAndApplyJobs(ctx, { all, owned, configNames, catalog, clusterIds, jobIds, tally });
  });
}

async function planAndApplyJobs(ctx: RegionContext, pass: JobsPass): Promise<void> {
  const { owned } = pass;
  const plans: JobPlan[] = [];
  let unchanged = 0;
  const desiredNames = new Set<string>();
  for (const def of ctx.project.jobs) {
    const outcome = await planJob(ctx, pass, def, desiredNames);
    if (outcome === 'unchanged') unchanged++;
    else if (outcome) plans.push(outcome);
  }
  countUnchanged(ctx, 'job', unchanged);
  const deletes = planDroppedJobs(ctx, owned, desiredNames);
  const ownedIds = new Set(owned.map((j) => j.job_id));
  for (const [name, entry] of Object.entries(ctx.state.jobs)) {
    if (!ownedIds.has(entry.job_id) && !desiredNames.has(name.toLowerCase())) delete ctx.state.jobs[name];
  }
  await applyInWaves(ctx, plans);
  await applyChanges(ctx, 'job', deletes, { concurrency: 8 });
}

/** Jobs that share a name (lower-cased). */
const named = (all: BaseJob[], name: string) =>
  all.filter((j) => String(j.settings?.name ?? '').toLowerCase() === name);

/** Ids by lower-cased name: this config's jobs (owned), then any other unambiguous job. */
function jobIdsByName(ctx: RegionContext, all: BaseJob[], configNames: Set<string>): Map<string, number> {
  const jobIds = new Map<string, number>();
  for (const j of all) {
    const n = String(j.settings?.name ?? '').toLowerCase();
    if (configNames.has(n) ? ownsJob(ctx, j) : named(all, n).length === 1) jobIds.set(n, j.job_id);
  }
  return jobIds;
}

/**
 * Plans one job of the repo: a create, an update, 'unchanged', or undefined when it cannot be
 * deployed (the reason is recorded).
 */
async function planJob(
  ctx: RegionContext,
  pass: JobsPass,
  def: RegionContext['project']['jobs'][number],
  desiredNames: Set<string>,
): Promise<JobPlan | 'unchanged' | undefined> {
  const written = def.byRegion[ctx.region.name];
  const first = desiredJob(ctx, written, pass);
  const name = String(first.settings.name ?? def.name);
  const key = name.toLowerCase();
  desiredNames.add(key);
  const found = findJob(ctx, pass, name, first);
  if (found === 'refused') return undefined;
  // Roles unverified: an existing job keeps its own runnable values.
  const job: DesiredJob =
    !ctx.rolesVerified && found
      ? {
          ...first,
          settings: withRunnableValues(first.settings, writtenValues(found.settings as JobSettings)),
        }
      : first;
  // The jobs of this config it runs that have no id yet: it is applied after them.
  const runs = job.refs.map((r) => r.name.toLowerCase()).filter((n) => n !== key);
  if (!found) {
    const create = async () => {
      const id = await createOnce(ctx, name, asApplied(pass, job));
      pass.jobIds.set(key, id);
      ctx.state.jobs[name] = { job_id: id, written: job.values };
      ctx.result.jobIds![name] = id;
      if (job.permissions) {
        const acl = await aclToWrite(ctx, 'jobs', id, job.permissions);
        if (acl) await writePermissions(ctx.client, 'jobs', id, acl);
      }
    };
    const passive = ctx.role === 'passive' || !ctx.rolesVerified;
    return { key, runs, change: planned('job', name, 'create', create, { passive }) };
  }
  const change = await planJobUpdate(ctx, pass, name, found, job);
  return change ? { key, runs, change } : 'unchanged';
}

/**
 * The job a definition is in the region (owned, or to be adopted), undefined for none, or
 * 'refused' (recorded) when a reference is missing or the name is ambiguous or taken.
 */
function findJob(
  ctx: RegionContext,
  pass: JobsPass,
  name: string,
  first: DesiredJob,
): BaseJob | undefined | 'refused' {
  const key = name.toLowerCase();
  if (first.missingClusters.length > 0) {
    ctx.result.errors.push(
      `job "${name}": cluster ${first.missingClusters.map((m) => `"${m}"`).join(', ')} not found in region ${ctx.region.name}; ` +
        'define it under clusters or list it in external_clusters',
    );
    return 'refused';
  }
  if (first.missing.length > 0) {
    ctx.result.errors.push(`job "${name}": ${describeMissing(first.missing, ctx.region.name)}`);
    return 'refused';
  }
  const mine = pass.owned.filter((j) => String(j.settings.name ?? '').toLowerCase() === key);
  if (mine.length > 1) {
    ctx.result.errors.push(
      `job "${name}" is ambiguous in region ${ctx.region.name}: ${mine.length} jobs owned by ${ctx.config.name} have that name ` +
        `(ids ${mine.map((j) => j.job_id).join(', ')}); delete the extra ones`,
    );
    return 'refused';
  }
  if (mine[0]) return mine[0];
  const others = named(pass.all, key);
  const problem = adoptionError(ctx, 'job', name, others.length, {
    id: others[0]?.job_id,
    owners: others.map((j) => ownerOf(j.settings?.tags)),
  });
  if (problem) {
    ctx.result.errors.push(problem);
    return 'refused';
  }
  // A job taken over (--adopt) is this config's from now on: jobs that run it get its id.
  if (others[0]) pass.jobIds.set(key, others[0].job_id);
  return others[0];
}

/** An existing job: recorded in the state file, and its settings and permissions reset where they differ. */
async function planJobUpdate(
  ctx: RegionContext,
  pass: JobsPass,
  name: string,
  existing: BaseJob,
  job: DesiredJob,
): Promise<PlannedChange | undefined> {
  const id = existing.job_id;
  ctx.result.jobIds![name] = id;
  const previous = ctx.state.jobs[name];
  ctx.state.jobs[name] = { job_id: id, written: job.values };
  if (!previous || previous.job_id !== id || JSON.stringify(previous.written) !== JSON.stringify(job.values))
    pass.tally.recorded ||= !ctx.dryRun;
  // An adopted job (import) is compared as if it carried the tag: taking it over writes nothing.
  const actual = ownsJob(ctx, existing)
    ? { ...existing.settings, tags: withManagementTag(existing.settings.tags, ctx.config.name) }
    : existing.settings;
  // A job that runs one created in this run differs from the region's in that id, as it should.
  const fields = differingFields(job.settings, actual as Record<string, unknown>, JOB_COMPARE);
  const acl = job.permissions ? await aclToWrite(ctx, 'jobs', id, job.permissions) : undefined;
  if (acl) fields.push('permissions');
  if (fields.length === 0) return undefined;
  const update = async () => {
    if (fields.some((f) => f !== 'permissions')) await ctx.client.jobs.reset(id, asApplied(pass, job));
    if (acl) await writePermissions(ctx.client, 'jobs', id, acl);
  };
  return planned('job', name, 'update', update, { fields, id });
}

/** Owned jobs the repo no longer names: deleted when pruned, else reported. */
function planDroppedJobs(ctx: RegionContext, owned: BaseJob[], desiredNames: Set<string>): PlannedChange[] {
  const deletes: PlannedChange[] = [];
  for (const j of owned) {
    const name = String(j.settings.name ?? j.job_id);
    if (desiredNames.has(name.toLowerCase())) continue;
    if (ctx.config.prune.jobs) {
      const remove = async () => {
        await ctx.client.jobs.delete(j.job_id);
        delete ctx.state.jobs[name];
      };
      deletes.push(planned('job', name, 'delete', remove, { id: j.job_id }));
    } else {
      noteUnmanaged(ctx, 'job', name, 'prune.jobs');
    }
  }
  return deletes;
}

/** A job that runs another job of this config goes after it, so the other's id exists. */
async function applyInWaves(ctx: RegionContext, plans: JobPlan[]): Promise<void> {
  const pending = new Set(plans.filter((p) => p.change.change.action === 'create').map((p) => p.key));
  let remaining = plans;
  while (remaining.length > 0) {
    const wave = remaining.filter((p) => p.runs.every((r) => !pending.has(r) || r === p.key));
    if (wave.length === 0) {
      ctx.result.errors.push(
        `jobs ${remaining.map((p) => `"${p.change.change.name}"`).join(', ')} run each other through run_job_task in a cycle; break the cycle`,
      );
      break;
    }
    await applyChanges(
      ctx,
      'job',
      wave.map((p) => p.change),
      { concurrency: 8 },
    );
    for (const p of wave) pending.delete(p.key);
    remaining = remaining.filter((p) => !wave.includes(p));
  }
}

/**
 * Creates a job at most once (createAtMostOnce): after an answer that leaves the outcome unknown,
 * the job is looked up by name (jobs/list?name=) among the jobs carrying this config's tag, which
 * the create request sets. A job is planned for creation only when no owned job has its name, so
 * one found now is the one the unanswered attempt made, with these settings.
 */
function createOnce(ctx: RegionContext, name: string, settings: JobSettings): Promise<number> {
  return createAtMostOnce({
    create: async () => (await ctx.client.jobs.create(settings as ApiJobSettings)).job_id,
    lookUp: async () =>
      (await ctx.client.jobs.listAll({ name })).find((j) => ownedBy(j.settings?.tags, ctx.config.name))
        ?.job_id,
  });
}
