/**
 * The workspace's identities, as SCIM 2.0 (`/api/2.0/preview/scim/v2/…`): users, groups and
 * service principals, and `Me` (the caller, an admin). Every workspace starts with the caller, the
 * `admins` group (the caller is a member) and the `users` group (every user and service principal);
 * `WorkspaceSpec.users|groups|servicePrincipals` add more, and `POST` creates them at run time.
 * The Permissions API and secret ACLs resolve principals here.
 */
import { randomUUID } from 'node:crypto';
import type { ApiContext, Router } from './context.js';
import { type ApiRequest, isObject, type JsonObject, ScimError, StatusResponse } from './http.js';
import { listResponse } from './scim-list.js';
import type { WorkspaceSpec } from './types.js';
import type {
  EmulatedGroup,
  EmulatedServicePrincipal,
  EmulatedUser,
  WorkspaceState,
} from './workspace-state.js';

export const ADMINS = 'admins';
export const USERS = 'users';
const BASE = '/api/2.0/preview/scim/v2';
const SCHEMA = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  servicePrincipal: 'urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal',
};

type Principals = WorkspaceState['principals'];
type Kind = 'Users' | 'Groups' | 'ServicePrincipals';

const lower = (s: string) => s.toLowerCase();

export function findUser(p: Principals, userName: string): EmulatedUser | undefined {
  const wanted = lower(userName);
  return Object.values(p.users).find((u) => lower(u.userName) === wanted);
}

export function findGroup(p: Principals, name: string): EmulatedGroup | undefined {
  return Object.values(p.groups).find((g) => g.displayName === name);
}

export function findServicePrincipal(
  p: Principals,
  applicationId: string,
): EmulatedServicePrincipal | undefined {
  const wanted = lower(applicationId);
  return Object.values(p.servicePrincipals).find((s) => lower(s.applicationId) === wanted);
}

/** Resolves a member given by user name, application id or group name (spec groups). */
function findMember(p: Principals, name: string): string | undefined {
  return (findUser(p, name) ?? findServicePrincipal(p, name) ?? findGroup(p, name))?.id;
}

function addMember(group: EmulatedGroup, id: string): void {
  if (!group.members.includes(id)) group.members.push(id);
}

export function emptyPrincipals(): Principals {
  return { users: {}, groups: {}, servicePrincipals: {} };
}

/** Checks the principals of a workspace spec (before anything starts); returns an error or undefined. */
export function principalSpecError(spec: WorkspaceSpec, caller: string): string | undefined {
  const where = `workspace '${spec.name}'`;
  const users = spec.users ?? [];
  if (!Array.isArray(users) || !users.every((u) => typeof u === 'string' && u !== ''))
    return `${where}: users must be an array of user names`;
  const sps = spec.servicePrincipals ?? [];
  if (
    !Array.isArray(sps) ||
    !sps.every((s) => isObject(s) && typeof s.applicationId === 'string' && s.applicationId)
  )
    return `${where}: servicePrincipals must be an array of {applicationId, displayName?}`;
  const groups = spec.groups ?? {};
  if (!isObject(groups)) return `${where}: groups must map group names to member lists`;
  const known = new Set([
    lower(caller),
    ...users.map(lower),
    ...sps.map((s) => lower(s.applicationId)),
    ...Object.keys(groups).map(lower),
    ADMINS,
    USERS,
  ]);
  for (const [name, members] of Object.entries(groups)) {
    if (!Array.isArray(members) || !members.every((m) => typeof m === 'string'))
      return `${where}: the members of group '${name}' must be an array of names`;
    const unknown = members.find((m) => !known.has(lower(m)));
    if (unknown)
      return `${where}: group '${name}' lists '${unknown}', which is not a user, service principal or group of the workspace`;
  }
  return undefined;
}

/**
 * Makes sure the caller, `admins`, `users` and the spec's principals exist (a fresh state, or one
 * loaded from a file written before principals existed or with another spec). Never removes any.
 */
