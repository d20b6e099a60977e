/** drift: each region against git (in sync, differs, missing, unmanaged); writes nothing. */

import { type DriftOptions, renderDriftMarkdown, renderDriftText, runDrift } from '../drift/index.js';
import type { CommandResult } from '../plan/types.js';
import { regionsOutcome } from './results.js';
import { type CommandOutcome, EXIT } from './types.js';

export interface DriftCommandOptions extends DriftOptions {
  /** Exit 3 when any region differs from git. */
  failOnDrift?: boolean;
}

export async function driftCommand(options: DriftCommandOptions): Promise<CommandOutcome<CommandResult>> {
  const result = await runDrift(options);
  const failed = Object.values(result.regions).some((r) => r.status === 'failed');
  const exitCode = failed ? EXIT.failure : result.drift && options.failOnDrift ? EXIT.drift : EXIT.ok;
  return regionsOutcome(result, {
    summary: renderDriftMarkdown(result),
    text: renderDriftText(result),
    exitCode,
    ...(failed ? {} : { failure: 'drift found: the workspaces differ from git (see the job summary)' }),
  });
}
