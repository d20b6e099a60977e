/**
 * Objects a job may point at that databricks-dr does not deploy: Lakeflow pipelines, SQL alerts
 * and queries, Lakeview dashboards and notification destinations. Read-only list and get, with
 * the wire shapes of the official Go SDK (v0.175.0: pipelines.ListPipelinesResponse /
 * PipelineStateInfo / GetPipelineResponse, sql.ListAlertsResponse / ListQueryObjectsResponse,
 * dashboards.ListDashboardsResponse, settings.ListNotificationDestinationsResponse; legacy SQL
 * dashboards, which `sql_task.dashboard` runs: sql.ListResponse / sql.Dashboard). They are
 * seeded by name (WorkspaceSpec.assets, `--assets`, `POST /__emulator/assets`); each gets an id of
 * the kind's format, different in every workspace.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { type ApiContext, missing, type Router } from './context.js';
import { type ApiRequest, decodePageToken, encodePageToken, invalidParameter } from './http.js';
import { seedPipeline } from './pipelines-api.js';
import type { WorkspaceState } from './workspace-state.js';

export const ASSET_KINDS = [
  'pipelines',
  'alerts',
  'queries',
  'dashboards',
  'destinations',
  'sqlDashboards',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
/** Names of the objects to seed, per kind. */
export type AssetNames = Partial<Record<AssetKind, string[]>>;

export interface EmulatedAsset {
  id: string;
  name: string;
  created_at: number;
}
export type AssetState = Record<AssetKind, Record<string, EmulatedAsset>>;

export function emptyAssets(): AssetState {
  return { pipelines: {}, alerts: {}, queries: {}, dashboards: {}, destinations: {}, sqlDashboards: {} };
}

/** An error for a malformed seed, or undefined. */
export function assetNamesError(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `expected {"pipelines": ["name", ...], ...} with keys among ${ASSET_KINDS.join(', ')}`;
  for (const [k, v] of Object.entries(value)) {
    if (!(ASSET_KINDS as readonly string[]).includes(k))
      return `unknown kind "${k}": use ${ASSET_KINDS.join(', ')}`;
    if (!Array.isArray(v) || !v.every((n) => typeof n === 'string' && n.trim() !== ''))
      return `${k} must be an array of non-empty names`;
  }
  return undefined;
}

/** Ids in each kind's real format: pipelines, dashboards and destinations UUID-like, SQL objects UUIDs. */
function newId(kind: AssetKind): string {
  return kind === 'dashboards' ? randomBytes(16).toString('hex') : randomUUID();
}

/** Adds the named objects that do not exist yet (seeding twice changes nothing). */
export function seedAssets(state: WorkspaceState, names: AssetNames, now: number, user: string): void {
  state.assets ??= emptyAssets();
  // Pipelines have their own API (pipelines-api.ts): seeded ones are idle pipelines there.
  state.pipelines ??= {};
  for (const name of names.pipelines ?? []) seedPipeline(state.pipelines, name, user, now);
  for (const kind of ASSET_KINDS) {
    if (kind === 'pipelines') continue;
    // A state saved before a kind existed lacks its table.
    state.assets[kind] ??= {};
    const table = state.assets[kind];
    for (const name of names[kind] ?? []) {
      if (Object.values(table).some((a) => a.name === name)) continue;
      const id = newId(kind);
      table[id] = { id, name, created_at: now };
    }
  }
}

/** The wire form of one object of each kind. */
function wire(kind: AssetKind, a: EmulatedAsset, ctx: ApiContext): Record<string, unknown> {
  const time = new Date(a.created_at).toISOString();
  switch (kind) {
    case 'pipelines':
      return { pipeline_id: a.id, name: a.name, state: 'IDLE', creator_user_name: ctx.user };
    case 'alerts':
    case 'queries':
      return {
        id: a.id,
        display_name: a.name,
        lifecycle_state: 'ACTIVE',
        owner_user_name: ctx.user,
        create_time: time,
        update_time: time,
      };
    case 'dashboards':
      return {
        dashboard_id: a.id,
        display_name: a.name,
        lifecycle_state: 'ACTIVE',
        path: `/Users/${ctx.user}/${a.name}.lvdash.json`,
        create_time: time,
        update_time: time,
      };
    case 'destinations':
      return { id: a.id, display_name: a.name, destination_type: 'WEBHOOK' };
    case 'sqlDashboards':
      return {
        id: a.id,
        name: a.name,
        slug: a.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        is_archived: false,
        is_draft: false,
        tags: [],
        created_at: time,
        updated_at: time,
      };
  }
}

