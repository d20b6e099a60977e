import path from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import { DEFAULT_CONFIG_FILE } from '../core/config/load.js';
import { UsageError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';

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

/** Exit codes (DESIGN.md "Commands"). */
export const EXIT = { ok: 0, failure: 1, usage: 2, drift: 3 } as const;

/** The config file the command works on: --config, else databricks-dr.yml, from the working directory. */
export function configFile(ctx: CommandContext): string {
  return path.resolve(ctx.io.cwd, (ctx.values.config as string | undefined) ?? DEFAULT_CONFIG_FILE);
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
