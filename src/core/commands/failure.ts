/**
 * The outcome of a command that stopped with an error before it had a result: the same result
 * for --json and the `result` output (DESIGN.md "--json"), and for a validation error the
 * diagnostics and a summary saying nothing was written.
 */
import { formatDiagnostic, ValidationError } from '../errors.js';
import { type FailureResult, failureResult } from './outputs.js';
import { type CommandOutcome, EXIT, outcome } from './types.js';

export function failureOutcome(
  command: string,
  err: unknown,
  options: { dryRun: boolean },
): CommandOutcome<FailureResult> {
  const result = failureResult(command, err, options.dryRun);
  const { kind, message } = result.error;
  const validation = err instanceof ValidationError ? err : undefined;
  return outcome(command, result, {
    outputs: { result: JSON.stringify(result) },
    // Diagnostics the engine reported went out already.
    diagnostics: validation && !validation.reported ? validation.diagnostics : [],
    summary: validation
      ? [
          '## databricks-dr: validation failed, nothing was written',
          '',
          '```',
          ...validation.diagnostics.map(formatDiagnostic),
          '```',
          '',
        ].join('\n')
      : '',
    exitCode: kind === 'usage' ? EXIT.usage : EXIT.failure,
    failure:
      kind === 'unexpected'
        ? `unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`
        : message,
  });
}
