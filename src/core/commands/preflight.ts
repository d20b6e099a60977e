/** preflight: every region's readiness, each failed check with what to fix; writes nothing. */
import type { DeployOptions } from '../deploy/engine.js';
import { exitCodeOf } from '../deploy/render.js';
import type { CommandResult } from '../deploy/types.js';
import { runPreflight } from '../preflight/command.js';
import { renderChecksMarkdown, renderChecksText } from '../preflight/index.js';
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
