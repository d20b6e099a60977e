import path from 'node:path';
import { validateCommand as validate } from '../../core/commands/validate.js';
import { UsageError } from '../../core/errors.js';
import type { DefinitionKind } from '../../core/validate/types.js';
import { type Command, reporterFor } from '../command.js';
import { publishOutcome } from '../publish.js';

const KINDS: DefinitionKind[] = ['job', 'cluster', 'pipeline', 'secret-scope', 'config'];

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check the config and every job, cluster and secret-scope file; no request is made',
  usage: `databricks-dr validate [--config FILE] [--json]
       databricks-dr validate FILE... [--kind job|cluster|pipeline|secret-scope|config] [--json]

With files and no --config, checks just those files (kind from the folder or the content).
Every problem is reported at once as file:line:col: message (JSON pointer); exit 1 on any error.`,
  options: { kind: { type: 'string' } },
  allowPositionals: true,
  async run(ctx) {
    const kind = ctx.values.kind as string | undefined;
    if (kind !== undefined && !KINDS.includes(kind as DefinitionKind))
      throw new UsageError(`--kind ${kind}: use one of ${KINDS.join(', ')}`);
    const reporter = reporterFor(ctx);
    // With files and no --config, just those files; else the config and every file it names.
    const files = ctx.values.config === undefined ? ctx.positionals : [];
    const outcome = validate({
      cwd: ctx.io.cwd,
      env: ctx.io.env,
      config: ctx.values.config as string | undefined,
      files: files.map((f) => path.resolve(ctx.io.cwd, f)),
      kind: kind as DefinitionKind | undefined,
    });
    return publishOutcome(ctx, reporter, outcome);
  },
};
