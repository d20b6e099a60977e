import type { Command } from '../command.js';
import { deployCommand, planCommand } from './deploy.js';
import { driftCommand } from './drift.js';
import { emulatorCommand } from './emulator.js';
import { failoverCommand } from './failover.js';
import { importCommand } from './import.js';
import { preflightCommand } from './preflight.js';
import { rolesCommand, unlockCommand } from './roles.js';
import { validateCommand } from './validate.js';

/** Every command the CLI knows, in the order --help lists them. */
export const commands: Command[] = [
  validateCommand,
  planCommand,
  deployCommand,
  failoverCommand,
  rolesCommand,
  unlockCommand,
  driftCommand,
  preflightCommand,
  importCommand,
  emulatorCommand,
];
