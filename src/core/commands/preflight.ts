/** preflight: every region's readiness, each failed check with what to fix; writes nothing. */

import { exitCodeOf } from '../plan/render.js';
import type { CommandResult } from '../plan/types.js';
import { runPreflight } from '../preflight/command.js';
import { renderChecksMarkdown, renderChecksText } from '../preflight/index.js';
import type { DeployOptions } from '../session/prepare.js';
import { regionsOutcome } from './results.js';
import type { CommandOutcome } from './types.js';

export type PreflightCommandOptions = DeployOptions;

export async function preflightCommand(
  options: PreflightCommandOptions,
): Promise<CommandOutcome<CommandResult>> {
  const result = await runPreflight(options);
  return regionsOutcome(result, {
    summary: renderChecksMarkdown(result.regions),
    text: renderChecksText(result.regions),
    exitCode: exitCodeOf(result),
  });
}
