/**
 * The confirmation of an operator command that overrides the tool's own safety (unlock, roles
 * --repair): asked on a terminal; in CI (no terminal) the command needs --yes instead.
 */
import { createInterface } from 'node:readline/promises';
import { UsageError } from '../core/errors.js';

export interface ConfirmIO {
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

/** Resolves to whether to go on: --yes says yes; a terminal is asked; anything else is a usage error. */
export async function confirm(
  io: ConfirmIO,
  question: string,
  yes: boolean,
  flagHint: string,
): Promise<boolean> {
  if (yes) return true;
  const stdin = io.stdin ?? process.stdin;
  if (!(stdin as { isTTY?: boolean }).isTTY)
    throw new UsageError(
      `${question.replace(/\?$/, '')}: no terminal to confirm on`,
      `Run it again with --yes: ${flagHint}`,
    );
  const rl = createInterface({ input: stdin, output: io.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