/** Page size parameter and the kind's default and maximum (documented per API). */
const PAGING: Record<
  Exclude<AssetKind, 'sqlDashboards'>,
  { param: string; items: string; token: string; max: number }
> = {
  pipelines: { param: 'max_results', items: 'statuses', token: 'page_token', max: 100 },
  alerts: { param: 'page_size', items: 'results', token: 'page_token', max: 100 },
  queries: { param: 'page_size', items: 'results', token: 'page_token', max: 100 },
  dashboards: { param: 'page_size', items: 'dashboards', token: 'page_token', max: 1000 },
  destinations: { param: 'page_size', items: 'results', token: 'page_token', max: 100 },
};

function list(kind: Exclude<AssetKind, 'sqlDashboards'>) {
  return (req: ApiRequest, ctx: ApiContext): unknown => {
    const p = PAGING[kind];
    const raw = req.query.get(p.param);
    const size = raw === null ? p.max : Number(raw);
    if (!Number.isInteger(size) || size < 1 || size > p.max)
      throw invalidParameter(`${p.param} must be between 1 and ${p.max}`);
    const all = Object.values(ctx.state.assets?.[kind] ?? {}).sort((a, b) => a.created_at - b.created_at);
    const offset = decodePageToken(req.query.get(p.token) ?? undefined) ?? 0;
    const page = all.slice(offset, offset + size).map((a) => wire(kind, a, ctx));
    const out: Record<string, unknown> = {};
    if (page.length > 0) out[p.items] = page;
    if (offset + size < all.length) out.next_page_token = encodePageToken(offset + size);
    return out;
  };
}

/**
 * Legacy SQL dashboards page by number, from 1 (sql.ListDashboardsRequest page / page_size): the
 * SDK asks for the next page until one comes back empty. The documentation gives no maximum page
 * size; 250 is modelled (larger sizes are cut to it), 25 when none is given.
 */
function listSqlDashboards(req: ApiRequest, ctx: ApiContext): unknown {
  const num = (name: string, fallback: number) => {
    const raw = req.query.get(name);
    const n = raw === null ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 1) throw invalidParameter(`${name} must be a positive integer`);
    return n;
  };
  const page = num('page', 1);
  const size = Math.min(num('page_size', 25), 250);
  const all = Object.values(ctx.state.assets?.sqlDashboards ?? {}).sort(
    (a, b) => a.created_at - b.created_at,
  );
  const results = all.slice((page - 1) * size, page * size).map((a) => wire('sqlDashboards', a, ctx));
  return { count: all.length, page, page_size: size, results };
}

function get(kind: AssetKind, prefix: string) {
  return (req: ApiRequest, ctx: ApiContext): unknown => {
    const id = decodeURIComponent(req.path.slice(prefix.length));
    const a = ctx.state.assets?.[kind]?.[id];
    if (!a || id.includes('/')) throw missing(ctx, `${kind.replace(/s$/, '')} ${id} does not exist.`);
    return wire(kind, a, ctx);
  };
}

const PATHS: Record<AssetKind, string> = {
  pipelines: '/api/2.0/pipelines',
  alerts: '/api/2.0/sql/alerts',
  queries: '/api/2.0/sql/queries',
  dashboards: '/api/2.0/lakeview/dashboards',
  destinations: '/api/2.0/notification-destinations',
  sqlDashboards: '/api/2.0/preview/sql/dashboards',
};

export function registerAssets(router: Router): void {
  for (const kind of ASSET_KINDS) {
    if (kind === 'pipelines') continue;
    router.add('GET', PATHS[kind], kind === 'sqlDashboards' ? listSqlDashboards : list(kind));
    router.addPrefix('GET', `${PATHS[kind]}/`, get(kind, `${PATHS[kind]}/`));
  }
}
