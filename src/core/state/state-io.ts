/** Reading and writing the state file in a workspace (one FILE, rewritten whole). */
import type { DatabricksClient } from '../client/index.js';
import { isNotFound } from '../client/index.js';
import {
  newRegionState,
  parseRegionState,
  type RegionState,
  serializeRegionState,
  stateFilePath,
} from './state.js';

export interface LoadedState {
  state: RegionState;
  /** False when the workspace has no state file yet (a first deploy). */
  exists: boolean;
}

/** Bounds for reading a state file: a region that does not answer in time counts as unreachable. */
export interface ProbeOptions {
  timeoutMs?: number;
  deadlineMs?: number;
}

export async function readRegionState(
  client: DatabricksClient,
  configName: string,
  region: string,
  initialRole: RegionState['role'],
  probe: ProbeOptions = {},
): Promise<LoadedState> {
  const path = stateFilePath(configName);
  try {
    const res = await client.http.get<{ content?: string }>(
      '/api/2.0/workspace/export',
      { path, format: 'AUTO' },
      probe,
    );
    const content = Buffer.from(res.content ?? '', 'base64');
    return { state: parseRegionState(content.toString('utf8'), `region ${region}: ${path}`), exists: true };
  } catch (err) {
    if (isNotFound(err)) return { state: newRegionState(configName, region, initialRole), exists: false };
    throw err;
  }
}

export async function writeRegionState(
  client: DatabricksClient,
  state: RegionState,
  exists: boolean,
): Promise<void> {
  const path = stateFilePath(state.config);
  if (!exists) await client.workspace.mkdirs(path.slice(0, path.lastIndexOf('/')));
  await client.workspace.importContent(path, serializeRegionState(state), {
    format: 'AUTO',
    overwrite: true,
  });
}
