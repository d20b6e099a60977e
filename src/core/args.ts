/** Command-line parsing with user-facing errors: node:util parseArgs, its messages made plain. */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { didYouMean } from './suggest.js';

export function parseArgsOrUsage<T extends ParseArgsOptionsConfig>(
  args: string[],
  options: T,
  context: { command: string; hint: string; allowPositionals?: boolean },
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: boolean; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: context.allowPositionals ?? false, strict: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message);
    if (unknown) {
      const flags = Object.keys(options).map((o) => `--${o}`);
      throw new UsageError(
        `${context.command}: unknown flag ${unknown[1]}${didYouMean(unknown[1], flags)}`,
        context.hint,
      );
    }
    const positional = /Unexpected argument '([^']+)'/.exec(message);
    if (positional)
      throw new UsageError(`${context.command}: unexpected argument "${positional[1]}"`, context.hint);
    const missing = /Option '(-{1,2}[^']+?)(?: <value>)?' argument missing/.exec(message);
    if (missing) throw new UsageError(`${context.command}: ${missing[1]} needs a value`, context.hint);
    throw new UsageError(`${context.command}: ${message.split('\n')[0]}`, context.hint);
  }
}
