/** Jobs API 2.2 (reference/databricks-api.md §4): jobs and their runs. */
import { isNotFound } from './errors.js';
import { followPages, type HttpClient } from './http.js';

export type PauseStatus = 'PAUSED' | 'UNPAUSED';

export interface CronSchedule {
  quartz_cron_expression: string;
  timezone_id: string;
  pause_status?: PauseStatus;
}

export interface Task {
  task_key: string;
  depends_on?: { task_key: string; outcome?: string }[];
  existing_cluster_id?: string;
  new_cluster?: Record<string, unknown>;
  job_cluster_key?: string;
  notebook_task?: { notebook_path: string; base_parameters?: Record<string, string>; source?: string };
  [key: string]: unknown;
}

export interface JobCluster {
  job_cluster_key: string;
  new_cluster: Record<string, unknown>;
  [key: string]: unknown;
}

export interface JobParameterDefinition {
  name: string;
  default: string;
  [key: string]: unknown;
}

/** The writable settings of a job. Open-ended: fields newer than this type pass through. */
export interface JobSettings {
  name?: string;
  tasks?: Task[];
  job_clusters?: JobCluster[];
  parameters?: JobParameterDefinition[];
  environments?: Record<string, unknown>[];
  tags?: Record<string, string>;
  max_concurrent_runs?: number;
  timeout_seconds?: number;
  schedule?: CronSchedule;
  continuous?: { pause_status?: PauseStatus; [key: string]: unknown };
  trigger?: { pause_status?: PauseStatus; [key: string]: unknown };
  /** The multi-trigger form: each entry has its own pause_status (not with schedule/trigger/continuous). */
  triggers?: Array<{ pause_status?: PauseStatus; [key: string]: unknown }>;
  queue?: { enabled: boolean };
  [key: string]: unknown;
}

export interface AccessControlRequest {
  user_name?: string;
  group_name?: string;
  service_principal_name?: string;
  permission_level: 'CAN_MANAGE' | 'CAN_MANAGE_RUN' | 'CAN_VIEW' | 'IS_OWNER';
}

export interface CreateJobRequest extends JobSettings {
  access_control_list?: AccessControlRequest[];
}

export interface Job {
  job_id: number;
  creator_user_name?: string;
  run_as_user_name?: string;
  created_time?: number;
  settings: JobSettings;
  [key: string]: unknown;
}

/** A jobs/list item: `settings` lacks tasks and job clusters unless `expandTasks`. */
export type BaseJob = Job;

export interface ListJobsPage {
  jobs?: BaseJob[];
  has_more?: boolean;
  next_page_token?: string;
  prev_page_token?: string;
}

export interface RunNowRequest {
  job_parameters?: Record<string, string>;
  notebook_params?: Record<string, string>;
  python_params?: string[];
  jar_params?: string[];
  /** Makes run-now safe to retry: the service starts at most one run per token. */
  idempotency_token?: string;
  queue?: { enabled: boolean };
  [key: string]: unknown;
}

export interface RunState {
  life_cycle_state?: string;
  result_state?: string;
  state_message?: string;
  [key: string]: unknown;
}

export interface Run {
  run_id: number;
  job_id?: number;
  number_in_job?: number;
  state?: RunState;
  status?: Record<string, unknown>;
  start_time?: number;
  end_time?: number;
  tasks?: Record<string, unknown>[];
  [key: string]: unknown;
}

export interface ListRunsOptions {
  jobId?: number;
  activeOnly?: boolean;
  completedOnly?: boolean;
  expandTasks?: boolean;
  /** Page size, 1–25. */
  limit?: number;
}

const BASE = '/api/2.2/jobs';
/** jobs/get pages these arrays of `settings` (100 each, reference §4 "2.2 changes"). */
const JOB_PAGED = ['tasks', 'job_clusters', 'parameters', 'environments'] as const;
/** runs/get pages these arrays of the run. */
const RUN_PAGED = [
  'tasks',
  'job_clusters',
  'job_parameters',
  'parameters',
  'environments',
  'iterations',
] as const;

/** "Does not exist" after a lost answer means the lost attempt already did the delete. */
const deleted = { afterLostAttempt: (err: unknown) => (isNotFound(err) ? 'success' : 'error') } as const;

export class JobsApi {
  constructor(private readonly http: HttpClient) {}

  /**
   * Not idempotent: a lost answer throws OutcomeUnknownError and the caller looks the job up by
   * name (`list({name})`) before creating it again (createAtMostOnce).
   */
  create(settings: CreateJobRequest): Promise<{ job_id: number }> {
    return this.http.post<{ job_id: number }>(`${BASE}/create`, settings);
  }

  /** Replaces all settings. */
  async reset(jobId: number, newSettings: JobSettings): Promise<void> {
    await this.http.post(`${BASE}/reset`, { job_id: jobId, new_settings: newSettings });
  }

  /** Replaces the given top-level fields; tasks and job clusters merge by key. */
  async update(
    jobId: number,
    changes: { newSettings?: JobSettings; fieldsToRemove?: string[] },
  ): Promise<void> {
    await this.http.post(`${BASE}/update`, {
      job_id: jobId,
      ...(changes.newSettings ? { new_settings: changes.newSettings } : {}),
      ...(changes.fieldsToRemove ? { fields_to_remove: changes.fieldsToRemove } : {}),
    });
  }

