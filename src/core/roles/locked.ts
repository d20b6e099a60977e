/**
 * What every writing command does first: find which regions answer, take their locks (in config
 * order), then read the roles again under the locks, so what the command decides from is what no
 * other command can change until it is done. Afterwards, `proveFencing` reads back which regions
 * can run jobs: the result is proven by the jobs, not assumed from what was written.
 */

import { describeError } from '../client/describe.js';
import type { DatabricksClient } from '../client/index.js';
import type { DrConfig } from '../config/types.js';
import { ownsJob } from '../ownership.js';
import { type CommandResult, emptyRegionResult } from '../plan/types.js';
import type { Reporter } from '../reporter.js';
import { type LockSet, lockRegions } from '../state/region-locks.js';
import type { ProbeOptions } from '../state/state-io.js';
import { type RoleView, readRoles, runnableOwnedJobs } from './index.js';

export interface LockedRoles {
  view: RoleView;
  locks: LockSet;
}

export interface LockedRolesOptions {
  command: string;
  identity: string;
  reporter: Reporter;
  probe: ProbeOptions;
  waitSeconds?: number;
  pollMs?: number;
}

/**
 * Takes the locks of the regions that answer (each gets the probe's time for its first request),
 * then reads the roles under them; a region whose lock request found it unreachable is not asked
 * again. Throws LockHeldError.
 */
export async function lockAndReadRoles(
  config: DrConfig,
  clients: ReadonlyMap<string, DatabricksClient>,
  options: LockedRolesOptions,
): Promise<LockedRoles> {
  const locks = await lockRegions({
    config,
    clients,
    command: options.command,
    identity: options.identity,
    waitSeconds: options.waitSeconds,
    pollMs: options.pollMs,
    probe: options.probe,
    notify: (message) => options.reporter.logger.warning(message),
  });
  try {
    const view = await readRoles(config, clients, options.probe, locks.unreachable);
    return { view, locks };
  } catch (err) {
    await locks.release();
    throw err;
  }
}

/**
 * Reads back every reachable region's jobs and records an error on each region that breaks the
 * invariant: more than one region runs jobs of this config, or `active` (when one is meant to be
 * active and has jobs) runs none. `oneMeantActive`: every region was read and one should run the
 * jobs although none is recorded active (a failover stopped between fencing and promoting), so
 * none running is an error too. Returns the regions named.
 */
export async function proveFencing(
  config: DrConfig,
  clients: ReadonlyMap<string, DatabricksClient>,
  result: CommandResult,
  active: string | undefined,
  oneMeantActive = false,
): Promise<string[]> {
  const runnable = new Map<string, string[]>();
  const owned = new Map<string, number>();
  await Promise.all(
    config.regions.map(async (region) => {
      const client = clients.get(region.name);
      if (!client || result.regions[region.name]?.status === 'unreachable') return;
      try {
        const jobs = await client.jobs.listAll();
        owned.set(region.name, jobs.filter((j) => ownsJob(config, region.name, j)).length);
        runnable.set(region.name, runnableOwnedJobs(config, region.name, jobs));
      } catch {
        // A region that stopped answering is not proven either way; its result says so already.
      }
    }),
  );
  const running = [...runnable].filter(([, jobs]) => jobs.length > 0).map(([name]) => name);
  const named: string[] = [];
  const fail = (region: string, message: string) => {
    result.regions[region] ??= emptyRegionResult();
    const r = result.regions[region];
    r.status = r.status === 'unreachable' ? r.status : 'failed';
    r.errors.push(message);
    named.push(region);
  };
  if (running.length > 1) {
    for (const name of running.filter((n) => n !== active)) {
      result.regions[name] ??= emptyRegionResult();
      result.regions[name].unfenced = true;
      fail(
        name,
        `region ${name} still runs jobs of this config (${runnable.get(name)!.join(', ')}) while ${running.filter((n) => n !== name).join(', ')} does too: ` +
          `it is NOT fenced. Passivate it (databricks-dr failover --to ${active ?? 'REGION'}) or make it unreachable`,
      );
    }
  }
  if (active && runnable.has(active) && (owned.get(active) ?? 0) > 0 && !running.includes(active))
    fail(
      active,
      `region ${active} is meant to be active but none of its jobs can run; run deploy to activate them`,
    );
  if (!active && oneMeantActive && running.length === 0)
    for (const [name, n] of owned)
      if (n > 0)
        fail(
          name,
          `no region runs jobs of this config and no region is recorded active (a failover that did not finish?): ` +
            'make one active with `databricks-dr failover --to REGION`',
        );
  return named;
}

/** A command that could not lock a region writes nothing there: the result names the holder. */
export function lockFailure(result: CommandResult, region: string, err: unknown): void {
  result.regions[region] ??= emptyRegionResult('failed');
  result.regions[region].status = 'failed';
  result.regions[region].errors.push(`${describeError(err)}; nothing was written`);
}
