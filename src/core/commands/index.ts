/** The command layer: one function per command, each returning a CommandOutcome (types.ts). */

export type { LogGroup, LogLine } from '../reporter.js';
export { type DeployCommandOptions, deployCommand } from './deploy.js';
export { type DriftCommandOptions, driftCommand } from './drift.js';
export { type FailoverCommandOptions, failoverCommand } from './failover.js';
export { failureOutcome } from './failure.js';
export { importCommand } from './import.js';
export { planCommand } from './plan.js';
export { type PreflightCommandOptions, preflightCommand } from './preflight.js';
export { repairCommand, rolesCommand } from './roles.js';
export { type CommandOutcome, EXIT } from './types.js';
export { unlockCommand } from './unlock.js';
export { type ValidateCommandOptions, validateCommand } from './validate.js';
