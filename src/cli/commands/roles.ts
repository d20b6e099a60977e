import { repairCommand, rolesCommand as roles } from '../../core/commands/roles.js';
import { unlockCommand as unlock } from '../../core/commands/unlock.js';
import { DEFAULT_CONFIG_FILE } from '../../core/config/load.js';
import { UsageError } from '../../core/errors.js';
import { type Command, configFile, EXIT, lockWaitSeconds, reporterFor } from '../command.js';
import { confirm } from '../confirm.js';
import { publishOutcome } from '../publish.js';

export const rolesCommand: Command = {
  name: 'roles',
  summary: "show each region's role, epoch, state file, lock and runnable jobs; --repair rewrites the roles",
  usage: `databricks-dr roles [flags]

  --repair            rewrite every state file: make --active REGION active at a new epoch,
                      after fencing the other regions by their jobs (every region must answer)
  --active REGION     with --repair: the region to make active
  --yes               with --repair: do not ask (needed where there is no terminal, e.g. CI)
  --lock-wait SECONDS with --repair: how long to wait for a lock another run holds
  --config, -c FILE   the config (default ${DEFAULT_CONFIG_FILE})
  --json              print one JSON result on stdout

Without --repair nothing is written. Exit 1 when a region is unfenced (runs jobs while another is
active), its state file is unreadable, or its role is unknown.`,
  options: {
    repair: { type: 'boolean' },
    active: { type: 'string' },
    yes: { type: 'boolean' },
    'lock-wait': { type: 'string' },
  },
  async run(ctx) {
    const reporter = reporterFor(ctx);
    const common = { configFile: configFile(ctx), reporter, env: ctx.io.env };
    if (ctx.values.repair !== true) {
      if (ctx.values.active !== undefined)
        throw new UsageError(
          '--active goes with --repair',
          'e.g. databricks-dr roles --repair --active secondary',
        );
      return publishOutcome(ctx, reporter, await roles(common));
    }
    const active = ctx.values.active as string | undefined;
    if (!active)
      throw new UsageError(
        'roles --repair needs --active REGION',
        'e.g. databricks-dr roles --repair --active secondary',
      );
    const go = await confirm(
      ctx.io,
      `Rewrite every state file of this config with ${active} active (the other regions' jobs are passivated)?`,
      ctx.values.yes === true,
      `databricks-dr roles --repair --active ${active} --yes`,
    );
    if (!go) {
      ctx.io.stderr.write('nothing was written\n');
      return EXIT.failure;
    }
    const outcome = await repairCommand({ ...common, active, lockWaitSeconds: lockWaitSeconds(ctx) });
    return publishOutcome(ctx, reporter, outcome);
  },
};

export const unlockCommand: Command = {
  name: 'unlock',
  summary: 'remove the lock a dead run left in a region',
  usage: `databricks-dr unlock --region REGION [flags]

  --region REGION     the region whose lock to remove
  --yes               do not ask (needed where there is no terminal, e.g. CI)
  --config, -c FILE   the config (default ${DEFAULT_CONFIG_FILE})
  --json              print one JSON result on stdout

Only for a lock whose run is dead (killed, its runner gone): a lock of a live run is removed too,
and that run then stops writing the region when it next renews its lease. A dead run's lock also
expires on its own after lock.lease_seconds.`,
  options: { region: { type: 'string' }, yes: { type: 'boolean' } },
  async run(ctx) {
    const region = ctx.values.region as string | undefined;
    if (!region)
      throw new UsageError('unlock needs --region REGION', 'e.g. databricks-dr unlock --region primary');
    const reporter = reporterFor(ctx);
    const outcome = await unlock({
      configFile: configFile(ctx),
      reporter,
      env: ctx.io.env,
      region,
      confirm: (holder) =>
        confirm(
          ctx.io,
          `Remove the lock of region ${region} held by ${holder}?`,
          ctx.values.yes === true,
          `databricks-dr unlock --region ${region} --yes`,
        ),
    });
    return publishOutcome(ctx, reporter, outcome);
  },
};
