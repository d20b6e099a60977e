/**
 * The locks of one command across the regions of a config. Taken one region after another in
 * config order, so two commands that both need two regions never hold one each and wait for the
 * other (they queue on the first). A region that does not answer is skipped: nothing is written
 * there now, and it is fenced by the next command that reaches it.
 */

import { describeError, unreachableReason } from '../client/describe.js';
import { type DatabricksClient, isUnreachable } from '../client/index.js';
import type { RequestBounds } from '../client/workspace.js';
import type { DrConfig } from '../config/types.js';
import {
  acquireLock,
  DEFAULT_LOCK_LEASE_SECONDS,
  DEFAULT_LOCK_WAIT_SECONDS,
  LockHeldError,
  lockHolder,
  type RegionLock,
} from './lock.js';

export interface LockSet {
  /** The regions whose lock this run holds. */
  held: Map<string, RegionLock>;
  /** Regions that did not answer: their lock was skipped. */
  unreachable: Map<string, string>;
  /** Regions whose lock could not be taken for another reason (a read-only workspace: 403). */
  failed: Map<string, string>;
  release(): Promise<void>;
}

export interface LockRequest {
  config: DrConfig;
  clients: ReadonlyMap<string, DatabricksClient>;
  /** The regions to lock (default: every region with a client), in config order. */
  regions?: readonly string[];
  command: string;
  identity: string;
  /** --lock-wait, in seconds: overrides the config's lock.wait_seconds. */
  waitSeconds?: number;
  notify: (message: string) => void;
  pollMs?: number;
  /** Bounds of each region's first lock request: one that does not answer is skipped. */
  probe?: RequestBounds;
}

/** The lock timing of a command: the flag, else the config, else the defaults. */
export function lockTiming(config: DrConfig, waitSeconds?: number): { waitMs: number; leaseMs: number } {
  return {
    waitMs: (waitSeconds ?? config.lock?.wait_seconds ?? DEFAULT_LOCK_WAIT_SECONDS) * 1000,
    leaseMs: (config.lock?.lease_seconds ?? DEFAULT_LOCK_LEASE_SECONDS) * 1000,
  };
}

/**
 * Takes the lock of every region asked for. When one is held past the wait, the locks taken so
 * far are released and LockHeldError (naming the holder) is thrown: the command writes nothing.
 */
export async function lockRegions(request: LockRequest): Promise<LockSet> {
  const { config, clients } = request;
  const set: LockSet = {
    held: new Map(),
    unreachable: new Map(),
    failed: new Map(),
    release: async () => {
      await Promise.all([...set.held.values()].map((l) => l.release()));
      set.held.clear();
    },
  };
  const timing = lockTiming(config, request.waitSeconds);
  const wanted = request.regions ?? config.regions.map((r) => r.name);
  for (const region of config.regions.filter((r) => wanted.includes(r.name))) {
    const client = clients.get(region.name);
    if (!client) continue;
    try {
      const lock = await acquireLock(client, {
        ...timing,
        pollMs: request.pollMs,
        probe: request.probe,
        configName: config.name,
        region: region.name,
        holder: lockHolder(request.identity, request.command),
        notify: request.notify,
      });
      set.held.set(region.name, lock);
    } catch (err) {
      if (err instanceof LockHeldError) {
        await set.release();
        throw err;
      }
      if (isUnreachable(err)) set.unreachable.set(region.name, unreachableReason(err));
      else set.failed.set(region.name, describeError(err));
    }
  }
  return set;
}
