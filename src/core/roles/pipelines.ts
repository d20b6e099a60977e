/**
 * Pipelines in a role change. Passive: not continuous (the value as written stays in the state
 * file) and no update running — a running one is stopped. Active: `continuous` as written
 * restored, and with --start-pipelines a continuous pipeline that is idle gets an update. Only the
 * pipelines the state file records and this config owns (its tag, or its `adopt:` list) are touched.
 */

import { settingsOf } from '../assets/pipelines/settings.js';
import {
  type DatabricksClient,
  isNotFound,
  isPipelineActive,
  type PipelineDetails,
} from '../client/index.js';
import type { DrConfig, Role } from '../config/types.js';
import { adoptedBy, ownedBy } from '../ownership.js';
import { type PlannedChange, planned } from '../plan/apply.js';
import type { RegionState } from '../state/state.js';

export interface PipelineRoleChange {
  client: DatabricksClient;
  config: DrConfig;
  state: RegionState;
  role: Role;
  /** failover --start-pipelines: start the continuous pipelines of the new active region. */
  startPipelines?: boolean;
}

async function tryGet(client: DatabricksClient, id: string): Promise<PipelineDetails | undefined> {
  try {
    return await client.pipelines.get(id);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** The changes that give the region's pipelines the role's form (empty when they have it). */
export async function pipelineRoleChanges(change: PipelineRoleChange): Promise<PlannedChange[]> {
  const { client, config, state, role } = change;
  const out: PlannedChange[] = [];
  for (const [name, entry] of Object.entries(state.pipelines ?? {})) {
    const p = await tryGet(client, entry.pipeline_id);
    // Tagged for this config, or adopted by name and id (import) and not yet tagged by a deploy.
    const adopted = adoptedBy(config, state.region, 'pipelines', p?.spec?.name, p?.pipeline_id ?? '');
    if (!p || !(ownedBy(p.spec?.tags, config.name) || adopted)) continue;
    const id = p.pipeline_id;
    const settings = settingsOf(p.spec);
    const continuous = role === 'active' ? entry.continuous : false;
    if ((settings.continuous === true) !== continuous)
      out.push(
        planned(
          'pipeline',
          name,
          role === 'active' ? 'activate' : 'passivate',
          () => client.pipelines.edit(id, { ...settings, continuous }),
          { fields: ['continuous'], id },
        ),
      );
    const running = isPipelineActive(p);
    if (role === 'passive' && running)
      out.push(planned('pipeline', name, 'stop', () => client.pipelines.stop(id), { id }));
    if (role === 'active' && change.startPipelines && continuous && !running)
      out.push(
        planned(
          'pipeline',
          name,
          'start',
          async () => {
            await client.pipelines.startUpdate(id);
          },
          { id },
        ),
      );
  }
  return out;
}
