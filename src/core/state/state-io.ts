/**
 * Reading and writing the state file in a workspace (one FILE, rewritten whole). Writes are
 * compare-and-set: the file is read again just before it is written, and the write stops when the
 * role or epoch found is not the one this run read at its start (another command changed it).
 */
import type { DatabricksClient } from '../client/index.js';
import { isNotFound } from '../client/index.js';
import type { Role } from '../config/types.js';
import {
  newRegionState,
  parseRegionState,
  type RegionState,
  serializeRegionState,
  stateFilePath,
} from './state.js';

/** The role and epoch a state file held when this run read it (undefined: there was no file). */
export interface StoredRole {
  role: Role;
  epoch: number;
}

export interface LoadedState {
  state: RegionState;
  /** False when the workspace has no state file yet (a first deploy), or it could not be read. */
  exists: boolean;
  /** What the file held when read, or last written by this run: the compare of compare-and-set. */
  stored?: StoredRole;
  /** Set when a state file is present but unreadable (not JSON, no role/epoch, a newer version). */
  unreadable?: string;
}

/** Bounds for reading a state file: a region that does not answer in time counts as unreachable. */
export interface ProbeOptions {
  timeoutMs?: number;
  deadlineMs?: number;
}

/** The state file's text, or undefined when there is none. */
async function exportState(
  client: DatabricksClient,
  path: string,
  probe: ProbeOptions,
): Promise<string | undefined> {
  try {
    const res = await client.workspace.export(path, 'AUTO', probe);
    return Buffer.from(res.content ?? '', 'base64').toString('utf8');
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/**
 * Reads a region's state. A missing file gives a fresh state (`exists: false`); an unreadable one
 * gives a fresh state too, with `unreadable` saying why: the region answered, but its role is
 * not known from the file (roles/index.ts decides what that means).
 */
export async function readRegionState(
  client: DatabricksClient,
  configName: string,
  region: string,
  initialRole: RegionState['role'],
  probe: ProbeOptions = {},
): Promise<LoadedState> {
  const path = stateFilePath(configName);
  const text = await exportState(client, path, probe);
  if (text === undefined) return { state: newRegionState(configName, region, initialRole), exists: false };
  try {
    const state = parseRegionState(text, `region ${region}: ${path}`);
    return { state, exists: true, stored: { role: state.role, epoch: state.epoch } };
  } catch (err) {
    return {
      state: newRegionState(configName, region, initialRole),
      exists: false,
      unreadable: err instanceof Error ? err.message : String(err),
    };
  }
}

/** The state file changed under this run: another command wrote a role or epoch since it read it. */
export class StateChangedError extends Error {
  override name = 'StateChangedError';
}

function describeStored(stored: StoredRole | undefined): string {
  return stored ? `${stored.role} at epoch ${stored.epoch}` : 'no state file';
}

/**
 * Writes the state compare-and-set against `loaded.stored`: the file is read again first, and
 * the write stops with StateChangedError when its role or epoch is not what this run read, or
 * when the write would lower the epoch. On success `loaded` records what was written, so a later
 * write of the same run compares against it.
 */
export async function writeRegionState(
  client: DatabricksClient,
  state: RegionState,
  loaded: Pick<LoadedState, 'exists' | 'stored' | 'unreadable'>,
): Promise<void> {
  const path = stateFilePath(state.config);
  const text = await exportState(client, path, {});
  let found: StoredRole | undefined;
  if (text !== undefined) {
    try {
      const now = parseRegionState(text, path);
      found = { role: now.role, epoch: now.epoch };
    } catch (err) {
      if (!loaded.unreadable)
        throw new StateChangedError(
          `region ${state.region}: the state file became unreadable while this run worked (${err instanceof Error ? err.message : String(err)}); nothing was written to it`,
        );
    }
  }
  const expected = loaded.stored;
  const same =
    found === undefined
      ? expected === undefined
      : expected !== undefined && found.role === expected.role && found.epoch === expected.epoch;
  if (!same && !(text !== undefined && found === undefined && loaded.unreadable)) {
    throw new StateChangedError(
      `region ${state.region}: the role changed under this run (read ${describeStored(expected)}, ` +
        `now ${describeStored(found)}): another command wrote it; nothing was written. Run \`databricks-dr roles\` to see the roles, then run this command again`,
    );
  }
  if (found && state.epoch < found.epoch)
    throw new StateChangedError(
      `region ${state.region}: refusing to lower the epoch from ${found.epoch} to ${state.epoch}`,
    );
  if (text === undefined) await client.workspace.mkdirs(path.slice(0, path.lastIndexOf('/')));
  await client.workspace.importContent(path, serializeRegionState(state), {
    format: 'AUTO',
    overwrite: true,
  });
  loaded.exists = true;
  loaded.stored = { role: state.role, epoch: state.epoch };
  loaded.unreadable = undefined;
}
