/** failover (and failover --drill): make a region active, or rehearse that and give the roles back. */

import {
  type DrillOptions,
  type DrillReport,
  drillExitCode,
  renderDrill,
  renderDrillMarkdown,
  runDrill,
} from '../failover/drill.js';
import { failoverExitCode, runFailover } from '../failover/index.js';
import { renderMarkdown, renderText } from '../plan/render.js';
import type { CommandResult } from '../plan/types.js';
import { regionsOutcome } from './results.js';
import type { CommandOutcome } from './types.js';

export interface FailoverCommandOptions extends DrillOptions {
  /** Rehearse: promote `to`, run the config's drill job there, then restore the previous roles. */
  drill?: boolean;
  /** The summary's heading (an action names itself); default `databricks-dr failover`. */
  title?: string;
}

export type FailoverOutcome = CommandOutcome<CommandResult | (CommandResult & { drillReport: DrillReport })>;

export async function failoverCommand(options: FailoverCommandOptions): Promise<FailoverOutcome> {
  const { to } = options;
  if (options.drill) {
    const drilled = await runDrill(options);
    return regionsOutcome(drilled, {
      summary: renderDrillMarkdown(drilled.drillReport),
      text: renderDrill(drilled.drillReport),
      exitCode: drillExitCode(drilled),
      failure: `drill of ${to} failed: see the job summary`,
    });
  }
  const result = await runFailover(options);
  const accepted = result.timeToActiveMs;
  const summary = renderMarkdown(result, options.title);
  return regionsOutcome(result, {
    summary:
      accepted === undefined
        ? summary
        : `${summary}\n${to} accepted runs **${(accepted / 1000).toFixed(1)} s** after the failover started.\n`,
    text: `${renderText(result)}${accepted === undefined ? '' : `${to} accepted runs ${accepted} ms after the start\n`}`,
    exitCode: failoverExitCode(result, to),
    logChanges: true,
  });
}
