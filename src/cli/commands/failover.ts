import { failoverCommand as failover } from '../../core/commands/failover.js';
import { DEFAULT_CONFIG_FILE } from '../../core/config/load.js';
import { UsageError } from '../../core/errors.js';
import { type Command, configFile, lockWaitSeconds, reporterFor } from '../command.js';
import { publishOutcome } from '../publish.js';

export const failoverCommand: Command = {
  name: 'failover',
  summary:
    'make a region active (failover, or failback toward the primary); passivate the others that answer',
  usage: `databricks-dr failover --to REGION [flags]

  --to REGION         the region to make active
  --dry-run           print exactly what would change; write nothing
  --start-clusters    start the managed clusters in the new active region
  --start-pipelines   start the continuous pipelines in the new active region (their
                      continuous setting is restored in any case)
  --cancel-runs       also cancel the active runs in the regions being passivated
  --lock-wait SECONDS how long to wait for a region's lock another run holds (default: the
                      config's lock.wait_seconds, else 300); a region that does not answer is
                      not waited for
  --drill             rehearse: promote REGION, run the config's drill.job there, wait for it,
                      then restore the previous roles (also when the smoke job fails)
  --config, -c FILE   the config (default ${DEFAULT_CONFIG_FILE})
  --json              print one JSON result on stdout

Exit 0 when REGION is active, also when an old active region could not be reached (it is then
reported unfenced, and the next deploy or failover that reaches it passivates it first). Exit 1
when a region that answers could not be passivated (it is named), or REGION is not active.`,
  options: {
    to: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'start-clusters': { type: 'boolean' },
    'start-pipelines': { type: 'boolean' },
    'cancel-runs': { type: 'boolean' },
    drill: { type: 'boolean' },
    'lock-wait': { type: 'string' },
  },
  async run(ctx) {
    const to = ctx.values.to as string | undefined;
    if (!to)
      throw new UsageError(
        'failover needs --to REGION',
        'e.g. databricks-dr failover --to secondary --dry-run',
      );
    const reporter = reporterFor(ctx);
    // Read inside the group, as the run is: a missing config is reported there.
    const common = () => ({
      configFile: configFile(ctx),
      reporter,
      env: ctx.io.env,
      to,
      startClusters: ctx.values['start-clusters'] === true,
      startPipelines: ctx.values['start-pipelines'] === true,
      lockWaitSeconds: lockWaitSeconds(ctx),
    });
    if (ctx.values.drill === true)
      return publishOutcome(ctx, reporter, await failover({ ...common(), drill: true }));
    const outcome = await reporter.group(`databricks-dr failover --to ${to}`, () =>
      failover({
        ...common(),
        dryRun: ctx.values['dry-run'] === true,
        cancelRuns: ctx.values['cancel-runs'] === true,
      }),
    );
    return publishOutcome(ctx, reporter, outcome);
  },
};
