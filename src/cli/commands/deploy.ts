import { DEFAULT_CONFIG_FILE } from '../../core/config/load.js';
import { runDeploy } from '../../core/deploy/engine.js';
import { exitCodeOf, renderMarkdown, renderText } from '../../core/deploy/render.js';
import {
  type Command,
  type CommandContext,
  configFile,
  lockWaitSeconds,
  printResult,
  reporterFor,
} from '../command.js';
import { publishResult } from '../publish.js';

const SHARED_OPTIONS = {
  region: { type: 'string', multiple: true },
  only: { type: 'string', multiple: true },
  adopt: { type: 'boolean' },
} as const;

async function run(ctx: CommandContext, dryRun: boolean): Promise<number> {
  const reporter = reporterFor(ctx);
  const command = dryRun || ctx.values['dry-run'] === true ? 'plan' : 'deploy';
  const result = await reporter.group(`databricks-dr ${command}`, () =>
    runDeploy({
      configFile: configFile(ctx),
      reporter,
      env: ctx.io.env,
      cwd: ctx.io.cwd,
      regions: ctx.values.region as string[] | undefined,
      only: ctx.values.only as string[] | undefined,
      adopt: ctx.values.adopt === true,
      dryRun: dryRun || ctx.values['dry-run'] === true,
      skipPreflight: ctx.values['skip-preflight'] === true,
      lockWaitSeconds: lockWaitSeconds(ctx),
    }),
  );
  await publishResult(reporter, result, renderMarkdown(result));
  printResult(ctx, result, renderText(result));
  // plan is 0 even with changes; a failed region is 1.
  return exitCodeOf(result);
}

const FLAGS = `  --config, -c FILE   the config (default ${DEFAULT_CONFIG_FILE})
  --region R          only this region (repeatable or comma-separated)
  --only KINDS        notebooks,clusters,jobs,secret_scopes
  --adopt             take over same-named objects the tool does not own yet
  --json              print one JSON result on stdout`;

export const planCommand: Command = {
  name: 'plan',
  summary: 'show what deploy would create, update or delete in each region; writes nothing',
  usage: `databricks-dr plan [flags]\n\n${FLAGS}`,
  options: SHARED_OPTIONS,
  run: (ctx) => run(ctx, true),
};

export const deployCommand: Command = {
  name: 'deploy',
  summary: 'validate, then deploy to every region (the passive ones in passive form)',
  usage: `databricks-dr deploy [flags]\n\n${FLAGS}\n  --dry-run           same as plan
  --skip-preflight    do not check each region's readiness first
  --lock-wait SECONDS how long to wait for a region's lock another run holds (default: the
                      config's lock.wait_seconds, else 300), then fail naming the holder`,
  options: {
    ...SHARED_OPTIONS,
    'dry-run': { type: 'boolean' },
    'skip-preflight': { type: 'boolean' },
    'lock-wait': { type: 'string' },
  },
  run: (ctx) => run(ctx, false),
};
