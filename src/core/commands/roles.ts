/** roles (read every region's role, state, lock and runnable jobs), roles --repair, and unlock. */
import { exitCodeOf, renderText } from '../deploy/render.js';
import type { CommandResult } from '../deploy/types.js';
import {
  type RepairOptions,
  type RolesOptions,
  type RolesReport,
  renderRoles,
  rolesExitCode,
  runRepair,
  runRoles,
  runUnlock,
  type UnlockOptions,
} from '../roles/command.js';
import { type CommandOutcome, EXIT, outcome } from './types.js';

export type { RepairOptions, RolesOptions, UnlockOptions };

export async function rolesCommand(options: RolesOptions): Promise<CommandOutcome<RolesReport>> {
  const report = await runRoles(options);
  return outcome('roles', report, { text: renderRoles(report), exitCode: rolesExitCode(report) });
}

export async function repairCommand(options: RepairOptions): Promise<CommandOutcome<CommandResult>> {
  const result = await runRepair(options);
  return outcome('roles', result, { text: renderText(result), exitCode: exitCodeOf(result) });
}

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
