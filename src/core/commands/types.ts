/**
 * What every command gives back, for any platform to publish: the CLI prints `text` (or `result`
 * with --json) and hands the rest to the terminal or Azure DevOps reporter; an action sets
 * `outputs`, writes `summary` and logs `groups`. The mapping from an engine result to exit code,
 * outputs, summary and failure message is made here once (src/core/commands/<name>.ts), never by
 * a platform.
 */
import type { Diagnostic } from '../errors.js';
import type { LogGroup, LogLine } from '../reporter.js';

/** Exit codes (DESIGN.md "Commands"). */
export const EXIT = { ok: 0, failure: 1, usage: 2, drift: 3 } as const;

export interface CommandOutcome<R extends object = object> {
  /** The command as the user named it (plan, deploy, failover, …). */
  command: string;
  /** The result: printed with --json, and the `result` output. */
  result: R;
  /** Step outputs (GitHub) and output variables (Azure Pipelines), by name; `result` among them. */
  outputs: Record<string, string>;
  /** Markdown for the job summary (GitHub) or the uploaded summary (Azure DevOps); '' for none. */
  summary: string;
  /** The result as a terminal shows it on stdout (without --json); '' for nothing. */
  text: string;
  /** EXIT: 0 ok, 1 failure, 2 usage error, 3 drift found (--fail-on-drift). */
  exitCode: number;
  /** Problems pinned to a file and line: annotations, logissue commands, stderr lines. */
  diagnostics: Diagnostic[];
  /**
   * Log lines every platform writes (the CLI to stderr, an action to the step log), after the
   * command ran and before the summary: the place for a short per-region account of what happened.
   */
  log: LogLine[];
  /**
   * The result as the step log shows it (plain lines and one group per region), for a platform
   * where the log is the only place a reader sees the result (an action); a terminal prints `text`
   * instead.
   */
  resultLog: Array<string | LogGroup>;
  /** Why the command failed, in one line (a GitHub error annotation); only when exitCode is not 0. */
  failure?: string;
}

/** An outcome with every optional part empty: commands fill in what they have. */
export function outcome<R extends object>(
  command: string,
  result: R,
  parts: Partial<Omit<CommandOutcome<R>, 'command' | 'result'>> = {},
): CommandOutcome<R> {
  return {
    command,
    result,
    outputs: {},
    summary: '',
    text: '',
    exitCode: 0,
    diagnostics: [],
    log: [],
    resultLog: [],
    ...parts,
  };
}
