/**
 * The operator commands around roles (issue 14): `roles` shows what every region says and does
 * (role, epoch, whether its state file is readable, who holds its lock, which jobs of the config
 * can run, whether it is unfenced); `roles --repair --active R` rewrites the state files
 * explicitly; `unlock --region R` removes a lock a dead run left behind.
 */

import { describeError } from '../client/describe.js';
import type { DatabricksClient } from '../client/index.js';
import { loadConfig } from '../config/load.js';
import type { DrConfig, Role } from '../config/types.js';
import { ConfigurationError, UsageError } from '../errors.js';
import { type CommandResult, emptyRegionResult, inConfigOrder } from '../plan/types.js';
import type { Reporter } from '../reporter.js';
import { type ClientSettings, createClients, PROBE, runIdentity } from '../session/clients.js';
import { describeHolder, type LockRecord, readLock, removeLock } from '../state/lock.js';
import type { ProbeOptions } from '../state/state-io.js';
import { type RoleView, readRoles, runnableOwnedJobs } from './index.js';
import { lockAndReadRoles, proveFencing } from './locked.js';
import { changeRole } from './transition.js';

export interface RolesOptions {
  configFile: string;
  reporter: Reporter;
  env?: NodeJS.ProcessEnv;
  client?: ClientSettings;
  probe?: ProbeOptions;
}

export interface RegionRoleReport {
  reachable: boolean;
  error?: string;
  /** The role the state file records; 'unknown' when it is missing or unreadable and jobs run. */
  role?: Role | 'unknown';
  epoch?: number;
  state: 'readable' | 'missing' | 'unreadable' | 'not read';
  stateError?: string;
  lock?: { holder: string; expires_at?: string; expired: boolean };
  /** Jobs of this config that can run there now (not in passive form). */
  runnableJobs: string[];
  /** Runs jobs although another region is the active one (or none is known). */
  unfenced: boolean;
}

export interface RolesReport {
  command: 'roles';
  config: string;
  active?: string;
  epoch: number;
  regions: Record<string, RegionRoleReport>;
}

/** Reads every region: state, lock, runnable jobs. Writes nothing. */
export async function runRoles(options: RolesOptions): Promise<RolesReport> {
  const env = options.env ?? process.env;
  const config = loadConfig(options.configFile, { env });
  const clients = await createClients(config.regions, env, options.reporter, options.client, () => undefined);
  try {
    const view = await readRoles(config, clients, options.probe ?? PROBE);
    const report: RolesReport = {
      command: 'roles',
      config: config.name,
      active: view.active,
      epoch: view.epoch,
      regions: {},
    };
    await Promise.all(
      config.regions.map(async (region) => {
        report.regions[region.name] = await regionReport(config, clients.get(region.name), view, region.name);
      }),
    );
    report.regions = inConfigOrder(config, report.regions);
    return report;
  } finally {
    for (const c of clients.values()) c.close();
  }
}

async function regionReport(
  config: DrConfig,
  client: DatabricksClient | undefined,
  view: RoleView,
  name: string,
): Promise<RegionRoleReport> {
  const info = view.regions.get(name)!;
  const report: RegionRoleReport = {
    reachable: info.reachable,
    state: 'not read',
    runnableJobs: [],
    unfenced: false,
  };
  if (!client || !info.reachable) {
    report.error = info.error ?? 'no credentials for this region';
    return report;
  }
  report.state = info.exists ? 'readable' : info.unreadable ? 'unreadable' : 'missing';
  if (info.unreadable) report.stateError = info.unreadable;
  if (info.exists) {
    report.role = info.state!.role;
    report.epoch = info.state!.epoch;
  }
  if (view.unknown.includes(name)) report.role = 'unknown';
  try {
    report.runnableJobs = runnableOwnedJobs(config, name, await client.jobs.listAll());
    const lock = await readLock(client, config.name);
    if (lock.present) report.lock = lockView(lock.record);
  } catch (err) {
    report.error = describeError(err);
  }
  report.unfenced = report.runnableJobs.length > 0 && view.active !== name;
  return report;
}

function lockView(record: LockRecord | undefined): NonNullable<RegionRoleReport['lock']> {
  return {
    holder: describeHolder(record),
    expires_at: record?.expires_at,
    expired: !record || Date.parse(record.expires_at) <= Date.now(),
  };
}

export function renderRoles(report: RolesReport): string {
  const lines = [
    `${report.config}: ${report.active ? `${report.active} is active` : 'no region is known to be active'} (epoch ${report.epoch})`,
  ];
  for (const [name, r] of Object.entries(report.regions)) {
    if (!r.reachable) {
      lines.push(`${name}: did not answer (${r.error}); its role and jobs are not known now`);
      continue;
    }
    const role =
      r.role === undefined
        ? 'no role'
        : r.role === 'unknown'
          ? 'role UNKNOWN'
          : `${r.role}, epoch ${r.epoch}`;
    lines.push(`${name}: ${role}${r.unfenced ? ', UNFENCED' : ''}`);
    lines.push(`  state file: ${r.state}${r.stateError ? ` (${r.stateError})` : ''}`);
    lines.push(
      `  lock: ${r.lock ? `held by ${r.lock.holder}${r.lock.expired ? ' (lease expired)' : ` until ${r.lock.expires_at}`}` : 'free'}`,
    );
    lines.push(
      `  runnable jobs: ${r.runnableJobs.length > 0 ? r.runnableJobs.join(', ') : 'none (every job of this config is passive)'}`,
    );
    if (r.error) lines.push(`  error: ${r.error}`);
  }
  // What to do, said once for every region in need of it.
  const reachable = Object.values(report.regions).filter((r) => r.reachable);
  if (reachable.some((r) => r.state === 'unreadable'))
    lines.push(
      'to settle the roles: `databricks-dr roles --repair --active REGION` (rewrites the state files; ' +
        'a failover fences a region by its jobs but leaves an unreadable state file as it is)',
    );
  else if (reachable.some((r) => r.role === 'unknown'))
    lines.push(
      'to settle the roles: `databricks-dr failover --to REGION` (fences the others by their jobs) or ' +
        '`databricks-dr roles --repair --active REGION` (rewrites the state files)',
    );
  return `${lines.join('\n')}\n`;
}

