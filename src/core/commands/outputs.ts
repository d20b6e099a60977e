/**
 * The outputs every platform publishes for a command (GitHub step outputs, Azure Pipelines output
 * variables): the JSON result plus the values later steps most often need.
 */

import { ConfigurationError, type Diagnostic, UsageError, ValidationError } from '../errors.js';
import type { CommandResult } from '../plan/types.js';

export function commandOutputs(result: CommandResult): Record<string, string> {
  const outputs: Record<string, string> = { result: JSON.stringify(result) };
  if (result.command === 'deploy' || result.command === 'plan') {
    const jobIds: Record<string, Record<string, number>> = {};
    const clusterIds: Record<string, Record<string, string>> = {};
    const pipelineIds: Record<string, Record<string, string>> = {};
    for (const [region, r] of Object.entries(result.regions)) {
      if (r.jobIds) jobIds[region] = r.jobIds;
      if (r.clusterIds) clusterIds[region] = r.clusterIds;
      if (r.pipelineIds) pipelineIds[region] = r.pipelineIds;
    }
    outputs['job-ids'] = JSON.stringify(jobIds);
    outputs['cluster-ids'] = JSON.stringify(clusterIds);
    outputs['pipeline-ids'] = JSON.stringify(pipelineIds);
  }
  if (result.command !== 'drift') outputs['active-region'] = result.activeRegion ?? '';
  if (result.command === 'drift') outputs.drift = String(result.drift === true);
  return outputs;
}

/** What a command that stopped before it had a result reports instead (DESIGN.md "--json"). */
export interface FailureResult {
  command: string;
  dry_run?: true;
  regions: Record<string, never>;
  error: {
    kind: 'usage' | 'validation' | 'configuration' | 'unexpected';
    message: string;
    diagnostics?: Diagnostic[];
  };
}

/** The result of a command that threw `err`: the CLI prints it with --json, actions set it as `result`. */
export function failureResult(command: string, err: unknown, dryRun: boolean): FailureResult {
  const base = { command, ...(dryRun ? { dry_run: true as const } : {}), regions: {} };
  if (err instanceof ValidationError) {
    const n = err.diagnostics.filter((d) => d.severity === 'error').length;
    const message = `validation failed: ${n} error${n === 1 ? '' : 's'}; nothing was written`;
    return { ...base, error: { kind: 'validation', message, diagnostics: err.diagnostics } };
  }
  const message = err instanceof Error ? err.message : String(err);
  const kind =
    err instanceof UsageError ? 'usage' : err instanceof ConfigurationError ? 'configuration' : 'unexpected';
  return { ...base, error: { kind, message } };
}