export function seedPrincipals(state: WorkspaceState, caller: string, spec?: WorkspaceSpec): void {
  state.principals ??= emptyPrincipals();
  const p = state.principals;
  const newId = () => String(state.nextId++);
  const user = (userName: string): EmulatedUser => {
    let u = findUser(p, userName);
    if (!u) {
      u = { id: newId(), userName, displayName: userName.split('@')[0], active: true };
      p.users[u.id] = u;
    }
    return u;
  };
  const group = (name: string): EmulatedGroup => {
    let g = findGroup(p, name);
    if (!g) {
      g = { id: newId(), displayName: name, members: [] };
      p.groups[g.id] = g;
    }
    return g;
  };
  const me = user(caller);
  const admins = group(ADMINS);
  const all = group(USERS);
  addMember(admins, me.id);
  for (const name of spec?.users ?? []) user(name);
  for (const s of spec?.servicePrincipals ?? []) {
    if (findServicePrincipal(p, s.applicationId)) continue;
    const id = newId();
    p.servicePrincipals[id] = {
      id,
      applicationId: s.applicationId,
      displayName: s.displayName ?? s.applicationId,
      active: true,
    };
  }
  for (const u of Object.values(p.users)) addMember(all, u.id);
  for (const s of Object.values(p.servicePrincipals)) addMember(all, s.id);
  const groups = Object.entries(spec?.groups ?? {});
  for (const [name] of groups) group(name);
  for (const [name, members] of groups) {
    const g = group(name);
    for (const m of members) {
      const id = findMember(p, m);
      if (id && id !== g.id) addMember(g, id);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Views

function groupsOf(p: Principals, id: string): JsonObject[] {
  return Object.values(p.groups)
    .filter((g) => g.members.includes(id))
    .map((g) => ({ display: g.displayName, type: 'direct', value: g.id, $ref: `Groups/${g.id}` }));
}

function userView(p: Principals, u: EmulatedUser): JsonObject {
  return {
    schemas: [SCHEMA.user],
    id: u.id,
    userName: u.userName,
    displayName: u.displayName,
    active: u.active,
    emails: [{ value: u.userName, type: 'work', primary: true }],
    groups: groupsOf(p, u.id),
  };
}

function servicePrincipalView(p: Principals, s: EmulatedServicePrincipal): JsonObject {
  return {
    schemas: [SCHEMA.servicePrincipal],
    id: s.id,
    applicationId: s.applicationId,
    displayName: s.displayName,
    active: s.active,
    groups: groupsOf(p, s.id),
  };
}

function memberRef(p: Principals, id: string): JsonObject | undefined {
  const u = p.users[id];
  if (u) return { display: u.displayName, value: id, $ref: `Users/${id}` };
  const s = p.servicePrincipals[id];
  if (s) return { display: s.displayName, value: id, $ref: `ServicePrincipals/${id}` };
  const g = p.groups[id];
  if (g) return { display: g.displayName, value: id, $ref: `Groups/${id}` };
  return undefined;
}

function groupView(p: Principals, g: EmulatedGroup): JsonObject {
  return {
    schemas: [SCHEMA.group],
    id: g.id,
    displayName: g.displayName,
    members: g.members.map((m) => memberRef(p, m)).filter((m) => m !== undefined),
    groups: groupsOf(p, g.id),
    meta: { resourceType: 'Group' },
  };
}

// ---------------------------------------------------------------------------------------------
// Handlers

function views(ctx: ApiContext, kind: Kind): JsonObject[] {
  const p = ctx.state.principals;
  const byId = (a: { id: string }, b: { id: string }) => Number(a.id) - Number(b.id);
  if (kind === 'Users')
    return Object.values(p.users)
      .sort(byId)
      .map((u) => userView(p, u));
  if (kind === 'Groups')
    return Object.values(p.groups)
      .sort(byId)
      .map((g) => groupView(p, g));
  return Object.values(p.servicePrincipals)
    .sort(byId)
    .map((s) => servicePrincipalView(p, s));
}

const SINGULAR: Record<Kind, string> = {
  Users: 'User',
  Groups: 'Group',
  ServicePrincipals: 'Service principal',
};

function list(kind: Kind) {
  return (req: ApiRequest, ctx: ApiContext): unknown => listResponse(req, views(ctx, kind));
}

function getOne(kind: Kind) {
  return (req: ApiRequest, ctx: ApiContext): unknown => {
    const id = decodeURIComponent(req.path.slice(`${BASE}/${kind}/`.length));
    const found = views(ctx, kind).find((v) => v.id === id);
    if (!found) throw new ScimError(404, `${SINGULAR[kind]} ${id} not found.`);
    return found;
  };
}

function requiredString(body: JsonObject, field: string): string {
  const v = body[field];
  if (typeof v !== 'string' || v.trim() === '')
    throw new ScimError(400, `Request is missing required field: ${field}`, 'invalidValue');
  return v;
}

/** The ids of a SCIM `groups` / `members` array of `{value}`; each must exist. */
function idsFrom(body: JsonObject, field: string, exists: (id: string) => boolean): string[] {
  const v = body[field];
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((e) => isObject(e) && typeof e.value === 'string'))
    throw new ScimError(400, `${field} must be an array of {"value": id}`, 'invalidValue');
  const ids = v.map((e) => String((e as JsonObject).value));
  const bad = ids.find((id) => !exists(id));
  if (bad) throw new ScimError(404, `${field === 'groups' ? 'Group' : 'Member'} ${bad} not found.`);
  return ids;
}

function joinGroups(ctx: ApiContext, id: string, groupIds: string[]): void {
  const p = ctx.state.principals;
  const all = findGroup(p, USERS);
  if (all) addMember(all, id);
  for (const g of groupIds) addMember(p.groups[g], id);
}

function createUser(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const p = ctx.state.principals;
  const userName = requiredString(body, 'userName');
  if (findUser(p, userName))
    throw new ScimError(409, `User with username ${userName} already exists.`, 'uniqueness');
  const groupIds = idsFrom(body, 'groups', (id) => p.groups[id] !== undefined);
  const user: EmulatedUser = {
    id: String(ctx.nextId()),
    userName,
    displayName: typeof body.displayName === 'string' ? body.displayName : userName.split('@')[0],
    active: body.active !== false,
  };
  p.users[user.id] = user;
  joinGroups(ctx, user.id, groupIds);
  return new StatusResponse(201, userView(p, user));
}

function createServicePrincipal(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const p = ctx.state.principals;
  const given = body.applicationId;
  if (given !== undefined && (typeof given !== 'string' || given === ''))
    throw new ScimError(400, 'applicationId must be a non-empty string', 'invalidValue');
  // On Azure the application id is the Entra app's; without one the workspace mints a UUID.
  const applicationId = typeof given === 'string' ? given : randomUUID();
  if (findServicePrincipal(p, applicationId))
    throw new ScimError(
      409,
      `Service principal with application id ${applicationId} already exists.`,
      'uniqueness',
    );
  const groupIds = idsFrom(body, 'groups', (id) => p.groups[id] !== undefined);
  const sp: EmulatedServicePrincipal = {
    id: String(ctx.nextId()),
    applicationId,
    displayName: typeof body.displayName === 'string' && body.displayName ? body.displayName : applicationId,
    active: body.active !== false,
  };
  p.servicePrincipals[sp.id] = sp;
  joinGroups(ctx, sp.id, groupIds);
  return new StatusResponse(201, servicePrincipalView(p, sp));
}

function createGroup(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const p = ctx.state.principals;
  const name = requiredString(body, 'displayName');
  if (findGroup(p, name)) throw new ScimError(409, `Group with name ${name} already exists.`, 'uniqueness');
  const members = idsFrom(
    body,
    'members',
    (id) => p.users[id] !== undefined || p.servicePrincipals[id] !== undefined || p.groups[id] !== undefined,
  );
  const group: EmulatedGroup = {
    id: String(ctx.nextId()),
    displayName: name,
    members: [...new Set(members)],
  };
  p.groups[group.id] = group;
  return new StatusResponse(201, groupView(p, group));
}

/** The caller; the emulator's caller is always a workspace admin. */
function me(_req: ApiRequest, ctx: ApiContext): unknown {
  const p = ctx.state.principals;
  const user = findUser(p, ctx.user);
  if (user) return userView(p, user);
  const admins = findGroup(p, ADMINS);
  return {
    schemas: [SCHEMA.user],
    id: '1',
    userName: ctx.user,
    displayName: ctx.user.split('@')[0],
    active: true,
    emails: [{ value: ctx.user, type: 'work', primary: true }],
    groups: admins
      ? [{ display: ADMINS, type: 'direct', value: admins.id, $ref: `Groups/${admins.id}` }]
      : [],
  };
}

export function registerPrincipals(router: Router): void {
  router.add('GET', `${BASE}/Me`, me);
  for (const kind of ['Users', 'Groups', 'ServicePrincipals'] as const) {
    router.add('GET', `${BASE}/${kind}`, list(kind));
    router.addPrefix('GET', `${BASE}/${kind}/`, getOne(kind));
  }
  router.add('POST', `${BASE}/Users`, createUser);
  router.add('POST', `${BASE}/Groups`, createGroup);
  router.add('POST', `${BASE}/ServicePrincipals`, createServicePrincipal);
}
