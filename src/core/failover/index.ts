/**
 * failover --to R (and failback: the same command toward the primary). Raises the epoch, makes R
 * active (jobs get their written values back, clusters may run), and passivates every other
 * region that answers; one that does not is reported unfenced and is fenced by the next command
 * that reaches it. Needs no checkout of the definitions: the state files hold the written values.
 */

import { describeError } from '../client/describe.js';
import type { DatabricksClient } from '../client/index.js';
import { loadConfig } from '../config/load.js';
import type { DrConfig, RegionConfig, Role } from '../config/types.js';
import { ConfigurationError, UsageError } from '../errors.js';
import { type CommandResult, emptyRegionResult, inConfigOrder, type RegionResult } from '../plan/types.js';
import type { Reporter } from '../reporter.js';
import { type RoleView, readRoles } from '../roles/index.js';
import { lockAndReadRoles, lockFailure, proveFencing } from '../roles/locked.js';
import { changeRole } from '../roles/transition.js';
import { type ClientSettings, createClients, regionProbe, runIdentity } from '../session/clients.js';
import { LockHeldError } from '../state/lock.js';
import type { LockSet } from '../state/region-locks.js';
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
  /** Start the continuous pipelines of the new active region (their `continuous` is restored anyway). */
  startPipelines?: boolean;
  cancelRuns?: boolean;
  client?: ClientSettings;
  /** How long a region may take to answer before it counts as unreachable (default FAILOVER_PROBE). */
  probe?: ProbeOptions;
  /** --lock-wait: seconds to wait for a region's lock held by another run (default: the config's). */
  lockWaitSeconds?: number;
  /** How often to look at a held lock again (tests). */
  lockPollMs?: number;
  /** Locks the caller already holds (a drill holds them across its two failovers). */
  locks?: LockSet;
  now?: () => number;
}

export async function runFailover(options: FailoverOptions): Promise<CommandResult> {
  const env = options.env ?? process.env;
  const config = loadConfig(options.configFile, { env });
  const target = targetRegion(config, options.to);
  const dryRun = options.dryRun === true;
  const result: CommandResult = {
    command: 'failover',
    ...(dryRun ? { dry_run: true, would_activate: target.name } : {}),
    regions: {},
    warnings: [],
  };
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
    await failoverLocked(options, config, target, clients, result);
  } finally {
    for (const c of clients.values()) c.close();
  }
  result.regions = inConfigOrder(config, result.regions);
  return result;
}

/** Reads the roles under the locks (taking them unless the caller holds them), then fails over. */
async function failoverLocked(
  options: FailoverOptions,
  config: DrConfig,
  target: RegionConfig,
  clients: Map<string, DatabricksClient>,
  result: CommandResult,
): Promise<void> {
  const env = options.env ?? process.env;
  const probe = options.probe ?? regionProbe(env, FAILOVER_PROBE);
  let view: RoleView;
  let locks = options.locks;
  if (options.dryRun) view = await readRoles(config, clients, probe);
  else if (locks) view = await readRoles(config, clients, probe);
  else {
    try {
      ({ view, locks } = await lockAndReadRoles(config, clients, {
        command: `failover --to ${target.name}`,
        identity: runIdentity(env),
        reporter: options.reporter,
        probe,
        waitSeconds: options.lockWaitSeconds,
        pollMs: options.lockPollMs,
      }));
    } catch (err) {
      if (!(err instanceof LockHeldError)) throw err;
      lockFailure(result, err.region, err);
      return;
    }
  }
  try {
    await promote(options, config, target, clients, view, locks, result);
  } finally {
    if (locks !== options.locks) await locks?.release();
  }
}

