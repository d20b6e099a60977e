/**
 * The Databricks REST client, one per region. Everything the deploy engine sends to a workspace
 * goes through a `DatabricksClient`, so retries, pacing and the request counts in `stats()` cover
 * all of it.
 */
import { AssetsApi } from './assets.js';
import { ClustersApi } from './clusters.js';
import { ComputeApi } from './compute.js';
import { type ClientStats, HttpClient, type HttpClientOptions } from './http.js';
import { JobsApi } from './jobs.js';
import { PermissionsApi } from './permissions.js';
import { PipelinesApi } from './pipelines.js';
import { type CurrentIdentity, ScimApi } from './scim.js';
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
  /** Lakeflow Declarative Pipelines. */
  readonly pipelines: PipelinesApi;
  /** Pipelines, SQL alerts and queries, dashboards, notification destinations, by name. */
  readonly assets: AssetsApi;
  /** Cluster policies, instance pools and SQL warehouses. */
  readonly compute: ComputeApi;
  /** Permissions on jobs, clusters and pipelines. */
  readonly permissions: PermissionsApi;
  /** Users, groups and service principals (SCIM). */
  readonly scim: ScimApi;

  #me: Promise<CurrentIdentity> | undefined;

  constructor(options: DatabricksClientOptions) {
    this.http = new HttpClient(options);
    this.region = this.http.region;
    this.host = this.http.host;
    this.workspace = new WorkspaceApi(this.http);
    this.jobs = new JobsApi(this.http);
    this.clusters = new ClustersApi(this.http);
    this.secrets = new SecretsApi(this.http);
    this.pipelines = new PipelinesApi(this.http);
    this.assets = new AssetsApi(this.http);
    this.compute = new ComputeApi(this.http);
    this.permissions = new PermissionsApi(this.http);
    this.scim = new ScimApi(this.http);
  }

  /**
   * Who these credentials are, asked once per client: the identity cannot change while a command
   * runs, and preflight, secret scope ACLs and permissions all need it. A failed answer is not kept.
   */
  me(): Promise<CurrentIdentity> {
    this.#me ??= this.scim.me().catch((err: unknown) => {
      this.#me = undefined;
      throw err;
    });
    return this.#me;
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
export * from './compute.js';
export * from './create.js';
export * from './errors.js';
export * from './http.js';
export * from './jobs.js';
export * from './permissions.js';
export * from './pipelines.js';
export * from './scim.js';
export * from './secrets.js';
export * from './workspace.js';
