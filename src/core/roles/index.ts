/**
 * Roles across regions (DESIGN.md "Roles, failover, and fencing"). Every command reads every
 * reachable region's state first: the region that is active at the highest epoch is active; a
 * region that is active at a lower epoch is stale and is fenced (passivated) before anything else.
 * A region that answers but whose state file is missing or unreadable while it has runnable jobs
 * of this config is *unknown*: no role is made up for it (the jobs are the ground truth).
 */

import { type JobSettings, passiveValues } from '../assets/jobs/settings.js';
import { describeError, unreachableReason } from '../client/describe.js';
import { type BaseJob, type DatabricksClient, isUnreachable } from '../client/index.js';
import type { DrConfig, Role } from '../config/types.js';
import { ownedBy, ownsJob } from '../ownership.js';
import type { RegionState } from '../state/state.js';
import { type ProbeOptions, readRegionState, type StoredRole } from '../state/state-io.js';
import { runnableUpdate } from './transition.js';

export interface RegionRoleInfo {
  name: string;
  reachable: boolean;
  /** The state as read (a fresh one from the config when the region has none yet). */
  state?: RegionState;
  /** Whether the workspace holds a readable state file. */
  exists: boolean;
  /** The role and epoch as read (compare-and-set; see writeRegionState). */
  stored?: StoredRole;
  /** Why a present state file could not be read: the region answered, its role is not known. */
  unreadable?: string;
  /** Owned jobs not in passive form, listed when the state does not say the role (missing or unreadable). */
  runnableJobs?: string[];
  /** Of runnableJobs, those owned only through the config's `adopt:` list (import), not tagged yet. */
  runnableAdoptedOnly?: string[];
  error?: string;
  /**
   * The region answered, but what its role depends on could not be read (e.g. its jobs listing
   * failed): it is treated as unreachable for roles, yet reported as failed, not as silent.
   */
  answered?: boolean;
}

export interface RoleView {
  regions: Map<string, RegionRoleInfo>;
  /** The active region, when one is known. */
  active?: string;
  /** The highest epoch any reachable region records. */
  epoch: number;
  /** False when some region could not be read: its state may hold a higher epoch. */
  verified: boolean;
  /** Reachable regions that still call themselves active at a lower epoch: to be fenced. */
  stale: string[];
  /** Reachable regions without a readable state that run jobs of this config: role unknown. */
  unknown: string[];
}

/** `unreachable`: regions already found not to answer (with why), which are not asked again. */
export async function readRoles(
  config: DrConfig,
  clients: ReadonlyMap<string, DatabricksClient>,
  probe: ProbeOptions = {},
  unreachable: ReadonlyMap<string, string> = new Map(),
): Promise<RoleView> {
  const infos = await Promise.all(
    config.regions.map(async (region): Promise<RegionRoleInfo> => {
      const client = clients.get(region.name);
      const skipped = client ? unreachable.get(region.name) : 'no credentials for this region';
      if (!client || skipped !== undefined)
        return { name: region.name, reachable: false, exists: false, error: skipped };
      try {
        const loaded = await readRegionState(client, config.name, region.name, region.role, probe);
        const info: RegionRoleInfo = { name: region.name, reachable: true, ...loaded };
        if (!loaded.exists) {
          try {
            const jobs = await client.jobs.listAll();
            info.runnableJobs = runnableOwnedJobs(config, region.name, jobs);
            const tagged = new Set(
              runnableJobsWhere(config, jobs, (j) => ownedBy(j.settings?.tags, config.name)),
            );
            info.runnableAdoptedOnly = info.runnableJobs.filter((n) => !tagged.has(n));
          } catch (err) {
            if (isUnreachable(err)) throw err;
            return {
              name: region.name,
              reachable: false,
              exists: false,
              answered: true,
              error: describeError(err),
            };
          }
        }
        return info;
      } catch (err) {
        return { name: region.name, reachable: false, exists: false, error: unreachableReason(err) };
      }
    }),
  );
  return computeRoles(config, infos);
}

/** Decides the roles from what could be read. Pure, so the rules are testable on their own. */
export function computeRoles(config: DrConfig, infos: RegionRoleInfo[]): RoleView {
  const regions = new Map(infos.map((i) => [i.name, i]));
  const reachable = infos.filter((i) => i.reachable && i.state);
  const recorded = reachable.filter((i) => i.exists);
  const epoch = Math.max(0, ...recorded.map((i) => i.state!.epoch));
  let active: string | undefined;
  if (recorded.length === 0) {
    // Nothing deployed yet anywhere we can see: the config's starting roles apply.
    active = config.regions.find((r) => r.role === 'active')?.name;
  } else {
    // Two regions can be active at one epoch when a failover ran while a region that had seen a
    // higher epoch was unreachable: the later promotion wins, then the config's starting role.
    const configActive = config.regions.find((r) => r.role === 'active')?.name;
    const activeAtTop = recorded
      .filter((i) => i.state!.role === 'active' && i.state!.epoch === epoch)
      .sort(
        (a, b) =>
          (b.state!.promoted_at ?? '').localeCompare(a.state!.promoted_at ?? '') ||
          Number(b.name === configActive) - Number(a.name === configActive),
      );
    active = activeAtTop[0]?.name;
    // A region without a state file yet (added later, or never deployed) starts passive.
  }
  const stale = reachable
    .filter((i) => i.exists && i.state!.role === 'active' && i.name !== active)
    .map((i) => i.name);
  // A first deploy that stopped before writing the config's active region's state left its jobs
  // runnable, as they were meant to be: with no state anywhere, the config's starting role holds.
  const firstDeploy = (i: RegionRoleInfo) => recorded.length === 0 && !i.unreadable && i.name === active;
  // Jobs an import adopted (`adopt:`) and this tool never changed are runnable because a person
  // made them so in a hand-made estate, not because of a failover: the roles the import wrote into
  // the config speak for them. Every role change tags the jobs it changes, so a job this tool made
  // runnable is tagged, and tagged runnable jobs always count.
  const runnableThatCount = (i: RegionRoleInfo) =>
    (i.runnableJobs?.length ?? 0) - (i.runnableAdoptedOnly?.length ?? 0);
  const unknown = reachable
    .filter((i) => !i.exists && runnableThatCount(i) > 0 && !firstDeploy(i))
    .map((i) => i.name);
  if (active && unknown.includes(active)) active = undefined;
  return { regions, active, epoch, verified: infos.every((i) => i.reachable), stale, unknown };
}

/** The names of the jobs of this config that are not in passive form: they may run. */
export function runnableOwnedJobs(config: DrConfig, region: string, jobs: readonly BaseJob[]): string[] {
  return runnableJobsWhere(config, jobs, (j) => ownsJob(config, region, j));
}

function runnableJobsWhere(
  config: DrConfig,
  jobs: readonly BaseJob[],
  owns: (j: BaseJob) => boolean,
): string[] {
  return jobs
    .filter(owns)
    .filter((j) => {
      const current = j.settings as JobSettings;
      return runnableUpdate(current, passiveValues(current, config.passive)).fields.length > 0;
    })
    .map((j) => String(j.settings?.name ?? j.job_id))
    .sort();
}

/** The role a region has under a view: only the active one is active. */
export function roleOf(view: RoleView, region: string): Role {
  return view.active === region ? 'active' : 'passive';
}
