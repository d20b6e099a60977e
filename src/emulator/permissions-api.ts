/**
 * Permissions API 2.0 for jobs, clusters, pipelines and workspace directories
 * (`/api/2.0/permissions/{jobs|clusters|pipelines|directories}/{id}`): GET,
 * PUT (replaces every direct permission), PATCH (adds or updates) and `…/permissionLevels`.
 * Only direct permissions are stored (`state.permissions`); `admins` always inherits CAN_MANAGE
 * from the root object (`/jobs/`, `/clusters/`). A job's creator is its owner (IS_OWNER), a
 * cluster's creator gets CAN_MANAGE. A job has exactly one owner: an ACL without one (or with two)
 * is refused with the real "The job must have exactly one owner." (databricks/cli #3849, #5682).
 * Principals must exist in the workspace (principals.ts). Standard-tier workspaces have no ACLs.
 *
 * Directories (by their workspace object_id) take CAN_READ, CAN_RUN, CAN_EDIT, CAN_MANAGE
 * (WorkspaceObjectPermissionLevel in the SDKs). As documented for folder ACLs ("Objects in a
 * folder inherit all permissions settings of that folder"; "For objects in the Workspace > Shared
 * folder, all users have Can Manage"), a folder under /Shared shows the `users` group's
 * CAN_MANAGE inherited from /Shared; a PUT replaces only the direct entries, never that one.
 */
import type { ApiContext, Router } from './context.js';
import {
  ApiError,
  type ApiRequest,
  doesNotExist,
  invalidParameter,
  isObject,
  type JsonObject,
} from './http.js';
import { ADMINS, findGroup, findServicePrincipal, findUser, USERS } from './principals.js';
import type { AclEntry } from './workspace-state.js';

type Kind = 'jobs' | 'clusters' | 'pipelines' | 'directories';

interface KindSpec {
  objectType: string;
  levels: [string, string][];
  creatorLevel: string;
}

/** Levels (with the descriptions permissionLevels returns) per object kind. */
const KINDS: Record<Kind, KindSpec> = {
  jobs: {
    objectType: 'job',
    levels: [
      ['CAN_VIEW', 'Can view the job'],
      ['CAN_MANAGE_RUN', 'Can manage runs of the job'],
      ['IS_OWNER', 'Is the owner of the job'],
      ['CAN_MANAGE', 'Can manage the job'],
    ],
    creatorLevel: 'IS_OWNER',
  },
  clusters: {
    objectType: 'cluster',
    levels: [
      ['CAN_ATTACH_TO', 'Can attach to the cluster'],
      ['CAN_RESTART', 'Can restart the cluster'],
      ['CAN_MANAGE', 'Can manage the cluster'],
    ],
    creatorLevel: 'CAN_MANAGE',
  },
  // pipelines.PipelinePermissionLevel; the creator owns a pipeline (as a job).
  pipelines: {
    objectType: 'pipeline',
    levels: [
      ['CAN_VIEW', 'Can view the pipeline'],
      ['CAN_RUN', 'Can run the pipeline'],
      ['CAN_MANAGE', 'Can manage the pipeline'],
      ['IS_OWNER', 'Is the owner of the pipeline'],
    ],
    creatorLevel: 'IS_OWNER',
  },
  directories: {
    objectType: 'directory',
    levels: [
      ['CAN_READ', 'Can read items in the folder'],
      ['CAN_RUN', 'Can run items in the folder'],
      ['CAN_EDIT', 'Can edit items in the folder'],
      ['CAN_MANAGE', 'Can manage the folder'],
    ],
    creatorLevel: 'CAN_MANAGE',
  },
};

const OWNER = 'IS_OWNER';
const PRINCIPAL_FIELDS = ['user_name', 'group_name', 'service_principal_name'] as const;
type PrincipalField = (typeof PRINCIPAL_FIELDS)[number];

/**
 * Standard tier: "ACLs for cluster are disabled or not available in this tier" (databrickslabs/
 * migrate #63) with the 404 FEATURE_DISABLED envelope the Permissions API uses for a disabled ACL
 * feature (databrickslabs/ucx #557).
 */
export function aclsDisabled(objectType: string): ApiError {
  return new ApiError(
    404,
    'FEATURE_DISABLED',
    `ACLs for ${objectType} are disabled or not available in this tier`,
  );
}

function principalField(e: AclEntry): PrincipalField {
  return PRINCIPAL_FIELDS.find((f) => e[f] !== undefined) ?? 'user_name';
}

const principalKey = (e: AclEntry) => `${principalField(e)}:${e[principalField(e)]}`;

/** The creator's default ACL, for objects created before permissions were stored. */
function defaults(kind: Kind, creator: string | undefined): AclEntry[] {
  return creator ? [{ user_name: creator, permission_level: KINDS[kind].creatorLevel }] : [];
}