  /**
   * The whole job. 2.2 returns at most 100 tasks, job clusters, parameters and environments per
   * answer; this follows `next_page_token` and appends the later pages' arrays.
   */
  async get(jobId: number): Promise<Job> {
    let first: (Job & { next_page_token?: string }) | undefined;
    for await (const page of followPages((token) =>
      this.http.get<Job & { next_page_token?: string }>(`${BASE}/get`, { job_id: jobId, page_token: token }),
    )) {
      if (!first) first = page;
      else
        mergeArrays(
          first.settings as Record<string, unknown>,
          page.settings as Record<string, unknown>,
          JOB_PAGED,
        );
    }
    delete first!.next_page_token;
    return first!;
  }

  /** jobs/get, or undefined when the job does not exist (400 or 404 form). */
  async tryGet(jobId: number): Promise<Job | undefined> {
    try {
      return await this.get(jobId);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** Every page of jobs/list. `name` is an exact, case-insensitive match. */
  async *listPages(
    options: { name?: string; expandTasks?: boolean; limit?: number } = {},
  ): AsyncGenerator<ListJobsPage> {
    yield* followPages((token) =>
      this.http.get<ListJobsPage>(`${BASE}/list`, {
        name: options.name,
        expand_tasks: options.expandTasks,
        limit: options.limit ?? 100,
        page_token: token,
      }),
    );
  }

  /**
   * Every job, across pages. With `expandTasks`, a 2.2 listing shows at most 100 tasks and job
   * clusters per job and marks the rest with `has_more`; such a job is completed with jobs/get (as
   * the official SDKs do), so a caller always sees the whole job.
   */
  async *list(
    options: { name?: string; expandTasks?: boolean; limit?: number } = {},
  ): AsyncGenerator<BaseJob> {
    for await (const page of this.listPages(options)) {
      for (const job of page.jobs ?? []) {
        if (!options.expandTasks || job.has_more !== true) {
          yield job;
          continue;
        }
        const whole = await this.get(job.job_id);
        const settings: Record<string, unknown> = { ...job.settings };
        for (const key of JOB_PAGED) {
          if (whole.settings[key] === undefined) delete settings[key];
          else settings[key] = whole.settings[key];
        }
        const { has_more: _, ...rest } = job;
        yield { ...rest, settings: settings as JobSettings };
      }
    }
  }

  async listAll(options: { name?: string; expandTasks?: boolean; limit?: number } = {}): Promise<BaseJob[]> {
    const all: BaseJob[] = [];
    for await (const job of this.list(options)) all.push(job);
    return all;
  }

  async delete(jobId: number): Promise<void> {
    await this.http.post(`${BASE}/delete`, { job_id: jobId }, deleted);
  }

  /**
   * Starts a run. Without `idempotency_token` a lost answer throws OutcomeUnknownError (a retry
   * could start a second run); with one, it is retried like any idempotent write.
   */
  runNow(jobId: number, request: RunNowRequest = {}): Promise<{ run_id: number; number_in_job?: number }> {
    return this.http.post(`${BASE}/run-now`, { ...request, job_id: jobId });
  }

  /** The whole run, following 2.2 array paging like `get`. */
  async getRun(runId: number): Promise<Run> {
    const first = await this.http.get<Run & { next_page_token?: string }>(`${BASE}/runs/get`, {
      run_id: runId,
    });
    let token = first.next_page_token;
    const seen = new Set<string>();
    while (token && !seen.has(token)) {
      seen.add(token);
      const page = await this.http.get<Run & { next_page_token?: string }>(`${BASE}/runs/get`, {
        run_id: runId,
        page_token: token,
      });
      mergeArrays(first as Record<string, unknown>, page as Record<string, unknown>, RUN_PAGED);
      token = page.next_page_token;
    }
    delete first.next_page_token;
    return first;
  }

  /** Every run, newest first, across pages. */
  async *listRuns(options: ListRunsOptions = {}): AsyncGenerator<Run> {
    let token: string | undefined;
    const seen = new Set<string>();
    do {
      const page: { runs?: Run[]; next_page_token?: string } = await this.http.get(`${BASE}/runs/list`, {
        job_id: options.jobId,
        active_only: options.activeOnly,
        completed_only: options.completedOnly,
        expand_tasks: options.expandTasks,
        limit: options.limit ?? 25,
        page_token: token,
      });
      yield* page.runs ?? [];
      token = page.next_page_token || undefined;
      if (token !== undefined && seen.has(token)) break;
      if (token !== undefined) seen.add(token);
    } while (token !== undefined);
  }

  async cancelRun(runId: number): Promise<void> {
    await this.http.post(`${BASE}/runs/cancel`, { run_id: runId });
  }

  /** Cancels every active run of a job (failover `--cancel-runs`). */
  async cancelAllRuns(jobId: number, options: { allQueuedRuns?: boolean } = {}): Promise<void> {
    await this.http.post(`${BASE}/runs/cancel-all`, {
      job_id: jobId,
      ...(options.allQueuedRuns ? { all_queued_runs: true } : {}),
    });
  }
}

/** Appends `from`'s arrays to `into`'s for the paged keys ("arrays without more results are empty"). */
function mergeArrays(
  into: Record<string, unknown>,
  from: Record<string, unknown> | undefined,
  keys: readonly string[],
) {
  if (!from) return;
  for (const key of keys) {
    const more = from[key];
    if (!Array.isArray(more) || more.length === 0) continue;
    const have = into[key];
    into[key] = Array.isArray(have) ? [...have, ...more] : [...more];
  }
}
