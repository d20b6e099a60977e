/**
 * Cluster policies (`/api/2.0/policies/clusters/…`) and instance pools (`/api/2.0/instance-pools/…`),
 * and the check that a cluster or job cluster only references policies and pools that exist in
 * this workspace (a secondary missing the primary's policy is a failover that fails).
 * Policies are stored, not enforced: a cluster's spec is not validated against its policy.
 */
import { randomBytes } from 'node:crypto';
import { checkNodeType, checkSparkVersion } from './catalog.js';
import type { ApiContext, Router } from './context.js';
import {
  type ApiRequest,
  alreadyExists,
  clone,
  doesNotExist,
  invalidParameter,
  isObject,
  type JsonObject,
  optionalString,
  requireString,
} from './http.js';
import type { EmulatedInstancePool, EmulatedPolicy } from './workspace-state.js';

// ---------------------------------------------------------------------------------------------
// References from clusters and job clusters

/** "Can't find a cluster policy with id: X." (404 RESOURCE_DOES_NOT_EXIST, databrickslabs/ucx #502). */
const noPolicy = (id: string) => `Can't find a cluster policy with id: ${id}.`;
/** "Can't find an instance pool with id: X" (RESOURCE_DOES_NOT_EXIST, terraform provider). */
const noPool = (id: string) => `Can't find an instance pool with id: ${id}.`;

/**
 * Checks `policy_id`, `instance_pool_id` and `driver_instance_pool_id` of a cluster spec.
 * All-purpose clusters get the cluster manager's 404 RESOURCE_DOES_NOT_EXIST; a job's cluster
 * specs are validated on jobs/create|reset|update and refused with 400 INVALID_PARAMETER_VALUE.
 */
export function checkComputeRefs(ctx: ApiContext, spec: JsonObject, where: 'cluster' | 'job'): void {
  const fail = (message: string) =>
    where === 'cluster' ? doesNotExist(message) : invalidParameter(`Cluster validation error: ${message}`);
  const policy = spec.policy_id;
  if (typeof policy === 'string' && policy !== '' && !ctx.state.policies[policy])
    throw fail(noPolicy(policy));
  for (const field of ['instance_pool_id', 'driver_instance_pool_id']) {
    const pool = spec[field];
    if (typeof pool === 'string' && pool !== '' && !ctx.state.instancePools[pool]) throw fail(noPool(pool));
  }
}

// ---------------------------------------------------------------------------------------------
// Cluster policies

/** Policy ids are 16 upper-case hex digits, e.g. C96203490C000437. */
function newPolicyId(ctx: ApiContext): string {
  let id: string;
  do id = randomBytes(8).toString('hex').toUpperCase();
  while (ctx.state.policies[id]);
  return id;
}

function getPolicy(ctx: ApiContext, id: string | undefined): EmulatedPolicy {
  if (!id) throw invalidParameter('Missing required field: policy_id');
  const policy = ctx.state.policies[id];
  if (!policy) throw doesNotExist(noPolicy(id));
  return policy;
}

/** The writable fields of a create/edit body, validated. */
function policyFields(
  body: JsonObject,
  ctx: ApiContext,
  self?: string,
): Omit<EmulatedPolicy, 'policy_id' | 'created_at_timestamp' | 'creator_user_name'> {
  const name = requireString(body, 'name');
  if (name.length > 100) throw invalidParameter('Cluster policy name must be at most 100 characters');
  const clash = Object.values(ctx.state.policies).find((p) => p.name === name && p.policy_id !== self);
  if (clash) throw alreadyExists(`A cluster policy with name ${name} already exists.`);
  const definition = optionalString(body, 'definition');
  const family = optionalString(body, 'policy_family_id');
  if (definition && family) throw invalidParameter('policy_family_id and definition cannot be used together');
  const text = definition ?? '{}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw invalidParameter(`Invalid policy definition: ${(e as Error).message}`);
  }
  if (!isObject(parsed)) throw invalidParameter('Invalid policy definition: expected a JSON object');
  const max = body.max_clusters_per_user;
  if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1))
    throw invalidParameter('max_clusters_per_user must be a positive integer');
  if (body.libraries !== undefined && !Array.isArray(body.libraries))
    throw invalidParameter('libraries must be an array');
  const overrides = optionalString(body, 'policy_family_definition_overrides');
  const description = optionalString(body, 'description');
  return {
    name,
    definition: text,
    ...(description !== undefined ? { description } : {}),
    ...(max !== undefined ? { max_clusters_per_user: max } : {}),
    ...(family ? { policy_family_id: family } : {}),
    ...(overrides !== undefined ? { policy_family_definition_overrides: overrides } : {}),
    ...(Array.isArray(body.libraries) ? { libraries: clone(body.libraries) } : {}),
  };
}

