/**
 * SQL warehouses (`/api/2.0/sql/warehouses…`): list, create, get, edit, delete, start and stop,
 * with a lazily evaluated STARTING → RUNNING / STOPPING → STOPPED state machine on the cluster
 * delays. Jobs whose SQL, dbt or notebook tasks name a warehouse must name one that exists here.
 */
import { randomBytes } from 'node:crypto';
import type { ApiContext, Router } from './context.js';
import {
  ApiError,
  type ApiRequest,
  alreadyExists,
  clone,
  doesNotExist,
  invalidParameter,
  isObject,
  type JsonObject,
  requireString,
} from './http.js';
import type { EmulatedWarehouse } from './workspace-state.js';

const BASE = '/api/2.0/sql/warehouses';
const SIZES = [
  '2X-Small',
  'X-Small',
  'Small',
  'Medium',
  'Large',
  'X-Large',
  '2X-Large',
  '3X-Large',
  '4X-Large',
];
const SPOT_POLICIES = ['COST_OPTIMIZED', 'RELIABILITY_OPTIMIZED', 'POLICY_UNSPECIFIED'];
/** Fields of a create/edit body that make up the warehouse's settings. */
const FIELDS = [
  'name',
  'cluster_size',
  'min_num_clusters',
  'max_num_clusters',
  'auto_stop_mins',
  'enable_photon',
  'enable_serverless_compute',
  'spot_instance_policy',
  'warehouse_type',
  'tags',
  'channel',
  'instance_profile_arn',
  'creator_name',
];

const missingWarehouse = (id: string) => `SQL warehouse ${id} does not exist.`;

/** A job's reference to a warehouse (sql_task, dbt_task, notebook_task): 400 when it does not exist. */
export function checkWarehouseRef(ctx: ApiContext, id: unknown): void {
  if (typeof id !== 'string' || id === '') return;
  if (!ctx.state.warehouses[id]) throw invalidParameter(missingWarehouse(id));
}

export function settleWarehouse(w: EmulatedWarehouse, now: number): void {
  if (w.transition_at === undefined || now < w.transition_at) return;
  w.transition_at = undefined;
  if (w.state === 'STARTING') w.state = 'RUNNING';
  else if (w.state === 'STOPPING') w.state = 'STOPPED';
}

export function getWarehouse(ctx: ApiContext, id: string): EmulatedWarehouse {
  const w = ctx.state.warehouses[id];
  if (!w) throw doesNotExist(missingWarehouse(id));
  settleWarehouse(w, ctx.now);
  return w;
}

const int = (v: unknown) => typeof v === 'number' && Number.isInteger(v);

/** The settings of a create/edit body with the documented defaults (GetWarehouseResponse docs). */
function settingsFrom(body: JsonObject, ctx: ApiContext, self?: EmulatedWarehouse): JsonObject {
  const spec: JsonObject = self ? clone(self.spec) : {};
  for (const f of FIELDS) if (body[f] !== undefined && f !== 'creator_name') spec[f] = clone(body[f]);
  const name = requireString(spec, 'name');
  if (name.length >= 100) throw invalidParameter('name must be less than 100 characters');
  const clash = Object.values(ctx.state.warehouses).find((w) => w.spec.name === name && w.id !== self?.id);
  if (clash) throw alreadyExists(`SQL warehouse with name ${name} already exists.`);
  const size = requireString(spec, 'cluster_size');
  if (!SIZES.includes(size))
    throw invalidParameter(`Invalid cluster_size ${size}: use one of ${SIZES.join(', ')}`);
  spec.auto_stop_mins ??= 120;
  const stop = spec.auto_stop_mins;
  if (!int(stop) || (stop !== 0 && (stop as number) < 10))
    throw invalidParameter('auto_stop_mins must be 0 (no autostop) or at least 10');
  spec.min_num_clusters ??= 1;
  const min = spec.min_num_clusters;
  if (!int(min) || (min as number) < 1) throw invalidParameter('min_num_clusters must be greater than 0');
  spec.max_num_clusters ??= min;
  const max = spec.max_num_clusters;
  if (!int(max) || (max as number) < (min as number) || (max as number) > 40)
    throw invalidParameter('max_num_clusters must be at least min_num_clusters and at most 40');
  spec.enable_photon ??= false;
  spec.enable_serverless_compute ??= false;
  spec.spot_instance_policy ??= 'COST_OPTIMIZED';
  if (!SPOT_POLICIES.includes(String(spec.spot_instance_policy)))
    throw invalidParameter(`Invalid spot_instance_policy: ${String(spec.spot_instance_policy)}`);
  spec.warehouse_type ??= 'CLASSIC';
  if (spec.warehouse_type !== 'PRO' && spec.warehouse_type !== 'CLASSIC')
    throw invalidParameter(`Invalid warehouse_type: ${String(spec.warehouse_type)}`);
  if (spec.enable_serverless_compute === true && spec.warehouse_type !== 'PRO')
    throw invalidParameter('Serverless compute requires warehouse_type PRO');
  if (spec.tags !== undefined) {
    const tags = spec.tags;
    if (!isObject(tags) || (tags.custom_tags !== undefined && !Array.isArray(tags.custom_tags)))
      throw invalidParameter('tags must be {"custom_tags": [{"key", "value"}]}');
    if (Array.isArray(tags.custom_tags) && tags.custom_tags.length >= 45)
      throw invalidParameter('A warehouse can have fewer than 45 custom tags');
  }
  spec.channel ??= { name: 'CHANNEL_NAME_CURRENT' };
  return spec;
}

