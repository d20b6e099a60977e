/**
 * The Databricks REST client, one per region. Everything the deploy engine sends to a workspace
 * goes through a `DatabricksClient`, so retries, pacing and the request counts in `stats()` cover
 * all of it.
 */
import { ClustersApi } from './clusters.js';
import { type ClientStats, HttpClient, type HttpClientOptions } from './http.js';
import { JobsApi } from './jobs.js';
import { SecretsApi } from './secrets.js';
import { WorkspaceApi } from './workspace.js';

export type DatabricksClientOptions = HttpClientOptions;

export class DatabricksClient {
  readonly region: string;
  readonly host: string;
  /** The transport, for calls the typed modules do not cover (`http.get`, `http.post`). */
  readonly http: HttpClient;
  readonly workspace: WorkspaceApi;
  readonly jobs: JobsApi;
  readonly clusters: ClustersApi;
  readonly secrets: SecretsApi;

  constructor(options: DatabricksClientOptions) {
    this.http = new HttpClient(options);
    this.region = this.http.region;
    this.host = this.http.host;
    this.workspace = new WorkspaceApi(this.http);
    this.jobs = new JobsApi(this.http);
    this.clusters = new ClustersApi(this.http);
    this.secrets = new SecretsApi(this.http);
  }

  /** Request counts by family, method, endpoint and status, plus retries and limiter waits. */
  stats(): ClientStats {
    return this.http.stats();
  }

  /** Releases the keep-alive sockets (call when done, so a CLI process can exit promptly). */
  close(): void {
    this.http.close();
  }
}

export * from './clusters.js';
export * from './errors.js';
export * from './http.js';
export * from './jobs.js';
export * from './secrets.js';
export * from './workspace.js';
