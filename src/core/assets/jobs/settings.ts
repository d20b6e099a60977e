/**
 * Pure transformations of job settings between the repo's form and what a region receives:
 * Jobs 2.0 single-task → tasks, the management tag, explicit defaults, and
 * the passive form (DESIGN.md "Deploy semantics").
 */
import type { DrConfig } from '../../config/types.js';
import { withManagementTag } from '../../ownership.js';
import type { PauseStatus, WrittenJobValues } from '../../state/state.js';
import { SINGLE_TASK_FIELDS, SINGLE_TASK_TYPES } from '../../validate/job-rules.js';

export type JobSettings = Record<string, unknown>;

export function isSingleTaskJob(settings: JobSettings): boolean {
  return !Array.isArray(settings.tasks) && SINGLE_TASK_TYPES.some((k) => k in settings);
}

/** Converts a Jobs 2.0 single-task document to the multi-task form; other documents are returned as is. */
export function toMultiTask(settings: JobSettings): JobSettings {
  if (!isSingleTaskJob(settings)) return settings;
  const job: JobSettings = {};
  const task: JobSettings = { task_key: 'main' };
  for (const [k, v] of Object.entries(settings)) {
    if ((SINGLE_TASK_FIELDS as readonly string[]).includes(k)) task[k] = v;
    else job[k] = v;
  }
  job.tasks = [task];
  return job;
}

/**
 * The settings as written plus the management tag and the values the server would otherwise fill
 * differently between API versions, so what we send is exactly what we later compare.
 */
export function withManagedDefaults(settings: JobSettings, configName: string): JobSettings {
  return {
    ...settings,
    tags: withManagementTag(settings.tags, configName),
    max_concurrent_runs: settings.max_concurrent_runs ?? 1,
    // Jobs 2.2 turns queueing on when `queue` is absent; writing it makes the value explicit.
    queue: settings.queue ?? { enabled: true },
  };
}

function pauseOf(block: unknown): PauseStatus | undefined {
  if (typeof block !== 'object' || block === null) return undefined;
  return (block as { pause_status?: PauseStatus }).pause_status ?? 'UNPAUSED';
}

/** The runnable values as written, recorded in the state file so failover can restore them. */
export function writtenValues(settings: JobSettings): WrittenJobValues {
  const queue = settings.queue as { enabled?: boolean } | undefined;
  return {
    max_concurrent_runs: (settings.max_concurrent_runs as number | undefined) ?? 1,
    schedule: pauseOf(settings.schedule),
    trigger: pauseOf(settings.trigger),
    continuous: pauseOf(settings.continuous),
    triggers: triggerList(settings)?.map((entry) => pauseOf(entry) ?? 'UNPAUSED'),
    queue: queue?.enabled ?? true,
  };
}

/** The `triggers` list (the multi-trigger form of the Jobs API), when the job has one. */
function triggerList(settings: JobSettings): JobSettings[] | undefined {
  return Array.isArray(settings.triggers) ? (settings.triggers as JobSettings[]) : undefined;
}

/** Applies runnable values (written ones to activate, the passive ones to passivate). */
export function withRunnableValues(settings: JobSettings, values: WrittenJobValues): JobSettings {
  const out: JobSettings = {
    ...settings,
    max_concurrent_runs: values.max_concurrent_runs,
    queue: { enabled: values.queue },
  };
  for (const key of ['schedule', 'trigger', 'continuous'] as const) {
    const block = settings[key];
    const status = values[key];
    if (typeof block === 'object' && block !== null && status) out[key] = { ...block, pause_status: status };
  }
  // Each entry gets its own status; an entry the values do not know of (the job gained one since
  // they were recorded) keeps what it has.
  const triggers = triggerList(settings);
  if (triggers && values.triggers) {
    out.triggers = triggers.map((entry, i) => {
      const status = values.triggers?.[i];
      return status ? { ...entry, pause_status: status } : entry;
    });
  }
  return out;
}

export function passiveValues(settings: JobSettings, passive: DrConfig['passive']): WrittenJobValues {
  const written = writtenValues(settings);
  const pause = (s: PauseStatus | undefined) => (s && passive.pause_schedules ? 'PAUSED' : s);
  return {
    max_concurrent_runs: passive.max_concurrent_runs,
    schedule: pause(written.schedule),
    trigger: pause(written.trigger),
    continuous: pause(written.continuous),
    triggers: written.triggers?.map((status) => pause(status) ?? status),
    // A run over the limit is skipped, not queued to fire at failover.
    queue: false,
  };
}
