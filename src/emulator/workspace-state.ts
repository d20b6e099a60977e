/**
 * The persisted state of one emulated workspace (what `GET /__emulator/state` returns and the
 * state directory keeps): every object the APIs create, as the records each API module reads.
 */
import type { AssetState } from './assets-api.js';
import type { EmulatedPipeline } from './pipelines-api.js';

/** The persisted state of one workspace. Ids stay below 2^53. */
export interface WorkspaceState {
  nextId: number;
  objects: Record<string, WorkspaceObject>;
  jobs: Record<string, EmulatedJob>;
  runs: Record<string, EmulatedRun>;
  clusters: Record<string, EmulatedCluster>;
  scopes: Record<string, EmulatedScope>;
  /**
   * Direct permissions by object id (`/jobs/123`, `/clusters/0101-…`), as the Permissions API
   * takes them. Inherited ones (admins) are not stored. Absent in state files written before
   * permissions existed: filled in on load.
   */
  permissions: Record<string, AclEntry[]>;
  /** Users, groups and service principals (SCIM), by id. */
  principals: {
    users: Record<string, EmulatedUser>;
    groups: Record<string, EmulatedGroup>;
    servicePrincipals: Record<string, EmulatedServicePrincipal>;
  };
  policies: Record<string, EmulatedPolicy>;
  instancePools: Record<string, EmulatedInstancePool>;
  warehouses: Record<string, EmulatedWarehouse>;
  /** SQL statements (Statement Execution API), by id; absent until the first one. */
  statements?: Record<string, EmulatedStatement>;
  /** Lakeflow Declarative Pipelines by id (pipelines-api.ts); absent until the first one. */
  pipelines?: Record<string, EmulatedPipeline>;
  /** SQL alerts and queries, dashboards, notification destinations (read-only; see assets-api.ts). */
  assets?: AssetState;
}

/** One direct permission: exactly one of the principal fields, and a level. */
export interface AclEntry {
  user_name?: string;
  group_name?: string;
  service_principal_name?: string;
  permission_level: string;
}

export interface EmulatedUser {
  id: string;
  userName: string;
  displayName: string;
  active: boolean;
}

export interface EmulatedGroup {
  id: string;
  displayName: string;
  /** Member ids (users, service principals or groups). */
  members: string[];
}

export interface EmulatedServicePrincipal {
  id: string;
  applicationId: string;
  displayName: string;
  active: boolean;
}

export interface EmulatedPolicy {
  policy_id: string;
  name: string;
  /** The policy definition: a JSON document as a string. */
  definition: string;
  description?: string;
  max_clusters_per_user?: number;
  policy_family_id?: string;
  policy_family_definition_overrides?: string;
  libraries?: unknown[];
  created_at_timestamp: number;
  creator_user_name: string;
}

export interface EmulatedInstancePool {
  instance_pool_id: string;
  /** As created/edited (instance_pool_name, node_type_id, min_idle_instances, …). */
  spec: Record<string, unknown>;
  state: 'ACTIVE';
  created_by: string;
}

export interface EmulatedWarehouse {
  id: string;
  /** As created/edited (name, cluster_size, auto_stop_mins, …), with defaults applied. */
  spec: Record<string, unknown>;
  state: 'STARTING' | 'RUNNING' | 'STOPPING' | 'STOPPED';
  /** When the current transitional state ends (STARTING→RUNNING, STOPPING→STOPPED). */
  transition_at?: number;
  creator_name: string;
}

/** One statement of the Statement Execution API (statements-api.ts). */
export interface EmulatedStatement {
  statement_id: string;
  warehouse_id: string;
  statement: string;
  state: 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'CANCELED' | 'CLOSED';
  row_limit?: number;
  /** Once it ran: its columns and (JSON_ARRAY) rows, or why it failed. */
  columns?: Record<string, unknown>[];
  rows?: (string | null)[][];
  truncated?: boolean;
  error?: { error_code: string; message: string };
}

export interface WorkspaceObject {
  path: string;
  object_type: 'NOTEBOOK' | 'DIRECTORY' | 'FILE' | 'LIBRARY' | 'REPO' | 'DASHBOARD';
  object_id: number;
  language?: 'PYTHON' | 'R' | 'SCALA' | 'SQL';
  /** Base64 content for notebooks and files (SOURCE form for notebooks). */
  content?: string;
  /** How a notebook's content is held: SOURCE text (default) or the imported .ipynb JSON. */
  content_format?: 'SOURCE' | 'JUPYTER';
  created_at: number;
  modified_at: number;
  size?: number;
}

export interface EmulatedJob {
  job_id: number;
  created_time: number;
  creator_user_name: string;
  /** As stored, with server defaults applied. */
  settings: Record<string, unknown>;
}

export interface EmulatedRun {
  run_id: number;
  job_id: number;
  number_in_job: number;
  start_time: number;
  state: { life_cycle_state: string; result_state?: string; state_message: string };
  /** When the run left the queue (PENDING from then on); absent while QUEUED or when SKIPPED. */
  began_at?: number;
  /** Set once the run is terminal (finished, cancelled or skipped). */
  end_time?: number;
  run_name?: string;
  idempotency_token?: string;
  /** Job parameters given to run-now, as `{name: value}`. */
  job_parameters?: Record<string, unknown>;
  /** One task run per job task, fixed when the run was triggered. */
  tasks?: { task_key: string; run_id: number }[];
  /**
   * Why the run fails when it ends, found when it was triggered: a notebook, file or cluster the
   * job needs that does not exist in this workspace (what a drill in a half-deployed region finds).
   */
  failure?: string;
  /**
   * `SUBMIT_RUN` for a one-time run (jobs/runs/submit); absent for a job run (JOB_RUN). A one-time
   * run's `job_id` names a hidden job that jobs/get and jobs/list do not show.
   */
  run_type?: 'SUBMIT_RUN';
  /** A one-time run's tasks as submitted, by task_key: runs/get shows them on its task runs. */
  submitted_tasks?: Record<string, Record<string, unknown>>;
}

export interface EmulatedCluster {
  cluster_id: string;
  spec: Record<string, unknown>;
  state: string;
  state_message: string;
  is_pinned: boolean;
  start_time: number;
  terminated_time?: number;
  /** When the current transitional state ends (PENDING/RESTARTING→RUNNING, TERMINATING→TERMINATED). */
  transition_at?: number;
  creator_user_name?: string;
  last_restarted_time?: number;
  /** Why the cluster last terminated (present once TERMINATED). */
  termination_reason?: { code: string; type: string; parameters?: Record<string, string> };
}

export interface EmulatedScope {
  name: string;
  backend_type: 'DATABRICKS' | 'AZURE_KEYVAULT';
  keyvault_metadata?: { resource_id: string; dns_name: string };
  secrets: Record<string, { value: string; last_updated_timestamp: number }>;
  acls: Record<string, 'READ' | 'WRITE' | 'MANAGE'>;
}
