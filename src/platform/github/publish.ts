/**
 * A command's outcome as a GitHub Actions step shows it: annotations, step outputs, the log (the
 * result grouped by region), the job summary, the failure annotation and the exit code.
 */
import * as core from '@actions/core';
import type { CommandOutcome } from '../../core/commands/types.js';
import { writeResultLog } from '../../core/region-log.js';
import type { Reporter } from '../../core/reporter.js';

/** Everything but the end of the step (finishStep, failStep): more may follow, e.g. the plan comment. */
export async function publishOutcome(reporter: Reporter, outcome: CommandOutcome): Promise<void> {
  for (const d of outcome.diagnostics) reporter.annotate(d);
  for (const [name, value] of Object.entries(outcome.outputs)) reporter.setOutput(name, value);
  for (const line of outcome.log) reporter.logger[line.level](line.message);
  await writeResultLog(reporter, outcome.resultLog);
  if (outcome.summary) await reporter.summary(outcome.summary);
}

/** Ends a step that ran its command: the exit code, and on failure an error annotation saying why. */
export function finishStep(reporter: Reporter, outcome: CommandOutcome): void {
  process.exitCode = outcome.exitCode;
  if (outcome.exitCode !== 0 && outcome.failure) reporter.logger.error(outcome.failure);
}

/** Ends a step that stopped on an error (failureOutcome): published, then failed (exit 1). */
export async function failStep(reporter: Reporter, outcome: CommandOutcome): Promise<void> {
  await publishOutcome(reporter, outcome);
  core.setFailed(reporter.redact(outcome.failure ?? `databricks-dr ${outcome.command} failed`));
}