function view(w: EmulatedWarehouse, ctx: ApiContext): JsonObject {
  const host = new URL(ctx.url).hostname;
  const path = `/sql/1.0/warehouses/${w.id}`;
  return {
    id: w.id,
    ...clone(w.spec),
    creator_name: w.creator_name,
    state: w.state,
    num_clusters: w.state === 'RUNNING' ? w.spec.min_num_clusters : 0,
    num_active_sessions: 0,
    // Always present: the SDK's create waiter reads health.summary on every poll.
    health: { status: 'HEALTHY', summary: '' },
    jdbc_url: `jdbc:spark://${host}:443/default;transportMode=http;ssl=1;AuthMech=3;httpPath=${path};`,
    odbc_params: { hostname: host, path, protocol: 'https', port: 443 },
  };
}

/** Warehouse ids are 16 lower-case hex digits. */
function newId(ctx: ApiContext): string {
  let id: string;
  do id = randomBytes(8).toString('hex');
  while (ctx.state.warehouses[id]);
  return id;
}

export function startWarehouse(w: EmulatedWarehouse, ctx: ApiContext): void {
  w.state = 'STARTING';
  w.transition_at = ctx.now + ctx.config.clusterStartMs;
}

function create(req: ApiRequest, ctx: ApiContext): unknown {
  const spec = settingsFrom(req.json(), ctx);
  const w: EmulatedWarehouse = { id: newId(ctx), spec, state: 'STARTING', creator_name: ctx.user };
  startWarehouse(w, ctx);
  ctx.state.warehouses[w.id] = w;
  return { id: w.id };
}

function list(_req: ApiRequest, ctx: ApiContext): unknown {
  const items = Object.values(ctx.state.warehouses)
    .sort((a, b) => String(a.spec.name).localeCompare(String(b.spec.name)))
    .map((w) => {
      settleWarehouse(w, ctx.now);
      return view(w, ctx);
    });
  return items.length > 0 ? { warehouses: items } : {};
}

/** `{id}`, `{id}/edit`, `{id}/start`, `{id}/stop` under /api/2.0/sql/warehouses/. */
function byId(method: 'GET' | 'DELETE' | 'POST') {
  return (req: ApiRequest, ctx: ApiContext): unknown => {
    const [rawId, action, ...extra] = req.path.slice(BASE.length + 1).split('/');
    const id = decodeURIComponent(rawId);
    const route = method === 'POST' ? action : action === undefined ? '' : undefined;
    if (
      !id ||
      extra.length > 0 ||
      route === undefined ||
      (method === 'POST' && !['edit', 'start', 'stop'].includes(route))
    )
      throw new ApiError(404, 'ENDPOINT_NOT_FOUND', `No API found for '${req.method} ${req.path}'`);
    const w = getWarehouse(ctx, id);
    if (method === 'GET') return view(w, ctx);
    if (method === 'DELETE') {
      delete ctx.state.warehouses[w.id];
      return {};
    }
    if (route === 'edit') {
      // Fields the edit leaves out keep their values.
      w.spec = settingsFrom(req.json(), ctx, w);
      // Editing a running warehouse restarts it with the new settings.
      if (w.state === 'RUNNING') startWarehouse(w, ctx);
    } else if (route === 'start') {
      if (w.state === 'STOPPED' || w.state === 'STOPPING') startWarehouse(w, ctx);
    } else if (w.state === 'RUNNING' || w.state === 'STARTING') {
      w.state = 'STOPPING';
      w.transition_at = ctx.now + ctx.config.clusterTerminateMs;
    }
    return {};
  };
}

export function registerWarehouses(router: Router): void {
  router.add('GET', BASE, list);
  router.add('POST', BASE, create);
  router.addPrefix('GET', `${BASE}/`, byId('GET'));
  router.addPrefix('DELETE', `${BASE}/`, byId('DELETE'));
  router.addPrefix('POST', `${BASE}/`, byId('POST'));
}
