/** plan: what deploy would create, update or delete in each region; writes nothing. */
import type { CommandResult } from '../plan/types.js';
import { type DeployCommandOptions, deployCommand } from './deploy.js';
import type { CommandOutcome } from './types.js';

export function planCommand(options: DeployCommandOptions): Promise<CommandOutcome<CommandResult>> {
  return deployCommand({ ...options, dryRun: true });
}
