import { driftCommand as drift } from '../../core/commands/drift.js';
import { DEFAULT_CONFIG_FILE } from '../../core/config/load.js';
import { type Command, configFile, reporterFor } from '../command.js';
import { publishOutcome } from '../publish.js';

export const driftCommand: Command = {
  name: 'drift',
  summary: 'compare each region with git: in sync, differs (which fields), missing, unmanaged',
  usage: `databricks-dr drift [flags]

  --fail-on-drift     exit 3 when any region differs from git
  --deep              export every notebook and compare its content
  --region R          only this region (repeatable or comma-separated)
  --config, -c FILE   the config (default ${DEFAULT_CONFIG_FILE})
  --json              print one JSON result on stdout`,
  options: {
    'fail-on-drift': { type: 'boolean' },
    deep: { type: 'boolean' },
    region: { type: 'string', multiple: true },
  },
  async run(ctx) {
    const reporter = reporterFor(ctx);
    const outcome = await drift({
      configFile: configFile(ctx),
      reporter,
      env: ctx.io.env,
      cwd: ctx.io.cwd,
      regions: ctx.values.region as string[] | undefined,
      deep: ctx.values.deep === true,
      failOnDrift: ctx.values['fail-on-drift'] === true,
    });
    return publishOutcome(ctx, reporter, outcome);
  },
};
