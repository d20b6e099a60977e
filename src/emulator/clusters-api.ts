/**
 * Clusters API 2.0/2.1 (`/api/2.x/clusters/…`). The state machine is evaluated lazily: each
 * transitional state records when it ends (`transition_at`), and every read settles it against
 * the clock, so delays are exact and nothing runs in the background.
 */
import { randomBytes } from 'node:crypto';
import { checkClusterCatalog } from './catalog.js';
import { checkComputeRefs } from './compute-api.js';
import { type ApiContext, type EmulatorConfig, missing, type Router } from './context.js';
import {
  ApiError,
  type ApiRequest,
  clone,
  decodePageToken,
  encodePageToken,
  invalidParameter,
  invalidState,
  isObject,
  type JsonObject,
  queryBoolean,
  requireString,
} from './http.js';
import { dropPermissions, initPermissions } from './permissions-api.js';
import type { EmulatedCluster } from './workspace-state.js';

const VERSIONS = ['2.0', '2.1'];
const MAX_PAGE_SIZE = 100;
/** Pinned clusters per workspace (Databricks docs; raised from 20 and 70 over the years). */
export const MAX_PINNED_CLUSTERS = 100;
/** Spec fields the server does not echo at the top level (they only appear under `spec`). */
const SPEC_ONLY = new Set(['apply_policy_default_values']);
/** Fields of a request that are not part of the cluster spec. */
const NOT_SPEC = new Set(['cluster_id']);

/** Display form of a state in messages, e.g. "Pending". */
const titleCase = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

/** Databricks cluster ids look like `1125-200131-abcd1234`: MMDD-HHMMSS-8 random characters. */
function newClusterId(now: number): string {
  const d = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const suffix = [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
  return `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}-${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}-${suffix}`;
}

/** Moves a cluster out of a transitional state whose time is up. */
export function settleCluster(c: EmulatedCluster, now: number): void {
  if (c.transition_at === undefined || now < c.transition_at) return;
  const at = c.transition_at;
  c.transition_at = undefined;
  if (c.state === 'TERMINATING') {
    c.state = 'TERMINATED';
    c.state_message = 'Termination requested by user.';
    c.terminated_time = at;
  } else if (c.state === 'PENDING' || c.state === 'RESTARTING' || c.state === 'RESIZING') {
    c.state = 'RUNNING';
    c.state_message = '';
  }
}

function getCluster(ctx: ApiContext, id: string): EmulatedCluster {
  const c = ctx.state.clusters[id];
  if (!c) throw missing(ctx, `Cluster ${id} does not exist`);
  settleCluster(c, ctx.now);
  return c;
}

function specFrom(body: JsonObject, ctx: ApiContext): JsonObject {
  const spec: JsonObject = {};
  for (const [k, v] of Object.entries(body)) if (!NOT_SPEC.has(k)) spec[k] = clone(v);
  requireString(spec, 'spark_version');
  const name = spec.cluster_name;
  if (name !== undefined && typeof name !== 'string') throw invalidParameter('cluster_name must be a string');
  if (spec.num_workers !== undefined) {
    const n = spec.num_workers;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
      throw invalidParameter('num_workers must be a non-negative integer');
  }
  if (spec.autoscale !== undefined) {
    const a = spec.autoscale;
    if (!isObject(a) || typeof a.min_workers !== 'number' || typeof a.max_workers !== 'number')
      throw invalidParameter('autoscale needs min_workers and max_workers');
    if (a.max_workers < a.min_workers)
      throw invalidParameter('autoscale.max_workers must be greater than or equal to autoscale.min_workers');
  }
  const auto = spec.autotermination_minutes;
  if (auto !== undefined && (typeof auto !== 'number' || (auto !== 0 && (auto < 10 || auto > 10_000))))
    throw invalidParameter(
      'Automatic termination value must be between 10 and 10000 minutes, or 0 to disable automatic termination',
    );
  if (isObject(spec.custom_tags) && Object.keys(spec.custom_tags).length > 45)
    throw invalidParameter('A cluster can have at most 45 custom tags');
  if (Array.isArray(spec.ssh_public_keys) && spec.ssh_public_keys.length > 10)
    throw invalidParameter('A cluster can have at most 10 SSH public keys');
  if (spec.runtime_engine === 'PHOTON' && String(spec.spark_version).includes('-photon-'))
    throw invalidParameter('runtime_engine cannot be set with a -photon- spark_version');
  // A SINGLE_USER cluster without a user belongs to its caller (CLI fake, matching the service).
  if (spec.data_security_mode === 'SINGLE_USER' && spec.single_user_name === undefined)
    spec.single_user_name = ctx.user;
  return spec;
}

function view(c: EmulatedCluster, config: EmulatorConfig, withSpec: boolean): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(c.spec)) if (!SPEC_ONLY.has(k)) out[k] = clone(v);
  const creator = c.creator_user_name ?? config.userName;
  out.cluster_id = c.cluster_id;
  out.cluster_name ??= '';
  if (out.node_type_id !== undefined) out.driver_node_type_id ??= out.node_type_id;
  out.creator_user_name = creator;
  out.cluster_source = 'API';
  out.state = c.state;
  out.state_message = c.state_message;
  out.start_time = c.start_time;
  if (c.terminated_time !== undefined) out.terminated_time = c.terminated_time;
  if (c.last_restarted_time !== undefined) out.last_restarted_time = c.last_restarted_time;
  if (c.state === 'TERMINATED' && c.termination_reason) out.termination_reason = clone(c.termination_reason);
  out.default_tags = {
    Vendor: 'Databricks',
    Creator: creator,
    ClusterName: String(out.cluster_name),
    ClusterId: c.cluster_id,
  };
  out.is_pinned = c.is_pinned;
  if (withSpec) out.spec = clone(c.spec);
  return out;
}

