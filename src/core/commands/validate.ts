/** validate: the config and every definition file, or just the files given; no request is made. */
import { resolveConfigFile } from '../config/load.js';
import { type Diagnostic, formatDiagnostic } from '../errors.js';
import { hasErrors, validateFiles, validateProject } from '../validate/index.js';
import type { DefinitionKind } from '../validate/types.js';
import { type CommandOutcome, EXIT, outcome } from './types.js';

export interface ValidateCommandOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Files to check (absolute); none: the config and every file it names. */
  files?: string[];
  /** What the files are (default: from the folder or the content). */
  kind?: DefinitionKind;
  /** The config file as given (default databricks-dr.yml), resolved from cwd. */
  config?: string;
}

export interface ValidateResult {
  command: 'validate';
  regions: Record<string, never>;
  files: number;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
}

export function validateCommand(options: ValidateCommandOptions): CommandOutcome<ValidateResult> {
  const { cwd, env } = options;
  const report =
    options.files && options.files.length > 0
      ? validateFiles(options.files, { cwd, env, kind: options.kind })
      : validateProject(resolveConfigFile(cwd, options.config), { cwd, env });
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = report.diagnostics.length - errors;
  const result: ValidateResult = {
    command: 'validate',
    regions: {},
    files: report.files,
    errors,
    warnings,
    diagnostics: report.diagnostics,
  };
  const files = `${report.files} file${report.files === 1 ? '' : 's'}`;
  const failed = hasErrors(report);
  return outcome('validate', result, {
    outputs: { result: JSON.stringify(result) },
    diagnostics: report.diagnostics,
    log: [
      {
        level: 'info',
        message:
          errors + warnings === 0
            ? `validate: ${files} checked, no problems`
            : `validate: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files}`,
      },
    ],
    summary: validateMarkdown(result),
    exitCode: failed ? EXIT.failure : EXIT.ok,
    ...(failed ? { failure: `validation failed: ${errors} error${errors === 1 ? '' : 's'}` } : {}),
  });
}

/** How many findings the validate summary shows as a table (all of them follow, folded). */
const SUMMARY_TABLE_ROWS = 20;

function validateMarkdown(result: ValidateResult): string {
  const { diagnostics } = result;
  const lines = [
    `## databricks-dr validate`,
    '',
    `${result.files} files checked: ${result.errors} errors, ${result.warnings} warnings.`,
    '',
    ...firstProblemsTable(diagnostics),
    '',
  ];
  if (diagnostics.length > 0)
    lines.push(
      '<details><summary>All findings</summary>',
      '',
      '```',
      ...diagnostics.map(formatDiagnostic),
      '```',
      '',
      '</details>',
      '',
    );
  return lines.join('\n');
}

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
