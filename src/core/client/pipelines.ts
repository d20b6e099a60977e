/**
 * Pipelines API 2.0 (Lakeflow Declarative Pipelines): create, edit, get, list, delete, stop, and
 * updates. Wire shapes: the Go SDK's pipelines.CreatePipeline / EditPipeline /
 * GetPipelineResponse / ListPipelinesResponse / StartUpdate / ListUpdatesResponse.
 */
import { isNotFound } from './errors.js';
import { followPages, type HttpClient } from './http.js';

/** The writable settings of a pipeline. Open-ended: fields newer than this type pass through. */
export interface PipelineSettings {
  name?: string;
  continuous?: boolean;
  development?: boolean;
  tags?: Record<string, string>;
  configuration?: Record<string, string>;
  libraries?: Array<Record<string, unknown>>;
  clusters?: Array<Record<string, unknown>>;
  storage?: string;
  target?: string;
  schema?: string;
  catalog?: string;
  [key: string]: unknown;
}

export type PipelineState =
  | 'DELETED'
  | 'DEPLOYING'
  | 'FAILED'
  | 'IDLE'
  | 'RECOVERING'
  | 'RESETTING'
  | 'RUNNING'
  | 'STARTING'
  | 'STOPPING';

/** pipelines.UpdateStateInfo: an update as a pipeline's status lists it. */
export interface UpdateStateInfo {
  update_id?: string;
  state?: string;
  creation_time?: string;
}

/** pipelines.PipelineStateInfo: one item of a listing (no spec, so no tags). */
export interface PipelineStatus {
  pipeline_id: string;
  name?: string;
  state?: PipelineState;
  latest_updates?: UpdateStateInfo[];
  [key: string]: unknown;
}

/** pipelines.GetPipelineResponse. */
export interface PipelineDetails extends PipelineStatus {
  spec?: PipelineSettings & { id?: string };
  last_modified?: number;
}

/** pipelines.UpdateInfo. */
export interface UpdateInfo {
  update_id: string;
  state?: string;
  cause?: string;
  full_refresh?: boolean;
  creation_time?: number;
  [key: string]: unknown;
}

const BASE = '/api/2.0/pipelines';
/** max_results of pipelines/list: at most 100 (pipelines.ListPipelinesRequest). */
const PAGE = 100;

/** An update in one of these states holds compute (pipelines.UpdateInfoState). */
const ACTIVE_UPDATE = new Set([
  'CREATED',
  'QUEUED',
  'INITIALIZING',
  'RESETTING',
  'SETTING_UP_TABLES',
  'RUNNING',
  'WAITING_FOR_RESOURCES',
  'STOPPING',
]);

/** Whether a pipeline is running or about to (its own state, or its latest update's). */
export function isPipelineActive(p: Pick<PipelineStatus, 'state' | 'latest_updates'>): boolean {
  if (p.state && ['RUNNING', 'STARTING', 'DEPLOYING', 'RECOVERING', 'RESETTING'].includes(p.state))
    return true;
  const latest = p.latest_updates?.[0]?.state;
  return latest !== undefined && ACTIVE_UPDATE.has(latest) && latest !== 'STOPPING';
}

/** A `name LIKE '…'` filter that matches exactly `name` (quotes doubled, wildcards escaped). */
export function nameFilter(name: string): string {
  return `name LIKE '${name.replace(/'/g, "''").replace(/[%_\\]/g, (c) => `\\${c}`)}'`;
}

export class PipelinesApi {
  constructor(private readonly http: HttpClient) {}

  /**
   * Not idempotent: a lost answer throws OutcomeUnknownError and the caller looks the pipeline up
   * by name and owner tag before creating it again (createAtMostOnce).
   */
  create(settings: PipelineSettings): Promise<{ pipeline_id: string }> {
    return this.http.request<{ pipeline_id: string }>('POST', BASE, { body: settings, idempotent: false });
  }

  /** Replaces all settings (PUT: a repeat writes the same settings). */
  async edit(pipelineId: string, settings: PipelineSettings): Promise<void> {
    await this.http.request('PUT', `${BASE}/${pipelineId}`, {
      body: { ...settings, id: pipelineId },
    });
  }

  get(pipelineId: string): Promise<PipelineDetails> {
    return this.http.get<PipelineDetails>(`${BASE}/${pipelineId}`);
  }

  /** Every pipeline matching `filter` (e.g. nameFilter(name)), all pages. */
  async listAll(filter?: string): Promise<PipelineStatus[]> {
    const out: PipelineStatus[] = [];
    for await (const page of followPages((token) =>
      this.http.get<{ statuses?: PipelineStatus[]; next_page_token?: string }>(BASE, {
        max_results: PAGE,
        filter,
        page_token: token,
      }),
    ))
      out.push(...(page.statuses ?? []));
    return out;
  }

  /** "Does not exist" after a lost answer means the lost attempt already deleted it. */
  async delete(pipelineId: string): Promise<void> {
    await this.http.request('DELETE', `${BASE}/${pipelineId}`, {
      afterLostAttempt: (err) => (isNotFound(err) ? 'success' : 'error'),
    });
  }

  /** Stops the active update, if any (a stopped pipeline answers OK). */
  async stop(pipelineId: string): Promise<void> {
    await this.http.post(`${BASE}/${pipelineId}/stop`, {});
  }

  /** Starts an update. Not idempotent: a lost answer is not retried. */
  startUpdate(pipelineId: string, options: { fullRefresh?: boolean } = {}): Promise<{ update_id: string }> {
    return this.http.request<{ update_id: string }>('POST', `${BASE}/${pipelineId}/updates`, {
      body: { cause: 'API_CALL', ...(options.fullRefresh ? { full_refresh: true } : {}) },
      idempotent: false,
    });
  }

  /** The most recent updates, newest first (one page). */
  async listUpdates(pipelineId: string, maxResults = 25): Promise<UpdateInfo[]> {
    const res = await this.http.get<{ updates?: UpdateInfo[] }>(`${BASE}/${pipelineId}/updates`, {
      max_results: maxResults,
    });
    return res.updates ?? [];
  }
}
