/**
 * One region of a deploy or plan: its context (client, definitions, state, role), the walk over
 * the asset modules in order (scopes → notebooks → clusters → pipelines → jobs) and the state file
 * written back at the end.
 */

import { clusterStage, listClusters } from '../assets/clusters/index.js';
import { deployJobs, listJobs } from '../assets/jobs/index.js';
import { deployNotebooks, readNotebookTargets } from '../assets/notebooks/index.js';
import { currentDeployers } from '../assets/permissions/index.js';
import { pipelineStage } from '../assets/pipelines/index.js';
import { emptyCatalog } from '../assets/references/index.js';
import { deployScopes } from '../assets/scopes/index.js';
import { describeError } from '../client/describe.js';
import { isUnreachable } from '../client/index.js';
import type { RegionConfig } from '../config/types.js';
import { anyApplied, applyChanges, RegionAbort, type StageReport } from '../plan/apply.js';
import {
  ASSET_ORDER,
  type AssetKind,
  type Change,
  emptyRegionResult,
  type RegionResult,
} from '../plan/types.js';
import { type RegionRoleInfo, type RoleView, roleOf } from '../roles/index.js';
import { runIdentity } from '../session/clients.js';
import type { RegionContext } from '../session/context.js';
import type { DeployOptions, PreparedRun } from '../session/prepare.js';
import type { RegionLock } from '../state/lock.js';
import type { LockSet } from '../state/region-locks.js';
import type { RegionState } from '../state/state.js';
import { writeRegionState } from '../state/state-io.js';
import type { SharedReads } from './preflight-gate.js';

/** What a region's deploy needs from the run: the prepared run, the roles, the locks, the options. */
export interface RegionRun {
  run: PreparedRun;
  view: RoleView;
  options: DeployOptions;
  env: NodeJS.ProcessEnv;
  locks: LockSet | undefined;
}

export async function deployRegion(
  { run, view, options, env, locks }: RegionRun,
  region: RegionConfig,
  shared: SharedReads,
): Promise<RegionResult> {
  const result = emptyRegionResult();
  const info = view.regions.get(region.name)!;
  const client = run.clients.get(region.name);
  if (!client || !info.reachable || !info.state) {
    result.status = info.answered ? 'failed' : 'unreachable';
    result.errors.push(
      info.answered
        ? `region ${region.name}: its jobs could not be listed to learn its role (${info.error}); nothing was written there`
        : `region ${region.name} could not be reached: ${info.error ?? 'no client'}; it stays pending and is reconciled on the next run`,
    );
    return result;
  }
  const lock = locks?.held.get(region.name);
  if (locks && !lock) {
    result.status = 'failed';
    result.role = roleOf(view, region.name);
    result.epoch = view.epoch;
    result.errors.push(
      `region ${region.name}: its lock could not be taken (${locks.failed.get(region.name) ?? locks.unreachable.get(region.name) ?? 'unknown reason'}); nothing was written there`,
    );
    return result;
  }
  const state = info.state;
  const role = roleOf(view, region.name);
  // The state file as it is in the workspace, for write-ahead records (ctx.state gets the plan).
  const written = structuredClone(state);
  const ctx: RegionContext = {
    config: run.project.config,
    region,
    client,
    project: run.project,
    state,
    recordIntent: async (mutate) => {
      mutate(written);
      stampState(written, env);
      lock?.assertHeld();
      await writeRegionState(client, written, info);
    },
    role,
    rolesVerified: view.verified,
    dryRun: options.dryRun === true,
    adopt: options.adopt === true,
    reporter: options.reporter,
    result,
    env,
    catalog: emptyCatalog(),
    archive: options.archive ?? run.project.config.deploy?.archive ?? true,
  };
  result.role = role;
  result.epoch = view.epoch;
  const walk = await walkAssets(ctx, run.kinds, shared);
  result.clusterIds = Object.fromEntries([...walk.clusterIds].filter(([, id]) => !id.startsWith('<')));
  await writeBack(ctx, walk.wrote, { view, info, shared, lock });
  if (result.errors.length > 0 && result.status === 'ok') result.status = 'failed';
  if (result.changes.some((c) => c.status === 'failed') && result.status === 'ok') result.status = 'failed';
  return result;
}

/** What the walk tells the engine besides the changes in the region's result. */
interface WalkReport {
  /** Something was written in the region (a change applied, or a stage's records changed). */
  wrote: boolean;
  /** Cluster name → id, as far as the clusters stage got (`<new cluster …>` in a plan). */
  clusterIds: ReadonlyMap<string, string>;
}

/**
 * The asset modules in order, each reading the region, diffing and applying, and reporting what
 * the engine needs. An error that stops the region is recorded in its result, never thrown.
 */
