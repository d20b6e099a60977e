import type { CommandOutcome } from '../core/commands/types.js';
import type { Reporter } from '../core/reporter.js';
import { type CommandContext, printResult } from './command.js';

/**
 * A command's outcome where the CLI runs: diagnostics and log lines on stderr (Azure DevOps
 * logissue commands under TF_BUILD), outputs as Azure Pipelines output variables and the summary
 * uploaded under TF_BUILD (a terminal has neither), then the result on stdout. Returns the exit code.
 */
export async function publishOutcome(
  ctx: CommandContext,
  reporter: Reporter,
  outcome: CommandOutcome,
): Promise<number> {
  for (const d of outcome.diagnostics) reporter.annotate(d);
  for (const [name, value] of Object.entries(outcome.outputs)) reporter.setOutput(name, value);
  if (outcome.summary) await reporter.summary(outcome.summary);
  for (const line of outcome.log) reporter.logger[line.level](line.message);
  printResult(ctx, outcome.result, outcome.text);
  return outcome.exitCode;
}