/** What the workspace must offer for the spec: its runtime, node types, policy and pools. */
function checkAvailable(spec: JsonObject, ctx: ApiContext): void {
  checkClusterCatalog(ctx, spec);
  checkComputeRefs(ctx, spec, 'cluster');
}

function create(req: ApiRequest, ctx: ApiContext): unknown {
  const spec = specFrom(req.json(), ctx);
  checkAvailable(spec, ctx);
  let id = newClusterId(ctx.now);
  while (ctx.state.clusters[id]) id = newClusterId(ctx.now);
  ctx.state.clusters[id] = {
    cluster_id: id,
    spec,
    state: 'PENDING',
    state_message: 'Finding instances for new nodes, acquiring more instances if necessary',
    is_pinned: false,
    start_time: ctx.now,
    transition_at: ctx.now + ctx.config.clusterStartMs,
    creator_user_name: ctx.user,
  };
  initPermissions(ctx, 'clusters', id);
  return { cluster_id: id };
}

function edit(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const c = getCluster(ctx, requireString(body, 'cluster_id'));
  const spec = specFrom(body, ctx);
  checkAvailable(spec, ctx);
  if (c.state === 'RUNNING') {
    // Editing a running cluster restarts it with the new spec.
    c.state = 'RESTARTING';
    c.state_message = 'Restarting cluster with the new configuration';
    c.transition_at = ctx.now + ctx.config.clusterStartMs;
    c.last_restarted_time = ctx.now;
  } else if (c.state !== 'TERMINATED') {
    throw invalidState(`Cluster ${c.cluster_id} is in unexpected state ${titleCase(c.state)}.`);
  }
  c.spec = spec;
  return {};
}

function start(req: ApiRequest, ctx: ApiContext): unknown {
  const c = getCluster(ctx, requireString(req.json(), 'cluster_id'));
  // Only a TERMINATED cluster starts; in any other state start is a no-op (py-sdk docs).
  if (c.state === 'TERMINATED') {
    c.state = 'PENDING';
    c.state_message = 'Starting cluster';
    c.start_time = ctx.now;
    c.terminated_time = undefined;
    c.termination_reason = undefined;
    c.transition_at = ctx.now + ctx.config.clusterStartMs;
  }
  return {};
}

function restart(req: ApiRequest, ctx: ApiContext): unknown {
  const c = getCluster(ctx, requireString(req.json(), 'cluster_id'));
  if (c.state !== 'RUNNING')
    throw invalidState(`Cluster ${c.cluster_id} is in unexpected state ${titleCase(c.state)}.`);
  c.state = 'RESTARTING';
  c.state_message = 'Restarting cluster';
  c.transition_at = ctx.now + ctx.config.clusterStartMs;
  c.last_restarted_time = ctx.now;
  return {};
}

function resize(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const c = getCluster(ctx, requireString(body, 'cluster_id'));
  if (body.num_workers === undefined && body.autoscale === undefined)
    throw invalidParameter('Either num_workers or autoscale must be set');
  if (c.state !== 'RUNNING')
    throw invalidState(`Cluster ${c.cluster_id} is in unexpected state ${titleCase(c.state)}.`);
  const next = { ...c.spec };
  if (body.num_workers !== undefined) {
    next.num_workers = body.num_workers;
    delete next.autoscale;
  } else {
    next.autoscale = body.autoscale;
    delete next.num_workers;
  }
  c.spec = specFrom(next, ctx);
  c.state = 'RESIZING';
  c.state_message = 'Resizing cluster';
  c.transition_at = ctx.now + ctx.config.clusterStartMs;
  return {};
}

function terminate(req: ApiRequest, ctx: ApiContext): unknown {
  const c = getCluster(ctx, requireString(req.json(), 'cluster_id'));
  // delete = terminate; a no-op when already terminating or terminated.
  if (c.state !== 'TERMINATING' && c.state !== 'TERMINATED') {
    c.state = 'TERMINATING';
    c.state_message = 'Terminating cluster';
    c.transition_at = ctx.now + ctx.config.clusterTerminateMs;
    c.termination_reason = { code: 'USER_REQUEST', type: 'SUCCESS', parameters: { username: ctx.user } };
  }
  return {};
}

