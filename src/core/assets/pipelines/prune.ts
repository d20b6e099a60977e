/**
 * Pipelines this config owns that git no longer has: reported, or with `prune.pipelines` deleted
 * once no job runs them (the jobs as this run's jobs stage leaves them).
 */
import type { BaseJob, PipelineDetails } from '../../client/index.js';
import { ownsJob } from '../../ownership.js';
import { type PlannedChange, planned } from '../../plan/apply.js';
import { namesIn, tasksOf } from '../../plan/name-refs.js';
import { noteUnmanaged, type RegionContext } from '../../session/context.js';
import { listJobs } from '../jobs/index.js';
import { ownsPipeline } from './settings.js';

/**
 * Pipelines this config owns that git no longer has (found through the state file's records):
 * with `prune.pipelines` planned for deletion, which the engine applies after the jobs stage, so
 * a job of this run stops running one first; else reported as unmanaged. A pipeline a job still
 * runs is never deleted.
 */
export async function removedPipelines(
  ctx: RegionContext,
  all: Map<string, PipelineDetails[]>,
  desiredNames: ReadonlySet<string>,
  jobsDeployed: boolean,
): Promise<PlannedChange[]> {
  const recorded = ctx.state.pipelines ?? {};
  const removed: Array<[string, PipelineDetails]> = [];
  for (const [name, list] of all) {
    if (desiredNames.has(name)) continue;
    const mine = list.find((p) => ownsPipeline(ctx, p));
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
