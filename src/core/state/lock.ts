/**
 * The lock of one config in one region, `/Shared/.databricks-dr/<name>/lock.json`, next to the
 * state file. Every command that writes holds it, so two of them never interleave their reads
 * and writes of roles, epochs and owned objects (issue 14).
 *
 * Taking it is an atomic create-if-absent: a Workspace import with `overwrite: false` answers
 * RESOURCE_ALREADY_EXISTS when the file is there. The holder renews a lease while it works; a lock
 * whose lease has run out (its run was killed) may be taken over, and the output says so.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { type DatabricksClient, isAlreadyExists, isNotFound, isOutcomeUnknown } from '../client/index.js';
import type { RequestBounds } from '../client/workspace.js';
import { ConfigurationError } from '../errors.js';

export function lockFilePath(configName: string): string {
  return `/Shared/.databricks-dr/${configName}/lock.json`;
}

export function stateFolder(configName: string): string {
  return `/Shared/.databricks-dr/${configName}`;
}

/** Who holds a lock: enough for an operator to find the run and decide whether it is dead. */
export interface LockHolder {
  /** The run (a run URL, a pipeline run, or user@host), as runIdentity() names it. */
  identity: string;
  command: string;
  host: string;
  pid: number;
}

export interface LockRecord {
  version: 1;
  /** Random per acquisition: tells this holder's lock from a later one of the same run. */
  token: string;
  holder: LockHolder;
  since: string;
  renewed_at: string;
  expires_at: string;
}

export interface LockTiming {
  /** How long to wait for a held lock before giving up. */
  waitMs: number;
  /** How long a lock stays valid without renewal. */
  leaseMs: number;
  /** How often to look again while waiting. */
  pollMs?: number;
  now?: () => number;
}

/** Defaults: a deploy waits five minutes for another; a lease lasts two minutes, renewed every 40 s. */
export const DEFAULT_LOCK_WAIT_SECONDS = 300;
export const DEFAULT_LOCK_LEASE_SECONDS = 120;

/** A ConfigurationError: entry points print it without a stack, and the command wrote nothing. */
export class LockHeldError extends ConfigurationError {
  override name = 'LockHeldError';
  constructor(
    readonly region: string,
    readonly record: LockRecord | undefined,
    waitedMs: number,
  ) {
    super(
      `region ${region}: the lock is held by ${describeHolder(record)}; waited ${Math.round(waitedMs / 1000)} s. ` +
        'If that run is dead, remove its lock with `databricks-dr unlock --region ' +
        `${region}\` (or wait until its lease expires at ${record?.expires_at ?? 'an unknown time'})`,
    );
  }
}

export function describeHolder(record: LockRecord | undefined): string {
  if (!record) return 'an unreadable lock file';
  const h = record.holder;
  return `${h.command} of ${h.identity} (host ${h.host}, pid ${h.pid}) since ${record.since}`;
}

export function lockHolder(identity: string, command: string): LockHolder {
  return { identity, command, host: os.hostname(), pid: process.pid };
}

/** Reads the lock file: undefined when there is none; `unreadable` when it is not a lock record. */
export async function readLock(
  client: DatabricksClient,
  configName: string,
): Promise<{ record?: LockRecord; present: boolean }> {
  let text: string;
  try {
    text = (await client.workspace.exportContent(lockFilePath(configName), 'AUTO')).toString('utf8');
  } catch (err) {
    if (isNotFound(err)) return { present: false };
    throw err;
  }
  try {
    const value = JSON.parse(text) as LockRecord;
    if (typeof value?.token === 'string' && typeof value.expires_at === 'string' && value.holder)
      return { record: value, present: true };
  } catch {
    // Falls through: a present lock that is not ours to understand.
  }
  return { present: true };
}

/** Every lock this process holds, so a signal can release them before the process ends. */
const held = new Set<RegionLock>();

export class RegionLock {
  private timer?: NodeJS.Timeout;
  /** Set when a renewal found the lock gone or taken over: this run no longer holds it. */
  lost?: string;

  constructor(
    readonly region: string,
    private readonly client: DatabricksClient,
    private readonly configName: string,
    private record: LockRecord,
    private readonly timing: LockTiming,
  ) {
    held.add(this);
    // Renewing three times per lease leaves two chances for a slow request before it expires.
    this.timer = setInterval(() => void this.renew(), Math.max(50, timing.leaseMs / 3));
    this.timer.unref();
  }

  /** Extends the lease when the lock is still this run's; notes the loss otherwise. */
  async renew(): Promise<void> {
    try {
      const { record } = await readLock(this.client, this.configName);
      if (record?.token !== this.record.token) {
        this.lost = `the lock of region ${this.region} was taken over by ${describeHolder(record)}`;
        this.stop();
        return;
      }
      const now = (this.timing.now ?? Date.now)();
      this.record = {
        ...this.record,
        renewed_at: new Date(now).toISOString(),
        expires_at: new Date(now + this.timing.leaseMs).toISOString(),
      };
      await writeLock(this.client, this.configName, this.record, true);
    } catch {
      // A missed renewal is retried at the next tick; the lease covers two of them.
    }
  }

  /** Throws when this run no longer holds the lock: it must not write the region's state. */
  assertHeld(): void {
    if (this.lost) throw new Error(`${this.lost}; this run stops writing there`);
  }

