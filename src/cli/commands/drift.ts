import { DEFAULT_CONFIG_FILE } from '../../core/config/load.js';
import { renderDriftMarkdown, renderDriftText, runDrift } from '../../core/drift/index.js';
import { type Command, configFile, EXIT, printResult, reporterFor } from '../command.js';
import { publishResult } from '../publish.js';

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
    const result = await runDrift({
      configFile: configFile(ctx),
      reporter,
      env: ctx.io.env,
      cwd: ctx.io.cwd,
      regions: ctx.values.region as string[] | undefined,
      deep: ctx.values.deep === true,
    });
    await publishResult(reporter, result, renderDriftMarkdown(result));
    printResult(ctx, result, renderDriftText(result));
    if (Object.values(result.regions).some((r) => r.status === 'failed')) return EXIT.failure;
    return result.drift && ctx.values['fail-on-drift'] === true ? EXIT.drift : EXIT.ok;
  },
};
