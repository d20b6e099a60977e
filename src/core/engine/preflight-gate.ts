/**
 * The deploy's preflight gate: every region a deploy writes to must be ready (identity rights,
 * referenced objects, principals, runtimes, node types…), or nothing is written anywhere. What
 * preflight and the deploy both need from a region is read once.
 */

import { loadCatalog, referencedNames } from '../assets/references/index.js';
import type { RegionCatalog } from '../plan/name-refs.js';
import type { CommandResult } from '../plan/types.js';
import { emptyRegionResult } from '../plan/types.js';
import { preflightRegion, recordChecks, regionReady } from '../preflight/index.js';
import type { RoleView } from '../roles/index.js';
import type { PreparedRun } from '../session/prepare.js';
import type { VerifiedFacts } from '../state/state.js';
import { memo } from '../util.js';

/** Reads of one region that preflight and the deploy share. */
export interface SharedReads {
  catalog: () => Promise<RegionCatalog>;
  /** What this run's preflight verified there, recorded in the state file when it is written. */
  verified?: VerifiedFacts;
}

/** Per region of the run: its catalog, loaded on first use by whichever needs it first. */
export function sharedReads(run: PreparedRun): Map<string, SharedReads> {
  return new Map(
    run.regions.map((region) => {
      const client = run.clients.get(region.name);
      const catalog = memo(() =>
        client
          ? loadCatalog(client, referencedNames(run.project, region.name))
          : Promise.reject(new Error(`no client for region ${region.name}`)),
      );
      return [region.name, { catalog }];
    }),
  );
}

/**
 * Checks every reachable region of the run. Returns false, with each region's result recorded
 * (the checks, or "skipped"), when any region is not ready: then nothing may be written.
 */
export async function preflightGate(
  run: PreparedRun,
  view: RoleView,
  shared: Map<string, SharedReads>,
  result: CommandResult,
): Promise<boolean> {
  const reports = await Promise.all(
    run.regions.map(async (region) => {
      const info = view.regions.get(region.name)!;
      const client = run.clients.get(region.name);
      if (!info.reachable || !client) return undefined;
      const reads = shared.get(region.name)!;
      const report = await preflightRegion(client, region, run.project, {
        state: info.state,
        catalog: reads.catalog,
      });
      reads.verified = report.verified;
      return report.checks;
    }),
  );
  const notReady = run.regions.filter((_, i) => reports[i] && !regionReady(reports[i]!));
  if (notReady.length === 0) return true;
  run.regions.forEach((region, i) => {
    const r = emptyRegionResult();
    if (reports[i]) recordChecks(r, reports[i]!);
    if (r.status === 'ok') {
      r.status = 'skipped';
      r.warnings.push(
        `not deployed: region ${notReady.map((x) => x.name).join(', ')} is not ready (preflight); nothing was written anywhere`,
      );
    }
    result.regions[region.name] = r;
  });
  return false;
}
