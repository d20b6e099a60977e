/** roles (every region's role, state, lock and runnable jobs; writes nothing) and roles --repair. */
import { exitCodeOf, renderText } from '../plan/render.js';
import type { CommandResult } from '../plan/types.js';
import {
  type RepairOptions,
  type RolesOptions,
  type RolesReport,
  renderRoles,
  rolesExitCode,
  runRepair,
  runRoles,
} from '../roles/command.js';
import { type CommandOutcome, outcome } from './types.js';

export type { RepairOptions, RolesOptions };

export async function rolesCommand(options: RolesOptions): Promise<CommandOutcome<RolesReport>> {
  const report = await runRoles(options);
  return outcome('roles', report, { text: renderRoles(report), exitCode: rolesExitCode(report) });
}

export async function repairCommand(options: RepairOptions): Promise<CommandOutcome<CommandResult>> {
  const result = await runRepair(options);
  return outcome('roles', result, { text: renderText(result), exitCode: exitCodeOf(result) });
}
