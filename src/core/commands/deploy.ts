/** plan and deploy: what would change (plan) or what changed (deploy), region by region. */

import { runDeploy } from '../engine/run.js';
import { exitCodeOf, renderMarkdown, renderText } from '../plan/render.js';
import type { CommandResult } from '../plan/types.js';
import type { DeployOptions } from '../session/prepare.js';
import { regionsOutcome } from './results.js';
import type { CommandOutcome } from './types.js';

export interface DeployCommandOptions extends DeployOptions {
  /** The summary's heading (an action names itself); default `databricks-dr <command>`. */
  title?: string;
}

export async function deployCommand(options: DeployCommandOptions): Promise<CommandOutcome<CommandResult>> {
  const result = await runDeploy(options);
  // plan is 0 even with changes; a failed region is 1.
  return regionsOutcome(result, {
    summary: renderMarkdown(result, options.title),
    text: renderText(result),
    exitCode: exitCodeOf(result),
    logChanges: true,
  });
}