/** 0 when exactly the active region (or none, before a first deploy) runs jobs and every state reads. */
export function rolesExitCode(report: RolesReport): number {
  const regions = Object.values(report.regions);
  const bad = regions.some((r) => r.unfenced || r.state === 'unreadable' || r.role === 'unknown' || r.error);
  return bad ? 1 : 0;
}

export interface RepairOptions extends RolesOptions {
  active: string;
  lockWaitSeconds?: number;
  lockPollMs?: number;
}

/**
 * Makes `active` the active region explicitly, at an epoch above every one recorded: the other
 * regions are fenced by their jobs first, then every state file is rewritten (an unreadable one
 * is replaced by a fresh one; the next deploy records what it owns again). Every region must answer.
 */
export async function runRepair(options: RepairOptions): Promise<CommandResult> {
  const env = options.env ?? process.env;
  const config = loadConfig(options.configFile, { env });
  if (!config.regions.some((r) => r.name === options.active))
    throw new UsageError(
      `--active ${options.active}: no such region (regions: ${config.regions.map((r) => r.name).join(', ')})`,
    );
  const clients = await createClients(
    config.regions,
    env,
    options.reporter,
    options.client,
    (region, message) => {
      throw new ConfigurationError(`region ${region.name}: ${message}; roles --repair needs every region`);
    },
  );
  const result: CommandResult = { command: 'roles --repair', regions: {}, warnings: [] };
  try {
    const { view, locks } = await lockAndReadRoles(config, clients, {
      command: `roles --repair --active ${options.active}`,
      identity: runIdentity(env),
      reporter: options.reporter,
      probe: options.probe ?? PROBE,
      waitSeconds: options.lockWaitSeconds,
      pollMs: options.lockPollMs,
    });
    try {
      const missing = [...view.regions.values()].filter((i) => !i.reachable || !locks.held.has(i.name));
      if (missing.length > 0)
        throw new ConfigurationError(
          `roles --repair needs every region to answer and be locked; ${missing.map((i) => `${i.name} (${i.error ?? locks.failed.get(i.name) ?? 'not locked'})`).join(', ')} did not. Nothing was written`,
        );
      const epoch = view.epoch + 1;
      const identity = runIdentity(env);
      const move = async (name: string, role: Role) => {
        const info = view.regions.get(name)!;
        const r = emptyRegionResult();
        result.regions[name] = r;
        if (!info.exists)
          r.warnings.push(
            `region ${name} had no readable state file: a fresh one is written, so what this config owned there is not recorded. ` +
              'The next deploy finds its jobs and clusters by their tag; its secret scopes carry no tag: run `databricks-dr deploy --adopt` once',
          );
        try {
          await changeRole({
            client: clients.get(name)!,
            config,
            regionName: name,
            state: info.state!,
            loaded: info,
            lock: locks.held.get(name),
            rewriteUnreadable: true,
            role,
            epoch,
            dryRun: false,
            reporter: options.reporter,
            result: r,
            runIdentity: identity,
          });
        } catch (err) {
          r.status = 'failed';
          r.errors.push(`${role === 'passive' ? 'passivation' : 'activation'} failed: ${describeError(err)}`);
        }
      };
      await Promise.all(
        config.regions.filter((r) => r.name !== options.active).map((r) => move(r.name, 'passive')),
      );
      await move(options.active, 'active');
      result.activeRegion = options.active;
      await proveFencing(config, clients, result, undefined);
    } finally {
      await locks.release();
    }
  } finally {
    for (const c of clients.values()) c.close();
  }
  result.regions = inConfigOrder(config, result.regions);
  return result;
}

export interface UnlockOptions extends RolesOptions {
  region: string;
  /** Asked with the holder before the lock is removed; false leaves it. */
  confirm: (holder: string) => Promise<boolean>;
}

/** Removes the lock of one region, whoever holds it, once `confirm` agrees; says whose it was. */
export async function runUnlock(
  options: UnlockOptions,
): Promise<{ region: string; present: boolean; removed: boolean; holder?: string }> {
  const env = options.env ?? process.env;
  const config = loadConfig(options.configFile, { env });
  const region = config.regions.find((r) => r.name === options.region);
  if (!region)
    throw new UsageError(
      `--region ${options.region}: no such region (regions: ${config.regions.map((r) => r.name).join(', ')})`,
    );
  const clients = await createClients([region], env, options.reporter, options.client, (r, message) => {
    throw new ConfigurationError(`region ${r.name}: ${message}`);
  });
  const client = clients.get(region.name)!;
  try {
    const lock = await readLock(client, config.name);
    if (!lock.present) return { region: region.name, present: false, removed: false };
    const holder = describeHolder(lock.record);
    if (!(await options.confirm(holder)))
      return { region: region.name, present: true, removed: false, holder };
    return { region: region.name, present: true, removed: await removeLock(client, config.name), holder };
  } finally {
    client.close();
  }
}
