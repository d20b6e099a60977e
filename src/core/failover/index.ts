/**
 * failover --to R (and failback: the same command toward the primary). Raises the epoch, makes R
 * active (jobs get their written values back, clusters may run), and passivates every other
 * region that answers; one that does not is reported unfenced and is fenced by the next command
 * that reaches it. Needs no checkout of the definitions: the state files hold the written values.
 */
import { loadConfig } from '../config/load.js';
import type { DrConfig, RegionConfig } from '../config/types.js';
import { describeError } from '../deploy/context.js';
import { type ClientSettings, createClients, runIdentity } from '../deploy/engine.js';
import { type CommandResult, emptyRegionResult } from '../deploy/types.js';
import { ConfigurationError, UsageError } from '../errors.js';
import type { Reporter } from '../reporter.js';
import { readRoles } from '../roles/index.js';
import { changeRole } from '../roles/transition.js';
import type { ProbeOptions } from '../state/state-io.js';

/**
 * During a disaster the old region often does not answer at all; waiting for it delays the
 * promotion, so failover gives each region less time to answer than deploy does.
 */
export const FAILOVER_PROBE = { timeoutMs: 5_000, deadlineMs: 10_000 };

export interface FailoverOptions {
  configFile: string;
  reporter: Reporter;
  to: string;
  env?: NodeJS.ProcessEnv;
  dryRun?: boolean;
  startClusters?: boolean;
  cancelRuns?: boolean;
  client?: ClientSettings;
  /** How long a region may take to answer before it counts as unreachable (default FAILOVER_PROBE). */
  probe?: ProbeOptions;
  now?: () => number;
}

export async function runFailover(options: FailoverOptions): Promise<CommandResult> {
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now;
  const started = now();
  const config = loadConfig(options.configFile, { env });
  const target = targetRegion(config, options.to);
  const dryRun = options.dryRun === true;
  const result: CommandResult = { command: 'failover', regions: {}, warnings: [] };
  const clients = await createClients(
    config.regions,
    env,
    options.reporter,
    options.client,
    (region, message) => {
      if (region === target) throw new ConfigurationError(`region ${region.name}: ${message}`);
      result.warnings!.push(`region ${region.name} cannot be passivated: ${message}`);
    },
  );
  try {
    const view = await readRoles(config, clients, options.probe ?? FAILOVER_PROBE);
    result.rolesVerified = view.verified;
    const targetInfo = view.regions.get(target.name)!;
    if (!targetInfo.reachable || !targetInfo.state) {
      const r = emptyRegionResult('unreachable');
      r.errors.push(
        `region ${target.name} could not be reached (${targetInfo.error}); it cannot be made active`,
      );
      result.regions[target.name] = r;
      return result;
    }
    if (!targetInfo.exists) {
      const r = emptyRegionResult('failed');
      r.errors.push(`region ${target.name} has never been deployed (no state file); run deploy first`);
      result.regions[target.name] = r;
      return result;
    }
    // Re-running a failover that already happened keeps the epoch: nothing changes.
    const alreadyActive = view.active === target.name && view.stale.length === 0;
    const epoch = alreadyActive ? view.epoch : view.epoch + 1;
    const identity = runIdentity(env);

    const others = config.regions.filter((r) => r !== target);
    const activate = (async () => {
      const r = emptyRegionResult();
      result.regions[target.name] = r;
      try {
        await changeRole({
          client: clients.get(target.name)!,
          config,
          regionName: target.name,
          state: targetInfo.state!,
          stateExists: true,
          role: 'active',
          epoch,
          dryRun,
          reporter: options.reporter,
          result: r,
          runIdentity: identity,
          startClusters: options.startClusters,
        });
        if (!dryRun) result.timeToActiveMs = now() - started;
      } catch (err) {
        r.status = 'failed';
        r.errors.push(`activation failed: ${describeError(err)}`);
      }
      if (r.changes.some((c) => c.status === 'failed')) r.status = 'failed';
    })();
    const passivate = others.map(async (region: RegionConfig) => {
      const info = view.regions.get(region.name)!;
      const r = emptyRegionResult();
      result.regions[region.name] = r;
      if (!info.reachable || !info.state) {
        r.status = 'unreachable';
        r.unfenced = true;
        r.warnings.push(
          `region ${region.name} did not answer (${info.error}): it is unfenced and may still run jobs; ` +
            'the next deploy or failover that reaches it passivates it first',
        );
        return;
      }
      try {
        await changeRole({
          client: clients.get(region.name)!,
          config,
          regionName: region.name,
          state: info.state,
          stateExists: info.exists,
          role: 'passive',
          epoch,
          dryRun,
          reporter: options.reporter,
          result: r,
          runIdentity: identity,
          cancelRuns: options.cancelRuns,
        });
      } catch (err) {
        r.status = 'failed';
        r.unfenced = true;
        r.errors.push(`passivation failed: ${describeError(err)}`);
      }
    });
    await Promise.all([activate, ...passivate]);
    result.activeRegion = result.regions[target.name].status === 'ok' ? target.name : view.active;
    const ordered: CommandResult['regions'] = {};
    for (const r of config.regions) ordered[r.name] = result.regions[r.name];
    result.regions = ordered;
  } finally {
    for (const c of clients.values()) c.close();
  }
  return result;
}

/** 0 when the target is active (an unfenced old region is a warning); 1 otherwise. */
export function failoverExitCode(result: CommandResult, to: string): number {
  return result.regions[to]?.status === 'ok' ? 0 : 1;
}

/** The region `--to` names; anything else is a usage error listing the regions. */
export function targetRegion(config: DrConfig, name: string): RegionConfig {
  const target = config.regions.find((r) => r.name === name);
  if (!target) {
    throw new UsageError(
      `--to ${name}: no such region (regions: ${config.regions.map((r) => r.name).join(', ')})`,
    );
  }
  return target;
}
