import type { ParseArgsOptionsConfig } from 'node:util';
import { resolveConfigFile } from '../core/config/load.js';
import { UsageError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { processRedactor, redactStrings } from '../core/redact.js';
import type { Reporter } from '../core/reporter.js';
import { cliReporter } from '../platform/select.js';

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export type OptionValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

export interface CommandContext {
  io: CliIO;
  values: OptionValues;
  positionals: string[];
  /** Logs to stderr: stdout carries only the result. */
  logger: Logger;
  json: boolean;
  /** Set once the command printed its result; with --json, main prints an error result otherwise. */
  printed: boolean;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Flags beyond the global ones (--help, --json, --config). */
  options: ParseArgsOptionsConfig;
  allowPositionals?: boolean;
  /**
   * Commands that parse their own arguments (the emulator takes repeated NAME=PORT pairs) get the
   * raw argv instead of parsed values.
   */
  rawArgs?: boolean;
  run(ctx: CommandContext, argv: string[]): Promise<number>;
}

export { EXIT } from '../core/commands/types.js';

/**
 * The config file the command works on: --config, else databricks-dr.yml, from the working
 * directory. A missing one is a usage error (exit 2) that names the absolute path.
 */
export function configFile(ctx: CommandContext): string {
  return resolveConfigFile(ctx.io.cwd, ctx.values.config as string | undefined);
}

/** The command's reporter (Azure DevOps commands under TF_BUILD, else stderr), masking into the process's redactor. */
export function reporterFor(ctx: CommandContext): Reporter {
  return cliReporter(ctx.io.env, ctx.io, { json: ctx.json, debug: ctx.values.debug === true });
}

/**
 * Prints the command's result on stdout, once: the JSON result with --json, else `text` (if any).
 * Both go through the process's redactor (a server may have echoed a secret into an error message).
 */
export function printResult(ctx: CommandContext, result: object, text: string): void {
  const redact = (t: string) => processRedactor.redact(t);
  if (ctx.json) ctx.io.stdout.write(`${JSON.stringify(redactStrings(result, redact))}\n`);
  else if (text) ctx.io.stdout.write(redact(text));
  ctx.printed = true;
}

/** --lock-wait SECONDS: a whole number of seconds, or undefined when not given. */
export function lockWaitSeconds(ctx: CommandContext): number | undefined {
  const raw = ctx.values['lock-wait'];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim()) || n > 86_400)
    throw new UsageError(`--lock-wait ${String(raw)}: give a whole number of seconds from 0 to 86400`);
  return n;
}
