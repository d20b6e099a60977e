/**
 * Pipelines API 2.0 (Lakeflow Declarative Pipelines): create, edit, get, list, delete, stop and
 * updates, with the wire shapes of the official Go SDK (v0.175.0: pipelines.CreatePipeline /
 * CreatePipelineResponse, EditPipeline, GetPipelineResponse with `spec` (PipelineSpec),
 * ListPipelinesResponse of PipelineStateInfo, StartUpdate / StartUpdateResponse,
 * ListUpdatesResponse of UpdateInfo).
 *
 * Modelled from the API reference rather than observed: names are unique unless
 * `allow_duplicate_names` (409 RESOURCE_CONFLICT); a missing pipeline is 404
 * RESOURCE_DOES_NOT_EXIST; the server fills `id`, `channel` (CURRENT), `edition` (ADVANCED) and,
 * without a `catalog`, `storage` (dbfs:/pipelines/<id>); create and edit start no update (updates
 * start only through POST …/updates); an update of a continuous pipeline runs until stopped, a
 * triggered one completes after the emulator's run duration; only one update is active at a time
 * (a second start is 409 RESOURCE_CONFLICT). `filter` takes `name LIKE '…'` (% and _ wildcards).
 */
import { randomUUID } from 'node:crypto';
import { checkComputeRefs } from './compute-api.js';
import type { ApiContext, Router } from './context.js';
import {
  ApiError,
  type ApiRequest,
  doesNotExist,
  invalidParameter,
  isObject,
  type JsonObject,
} from './http.js';
import { dropPermissions, initPermissions } from './permissions-api.js';

export interface EmulatedUpdate {
  update_id: string;
  created_at: number;
  cause: string;
  full_refresh: boolean;
  /** Set when the update was stopped. */
  stopped_at?: number;
  /** An update of a continuous pipeline runs until stopped. */
  continuous: boolean;
}

export interface EmulatedPipeline {
  pipeline_id: string;
  /** The settings as the server keeps them (PipelineSpec), server-filled defaults included. */
  spec: JsonObject;
  creator_user_name: string;
  created_at: number;
  last_modified: number;
  /** Newest last. */
  updates: EmulatedUpdate[];
}

const BASE = '/api/2.0/pipelines';
const PAGE_MAX = 100;
/** Fields of a create/edit request that are switches of the request, not settings. */
const REQUEST_ONLY = ['allow_duplicate_names', 'dry_run', 'expected_last_modified', 'pipeline_id'];

const conflict = (message: string) => new ApiError(409, 'RESOURCE_CONFLICT', message);

function table(ctx: ApiContext): Record<string, EmulatedPipeline> {
  ctx.state.pipelines ??= {};
  return ctx.state.pipelines;
}

function find(ctx: ApiContext, id: string): EmulatedPipeline {
  const p = table(ctx)[id];
  if (!p) throw doesNotExist(`The specified pipeline ${id} was not found.`);
  return p;
}

/** The update's state at `now` (pipelines.UpdateInfoState). */
function updateState(u: EmulatedUpdate, ctx: ApiContext): string {
  if (u.stopped_at !== undefined) return 'CANCELED';
  const age = ctx.now - u.created_at;
  if (age < ctx.config.runPendingMs) return 'INITIALIZING';
  if (u.continuous || age < ctx.config.runPendingMs + ctx.config.runDurationMs) return 'RUNNING';
  return 'COMPLETED';
}

const ACTIVE = new Set(['INITIALIZING', 'RUNNING']);

function activeUpdate(p: EmulatedPipeline, ctx: ApiContext): EmulatedUpdate | undefined {
  const last = p.updates.at(-1);
  return last && ACTIVE.has(updateState(last, ctx)) ? last : undefined;
}

function pipelineState(p: EmulatedPipeline, ctx: ApiContext): string {
  const u = activeUpdate(p, ctx);
  if (!u) return 'IDLE';
  return updateState(u, ctx) === 'INITIALIZING' ? 'STARTING' : 'RUNNING';
}

/** PipelineStateInfo, as a listing shows it. */
function stateInfo(p: EmulatedPipeline, ctx: ApiContext): JsonObject {
  const latest = [...p.updates]
    .reverse()
    .slice(0, 5)
    .map((u) => ({
      update_id: u.update_id,
      state: updateState(u, ctx),
      creation_time: new Date(u.created_at).toISOString(),
    }));
  return {
    pipeline_id: p.pipeline_id,
    name: p.spec.name,
    state: pipelineState(p, ctx),
    creator_user_name: p.creator_user_name,
    run_as_user_name: p.creator_user_name,
    ...(latest.length > 0 ? { latest_updates: latest } : {}),
  };
}

