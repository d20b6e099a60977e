/** unlock: remove the lock a dead run left in a region, once confirmed. */
import { runUnlock, type UnlockOptions } from '../roles/command.js';
import { type CommandOutcome, EXIT, outcome } from './types.js';

export type { UnlockOptions };

export interface UnlockResult {
  command: 'unlock';
  region: string;
  present: boolean;
  removed: boolean;
  holder?: string;
}

export async function unlockCommand(options: UnlockOptions): Promise<CommandOutcome<UnlockResult>> {
  const unlocked = await runUnlock(options);
  const { region, holder } = unlocked;
  const text = !unlocked.present
    ? `region ${region}: no lock to remove\n`
    : unlocked.removed
      ? `region ${region}: removed the lock held by ${holder}\n`
      : `region ${region}: the lock held by ${holder} was left in place\n`;
  const left = unlocked.present && !unlocked.removed;
  return outcome(
    'unlock',
    { command: 'unlock', ...unlocked },
    { text, exitCode: left ? EXIT.failure : EXIT.ok },
  );
}
