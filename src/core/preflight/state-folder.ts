/**
 * Who can write the state folder `/Shared/.databricks-dr/<name>` (issue 14): anyone who can write
 * it can change a region's role or epoch, or take its lock. The preflight command reports every
 * principal besides the admins and the identities that deploy this config.
 */

import { describeError } from '../client/describe.js';
import { type DatabricksClient, isNotFound } from '../client/index.js';
import type { DrConfig } from '../config/types.js';
import { stateFolder } from '../state/lock.js';
import type { RegionState } from '../state/state.js';
import type { PreflightCheck } from './types.js';

const WRITE_LEVELS = new Set(['CAN_EDIT', 'CAN_MANAGE']);
const CHECK = 'state folder protected';

/** The principals that may write the folder besides the admins and `deployers`, with how. */
export function unexpectedWriters(
  acl: Awaited<ReturnType<DatabricksClient['workspace']['directoryPermissions']>>,
  deployers: readonly string[],
): string[] {
  const out: string[] = [];
  for (const entry of acl) {
    const writes = (entry.all_permissions ?? []).filter((p) => WRITE_LEVELS.has(p.permission_level));
    if (writes.length === 0 || entry.group_name === 'admins') continue;
    const who = entry.user_name
      ? `user:${entry.user_name}`
      : entry.service_principal_name
        ? `sp:${entry.service_principal_name}`
        : `group:${entry.group_name}`;
    if (deployers.includes(who)) continue;
    const how = writes
      .map(
        (p) =>
          `${p.permission_level}${p.inherited ? ` inherited from ${p.inherited_from_object?.join(', ') ?? 'a parent'}` : ''}`,
      )
      .join(', ');
    out.push(`${who} (${how})`);
  }
  return out;
}

export async function stateFolderCheck(
  client: DatabricksClient,
  config: DrConfig,
  state: RegionState | undefined,
): Promise<PreflightCheck> {
  const folder = stateFolder(config.name);
  let acl: Awaited<ReturnType<DatabricksClient['workspace']['directoryPermissions']>>;
  try {
    acl = await client.workspace.directoryPermissions(folder);
  } catch (err) {
    if (isNotFound(err) && !/FEATURE_DISABLED|disabled/i.test(describeError(err)))
      return {
        check: CHECK,
        status: 'ok',
        detail: `${folder} does not exist yet; the first deploy creates it`,
      };
    return {
      check: CHECK,
      status: 'warn',
      detail: `could not read the permissions of ${folder}: ${describeError(err)}`,
      fix: 'folder permissions need the Premium plan; without them every workspace user can write the state and lock files',
    };
  }
  const me = await client.me().catch(() => undefined);
  const deployers = [
    ...(state?.deployers ?? []),
    ...(me?.userName ? [`user:${me.userName}`] : []),
    ...(me?.applicationId ? [`sp:${me.applicationId}`] : []),
  ];
  const others = unexpectedWriters(acl, deployers);
  if (others.length === 0)
    return {
      check: CHECK,
      status: 'ok',
      detail: `${folder}: only the admins and the deploying identities can write`,
    };
  return {
    check: CHECK,
    status: 'warn',
    detail: `${folder} can be written by ${others.join('; ')}: they can change the roles and epochs and take the lock`,
    fix:
      'Databricks gives every user CAN_MANAGE on everything under /Shared, and a folder cannot take away what it inherits, ' +
      'so the tool cannot protect this folder by setting its permissions. Limit who is a user of this workspace, and watch ' +
      'the state files with `databricks-dr roles`',
  };
}