  /** Deletes the lock when it is still this run's. Never throws: it runs on every exit path. */
  async release(): Promise<void> {
    this.stop();
    if (this.lost) return;
    try {
      const { record } = await readLock(this.client, this.configName);
      if (record?.token === this.record.token)
        await this.client.workspace.delete(lockFilePath(this.configName));
    } catch {
      // The lease runs out on its own when the region does not answer now.
    }
  }

  private stop(): void {
    clearInterval(this.timer);
    held.delete(this);
  }
}

async function writeLock(
  client: DatabricksClient,
  configName: string,
  record: LockRecord,
  overwrite: boolean,
  bounds: RequestBounds = {},
): Promise<void> {
  const text = `${JSON.stringify(record, null, 2)}\n`;
  const write = () =>
    client.workspace.importContent(lockFilePath(configName), text, { format: 'AUTO', overwrite }, bounds);
  try {
    await write();
  } catch (err) {
    // The folder is made only when it is missing (a region's first command), then the write again.
    if (!isNotFound(err)) throw err;
    await client.workspace.mkdirs(stateFolder(configName), bounds);
    await write();
  }
}

export interface AcquireOptions extends LockTiming {
  configName: string;
  region: string;
  holder: LockHolder;
  /** Told when the lock is held (once) and when an expired one is taken over. */
  notify: (message: string) => void;
  /** Bounds of the first request: a region that does not answer in time counts as unreachable. */
  probe?: RequestBounds;
}

/**
 * Takes the lock, waiting up to `waitMs` while another run holds it; an expired lease is taken
 * over. Throws LockHeldError naming the holder when the wait runs out; a region that does not
 * answer throws its client error (callers skip unreachable regions).
 */
export async function acquireLock(client: DatabricksClient, options: AcquireOptions): Promise<RegionLock> {
  const now = options.now ?? Date.now;
  const started = now();
  const token = randomUUID();
  let told = false;
  let first = true;
  for (;;) {
    const at = now();
    const record: LockRecord = {
      version: 1,
      token,
      holder: options.holder,
      since: new Date(at).toISOString(),
      renewed_at: new Date(at).toISOString(),
      expires_at: new Date(at + options.leaseMs).toISOString(),
    };
    try {
      await writeLock(client, options.configName, record, false, first ? options.probe : {});
      return new RegionLock(options.region, client, options.configName, record, options);
    } catch (err) {
      if (!isAlreadyExists(err) && !isOutcomeUnknown(err)) throw err;
    }
    first = false;
    const found = await readLock(client, options.configName);
    if (!found.present) continue; // released in between: try again at once
    // An answer lost after the create went through: the lock found is this attempt's own.
    if (found.record?.token === token)
      return new RegionLock(options.region, client, options.configName, found.record, options);
    if (!found.record || Date.parse(found.record.expires_at) <= now()) {
      options.notify(
        `region ${options.region}: took over the lock of ${describeHolder(found.record)}: its lease ` +
          `expired${found.record ? ` at ${found.record.expires_at}` : ''} (that run is taken to be dead)`,
      );
      await deleteIfUnchanged(client, options.configName, found.record);
      continue;
    }
    const waited = now() - started;
    if (waited >= options.waitMs) throw new LockHeldError(options.region, found.record, waited);
    if (!told) {
      options.notify(
        `region ${options.region}: waiting up to ${Math.round((options.waitMs - waited) / 1000)} s for the lock held by ${describeHolder(found.record)}`,
      );
      told = true;
    }
    const pause = Math.min(options.pollMs ?? 1000, options.waitMs - waited);
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, pause)));
  }
}

/**
 * Deletes an expired lock, unless it changed since it was read (its holder renewed it late, or
 * another run took it over first): then the next attempt sees the new one.
 */
async function deleteIfUnchanged(
  client: DatabricksClient,
  configName: string,
  expired: LockRecord | undefined,
): Promise<void> {
  const again = await readLock(client, configName);
  if (!again.present) return;
  if (again.record?.token !== expired?.token || again.record?.expires_at !== expired?.expires_at) return;
  try {
    await client.workspace.delete(lockFilePath(configName));
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** Removes a lock whoever holds it (the `unlock` command, for a lock left by a dead run). */
export async function removeLock(client: DatabricksClient, configName: string): Promise<boolean> {
  try {
    await client.workspace.delete(lockFilePath(configName));
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

/**
 * Releases every lock this process holds, each within `timeoutMs` (a signal must not hang the
 * exit on a region that does not answer; its lease then runs out on its own).
 */
export async function releaseAllLocks(timeoutMs = 5000): Promise<void> {
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
  await Promise.race([Promise.all([...held].map((l) => l.release())), timeout]);
}

let signalsInstalled = false;

/**
 * On SIGINT or SIGTERM, releases the held locks, then exits with 128 + the signal number, as the
 * default action would have. Installed once per process by the entry points that run commands.
 */
export function releaseLocksOnSignals(exit: (code: number) => void = (code) => process.exit(code)): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  const numbers: Record<string, number> = { SIGINT: 2, SIGTERM: 15 };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      void releaseAllLocks().finally(() => exit(128 + numbers[signal]));
    });
  }
}
