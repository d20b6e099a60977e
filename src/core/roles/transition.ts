/**
 * Moving one region to a role: jobs get their runnable values (the written ones to activate, the
 * passive ones to passivate), clusters are terminated (passive) or may start (active), pipelines
 * lose `continuous` and any running update (passive) or get it back (active), and the
 * state file records the role and epoch. Changes only what differs, so a repeated call writes nothing.
 */

import { isRunningLike } from '../assets/clusters/index.js';
import { type JobSettings, passiveValues, withRunnableValues } from '../assets/jobs/settings.js';
import { differingFields } from '../assets/shared/compare.js';
import { describeError } from '../client/describe.js';
import {
  type JobSettings as ApiJobSettings,
  type BaseJob,
  type DatabricksClient,
  isNotFound,
} from '../client/index.js';
import type { DrConfig, Role } from '../config/types.js';
import { ownedBy, ownsJob, withManagementTag } from '../ownership.js';
import { type ApplyTarget, applyChanges, type PlannedChange, planned } from '../plan/apply.js';
import type { Change, RegionResult } from '../plan/types.js';
import type { Reporter } from '../reporter.js';
import type { RegionLock } from '../state/lock.js';
import type { RegionState, WrittenJobValues } from '../state/state.js';
import { type LoadedState, writeRegionState } from '../state/state-io.js';
import { pipelineRoleChanges } from './pipelines.js';

/** The job fields that make a job runnable or not; nothing else is touched by a role change. */
export const RUNNABLE_FIELDS = [
  'max_concurrent_runs',
  'queue',
  'schedule',
  'trigger',
  'continuous',
  'triggers',
] as const;

/** The top-level fields to send with jobs/update so `current` gets `values` (empty: nothing to do). */
export function runnableUpdate(
  current: JobSettings,
  values: WrittenJobValues,
): { newSettings: JobSettings; fields: string[] } {
  const target = withRunnableValues(current, values);
  const subset = (s: JobSettings) =>
    Object.fromEntries(RUNNABLE_FIELDS.filter((f) => s[f] !== undefined).map((f) => [f, s[f]]));
  const fields = differingFields(subset(target), subset(current), {
    defaults: { max_concurrent_runs: 1, queue: { enabled: false }, 'triggers/*/pause_status': 'UNPAUSED' },
  });
  const newSettings: JobSettings = {};
  for (const f of fields) newSettings[f] = target[f];
  return { newSettings, fields };
}

export interface RoleChange {
  client: DatabricksClient;
  config: DrConfig;
  regionName: string;
  state: RegionState;
  /** The state file as this run read it: the compare of the compare-and-set write. */
  loaded: Pick<LoadedState, 'exists' | 'stored' | 'unreadable'>;
  /** The region's lock, held by this run: checked again just before the state is written. */
  lock?: RegionLock;
  /** roles --repair: an unreadable state file is replaced (otherwise it is left for the operator). */
  rewriteUnreadable?: boolean;
  role: Role;
  epoch: number;
  dryRun: boolean;
  reporter: Reporter;
  result: RegionResult;
  runIdentity: string;
  startClusters?: boolean;
  /** Activating: start the continuous pipelines (failover --start-pipelines). */
  startPipelines?: boolean;
  cancelRuns?: boolean;
  /** Jobs already listed (deploy lists them anyway); listed here when absent. */
  jobs?: BaseJob[];
}

/**
 * Moves a region to a role. Passivating, the jobs and clusters change first and the state file
 * after, so a region is never recorded passive while its jobs may still run (fencing is proven by
 * the jobs, not assumed from the file). Activating, the role is recorded first, so a run that
 * stops half-way leaves the region marked for what it is becoming and the next deploy completes it.
 */
export async function changeRole(change: RoleChange): Promise<void> {
  change.result.role = change.role;
  change.result.epoch = change.epoch;
  if (change.role === 'active') await recordRole(change);
  await changeRunnable(change);
  if (change.role === 'passive') await recordRole(change);
}

/** Writes the role and epoch (compare-and-set), reported applied only once the write succeeded. */
async function recordRole(change: RoleChange): Promise<void> {
  const { state, result } = change;
  if (state.role === change.role && state.epoch === change.epoch && change.loaded.exists) return;
  // An unreadable file's role and epoch are not known: the placeholder's must not be shown as them.
  const unreadable = change.loaded.unreadable !== undefined;
  const record: Change = {
    kind: 'region',
    name: change.regionName,
    action: change.role === 'active' ? 'activate' : 'passivate',
    fields: [
      `role ${unreadable ? 'unknown' : state.role} → ${change.role}`,
      `epoch ${unreadable ? 'unknown' : state.epoch} → ${change.epoch}`,
    ],
    status: change.dryRun ? 'planned' : 'skipped',
  };
  result.changes.push(record);
  // A dry run says what the real run will do: an unreadable file is left as it is there too.
  if (unreadable && !change.rewriteUnreadable) {
    record.status = 'skipped';
    record.error = 'the state file is unreadable; it is left as it is';
    result.warnings.push(
      `region ${change.regionName}: the state file is unreadable, so the role ${change.dryRun ? 'would not be' : 'was not'} recorded there; ` +
        `its jobs are ${change.role === 'passive' ? 'fenced' : 'as above'}. Rewrite the state files with \`databricks-dr roles --repair --active REGION\``,
    );
    return;
  }
  if (change.dryRun) return;
  const next: RegionState = {
    ...state,
    role: change.role,
    epoch: change.epoch,
    updated_at: new Date().toISOString(),
    updated_by: change.runIdentity,
    ...(change.role === 'active' ? { promoted_at: new Date().toISOString() } : {}),
  };
  try {
    change.lock?.assertHeld();
    await writeRegionState(change.client, next, change.loaded);
  } catch (err) {
    record.status = 'failed';
    record.error = describeError(err);
    throw err;
  }
  Object.assign(state, next);
  record.status = 'applied';
}

