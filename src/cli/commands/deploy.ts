import { deployCommand as deploy } from '../../core/commands/deploy.js';
import { DEFAULT_CONFIG_FILE } from '../../core/config/load.js';
import { type Command, type CommandContext, configFile, lockWaitSeconds, reporterFor } from '../command.js';
import { publishOutcome } from '../publish.js';

const SHARED_OPTIONS = {
  region: { type: 'string', multiple: true },
  only: { type: 'string', multiple: true },
  adopt: { type: 'boolean' },
} as const;

async function run(ctx: CommandContext, dryRun: boolean): Promise<number> {
  const reporter = reporterFor(ctx);
  const command = dryRun || ctx.values['dry-run'] === true ? 'plan' : 'deploy';
  const outcome = await reporter.group(`databricks-dr ${command}`, () =>
    deploy({
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
      ...(ctx.values['no-archive'] === true ? { archive: false } : {}),
    }),
  );
  return publishOutcome(ctx, reporter, outcome);
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
  --no-archive        upload every notebook on its own: no ZIP import of new folders (also
                      the config's deploy.archive: false)
  --lock-wait SECONDS how long to wait for a region's lock another run holds (default: the
                      config's lock.wait_seconds, else 300), then fail naming the holder`,
  options: {
    ...SHARED_OPTIONS,
    'dry-run': { type: 'boolean' },
    'skip-preflight': { type: 'boolean' },
    'no-archive': { type: 'boolean' },
    'lock-wait': { type: 'string' },
  },
  run: (ctx) => run(ctx, false),
};
