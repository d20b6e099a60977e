/**
 * The one body every action runs: read inputs, run the engine, then outputs, a job summary and
 * annotations. Entry points only say which command (and which asset kinds) they are.
 */
import path from 'node:path';
import * as core from '@actions/core';
import { DEFAULT_CONFIG_FILE, resolveConfigFile } from '../../core/config/load.js';
import { runDeploy } from '../../core/deploy/engine.js';
import { exitCodeOf, logResultByRegion, renderMarkdown } from '../../core/deploy/render.js';
import type { CommandResult } from '../../core/deploy/types.js';
import { renderDriftMarkdown, runDrift } from '../../core/drift/index.js';
import {
  ConfigurationError,
  type Diagnostic,
  formatDiagnostic,
  UsageError,
  ValidationError,
} from '../../core/errors.js';
import { drillExitCode, renderDrillMarkdown, runDrill } from '../../core/failover/drill.js';
import { failoverExitCode, runFailover } from '../../core/failover/index.js';
import { commandOutputs, failureResult } from '../../core/outputs.js';
import { runPreflight } from '../../core/preflight/command.js';
import { renderChecksMarkdown } from '../../core/preflight/index.js';
import { releaseLocksOnSignals } from '../../core/state/lock.js';
import { hasErrors, validateFiles, validateProject } from '../../core/validate/index.js';
import type { DefinitionKind } from '../../core/validate/types.js';
import { GitHubReporter } from '../../platform/github.js';
import { getBoolean, getChoice, getList, getString, Inputs, Outputs } from './inputs.js';
import { postPlanComment } from './pr.js';

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
  const reporter = new GitHubReporter();
  let command: ActionCommand | undefined = spec.command;
  try {
    command ??= getChoice(Inputs.Command, COMMANDS, 'deploy');
    const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
    if (command === 'validate') {
      process.exitCode = await validate(reporter, cwd);
      return;
    }
    const configFile = resolveConfigFile(cwd, getString(Inputs.Config) || undefined);
    if (command === 'failover') {
      const to = getString(Inputs.To);
      if (!to) throw new UsageError('input to is required for failover: the region to make active');
      if (getBoolean(Inputs.Drill)) {
        const drilled = await runDrill({
          configFile,
          reporter,
          to,
          startClusters: getBoolean(Inputs.StartClusters),
        });
        reporter.setOutput(Outputs.Result, JSON.stringify(drilled));
        reporter.setOutput(Outputs.ActiveRegion, drilled.activeRegion ?? '');
        await reporter.summary(renderDrillMarkdown(drilled.drillReport));
        process.exitCode = drillExitCode(drilled);
        if (process.exitCode !== 0) reporter.logger.error(`drill of ${to} failed: see the job summary`);
        return;
      }
      const result = await runFailover({
        configFile,
        reporter,
        to,
        dryRun: getBoolean(Inputs.DryRun),
        startClusters: getBoolean(Inputs.StartClusters),
        cancelRuns: getBoolean(Inputs.CancelRuns),
      });
      await publish(reporter, result, spec.title);
      if (result.timeToActiveMs !== undefined) {
        await reporter.summary(
          `${to} accepted runs **${(result.timeToActiveMs / 1000).toFixed(1)} s** after the failover started.\n`,
        );
      }
      process.exitCode = failoverExitCode(result, to);
      if (process.exitCode !== 0) reporter.logger.error(failureLine(result));
      return;
    }
    if (command === 'preflight') {
      const result = await runPreflight({ configFile, reporter, cwd, regions: getList(Inputs.Regions) });
      reporter.setOutput(Outputs.Result, JSON.stringify(result));
      await reporter.summary(renderChecksMarkdown(result.regions));
      process.exitCode = exitCodeOf(result);
      if (process.exitCode !== 0) reporter.logger.error(failureLine(result));
      return;
    }
    if (command === 'drift') {
      const result = await runDrift({
        configFile,
        reporter,
        cwd,
        regions: getList(Inputs.Regions),
        deep: getBoolean(Inputs.Deep),
      });
      for (const [name, value] of Object.entries(commandOutputs(result))) reporter.setOutput(name, value);
      await reporter.summary(renderDriftMarkdown(result));
      const failed = Object.values(result.regions).some((r) => r.status === 'failed');
      process.exitCode = failed ? 1 : result.drift && getBoolean(Inputs.FailOnDrift) ? 3 : 0;
      if (process.exitCode !== 0)
        reporter.logger.error(
          failed ? failureLine(result) : 'drift found: the workspaces differ from git (see the job summary)',
        );
      return;
    }
    const result = await runDeploy({
      configFile,
      reporter,
      cwd,
      regions: getList(Inputs.Regions),
      only: spec.only ?? getList(Inputs.Only),
      adopt: getBoolean(Inputs.Adopt),
      dryRun: command === 'plan' || getBoolean(Inputs.DryRun),
      skipPreflight: getBoolean(Inputs.SkipPreflight),
    });
    await publish(reporter, result, spec.title);
    // On a pull request the plan also goes to one PR comment (needs the github-token input).
    if (result.command === 'plan')
      await postPlanComment(reporter, result, {
        config: getString(Inputs.Config, DEFAULT_CONFIG_FILE),
        redact: (text) => reporter.redact(text),
      });
    process.exitCode = exitCodeOf(result);
    if (process.exitCode !== 0) reporter.logger.error(failureLine(result));
  } catch (err) {
    await fail(reporter, err, command ?? 'deploy');
  }
}