function permanentDelete(req: ApiRequest, ctx: ApiContext): unknown {
  const c = getCluster(ctx, requireString(req.json(), 'cluster_id'));
  delete ctx.state.clusters[c.cluster_id];
  dropPermissions(ctx, 'clusters', c.cluster_id);
  return {};
}

function pin(pinned: boolean) {
  return (req: ApiRequest, ctx: ApiContext): unknown => {
    const c = getCluster(ctx, requireString(req.json(), 'cluster_id'));
    if (pinned && !c.is_pinned) {
      const count = Object.values(ctx.state.clusters).filter((x) => x.is_pinned).length;
      if (count >= MAX_PINNED_CLUSTERS)
        throw new ApiError(
          400,
          'QUOTA_EXCEEDED',
          `Cannot pin cluster ${c.cluster_id}: the workspace already has the maximum of ${MAX_PINNED_CLUSTERS} pinned clusters.`,
        );
    }
    c.is_pinned = pinned;
    return {};
  };
}

function get(req: ApiRequest, ctx: ApiContext): unknown {
  const id = req.param('cluster_id');
  if (!id) throw invalidParameter('Missing required field: cluster_id');
  return view(getCluster(ctx, id), ctx.config, true);
}

/** `filter_by.x` arrives as dotted, repeated query keys (how the SDKs serialize nested objects). */
function filterValues(req: ApiRequest, key: string): string[] {
  return req.query.getAll(`filter_by.${key}`).flatMap((v) => v.split(','));
}

function list(req: ApiRequest, ctx: ApiContext): unknown {
  const clusters = Object.values(ctx.state.clusters);
  for (const c of clusters) settleCluster(c, ctx.now);
  clusters.sort((a, b) => b.start_time - a.start_time || a.cluster_id.localeCompare(b.cluster_id));
  if (ctx.version === '2.0') {
    // The legacy list has no paging and no filters.
    const items = clusters.map((c) => view(c, ctx.config, false));
    return items.length > 0 ? { clusters: items } : {};
  }
  const sources = filterValues(req, 'cluster_sources');
  const states = filterValues(req, 'cluster_states');
  const pinnedRaw = req.query.get('filter_by.is_pinned') ?? undefined;
  const pinned = pinnedRaw === undefined ? undefined : queryBoolean(pinnedRaw, 'filter_by.is_pinned');
  const policy = req.query.get('filter_by.policy_id') ?? undefined;
  const matching = clusters.filter(
    (c) =>
      (sources.length === 0 || sources.includes('API')) &&
      (states.length === 0 || states.includes(c.state)) &&
      (pinned === undefined || c.is_pinned === pinned) &&
      (policy === undefined || c.spec.policy_id === policy),
  );
  const sizeRaw = req.param('page_size');
  const size = sizeRaw === undefined ? MAX_PAGE_SIZE : Number(sizeRaw);
  if (!Number.isInteger(size) || size < 0) throw invalidParameter(`Invalid page_size: ${sizeRaw}`);
  const pageSize = Math.min(size || MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const offset = decodePageToken(req.param('page_token')) ?? 0;
  const page = matching.slice(offset, offset + pageSize);
  const more = offset + pageSize < matching.length;
  return {
    ...(page.length > 0 ? { clusters: page.map((c) => view(c, ctx.config, false)) } : {}),
    // "" means no more pages, as the real 2.1 list answers.
    next_page_token: more ? encodePageToken(offset + pageSize) : '',
    prev_page_token: offset > 0 ? encodePageToken(Math.max(0, offset - pageSize)) : '',
  };
}

export function settleAllClusters(ctx: ApiContext): void {
  for (const c of Object.values(ctx.state.clusters)) settleCluster(c, ctx.now);
}

export function registerClusters(router: Router): void {
  router.addVersions('POST', VERSIONS, 'clusters/create', create);
  router.addVersions('POST', VERSIONS, 'clusters/edit', edit);
  router.addVersions('POST', VERSIONS, 'clusters/start', start);
  router.addVersions('POST', VERSIONS, 'clusters/restart', restart);
  router.addVersions('POST', VERSIONS, 'clusters/resize', resize);
  router.addVersions('POST', VERSIONS, 'clusters/delete', terminate);
  router.addVersions('POST', VERSIONS, 'clusters/permanent-delete', permanentDelete);
  router.addVersions('POST', VERSIONS, 'clusters/pin', pin(true));
  router.addVersions('POST', VERSIONS, 'clusters/unpin', pin(false));
  router.addVersions('GET', VERSIONS, 'clusters/get', get);
  router.addVersions('GET', VERSIONS, 'clusters/list', list);
}
