/**
 * Moving one region to a role: jobs get their runnable values (the written ones to activate, the
 * passive ones to passivate), clusters are terminated (passive) or may start (active), and the
 * state file records the role and epoch. Changes only what differs, so a repeated call writes nothing.
 */
import {
  type JobSettings as ApiJobSettings,
  type BaseJob,
  type DatabricksClient,
  isNotFound,
} from '../client/index.js';
import type { DrConfig, Role } from '../config/types.js';
import { isRunningLike } from '../deploy/clusters.js';
import { differingFields } from '../deploy/compare.js';
import { type ApplyTarget, applyChanges, type PlannedChange, planned } from '../deploy/context.js';
import { type JobSettings, passiveValues, withRunnableValues } from '../deploy/job-settings.js';
import type { RegionState, WrittenJobValues } from '../deploy/state.js';
import { writeRegionState } from '../deploy/state-io.js';
import type { RegionResult } from '../deploy/types.js';
import { adoptedBy, ownedBy } from '../ownership.js';
import type { Reporter } from '../reporter.js';

/** The job fields that make a job runnable or not; nothing else is touched by a role change. */
export const RUNNABLE_FIELDS = ['max_concurrent_runs', 'queue', 'schedule', 'trigger', 'continuous'] as const;

/** The top-level fields to send with jobs/update so `current` gets `values` (empty: nothing to do). */
export function runnableUpdate(
  current: JobSettings,
  values: WrittenJobValues,
): { newSettings: JobSettings; fields: string[] } {
  const target = withRunnableValues(current, values);
  const subset = (s: JobSettings) =>
    Object.fromEntries(RUNNABLE_FIELDS.filter((f) => s[f] !== undefined).map((f) => [f, s[f]]));
  const fields = differingFields(subset(target), subset(current), {
    defaults: { max_concurrent_runs: 1, queue: { enabled: false } },
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
  stateExists: boolean;
  role: Role;
  epoch: number;
  dryRun: boolean;
  reporter: Reporter;
  result: RegionResult;
  runIdentity: string;
  startClusters?: boolean;
  cancelRuns?: boolean;
  /** Jobs already listed (deploy lists them anyway); listed here when absent. */
  jobs?: BaseJob[];
}

/**
 * Records the role first (so a run that stops half-way still leaves the region marked for what it
 * is becoming), then changes the jobs and clusters.
 */
export async function changeRole(change: RoleChange): Promise<void> {
  const { client, config, state, result } = change;
  const roleChanged = state.role !== change.role || state.epoch !== change.epoch;
  if (roleChanged) {
    result.changes.push({
      kind: 'region',
      name: change.regionName,
      action: change.role === 'active' ? 'activate' : 'passivate',
      fields: [`role ${state.role} → ${change.role}`, `epoch ${state.epoch} → ${change.epoch}`],
      status: change.dryRun ? 'planned' : 'applied',
    });
    if (!change.dryRun) {
      if (change.role === 'active') state.promoted_at = new Date().toISOString();
      state.role = change.role;
      state.epoch = change.epoch;
      state.updated_at = new Date().toISOString();
      state.updated_by = change.runIdentity;
      await writeRegionState(client, state, change.stateExists);
    }
  }
  result.role = change.role;
  result.epoch = change.epoch;

  const target: ApplyTarget = {
    region: { name: change.regionName },
    dryRun: change.dryRun,
    reporter: change.reporter,
    result,
    wrote: false,
  };
  const jobs = change.jobs ?? (await client.jobs.listAll());
  const changes: PlannedChange[] = [];
  // Adopted jobs (import's adopt: list) are owned before a deploy tags them: they change role too.
  const owns = (j: (typeof jobs)[number]) =>
    ownedBy(j.settings?.tags, config.name) ||
    adoptedBy(config, change.regionName, 'jobs', j.settings?.name, j.job_id);
  for (const job of jobs.filter(owns)) {
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

  const clusterIds = Object.entries(state.clusters);
  if (
    clusterIds.length > 0 &&
    (change.role === 'passive' ? config.passive.terminate_clusters : change.startClusters)
  ) {
    for (const [name, { cluster_id: id }] of clusterIds) {
      const cluster = await client.clusters.tryGet(id);
      if (!cluster) continue;
      const running = isRunningLike(cluster.state);
      if (change.role === 'passive' && running)
        changes.push(planned('cluster', name, 'terminate', () => client.clusters.terminate(id), { id }));
      if (change.role === 'active' && cluster.state === 'TERMINATED')
        changes.push(planned('cluster', name, 'start', () => startCluster(client, id), { id }));
    }
  }
  await applyChanges(target, 'job', changes, {
    concurrency: 8,
    label: change.role === 'active' ? 'activating' : 'passivating',
  });
}

async function startCluster(client: DatabricksClient, id: string): Promise<void> {
  try {
    await client.clusters.start(id);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}
