/**
 * The reporter for the CLI's surroundings: Azure DevOps logging commands under Azure Pipelines
 * (TF_BUILD), plain stderr elsewhere (with `::group::` blocks under GitHub Actions). With --json, stdout carries only the result, so Azure DevOps
 * commands move to stderr then. Every reporter masks into and redacts with the process's one
 * redactor (core/redact.ts).
 */
import type { Reporter } from '../core/reporter.js';
import { AzureDevOpsReporter } from './ado.js';
import { neutralisingStream, rawStream, underAzurePipelines, underCi } from './neutralise.js';
import { TerminalReporter } from './terminal.js';

export function cliReporter(
  env: NodeJS.ProcessEnv,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; cwd: string },
  options: { json?: boolean; debug?: boolean } = {},
): Reporter {
  // The reporters neutralise what they print themselves and write commands of their own: they get
  // the streams as they were before ciSafeIO().
  if (underAzurePipelines(env)) {
    return new AzureDevOpsReporter(rawStream(options.json ? io.stderr : io.stdout), io.cwd, options);
  }
  return new TerminalReporter(rawStream(io.stderr), {
    ...options,
    githubGroups: env.GITHUB_ACTIONS === 'true',
  });
}

/**
 * The CLI's streams where its output is a CI log: results and logs written by commands pass
 * through neutraliseForCi, so that no name or server message acts as a CI command.
 */
export function ciSafeIO<
  T extends { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; env: NodeJS.ProcessEnv },
>(io: T): T {
  if (!underCi(io.env)) return io;
  return { ...io, stdout: neutralisingStream(io.stdout), stderr: neutralisingStream(io.stderr) };
}
