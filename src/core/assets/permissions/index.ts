/**
 * Permissions on jobs and clusters (`permissions` in their files), applied in every region through
 * the Permissions API so that whoever runs the jobs today can run them after a failover. The list
 * is authoritative for the object's direct permissions, except that the deploying identity keeps
 * its own CAN_MANAGE / IS_OWNER (removing it would lock the tool out).
 */
import {
  type AccessControlEntry,
  type CurrentIdentity,
  type DatabricksClient,
  DatabricksError,
  isNotFound,
  type PermissionObject,
  type PrincipalKind,
} from '../../client/index.js';
import type { RegionContext } from '../../session/context.js';

export interface PermissionEntry {
  user_name?: string;
  group_name?: string;
  service_principal_name?: string;
  level: string;
}

export type { PermissionObject, PrincipalKind };

export type Principal = `user:${string}` | `group:${string}` | `sp:${string}`;

function principalOf(e: {
  user_name?: string;
  group_name?: string;
  service_principal_name?: string;
}): Principal | undefined {
  if (e.user_name) return `user:${e.user_name}`;
  if (e.group_name) return `group:${e.group_name}`;
  if (e.service_principal_name) return `sp:${e.service_principal_name}`;
  return undefined;
}

function entryOf(principal: Principal, level: string): Record<string, string> {
  const [kind, ...rest] = principal.split(':');
  const name = rest.join(':');
  const key = kind === 'user' ? 'user_name' : kind === 'group' ? 'group_name' : 'service_principal_name';
  return { [key]: name, permission_level: level };
}

/** The direct (not inherited) permissions, principal → level. */
export async function readDirectPermissions(
  client: DatabricksClient,
  type: PermissionObject,
  id: string | number,
): Promise<Map<Principal, string>> {
  const out = new Map<Principal, string>();
  for (const item of await client.permissions.get(type, id)) {
    const p = principalOf(item);
    const direct = (item.all_permissions ?? []).find((x) => !x.inherited);
    if (p && direct) out.set(p, direct.permission_level);
  }
  return out;
}

/**
 * The identities whose own management rights a deploy keeps: those recorded in the region's state
 * file as having deployed there. Known without a request, so a redeploy with nothing to change never
 * asks the workspace who it runs as.
 */
export function knownDeployers(ctx: RegionContext): Principal[] {
  return (ctx.state.deployers ?? []) as Principal[];
}

/**
 * The known deployers plus who this run is (SCIM `Me`, asked at most once per run), which is
 * recorded in the state file with the rest. Used only when a change depends on it.
 */
export async function currentDeployers(ctx: RegionContext): Promise<Principal[]> {
  let me: CurrentIdentity;
  try {
    me = await ctx.client.me();
  } catch (err) {
    if (isNotFound(err)) return knownDeployers(ctx);
    throw err;
  }
  const mine: Principal[] = [];
  if (me.userName) mine.push(`user:${me.userName}`);
  if (me.applicationId) mine.push(`sp:${me.applicationId}`);
  const all = [...new Set([...knownDeployers(ctx), ...mine])].sort() as Principal[];
  if (!ctx.dryRun) ctx.state.deployers = all;
  return all;
}

const KEEP_LEVELS = new Set(['CAN_MANAGE', 'IS_OWNER']);

/**
 * What the object's direct permissions should be: the file's list plus the deployer's own
 * management level where it has one. Returns undefined when they already are.
 */
export function permissionsToWrite(
  desired: readonly PermissionEntry[],
  current: ReadonlyMap<Principal, string>,
  me: readonly Principal[],
): Array<Record<string, string>> | undefined {
  const target = new Map<Principal, string>();
  for (const e of desired) {
    const p = principalOf(e);
    if (p) target.set(p, e.level);
  }
  for (const p of me) {
    const level = current.get(p);
    if (level && KEEP_LEVELS.has(level) && !target.has(p)) target.set(p, level);
  }
  // A job has exactly one owner, and a PUT without one is refused: unless the file names the
  // owner, whoever owns the job now stays its owner.
  if (![...target.values()].includes('IS_OWNER')) {
    const owner = [...current].find(([, l]) => l === 'IS_OWNER');
    if (owner) target.set(owner[0], 'IS_OWNER');
  }
  const same = target.size === current.size && [...target].every(([p, l]) => current.get(p) === l);
  return same ? undefined : [...target].map(([p, l]) => entryOf(p, l));
}

export async function writePermissions(
  client: DatabricksClient,
  type: PermissionObject,
  id: string | number,
  acl: AccessControlEntry[],
): Promise<void> {
  await client.permissions.set(type, id, acl);
}

/** The principals a permission list names, for preflight. */
export function principalsOf(
  entries: readonly PermissionEntry[],
): Array<{ kind: PrincipalKind; name: string }> {
  const out: Array<{ kind: PrincipalKind; name: string }> = [];
  for (const e of entries) {
    if (e.user_name) out.push({ kind: 'user', name: e.user_name });
    else if (e.group_name) out.push({ kind: 'group', name: e.group_name });
    else if (e.service_principal_name)
      out.push({ kind: 'service principal', name: e.service_principal_name });
  }
  return out;
}

/** Permissions exist only on the Premium tier; elsewhere the API answers FEATURE_DISABLED. */
function isPermissionsUnavailable(err: unknown): boolean {
  return err instanceof DatabricksError && err.errorCode === 'FEATURE_DISABLED';
}

/**
 * The access control list to PUT on an object so its direct permissions match `desired`, or
 * undefined when they already do (or the workspace's tier has no permissions: noted once).
 */
export async function aclToWrite(
  ctx: RegionContext,
  type: PermissionObject,
  id: string | number,
  desired: readonly PermissionEntry[] | undefined,
): Promise<Array<Record<string, string>> | undefined> {
  if (!desired || ctx.permissionsUnavailable) return undefined;
  try {
    const current = await readDirectPermissions(ctx.client, type, id);
    // Who this run is matters only when the known deployers leave something to write.
    const acl = permissionsToWrite(desired, current, knownDeployers(ctx));
    return acl && permissionsToWrite(desired, current, await currentDeployers(ctx));
  } catch (err) {
    if (!isPermissionsUnavailable(err)) throw err;
    ctx.permissionsUnavailable = true;
    ctx.result.warnings.push(
      `region ${ctx.region.name} has no job and cluster permissions (Standard tier): the files' permissions are not applied there`,
    );
    return undefined;
  }
}
