import type { CommandResult } from '../core/deploy/types.js';
import { commandOutputs } from '../core/outputs.js';
import type { Reporter } from '../core/reporter.js';

/**
 * Outputs and a summary for the CLI's surroundings: Azure Pipelines output variables and an
 * uploaded summary under TF_BUILD; nothing extra in a terminal (the result is printed instead).
 */
export async function publishResult(
  reporter: Reporter,
  result: CommandResult,
  markdown: string,
): Promise<void> {
  for (const [name, value] of Object.entries(commandOutputs(result))) reporter.setOutput(name, value);
  await reporter.summary(markdown);
}