/** The settings of a create or edit request as the server keeps them. */
function settingsOf(body: JsonObject, id: string): JsonObject {
  if (typeof body.name !== 'string' || body.name.trim() === '')
    throw invalidParameter('Pipeline name must be specified.');
  if (body.catalog !== undefined && body.storage !== undefined)
    throw invalidParameter(
      "'storage' cannot be specified together with 'catalog' (Unity Catalog pipelines).",
    );
  if (body.target !== undefined && body.schema !== undefined)
    throw invalidParameter("Only one of 'target' and 'schema' may be specified.");
  if (
    body.tags !== undefined &&
    (!isObject(body.tags) || !Object.values(body.tags).every((v) => typeof v === 'string'))
  )
    throw invalidParameter('tags must be a map of strings.');
  const spec: JsonObject = {};
  for (const [k, v] of Object.entries(body)) if (!REQUEST_ONLY.includes(k)) spec[k] = v;
  spec.id = id;
  spec.channel ??= 'CURRENT';
  spec.edition ??= 'ADVANCED';
  if (spec.catalog === undefined) spec.storage ??= `dbfs:/pipelines/${id}`;
  return spec;
}

function checkName(ctx: ApiContext, body: JsonObject, self?: string): void {
  if (body.allow_duplicate_names === true) return;
  const other = Object.values(table(ctx)).find((p) => p.spec.name === body.name && p.pipeline_id !== self);
  if (other)
    throw conflict(
      `Pipeline with name '${String(body.name)}' already exists (pipeline id ${other.pipeline_id}). Use allow_duplicate_names to create another.`,
    );
}

/**
 * A pipeline's clusters name only policies and pools of this workspace. Modelled on the Jobs API's
 * cluster validation (400 INVALID_PARAMETER_VALUE, compute-api.ts), not observed on this API.
 */
function checkClusters(ctx: ApiContext, body: JsonObject): void {
  for (const c of Array.isArray(body.clusters) ? body.clusters : [])
    if (isObject(c)) checkComputeRefs(ctx, c, 'job');
}

function create(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  checkName(ctx, body);
  checkClusters(ctx, body);
  const id = randomUUID();
  const spec = settingsOf(body, id);
  if (body.dry_run === true) return { effective_settings: spec };
  table(ctx)[id] = {
    pipeline_id: id,
    spec,
    creator_user_name: ctx.user,
    created_at: ctx.now,
    last_modified: ctx.now,
    updates: [],
  };
  initPermissions(ctx, 'pipelines', id);
  return { pipeline_id: id, effective_settings: spec };
}

/** A LIKE pattern: % any run, _ one character, \ escapes. */
function likeRegex(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) out += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '%') out += '.*';
    else if (c === '_') out += '.';
    else out += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 's');
}

function parseFilter(filter: string | null): ((p: EmulatedPipeline) => boolean) | undefined {
  if (filter === null || filter.trim() === '') return undefined;
  const m = /^\s*name\s+LIKE\s+'((?:[^']|'')*)'\s*$/i.exec(filter);
  if (!m)
    throw invalidParameter(
      `Invalid filter '${filter}': supported is name LIKE '<pattern>' (and notebook='<path>').`,
    );
  const re = likeRegex(m[1].replace(/''/g, "'"));
  return (p) => re.test(String(p.spec.name ?? ''));
}

function list(req: ApiRequest, ctx: ApiContext): unknown {
  const raw = req.query.get('max_results');
  const size = raw === null ? 25 : Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > PAGE_MAX)
    throw invalidParameter(`max_results must be between 1 and ${PAGE_MAX}`);
  const match = parseFilter(req.query.get('filter'));
  const all = Object.values(table(ctx))
    .filter((p) => !match || match(p))
    .sort((a, b) => a.created_at - b.created_at);
  const offset = Number(req.query.get('page_token') ?? 0) || 0;
  const page = all.slice(offset, offset + size).map((p) => stateInfo(p, ctx));
  const out: JsonObject = {};
  if (page.length > 0) out.statuses = page;
  if (offset + size < all.length) out.next_page_token = String(offset + size);
  return out;
}

/** `/api/2.0/pipelines/{id}[/stop|/updates[/{update_id}]]` → its parts. */
function route(req: ApiRequest): { id: string; rest: string[] } {
  const parts = req.path
    .slice(BASE.length + 1)
    .split('/')
    .map(decodeURIComponent);
  return { id: parts[0], rest: parts.slice(1) };
}

