import type { Command } from '../command.js';
import { deployCommand, planCommand } from './deploy.js';
import { emulatorCommand } from './emulator.js';
import { validateCommand } from './validate.js';

/** Every command the CLI knows, in the order --help lists them. */
export const commands: Command[] = [validateCommand, planCommand, deployCommand, emulatorCommand];
