import type { CommandOutcome } from '../core/commands/types.js';
import { writeResultLog } from '../core/region-log.js';
import type { Reporter } from '../core/reporter.js';
import { underCi } from '../platform/neutralise.js';
import { type CommandContext, printResult } from './command.js';

/**
 * A command's outcome where the CLI runs: diagnostics and log lines on stderr (Azure DevOps
 * logissue commands under TF_BUILD), outputs as Azure Pipelines output variables and the summary
 * uploaded under TF_BUILD (a terminal has neither), then the result on stdout. In a CI log (Azure
 * Pipelines, GitHub Actions) without --json, the result is written as one collapsible group per
 * region, headed by its short result, instead of the plain text. Returns the exit code.
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
  const grouped = !ctx.json && underCi(ctx.io.env) && outcome.resultLog.length > 0;
  if (grouped) await writeResultLog(reporter, outcome.resultLog);
  printResult(ctx, outcome.result, grouped ? '' : outcome.text);
  return outcome.exitCode;
}