/** The object's creator, or an error when it does not exist (404 RESOURCE_DOES_NOT_EXIST). */
function objectCreator(ctx: ApiContext, kind: Kind, id: string): string | undefined {
  if (kind === 'jobs') {
    const job = /^\d+$/.test(id) ? ctx.state.jobs[String(Number(id))] : undefined;
    if (!job) throw doesNotExist(`Job ${id} does not exist.`);
    return job.creator_user_name;
  }
  if (kind === 'directories') {
    directoryPath(ctx, id);
    return undefined;
  }
  if (kind === 'pipelines') {
    const pipeline = ctx.state.pipelines?.[id];
    if (!pipeline) throw doesNotExist(`The specified pipeline ${id} was not found.`);
    return pipeline.creator_user_name;
  }
  const cluster = ctx.state.clusters[id];
  if (!cluster) throw doesNotExist(`Cluster ${id} does not exist`);
  return cluster.creator_user_name ?? ctx.config.userName;
}

/** The path of the folder with this object_id, or 404 as the real API answers an unknown id. */
function directoryPath(ctx: ApiContext, id: string): string {
  const dir = Object.values(ctx.state.objects).find(
    (o) => o.object_type === 'DIRECTORY' && String(o.object_id) === id,
  );
  if (!dir) throw doesNotExist(`Directory ${id} does not exist.`);
  return dir.path;
}

/** Entries a folder inherits: the `users` group's CAN_MANAGE on everything under /Shared. */
function inheritedFolderEntries(ctx: ApiContext, kind: Kind, id: string): JsonObject[] {
  if (kind !== 'directories') return [];
  const path = directoryPath(ctx, id);
  const shared = ctx.state.objects['/Shared'];
  if (!shared || !(path === '/Shared' || path.startsWith('/Shared/'))) return [];
  return [
    {
      group_name: USERS,
      all_permissions: [
        {
          permission_level: 'CAN_MANAGE',
          inherited: true,
          inherited_from_object: [`/directories/${shared.object_id}`],
        },
      ],
    },
  ];
}

const objectId = (kind: Kind, id: string) => `/${kind}/${kind === 'jobs' ? String(Number(id)) : id}`;

function directAcl(ctx: ApiContext, kind: Kind, id: string): AclEntry[] {
  const creator = objectCreator(ctx, kind, id);
  return ctx.state.permissions[objectId(kind, id)] ?? defaults(kind, creator);
}

/** The principal must exist: "Principal: UserName(x) does not exist" (404, as the real API answers). */
function checkPrincipal(ctx: ApiContext, field: PrincipalField, name: string): void {
  const p = ctx.state.principals;
  const found =
    field === 'user_name'
      ? findUser(p, name)
      : field === 'group_name'
        ? findGroup(p, name)
        : findServicePrincipal(p, name);
  if (found) return;
  const label =
    field === 'user_name' ? 'UserName' : field === 'group_name' ? 'GroupName' : 'ServicePrincipalName';
  throw doesNotExist(`Principal: ${label}(${name}) does not exist`);
}

/** Validates an `access_control_list` of a request (PUT, PATCH, jobs/create). */
export function parseAcl(ctx: ApiContext, kind: Kind, raw: unknown): AclEntry[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw invalidParameter('access_control_list must be an array');
  const { objectType, levels } = KINDS[kind];
  const entries: AclEntry[] = [];
  for (const item of raw) {
    if (!isObject(item)) throw invalidParameter('access_control_list entries must be objects');
    const set = PRINCIPAL_FIELDS.filter((f) => item[f] !== undefined && item[f] !== null && item[f] !== '');
    if (set.length !== 1)
      throw invalidParameter(
        'Each access control entry must set exactly one of user_name, group_name or service_principal_name',
      );
    const field = set[0];
    const name = item[field];
    if (typeof name !== 'string') throw invalidParameter(`${field} must be a string`);
    const level = item.permission_level;
    if (typeof level !== 'string' || !levels.some(([l]) => l === level))
      throw invalidParameter(
        `Invalid permission level ${String(level)} for ${objectType}: use one of ${levels.map(([l]) => l).join(', ')}`,
      );
    checkPrincipal(ctx, field, name);
    if (level === OWNER && field === 'group_name')
      throw invalidParameter(`A group cannot be the owner of a ${objectType}.`);
    const entry: AclEntry = { [field]: name, permission_level: level };
    if (!entries.some((e) => principalKey(e) === principalKey(entry) && e.permission_level === level))
      entries.push(entry);
  }
  return entries;
}

function checkOwner(kind: Kind, acl: AclEntry[]): void {
  if (kind !== 'jobs') return;
  if (acl.filter((e) => e.permission_level === OWNER).length !== 1)
    throw invalidParameter('The job must have exactly one owner.');
}

/**
 * The direct ACL a new job starts with: the request's `access_control_list`, with the creator as
 * owner unless it names one. Refused on standard tier (no ACLs) like the Permissions API.
 */