async function validate(reporter: GitHubReporter, cwd: string): Promise<number> {
  const files = getList(Inputs.Files).map((f) => path.resolve(cwd, f));
  const kind = getString(Inputs.Kind) as DefinitionKind | '';
  const report =
    files.length > 0
      ? validateFiles(files, { cwd, kind: kind || undefined })
      : validateProject(resolveConfigFile(cwd, getString(Inputs.Config) || undefined), { cwd });
  for (const d of report.diagnostics) reporter.annotate(d);
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  reporter.setOutput(
    Outputs.Result,
    JSON.stringify({
      command: 'validate',
      regions: {},
      files: report.files,
      diagnostics: report.diagnostics,
    }),
  );
  const lines = [
    `## databricks-dr validate`,
    '',
    `${report.files} files checked: ${errors.length} errors, ${report.diagnostics.length - errors.length} warnings.`,
    '',
  ];
  lines.push(...firstProblemsTable(report.diagnostics), '');
  if (report.diagnostics.length > 0)
    lines.push(
      '<details><summary>All findings</summary>',
      '',
      '```',
      ...report.diagnostics.map(formatDiagnostic),
      '```',
      '',
      '</details>',
      '',
    );
  await reporter.summary(lines.join('\n'));
  if (hasErrors(report))
    core.setFailed(`validation failed: ${errors.length} error${errors.length === 1 ? '' : 's'}`);
  return hasErrors(report) ? 1 : 0;
}

/** How many findings the validate summary shows as a table (all of them follow, folded). */
const SUMMARY_TABLE_ROWS = 20;

/** The first errors (then warnings) as a table: where (file:line) and what. */
function firstProblemsTable(diagnostics: readonly Diagnostic[]): string[] {
  if (diagnostics.length === 0) return [];
  const ordered = [...diagnostics].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = ordered
    .slice(0, SUMMARY_TABLE_ROWS)
    .map(
      (d) =>
        `| ${d.severity} | \`${cell(`${d.file}:${d.line}`)}\` | ${cell(d.message)}${d.region ? ` [region ${d.region}]` : ''} |`,
    );
  const more =
    ordered.length > SUMMARY_TABLE_ROWS ? ['', `… and ${ordered.length - SUMMARY_TABLE_ROWS} more.`] : [];
  return ['| | where | what |', '|---|---|---|', ...rows, ...more];
}

async function publish(reporter: GitHubReporter, result: CommandResult, title: string): Promise<void> {
  for (const [name, value] of Object.entries(commandOutputs(result))) reporter.setOutput(name, value);
  await logResultByRegion(reporter, result);
  await reporter.summary(renderMarkdown(result, title));
}

function failureLine(result: CommandResult): string {
  const failed = Object.entries(result.regions)
    .filter(([, r]) => r.status !== 'ok' && r.status !== 'skipped')
    .map(([name, r]) => `${name} ${r.status}${r.errors[0] ? `: ${r.errors[0]}` : ''}`);
  return `databricks-dr ${result.command} failed in ${failed.join('; ')}`;
}

/** Ends a run that threw: annotations, summary, the failure message, and a `result` output saying why. */
async function fail(reporter: GitHubReporter, err: unknown, command: ActionCommand): Promise<void> {
  let dryRun = command === 'plan';
  try {
    dryRun ||= getBoolean(Inputs.DryRun);
  } catch {
    // A malformed dry-run input may be the very error being reported.
  }
  reporter.setOutput(Outputs.Result, JSON.stringify(failureResult(command, err, dryRun)));
  if (err instanceof ValidationError) {
    if (!err.reported) for (const d of err.diagnostics) reporter.annotate(d);
    await reporter.summary(
      [
        '## databricks-dr: validation failed, nothing was written',
        '',
        '```',
        ...err.diagnostics.map(formatDiagnostic),
        '```',
        '',
      ].join('\n'),
    );
    core.setFailed(
      `validation failed: ${err.diagnostics.length} error${err.diagnostics.length === 1 ? '' : 's'}; nothing was written`,
    );
  } else if (err instanceof ConfigurationError || err instanceof UsageError) {
    core.setFailed(reporter.redact(err.message));
  } else {
    core.setFailed(
      reporter.redact(`unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    );
  }
}