async function walkAssets(
  ctx: RegionContext,
  kinds: readonly AssetKind[],
  shared: SharedReads,
): Promise<WalkReport> {
  const { result } = ctx;
  const reports: StageReport[] = [];
  // A stage's report is kept even when its error stops the walk.
  const ended = (report: StageReport) => {
    reports.push(report);
    rethrow(report);
  };
  let clusterIds: ReadonlyMap<string, string> = new Map();
  let notebooks: Promise<StageReport> | undefined;
  // The notebook targets, clusters and jobs are read while the scopes stage works (and the
  // notebooks upload): reads only, so no write moves ahead of another, and the region's path to
  // its last write is shorter by those round trips. Nothing else writes while the lock is held.
  const notebookReads = kinds.includes('notebook') ? readNotebookTargets(ctx) : undefined;
  const clustersListed =
    kinds.includes('cluster') || kinds.includes('job') ? ahead(listClusters(ctx)) : undefined;
  const jobsListed = kinds.includes('job') ? ahead(listJobs(ctx)) : undefined;
  try {
    if (kinds.includes('cluster') || kinds.includes('pipeline') || kinds.includes('job')) {
      ctx.catalog = await shared.catalog();
    }
    if (kinds.includes('secret_scope')) ended(await deployScopes(ctx));
    // A passive region runs nothing, so its clusters and jobs may be created while its notebooks
    // upload; in the active region a scheduled job must not fire before its notebook exists.
    const overlap = ctx.role === 'passive' && !ctx.dryRun;
    notebooks = notebookReads ? deployNotebooks(ctx, notebookReads) : undefined;
    if (!overlap && notebooks) ended(await notebooks);
    if (kinds.includes('cluster') || kinds.includes('job')) {
      const clusters = await clusterStage(ctx, kinds, clustersListed);
      clusterIds = clusters.clusterIds;
      ended(clusters);
    }
    const pipelines = await pipelineStage(ctx, kinds);
    ended(pipelines);
    if (kinds.includes('job'))
      ended(await deployJobs(ctx, { clusterIds, pipelineIds: pipelines.pipelineIds, listed: jobsListed }));
    // A pipeline removed from git goes once the jobs that ran it no longer do (prune.pipelines).
    await applyChanges(ctx, 'pipeline', pipelines.deletes, { concurrency: 4 });
    if (notebooks) ended(await notebooks);
    // The result lists changes in the usual order, whatever finished first.
    const rank = (k: Change['kind']) => ASSET_ORDER.indexOf(k as AssetKind);
    if (overlap) result.changes.sort((a, b) => rank(a.kind) - rank(b.kind));
  } catch (err) {
    // Uploads still in flight (a passive region's clusters or jobs failed first) end before the
    // state file is written.
    if (notebooks) reports.push(await notebooks);
    else if (notebookReads) await Promise.all(notebookReads.views);
    result.errors.push(err instanceof RegionAbort ? err.message : describeError(err));
    if (isUnreachable(err)) result.status = 'unreachable';
  }
  // What was applied is in the result; what a stage recorded besides, in its report.
  return { wrote: anyApplied(result) || reports.some((r) => r.recorded), clusterIds };
}

/**
 * The state file records the region's role and the current epoch (a deploy never changes the
 * role), what the tool owns and what preflight verified; written when anything changed.
 */
async function writeBack(
  ctx: RegionContext,
  wrote: boolean,
  {
    view,
    info,
    shared,
    lock,
  }: { view: RoleView; info: RegionRoleInfo; shared: SharedReads; lock?: RegionLock },
): Promise<void> {
  const { result } = ctx;
  const epochBehind = ctx.state.epoch !== view.epoch && view.verified;
  if (ctx.dryRun || !(wrote || !info.exists || epochBehind) || result.status === 'unreachable') return;
  if (view.verified) {
    ctx.state.role = ctx.role;
    ctx.state.epoch = view.epoch;
  }
  stampState(ctx.state, ctx.env);
  if (shared.verified) ctx.state.verified = shared.verified;
  // Who deployed is recorded, so the next runs know their own ACL entries without asking.
  await currentDeployers(ctx).catch(() => undefined);
  try {
    lock?.assertHeld();
    await writeRegionState(ctx.client, ctx.state, info);
  } catch (err) {
    result.errors.push(`the state file could not be written: ${describeError(err)}`);
  }
}

/** When and by whom the state file is written. */
function stampState(state: RegionState, env: NodeJS.ProcessEnv): void {
  state.updated_at = new Date().toISOString();
  state.updated_by = runIdentity(env);
}

function rethrow(outcome: { error?: unknown }): void {
  if (outcome.error !== undefined) throw outcome.error;
}

/**
 * A read started ahead of the stage that uses it: its rejection counts as handled now (the stage
 * that awaits it still gets it; one that never runs leaves no unhandled rejection behind).
 */
function ahead<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}