function policyView(p: EmulatedPolicy): JsonObject {
  return { ...clone(p), is_default: false };
}

function createPolicy(req: ApiRequest, ctx: ApiContext): unknown {
  const fields = policyFields(req.json(), ctx);
  const policy: EmulatedPolicy = {
    policy_id: newPolicyId(ctx),
    ...fields,
    created_at_timestamp: ctx.now,
    creator_user_name: ctx.user,
  };
  ctx.state.policies[policy.policy_id] = policy;
  return { policy_id: policy.policy_id };
}

function editPolicy(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const policy = getPolicy(ctx, requireString(body, 'policy_id'));
  // A full replace of the writable fields; id, creator and creation time stay.
  ctx.state.policies[policy.policy_id] = {
    policy_id: policy.policy_id,
    ...policyFields(body, ctx, policy.policy_id),
    created_at_timestamp: policy.created_at_timestamp,
    creator_user_name: policy.creator_user_name,
  };
  return {};
}

function getPolicyHandler(req: ApiRequest, ctx: ApiContext): unknown {
  return policyView(getPolicy(ctx, req.param('policy_id')));
}

function listPolicies(req: ApiRequest, ctx: ApiContext): unknown {
  const column = req.param('sort_column') ?? 'POLICY_CREATION_TIME';
  const order = req.param('sort_order') ?? 'DESC';
  if (column !== 'POLICY_CREATION_TIME' && column !== 'POLICY_NAME')
    throw invalidParameter(`Invalid sort_column: ${column}`);
  if (order !== 'ASC' && order !== 'DESC') throw invalidParameter(`Invalid sort_order: ${order}`);
  const policies = Object.values(ctx.state.policies).sort((a, b) =>
    column === 'POLICY_NAME'
      ? a.name.localeCompare(b.name)
      : a.created_at_timestamp - b.created_at_timestamp || a.policy_id.localeCompare(b.policy_id),
  );
  if (order === 'DESC') policies.reverse();
  return policies.length > 0 ? { policies: policies.map(policyView) } : {};
}

function deletePolicy(req: ApiRequest, ctx: ApiContext): unknown {
  const policy = getPolicy(ctx, requireString(req.json(), 'policy_id'));
  // Clusters that use it keep their policy_id (as on the real service).
  delete ctx.state.policies[policy.policy_id];
  return {};
}

// ---------------------------------------------------------------------------------------------
// Instance pools

const POOL_WORDS = ['brick', 'spark', 'delta', 'lake', 'stream', 'table'];

