import { preflightCommand as preflight } from '../../core/commands/preflight.js';
import { DEFAULT_CONFIG_FILE } from '../../core/config/load.js';
import { type Command, configFile, reporterFor } from '../command.js';
import { publishOutcome } from '../publish.js';

export const preflightCommand: Command = {
  name: 'preflight',
  summary: 'check that every region is ready: access, node types, runtimes, referenced objects, principals',
  usage: `databricks-dr preflight [flags]

  --region R          only this region (repeatable or comma-separated)
  --config, -c FILE   the config (default ${DEFAULT_CONFIG_FILE})
  --json              print one JSON result on stdout

Exit 1 when any region is not ready; each failed check says what to fix. This command checks
everything. deploy runs the same checks first (unless --skip-preflight), asking again only about
what no deploy verified there in the last day, and writes nothing when a region is not ready.`,
  options: { region: { type: 'string', multiple: true } },
  async run(ctx) {
    const reporter = reporterFor(ctx);
    const outcome = await preflight({
      configFile: configFile(ctx),
      reporter,
      env: ctx.io.env,
      cwd: ctx.io.cwd,
      regions: ctx.values.region as string[] | undefined,
    });
    return publishOutcome(ctx, reporter, outcome);
  },
};
