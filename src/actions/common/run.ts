/**
 * The one body every action runs: inputs mapped to the same options the CLI's flags map to, the
 * command run (src/core/commands), its outcome published by the GitHub platform. Entry points
 * only say which command (and which asset kinds) they are.
 */
import path from 'node:path';
import { failureOutcome } from '../../core/commands/failure.js';
import {
  type CommandOutcome,
  deployCommand,
  driftCommand,
  failoverCommand,
  preflightCommand,
  validateCommand,
} from '../../core/commands/index.js';
import { DEFAULT_CONFIG_FILE, resolveConfigFile } from '../../core/config/load.js';
import { UsageError } from '../../core/errors.js';
import { keepYoungGenerationSmall } from '../../core/heap.js';
import type { CommandResult } from '../../core/plan/types.js';
import type { Reporter } from '../../core/reporter.js';
import { releaseLocksOnSignals } from '../../core/state/lock.js';
import type { DefinitionKind } from '../../core/validate/types.js';
import { getBoolean, getChoice, getList, getString, Inputs } from '../../platform/github/inputs.js';
import { postPlanComment } from '../../platform/github/plan-comment.js';
import { failStep, finishStep, publishOutcome } from '../../platform/github/publish.js';
import { GitHubReporter } from '../../platform/github/reporter.js';

export type ActionCommand = 'validate' | 'plan' | 'deploy' | 'failover' | 'drift' | 'preflight';

const COMMANDS: readonly ActionCommand[] = ['deploy', 'plan', 'validate', 'failover', 'drift', 'preflight'];

export interface ActionSpec {
  /** Fixed command, or undefined to read the `command` input (the root action). */
  command?: ActionCommand;
  /** Asset kinds a composable action deploys. */
  only?: string[];
  title: string;
}

export async function runAction(spec: ActionSpec): Promise<void> {
  // A cancelled workflow sends SIGINT, then SIGTERM: the region locks are released first.
  releaseLocksOnSignals();
  // A deploy's peak RSS stays low (issue 21): V8's young generation keeps its initial size.
  keepYoungGenerationSmall();
  const reporter = new GitHubReporter();
  let command: ActionCommand | undefined = spec.command;
  try {
    command ??= getChoice(Inputs.Command, COMMANDS, 'deploy');
    const outcome = await runCommand(command, spec, reporter);
    await publishOutcome(reporter, outcome);
    // On a pull request the plan also goes to one PR comment (needs the github-token input).
    if (outcome.command === 'plan')
      await postPlanComment(reporter, outcome.result as CommandResult, {
        config: getString(Inputs.Config, DEFAULT_CONFIG_FILE),
        redact: (text) => reporter.redact(text),
      });
    finishStep(reporter, outcome);
  } catch (err) {
    await failStep(reporter, failureOutcome(command ?? 'deploy', err, { dryRun: dryRunAsked(command) }));
  }
}

/** The inputs as the options of the command, which is run. */
async function runCommand(
  command: ActionCommand,
  spec: ActionSpec,
  reporter: Reporter,
): Promise<CommandOutcome> {
  const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const config = getString(Inputs.Config) || undefined;
  if (command === 'validate')
    return validateCommand({
      cwd,
      config,
      files: getList(Inputs.Files).map((f) => path.resolve(cwd, f)),
      kind: (getString(Inputs.Kind) || undefined) as DefinitionKind | undefined,
    });
  const common = { configFile: resolveConfigFile(cwd, config), reporter };
  if (command === 'failover') {
    const to = getString(Inputs.To);
    if (!to) throw new UsageError('input to is required for failover: the region to make active');
    const startClusters = getBoolean(Inputs.StartClusters);
    const startPipelines = getBoolean(Inputs.StartPipelines);
    if (getBoolean(Inputs.Drill))
      return failoverCommand({ ...common, to, drill: true, startClusters, startPipelines });
    return failoverCommand({
      ...common,
      to,
      dryRun: getBoolean(Inputs.DryRun),
      startClusters,
      startPipelines,
      cancelRuns: getBoolean(Inputs.CancelRuns),
      title: spec.title,
    });
  }
  const regions = getList(Inputs.Regions);
  if (command === 'preflight') return preflightCommand({ ...common, cwd, regions });
  if (command === 'drift')
    return driftCommand({
      ...common,
      cwd,
      regions,
      deep: getBoolean(Inputs.Deep),
      failOnDrift: getBoolean(Inputs.FailOnDrift),
    });
  return deployCommand({
    ...common,
    cwd,
    regions,
    only: spec.only ?? getList(Inputs.Only),
    adopt: getBoolean(Inputs.Adopt),
    dryRun: command === 'plan' || getBoolean(Inputs.DryRun),
    skipPreflight: getBoolean(Inputs.SkipPreflight),
    // Unset: the config's deploy.archive decides.
    ...(getString(Inputs.Archive) ? { archive: getBoolean(Inputs.Archive) } : {}),
    title: spec.title,
  });
}

/** Whether the run was asked to write nothing, for the result of a run that stopped on an error. */
function dryRunAsked(command: ActionCommand | undefined): boolean {
  if (command === 'plan') return true;
  try {
    return getBoolean(Inputs.DryRun);
  } catch {
    // A malformed dry-run input may be the very error being reported.
    return false;
  }
}
