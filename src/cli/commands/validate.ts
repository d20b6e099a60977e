import path from 'node:path';
import { formatDiagnostic, UsageError } from '../../core/errors.js';
import { hasErrors, validateFiles, validateProject } from '../../core/validate/index.js';
import type { DefinitionKind } from '../../core/validate/types.js';
import { type Command, configFile, EXIT, printResult, reporterFor } from '../command.js';

const KINDS: DefinitionKind[] = ['job', 'cluster', 'secret-scope', 'config'];

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check the config and every job, cluster and secret-scope file; no request is made',
  usage: `databricks-dr validate [--config FILE] [--json]
       databricks-dr validate FILE... [--kind job|cluster|secret-scope|config] [--json]

With files and no --config, checks just those files (kind from the folder or the content).
Every problem is reported at once as file:line:col: message (JSON pointer); exit 1 on any error.`,
  options: { kind: { type: 'string' } },
  allowPositionals: true,
  async run(ctx) {
    const kind = ctx.values.kind as string | undefined;
    if (kind !== undefined && !KINDS.includes(kind as DefinitionKind))
      throw new UsageError(`--kind ${kind}: use one of ${KINDS.join(', ')}`);
    const reporter = reporterFor(ctx);
    const options = { env: ctx.io.env, cwd: ctx.io.cwd };
    const report =
      ctx.positionals.length > 0 && ctx.values.config === undefined
        ? validateFiles(
            ctx.positionals.map((f) => path.resolve(ctx.io.cwd, f)),
            { ...options, kind: kind as DefinitionKind | undefined },
          )
        : validateProject(configFile(ctx), options);
    const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = report.diagnostics.length - errors;
    if (ctx.json)
      printResult(
        ctx,
        {
          command: 'validate',
          regions: {},
          files: report.files,
          errors,
          warnings,
          diagnostics: report.diagnostics,
        },
        '',
      );
    for (const d of report.diagnostics) reporter.annotate(d);
    reporter.setOutput(
      'result',
      JSON.stringify({
        command: 'validate',
        regions: {},
        files: report.files,
        diagnostics: report.diagnostics,
      }),
    );
    await reporter.summary(
      [
        '## databricks-dr validate',
        '',
        `${report.files} files checked: ${errors} errors, ${warnings} warnings.`,
        '',
        ...(report.diagnostics.length > 0
          ? ['```', ...report.diagnostics.map(formatDiagnostic), '```', '']
          : []),
      ].join('\n'),
    );
    const files = `${report.files} file${report.files === 1 ? '' : 's'}`;
    reporter.logger.info(
      errors + warnings === 0
        ? `validate: ${files} checked, no problems`
        : `validate: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files}`,
    );
    return hasErrors(report) ? EXIT.failure : EXIT.ok;
  },
};
