/**
 * The reporter for the CLI's surroundings: Azure DevOps logging commands under Azure Pipelines
 * (TF_BUILD), plain stderr elsewhere. With --json, stdout carries only the result, so Azure DevOps
 * commands move to stderr then.
 */
import type { Redactor } from '../core/redact.js';
import type { Reporter } from '../core/reporter.js';
import { AzureDevOpsReporter } from './ado.js';
import { TerminalReporter } from './terminal.js';

export function cliReporter(
  env: NodeJS.ProcessEnv,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; cwd: string },
  options: { json?: boolean; debug?: boolean; redactor?: Redactor } = {},
): Reporter {
  if (env.TF_BUILD === 'True' || env.TF_BUILD === 'true') {
    return new AzureDevOpsReporter(options.json ? io.stderr : io.stdout, io.cwd, options, options.redactor);
  }
  return new TerminalReporter(io.stderr, options, options.redactor);
}
