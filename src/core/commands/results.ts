/** What the commands that work region by region (plan, deploy, failover, drift, preflight) share. */
import { dryRunNote, resultLogGroups } from '../plan/render.js';
import type { CommandResult } from '../plan/types.js';
import { textRegionGroups } from '../region-log.js';
import { commandOutputs } from './outputs.js';
import { type CommandOutcome, outcome } from './types.js';

/** The regions that did not succeed, each with its first error: the one line a failed run shows. */
export function failureLine(result: CommandResult): string {
  const failed = Object.entries(result.regions)
    .filter(([, r]) => r.status !== 'ok' && r.status !== 'skipped')
    .map(([name, r]) => `${name} ${r.status}${r.errors[0] ? `: ${r.errors[0]}` : ''}`);
  return `databricks-dr ${result.command} failed in ${failed.join('; ')}`;
}

export interface RegionsOutcomeParts {
  summary: string;
  text: string;
  exitCode: number;
  /** Why it failed, when not the failed regions (failureLine). */
  failure?: string;
  /**
   * Log the result change by change, one group per region (plan, deploy, failover); otherwise the
   * groups are `text` split by region (drift, preflight).
   */
  logChanges?: boolean;
}

/** The outcome of a command whose result is a CommandResult: outputs from the result, then `parts`. */
export function regionsOutcome<R extends CommandResult>(
  result: R,
  parts: RegionsOutcomeParts,
): CommandOutcome<R> {
  const note = parts.logChanges ? dryRunNote(result) : undefined;
  return outcome(result.command, result, {
    outputs: commandOutputs(result),
    summary: parts.summary,
    text: parts.text,
    exitCode: parts.exitCode,
    resultLog: parts.logChanges
      ? [...(note ? [note] : []), ...resultLogGroups(result)]
      : textRegionGroups(parts.text, Object.keys(result.regions)),
    ...(parts.exitCode !== 0 ? { failure: parts.failure ?? failureLine(result) } : {}),
  });
}
