import { EMULATOR_USAGE, runEmulatorCommand } from '../../emulator/command.js';
import type { Command } from '../command.js';

export const emulatorCommand: Command = {
  name: 'emulator',
  summary: 'serve emulated Databricks workspaces locally (for tests, demos and rehearsals)',
  usage: EMULATOR_USAGE.replace(/^Usage: /, ''),
  options: {},
  rawArgs: true,
  run: (ctx, argv) => runEmulatorCommand(argv, ctx.io),
};
