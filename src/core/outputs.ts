/**
 * The outputs every platform publishes for a command (GitHub step outputs, Azure Pipelines output
 * variables): the JSON result plus the values later steps most often need.
 */
import type { CommandResult } from './deploy/types.js';

export function commandOutputs(result: CommandResult): Record<string, string> {
  const outputs: Record<string, string> = { result: JSON.stringify(result) };
  if (result.command === 'deploy' || result.command === 'plan') {
    const jobIds: Record<string, Record<string, number>> = {};
    const clusterIds: Record<string, Record<string, string>> = {};
    for (const [region, r] of Object.entries(result.regions)) {
      if (r.jobIds) jobIds[region] = r.jobIds;
      if (r.clusterIds) clusterIds[region] = r.clusterIds;
    }
    outputs['job-ids'] = JSON.stringify(jobIds);
    outputs['cluster-ids'] = JSON.stringify(clusterIds);
  }
  if (result.command !== 'drift') outputs['active-region'] = result.activeRegion ?? '';
  if (result.command === 'drift') outputs.drift = String(result.drift === true);
  return outputs;
}
