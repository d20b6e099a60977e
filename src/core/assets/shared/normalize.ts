/**
 * What the server adds to jobs and clusters on its own, so comparison ignores it. Sources:
 * reference/databricks-api.md §4–§5 (GET defaults) and the emulator, which reproduces them.
 */

import { withManagementTag } from '../../ownership.js';
import type { CompareOptions } from './compare.js';

export const JOB_COMPARE: CompareOptions = {
  defaults: {
    timeout_seconds: 0,
    format: 'MULTI_TASK',
    max_concurrent_runs: 1,
    'tasks/*/run_if': 'ALL_SUCCESS',
    'tasks/*/timeout_seconds': 0,
    'tasks/*/notebook_task/source': 'WORKSPACE',
    'tasks/*/spark_python_task/source': 'WORKSPACE',
    'tasks/*/sql_task/file/source': 'WORKSPACE',
    'tasks/*/max_retries': 0,
    'tasks/*/retry_on_timeout': false,
    'tasks/*/disable_auto_optimization': false,
    edit_mode: 'UI_LOCKED',
    // Activation writes the pause status explicitly; a file that leaves it out means UNPAUSED.
    'schedule/pause_status': 'UNPAUSED',
    'trigger/pause_status': 'UNPAUSED',
    'continuous/pause_status': 'UNPAUSED',
    // Each entry of the multi-trigger list: the server returns an explicit value on read.
    'triggers/*/pause_status': 'UNPAUSED',
    // Job clusters get a security mode when none is given.
    'job_clusters/*/new_cluster/data_security_mode': 'SINGLE_USER',
    'tasks/*/new_cluster/data_security_mode': 'SINGLE_USER',
    performance_target: 'STANDARD',
    // A job made through Jobs 2.0/2.1 without `queue` does not queue; jobs/get leaves it out.
    queue: { enabled: false },
  },
  // The server names the identity a job runs as when the file does not; that is not a change.
  // A policy's apply_policy_default_values is applied, not echoed back.
  ignore: [
    'run_as',
    'deployment',
    'job_clusters/*/new_cluster/apply_policy_default_values',
    'tasks/*/new_cluster/apply_policy_default_values',
  ],
  keyedArrays: {
    tasks: 'task_key',
    job_clusters: 'job_cluster_key',
    environments: 'environment_key',
    parameters: 'name',
    'tasks/*/depends_on': 'task_key',
  },
};

/** Read-only cluster fields of ClusterDetails: state, identity and runtime facts, never settings. */
export const CLUSTER_READ_ONLY = [
  'cluster_id',
  'state',
  'state_message',
  'start_time',
  'terminated_time',
  'last_restarted_time',
  'last_state_loss_time',
  'last_activity_time',
  'termination_reason',
  'cluster_source',
  'creator_user_name',
  'default_tags',
  'spec',
  'driver',
  'executors',
  'spark_context_id',
  'jdbc_port',
  'cluster_memory_mb',
  'cluster_cores',
  'cluster_log_status',
  'init_scripts_safe_mode',
  'effective_spark_version',
  'is_pinned',
  'disk_spec',
  'pinned_by_user_name',
] as const;

export const CLUSTER_COMPARE: CompareOptions = {
  defaults: { autotermination_minutes: 0, enable_elastic_disk: true },
  ignore: [...CLUSTER_READ_ONLY],
};

/** The cluster spec as submitted: the API's `spec` when present (exact), else the details minus read-only fields. */
export function clusterSettingsOf(details: Record<string, unknown>): Record<string, unknown> {
  const spec = details.spec;
  const source = typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>) : details;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(source)) {
    if (!(CLUSTER_READ_ONLY as readonly string[]).includes(k)) out[k] = v;
  }
  return out;
}

/**
 * Both sides of a cluster comparison with the server's contextual fills undone: the driver node
 * type defaults to the worker's, and a SINGLE_USER cluster without a user gets its creator.
 */
export function comparableClusters(
  desired: Record<string, unknown>,
  actual: Record<string, unknown>,
): [Record<string, unknown>, Record<string, unknown>] {
  const d = { ...desired };
  const a = { ...actual };
  for (const side of [d, a]) {
    if (side.driver_node_type_id !== undefined && side.driver_node_type_id === side.node_type_id)
      delete side.driver_node_type_id;
  }
  if (d.single_user_name === undefined) delete a.single_user_name;
  if (d.cluster_name === undefined && a.cluster_name === '') delete a.cluster_name;
  return [d, a];
}

export function withManagedClusterTag(
  spec: Record<string, unknown>,
  configName: string,
): Record<string, unknown> {
  return { ...spec, custom_tags: withManagementTag(spec.custom_tags, configName) };
}