/** Jobs get the role's runnable values; clusters are terminated (passive) or may start (active). */
async function changeRunnable(change: RoleChange): Promise<void> {
  const { client, config, state, result } = change;
  const target: ApplyTarget = {
    region: { name: change.regionName },
    dryRun: change.dryRun,
    reporter: change.reporter,
    result,
  };
  const changes: PlannedChange[] = [
    ...(await jobRoleChanges(change)),
    ...(await clusterRoleChanges(change)),
    // Pipelines: passive means not continuous and not running; active restores continuous as written.
    ...(await pipelineRoleChanges({
      client,
      config,
      state,
      role: change.role,
      startPipelines: change.startPipelines,
    })),
  ];
  await applyChanges(target, 'job', changes, {
    concurrency: 8,
    label: change.role === 'active' ? 'activating' : 'passivating',
  });
  // A passivation that failed for some job leaves the region able to run it: not fenced.
  const failed = result.changes.filter(
    (c) => c.status === 'failed' && (c.action === 'passivate' || c.action === 'stop'),
  );
  if (change.role === 'passive' && failed.length > 0)
    throw new Error(
      `${failed.length} job(s) or pipeline(s) could not be passivated (${failed.map((c) => c.name).join(', ')})`,
    );
}

/** Each owned job in the role's form (and, passive with cancelRuns, its runs cancelled). */
async function jobRoleChanges(change: RoleChange): Promise<PlannedChange[]> {
  const { client, config, state, result } = change;
  const jobs = change.jobs ?? (await client.jobs.listAll());
  const changes: PlannedChange[] = [];
  // Adopted jobs (import's adopt: list) are owned before a deploy tags them: they change role too.
  for (const job of jobs.filter((j) => ownsJob(config, change.regionName, j))) {
    const name = String(job.settings.name ?? job.job_id);
    const current = job.settings as JobSettings;
    let values: WrittenJobValues | undefined;
    if (change.role === 'active') {
      values = state.jobs[name]?.written;
      if (!values) {
        result.warnings.push(
          `job "${name}" in region ${change.regionName} has no recorded written values; run deploy to record them (left as it is)`,
        );
        continue;
      }
    } else {
      values = passiveValues(current, config.passive);
    }
    const { newSettings, fields } = runnableUpdate(current, values);
    // A job owned through `adopt:` only is tagged by the first change this tool makes to it: a job
    // this tool made runnable (or passive) is then always recognisable by its tag (roles/index.ts).
    if (fields.length > 0 && !ownedBy(current.tags, config.name))
      newSettings.tags = withManagementTag(current.tags, config.name);
    if (fields.length > 0) {
      changes.push(
        planned(
          'job',
          name,
          change.role === 'active' ? 'activate' : 'passivate',
          () => client.jobs.update(job.job_id, { newSettings: newSettings as ApiJobSettings }),
          { fields, id: job.job_id },
        ),
      );
    }
    if (change.role === 'passive' && change.cancelRuns) {
      changes.push(
        planned(
          'job',
          name,
          'cancel-runs',
          () => client.jobs.cancelAllRuns(job.job_id, { allQueuedRuns: true }),
          { id: job.job_id },
        ),
      );
    }
  }
  return changes;
}

/** Passive: running clusters terminated (terminate_clusters); active: terminated ones started (startClusters). */
async function clusterRoleChanges(change: RoleChange): Promise<PlannedChange[]> {
  const { client, config, state } = change;
  const changes: PlannedChange[] = [];
  const clusterIds = Object.entries(state.clusters);
  if (
    clusterIds.length === 0 ||
    !(change.role === 'passive' ? config.passive.terminate_clusters : change.startClusters)
  )
    return changes;
  for (const [name, { cluster_id: id }] of clusterIds) {
    const cluster = await client.clusters.tryGet(id);
    if (!cluster) continue;
    const running = isRunningLike(cluster.state);
    if (change.role === 'passive' && running)
      changes.push(planned('cluster', name, 'terminate', () => client.clusters.terminate(id), { id }));
    if (change.role === 'active' && cluster.state === 'TERMINATED')
      changes.push(planned('cluster', name, 'start', () => startCluster(client, id), { id }));
  }
  return changes;
}

async function startCluster(client: DatabricksClient, id: string): Promise<void> {
  try {
    await client.clusters.start(id);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}
