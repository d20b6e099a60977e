/** Clusters API 2.1 (reference/databricks-api.md §5). */
import { isInvalidState, isNotFound } from './errors.js';
import { followPages, type HttpClient } from './http.js';

export type ClusterState =
  | 'PENDING'
  | 'RUNNING'
  | 'RESTARTING'
  | 'RESIZING'
  | 'TERMINATING'
  | 'TERMINATED'
  | 'ERROR'
  | 'UNKNOWN';

/** A create/edit spec. Open-ended: the API has ~35 fields and grows. */
export interface ClusterSpec {
  cluster_name?: string;
  spark_version: string;
  node_type_id?: string;
  num_workers?: number;
  autoscale?: { min_workers: number; max_workers: number };
  custom_tags?: Record<string, string>;
  autotermination_minutes?: number;
  spark_conf?: Record<string, string>;
  [key: string]: unknown;
}

export interface ClusterDetails {
  cluster_id: string;
  cluster_name?: string;
  state?: ClusterState;
  state_message?: string;
  custom_tags?: Record<string, string>;
  /** The settings as submitted (absent in list items). */
  spec?: ClusterSpec;
  cluster_source?: string;
  [key: string]: unknown;
}

export interface ListClustersOptions {
  /** e.g. ['API', 'UI'] (the CLI's choice: listing every source is slow on big workspaces). */
  clusterSources?: string[];
  clusterStates?: ClusterState[];
  isPinned?: boolean;
  policyId?: string;
  pageSize?: number;
}

export interface ListClustersPage {
  clusters?: ClusterDetails[];
  /** "" when there are no more. */
  next_page_token?: string;
  prev_page_token?: string;
}

const BASE = '/api/2.1/clusters';

export class ClustersApi {
  constructor(private readonly http: HttpClient) {}

  /** Not idempotent (names are not unique): a lost answer throws OutcomeUnknownError (createAtMostOnce). */
  create(spec: ClusterSpec): Promise<{ cluster_id: string }> {
    return this.http.post<{ cluster_id: string }>(`${BASE}/create`, spec);
  }

  /**
   * Replaces the spec. A running cluster restarts, so an edit retried after a lost answer can meet
   * INVALID_STATE (the first edit's restart): that is reported as OutcomeUnknownError.
   */
  async edit(clusterId: string, spec: ClusterSpec): Promise<void> {
    await this.http.post(
      `${BASE}/edit`,
      { ...spec, cluster_id: clusterId },
      { afterLostAttempt: (err) => (isInvalidState(err) ? 'unknown' : 'error') },
    );
  }

  get(clusterId: string): Promise<ClusterDetails> {
    return this.http.get<ClusterDetails>(`${BASE}/get`, { cluster_id: clusterId });
  }

  /** clusters/get, or undefined when the cluster does not exist (400 or 404 form). */
  async tryGet(clusterId: string): Promise<ClusterDetails | undefined> {
    try {
      return await this.get(clusterId);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** Every page of clusters/list. */
  async *listPages(options: ListClustersOptions = {}): AsyncGenerator<ListClustersPage> {
    yield* followPages((token) =>
      this.http.get<ListClustersPage>(`${BASE}/list`, {
        filter_by: {
          cluster_sources: options.clusterSources,
          cluster_states: options.clusterStates,
          is_pinned: options.isPinned,
          policy_id: options.policyId,
        },
        page_size: options.pageSize,
        page_token: token,
      }),
    );
  }

  /** Every cluster (pinned, active, and terminated in the last 30 days), across pages. */
  async *list(options: ListClustersOptions = {}): AsyncGenerator<ClusterDetails> {
    for await (const page of this.listPages(options)) yield* page.clusters ?? [];
  }

  async listAll(options: ListClustersOptions = {}): Promise<ClusterDetails[]> {
    const all: ClusterDetails[] = [];
    for await (const c of this.list(options)) all.push(c);
    return all;
  }

  /** The node type ids the workspace offers. */
  async listNodeTypes(): Promise<string[]> {
    const res = await this.http.get<{ node_types?: Array<{ node_type_id: string }> }>(
      `${BASE}/list-node-types`,
    );
    return (res.node_types ?? []).map((t) => t.node_type_id);
  }

  /** The Databricks Runtime keys (`spark_version`) the workspace offers. */
  async sparkVersions(): Promise<string[]> {
    const res = await this.http.get<{ versions?: Array<{ key: string }> }>(`${BASE}/spark-versions`);
    return (res.versions ?? []).map((v) => v.key);
  }

  /** Terminates (asynchronously); a no-op on a terminated cluster. */
  async delete(clusterId: string): Promise<void> {
    await this.http.post(`${BASE}/delete`, { cluster_id: clusterId });
  }

  /** Alias of `delete`, named for what it does. */
  terminate(clusterId: string): Promise<void> {
    return this.delete(clusterId);
  }

  async start(clusterId: string): Promise<void> {
    await this.http.post(`${BASE}/start`, { cluster_id: clusterId });
  }

  /** Removes the cluster for good. "Does not exist" after a lost answer means it is done. */
  async permanentDelete(clusterId: string): Promise<void> {
    await this.http.post(
      `${BASE}/permanent-delete`,
      { cluster_id: clusterId },
      { afterLostAttempt: (err) => (isNotFound(err) ? 'success' : 'error') },
    );
  }

  /** Keeps a terminated cluster from being deleted after 30 days. */
  async pin(clusterId: string): Promise<void> {
    await this.http.post(`${BASE}/pin`, { cluster_id: clusterId });
  }

  async unpin(clusterId: string): Promise<void> {
    await this.http.post(`${BASE}/unpin`, { cluster_id: clusterId });
  }
}