function notFound(req: ApiRequest): ApiError {
  return new ApiError(404, 'ENDPOINT_NOT_FOUND', `No API found for '${req.method} ${req.path}'`);
}

function get(req: ApiRequest, ctx: ApiContext): unknown {
  const { id, rest } = route(req);
  const p = find(ctx, id);
  if (rest.length === 0)
    return {
      ...stateInfo(p, ctx),
      spec: p.spec,
      last_modified: p.last_modified,
      ...(typeof p.spec.budget_policy_id === 'string'
        ? { effective_budget_policy_id: p.spec.budget_policy_id }
        : {}),
    };
  if (rest[0] !== 'updates') throw notFound(req);
  if (rest.length === 2) {
    const u = p.updates.find((x) => x.update_id === rest[1]);
    if (!u) throw doesNotExist(`The specified update ${rest[1]} was not found.`);
    return { update: updateInfo(p, u, ctx) };
  }
  const raw = req.query.get('max_results');
  const size = raw === null ? 25 : Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > PAGE_MAX)
    throw invalidParameter(`max_results must be between 1 and ${PAGE_MAX}`);
  const updates = [...p.updates].reverse().slice(0, size);
  return updates.length > 0 ? { updates: updates.map((u) => updateInfo(p, u, ctx)) } : {};
}

function updateInfo(p: EmulatedPipeline, u: EmulatedUpdate, ctx: ApiContext): JsonObject {
  return {
    pipeline_id: p.pipeline_id,
    update_id: u.update_id,
    state: updateState(u, ctx),
    cause: u.cause,
    full_refresh: u.full_refresh,
    creation_time: u.created_at,
    config: p.spec,
  };
}

function edit(req: ApiRequest, ctx: ApiContext): unknown {
  const { id, rest } = route(req);
  if (rest.length > 0) throw notFound(req);
  const p = find(ctx, id);
  const body = req.json();
  if (body.id !== undefined && body.id !== id)
    throw invalidParameter(`The pipeline id in the request body (${String(body.id)}) does not match ${id}.`);
  if (typeof body.expected_last_modified === 'number' && body.expected_last_modified !== p.last_modified)
    throw conflict(`The pipeline ${id} was modified since ${body.expected_last_modified}.`);
  checkName(ctx, body, id);
  checkClusters(ctx, body);
  p.spec = settingsOf(body, id);
  p.last_modified = ctx.now;
  return {};
}

function post(req: ApiRequest, ctx: ApiContext): unknown {
  const { id, rest } = route(req);
  const p = find(ctx, id);
  if (rest.length === 1 && rest[0] === 'stop') {
    const u = activeUpdate(p, ctx);
    if (u) u.stopped_at = ctx.now;
    return {};
  }
  if (rest.length === 1 && rest[0] === 'updates') {
    if (activeUpdate(p, ctx))
      throw conflict(`An active update for pipeline ${id} already exists; stop it before starting another.`);
    const body = req.json();
    const u: EmulatedUpdate = {
      update_id: randomUUID(),
      created_at: ctx.now,
      cause: typeof body.cause === 'string' ? body.cause : 'API_CALL',
      full_refresh: body.full_refresh === true,
      continuous: p.spec.continuous === true,
    };
    p.updates.push(u);
    return { update_id: u.update_id };
  }
  throw notFound(req);
}

function remove(req: ApiRequest, ctx: ApiContext): unknown {
  const { id, rest } = route(req);
  if (rest.length > 0) throw notFound(req);
  find(ctx, id);
  delete table(ctx)[id];
  dropPermissions(ctx, 'pipelines', id);
  return {};
}

/** A pipeline seeded by name (WorkspaceSpec.assets.pipelines): idle, with default settings. */
export function seedPipeline(
  pipelines: Record<string, EmulatedPipeline>,
  name: string,
  user: string,
  now: number,
): void {
  if (Object.values(pipelines).some((p) => p.spec.name === name)) return;
  const id = randomUUID();
  pipelines[id] = {
    pipeline_id: id,
    spec: settingsOf({ name }, id),
    creator_user_name: user,
    created_at: now,
    last_modified: now,
    updates: [],
  };
}

export function registerPipelines(router: Router): void {
  router.add('POST', BASE, create);
  router.add('GET', BASE, list);
  router.addPrefix('GET', `${BASE}/`, get);
  router.addPrefix('PUT', `${BASE}/`, edit);
  router.addPrefix('POST', `${BASE}/`, post);
  router.addPrefix('DELETE', `${BASE}/`, remove);
}