export function newJobAcl(ctx: ApiContext, raw: unknown): AclEntry[] | undefined {
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return undefined;
  if (ctx.workspace.tier === 'standard') throw aclsDisabled('job');
  const acl = parseAcl(ctx, 'jobs', raw);
  if (!acl.some((e) => e.permission_level === OWNER))
    acl.unshift({ user_name: ctx.user, permission_level: OWNER });
  checkOwner('jobs', acl);
  return acl;
}

/** Records the creator's permissions on a new job or cluster (or the given ACL). */
export function initPermissions(ctx: ApiContext, kind: Kind, id: string | number, acl?: AclEntry[]): void {
  ctx.state.permissions[`/${kind}/${id}`] = acl ?? defaults(kind, ctx.user);
}

/** Deleting an object deletes its permissions. */
export function dropPermissions(ctx: ApiContext, kind: Kind, id: string | number): void {
  delete ctx.state.permissions[`/${kind}/${id}`];
}

function displayName(ctx: ApiContext, e: AclEntry): string | undefined {
  const p = ctx.state.principals;
  if (e.user_name !== undefined) return findUser(p, e.user_name)?.displayName;
  if (e.service_principal_name !== undefined)
    return findServicePrincipal(p, e.service_principal_name)?.displayName;
  return undefined;
}

function view(ctx: ApiContext, kind: Kind, id: string): JsonObject {
  const acl = directAcl(ctx, kind, id);
  const byPrincipal = new Map<string, JsonObject & { all_permissions: JsonObject[] }>();
  const entryFor = (e: AclEntry) => {
    const key = principalKey(e);
    let out = byPrincipal.get(key);
    if (!out) {
      const field = principalField(e);
      const name = displayName(ctx, e);
      out = { [field]: e[field], ...(name ? { display_name: name } : {}), all_permissions: [] };
      byPrincipal.set(key, out);
    }
    return out;
  };
  for (const e of acl)
    entryFor(e).all_permissions.push({ permission_level: e.permission_level, inherited: false });
  entryFor({ group_name: ADMINS, permission_level: 'CAN_MANAGE' }).all_permissions.push({
    permission_level: 'CAN_MANAGE',
    inherited: true,
    inherited_from_object: [`/${kind}/`],
  });
  return {
    object_id: objectId(kind, id),
    object_type: KINDS[kind].objectType,
    access_control_list: [...byPrincipal.values(), ...inheritedFolderEntries(ctx, kind, id)],
  };
}

/** PATCH: each named principal's levels are replaced; a new IS_OWNER takes ownership over. */
function merge(current: AclEntry[], changes: AclEntry[]): AclEntry[] {
  const newOwners = changes.filter((e) => e.permission_level === OWNER);
  if (newOwners.length > 1) throw invalidParameter('The job must have exactly one owner.');
  const touched = new Set(changes.filter((e) => e.permission_level !== OWNER).map(principalKey));
  const kept = current.filter((e) =>
    e.permission_level === OWNER ? newOwners.length === 0 : !touched.has(principalKey(e)),
  );
  return [...kept, ...changes];
}

function handler(kind: Kind, method: 'GET' | 'PUT' | 'PATCH') {
  const prefix = `/api/2.0/permissions/${kind}/`;
  return (req: ApiRequest, ctx: ApiContext): unknown => {
    const rest = req.path.slice(prefix.length);
    const levels = rest.endsWith('/permissionLevels');
    const id = decodeURIComponent(levels ? rest.slice(0, -'/permissionLevels'.length) : rest);
    if (id === '' || id.includes('/'))
      throw new ApiError(404, 'ENDPOINT_NOT_FOUND', `No API found for '${req.method} ${req.path}'`);
    if (levels && method !== 'GET')
      throw new ApiError(404, 'ENDPOINT_NOT_FOUND', `No API found for '${req.method} ${req.path}'`);
    const spec = KINDS[kind];
    if (ctx.workspace.tier === 'standard') throw aclsDisabled(spec.objectType);
    if (levels) {
      objectCreator(ctx, kind, id);
      return {
        permission_levels: spec.levels.map(([permission_level, description]) => ({
          permission_level,
          description,
        })),
      };
    }
    if (method === 'GET') return view(ctx, kind, id);
    const current = directAcl(ctx, kind, id);
    const changes = parseAcl(ctx, kind, req.json().access_control_list);
    const next = method === 'PUT' ? changes : merge(current, changes);
    checkOwner(kind, next);
    ctx.state.permissions[objectId(kind, id)] = next;
    return view(ctx, kind, id);
  };
}

export function registerPermissions(router: Router): void {
  for (const kind of ['jobs', 'clusters', 'pipelines', 'directories'] as const)
    for (const method of ['GET', 'PUT', 'PATCH'] as const)
      router.addPrefix(method, `/api/2.0/permissions/${kind}/`, handler(kind, method));
}