/** Pool ids look like `0101-120000-brick3-pool-ab12cd34`. */
function newPoolId(ctx: ApiContext): string {
  const d = new Date(ctx.now);
  const two = (n: number) => String(n).padStart(2, '0');
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id: string;
  do {
    const bytes = [...randomBytes(10)];
    const word = POOL_WORDS[bytes[0] % POOL_WORDS.length];
    const suffix = bytes
      .slice(2)
      .map((b) => alphabet[b % alphabet.length])
      .join('');
    id = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}-${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}-${word}${bytes[1] % 10}-pool-${suffix}`;
  } while (ctx.state.instancePools[id]);
  return id;
}

function getPool(ctx: ApiContext, id: string | undefined): EmulatedInstancePool {
  if (!id) throw invalidParameter('Missing required field: instance_pool_id');
  const pool = ctx.state.instancePools[id];
  if (!pool) throw doesNotExist(noPool(id));
  return pool;
}

const nonNegativeInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function poolSpec(body: JsonObject, ctx: ApiContext, self?: EmulatedInstancePool): JsonObject {
  const spec: JsonObject = {};
  for (const [k, v] of Object.entries(body)) if (k !== 'instance_pool_id') spec[k] = clone(v);
  const name = requireString(spec, 'instance_pool_name');
  if (name.length >= 100) throw invalidParameter('instance_pool_name must be less than 100 characters');
  const clash = Object.values(ctx.state.instancePools).find(
    (p) => p.spec.instance_pool_name === name && p.instance_pool_id !== self?.instance_pool_id,
  );
  if (clash) throw alreadyExists(`An instance pool with name ${name} already exists.`);
  const nodeType = requireString(spec, 'node_type_id');
  if (self && self.spec.node_type_id !== nodeType)
    throw invalidParameter('The node_type_id of an instance pool cannot be changed');
  checkNodeType(ctx, nodeType);
  for (const f of ['min_idle_instances', 'max_capacity', 'idle_instance_autotermination_minutes'])
    if (spec[f] !== undefined && !nonNegativeInt(spec[f]))
      throw invalidParameter(`${f} must be a non-negative integer`);
  if (typeof spec.max_capacity === 'number' && spec.max_capacity < Number(spec.min_idle_instances ?? 0))
    throw invalidParameter('max_capacity must be greater than or equal to min_idle_instances');
  if (spec.preloaded_spark_versions !== undefined) {
    if (!Array.isArray(spec.preloaded_spark_versions))
      throw invalidParameter('preloaded_spark_versions must be an array');
    for (const v of spec.preloaded_spark_versions) checkSparkVersion(ctx, v);
  }
  if (spec.custom_tags !== undefined && !isObject(spec.custom_tags))
    throw invalidParameter('custom_tags must be an object');
  spec.min_idle_instances ??= 0;
  // Immutable after creation (the edit request cannot carry them): kept as created.
  if (self) {
    for (const f of [
      'azure_attributes',
      'disk_spec',
      'enable_elastic_disk',
      'preloaded_spark_versions',
      'preloaded_docker_images',
    ])
      if (self.spec[f] !== undefined) spec[f] = clone(self.spec[f]);
  }
  return spec;
}

function poolView(p: EmulatedInstancePool): JsonObject {
  return {
    ...clone(p.spec),
    instance_pool_id: p.instance_pool_id,
    state: p.state,
    default_tags: {
      Vendor: 'Databricks',
      DatabricksInstancePoolCreatorId: p.created_by,
      DatabricksInstancePoolId: p.instance_pool_id,
    },
    stats: {
      used_count: 0,
      idle_count: Number(p.spec.min_idle_instances ?? 0),
      pending_used_count: 0,
      pending_idle_count: 0,
    },
    status: {},
  };
}

function createPool(req: ApiRequest, ctx: ApiContext): unknown {
  const spec = poolSpec(req.json(), ctx);
  const pool: EmulatedInstancePool = {
    instance_pool_id: newPoolId(ctx),
    spec,
    state: 'ACTIVE',
    created_by: ctx.user,
  };
  ctx.state.instancePools[pool.instance_pool_id] = pool;
  return { instance_pool_id: pool.instance_pool_id };
}

function editPool(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const pool = getPool(ctx, requireString(body, 'instance_pool_id'));
  pool.spec = poolSpec(body, ctx, pool);
  return {};
}

function getPoolHandler(req: ApiRequest, ctx: ApiContext): unknown {
  return poolView(getPool(ctx, req.param('instance_pool_id')));
}

function listPools(_req: ApiRequest, ctx: ApiContext): unknown {
  const pools = Object.values(ctx.state.instancePools).sort((a, b) =>
    String(a.spec.instance_pool_name).localeCompare(String(b.spec.instance_pool_name)),
  );
  return pools.length > 0 ? { instance_pools: pools.map(poolView) } : {};
}

function deletePool(req: ApiRequest, ctx: ApiContext): unknown {
  const pool = getPool(ctx, requireString(req.json(), 'instance_pool_id'));
  // The idle instances go; clusters created from the pool keep their instance_pool_id.
  delete ctx.state.instancePools[pool.instance_pool_id];
  return {};
}

export function registerCompute(router: Router): void {
  const policies = (p: string) => `/api/2.0/policies/clusters/${p}`;
  router.add('POST', policies('create'), createPolicy);
  router.add('POST', policies('edit'), editPolicy);
  router.add('POST', policies('delete'), deletePolicy);
  router.add('GET', policies('get'), getPolicyHandler);
  router.add('GET', policies('list'), listPolicies);
  const pools = (p: string) => `/api/2.0/instance-pools/${p}`;
  router.add('POST', pools('create'), createPool);
  router.add('POST', pools('edit'), editPool);
  router.add('POST', pools('delete'), deletePool);
  router.add('GET', pools('get'), getPoolHandler);
  router.add('GET', pools('list'), listPools);
}