async function promote(
  options: FailoverOptions,
  config: DrConfig,
  target: RegionConfig,
  clients: Map<string, DatabricksClient>,
  view: RoleView,
  locks: LockSet | undefined,
  result: CommandResult,
): Promise<void> {
  const now = options.now ?? Date.now;
  const started = now();
  const dryRun = options.dryRun === true;
  result.rolesVerified = view.verified;
  const targetInfo = view.regions.get(target.name)!;
  const refuse = (status: 'unreachable' | 'failed', message: string) => {
    const r = emptyRegionResult(status);
    r.errors.push(message);
    result.regions[target.name] = r;
  };
  if (!targetInfo.reachable || !targetInfo.state)
    return refuse(
      'unreachable',
      `region ${target.name} could not be reached (${targetInfo.error}); it cannot be made active`,
    );
  if (targetInfo.unreadable)
    return refuse(
      'failed',
      `${targetInfo.unreadable}. The state file holds the written job values a promotion restores, so ${target.name} is not made active from it`,
    );
  if (!targetInfo.exists)
    return refuse(
      'failed',
      `region ${target.name} has never been deployed (no state file); run deploy first`,
    );
  // Re-running a failover that already happened keeps the epoch: nothing changes.
  const alreadyActive = view.active === target.name && view.stale.length === 0 && view.unknown.length === 0;
  const epoch = alreadyActive ? view.epoch : view.epoch + 1;
  const identity = runIdentity(options.env ?? process.env);
  const move = (region: string, role: Role, r: RegionResult) => {
    const info = view.regions.get(region)!;
    return changeRole({
      client: clients.get(region)!,
      config,
      regionName: region,
      state: info.state!,
      loaded: info,
      lock: locks?.held.get(region),
      role,
      epoch,
      dryRun,
      reporter: options.reporter,
      result: r,
      runIdentity: identity,
      ...(role === 'active'
        ? { startClusters: options.startClusters, startPipelines: options.startPipelines }
        : { cancelRuns: options.cancelRuns }),
    });
  };

  // Every other region that answers is fenced first (jobs, then its state), so the promotion never
  // leaves two regions running jobs; one that cannot be fenced is reported and fails the command.
  await Promise.all(
    config.regions
      .filter((r) => r !== target)
      .map(async (region) => {
        result.regions[region.name] = await fenceRegion(view, region.name, (r) =>
          move(region.name, 'passive', r),
        );
      }),
  );

  const r = emptyRegionResult();
  result.regions[target.name] = r;
  try {
    await move(target.name, 'active', r);
    if (!dryRun) result.timeToActiveMs = now() - started;
  } catch (err) {
    r.status = 'failed';
    r.errors.push(`activation failed: ${describeError(err)}`);
  }
  if (r.changes.some((c) => c.status === 'failed')) r.status = 'failed';
  // A dry run wrote nothing: the region active before it still is.
  result.activeRegion = !dryRun && r.status === 'ok' ? target.name : view.active;
  if (!dryRun) await proveFencing(config, clients, result, result.activeRegion);
}

/** Passivates one region that is not the target; one that does not answer is reported unfenced. */
async function fenceRegion(
  view: RoleView,
  name: string,
  passivate: (r: RegionResult) => Promise<void>,
): Promise<RegionResult> {
  const info = view.regions.get(name)!;
  const r = emptyRegionResult();
  if (!info.reachable || !info.state) {
    r.status = 'unreachable';
    r.unfenced = true;
    r.warnings.push(
      `region ${name} did not answer (${info.error}): it is unfenced and may still run jobs; ` +
        'the next deploy or failover that reaches it passivates it first',
    );
    return r;
  }
  if (view.unknown.includes(name))
    r.warnings.push(
      `region ${name} has no readable state file but runs jobs of this config: its role is unknown; fenced by passivating its jobs`,
    );
  try {
    await passivate(r);
  } catch (err) {
    r.status = 'failed';
    r.unfenced = true;
    r.errors.push(`passivation failed: ${describeError(err)}`);
  }
  return r;
}

/**
 * 0 when the target is active and every other region that answers is fenced (an old active
 * region that did not answer is a warning); 1 otherwise.
 */
export function failoverExitCode(result: CommandResult, to: string): number {
  if (result.regions[to]?.status !== 'ok') return 1;
  return Object.values(result.regions).some((r) => r.status === 'failed') ? 1 : 0;
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
