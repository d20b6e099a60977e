/** The preflight command: every region's readiness, with what to fix; nothing is written. */

import { type CommandResult, emptyRegionResult } from '../plan/types.js';
import { readRoles, roleOf } from '../roles/index.js';
import { PROBE, regionProbe } from '../session/clients.js';
import { type DeployOptions, prepareRun } from '../session/prepare.js';
import { preflightRegion, recordChecks } from './index.js';
import { stateFolderCheck } from './state-folder.js';

export async function runPreflight(options: DeployOptions): Promise<CommandResult> {
  // Secret values are not needed to judge readiness.
  const run = await prepareRun({ ...options, only: ['notebooks', 'clusters', 'jobs'] });
  const result: CommandResult = { command: 'preflight', regions: {} };
  try {
    const view = await readRoles(
      run.project.config,
      run.clients,
      options.probe ?? regionProbe(options.env ?? process.env, PROBE),
    );
    result.activeRegion = view.active;
    const outcomes = await Promise.all(
      run.regions.map(async (region) => {
        const r = emptyRegionResult();
        const info = view.regions.get(region.name)!;
        r.role = roleOf(view, region.name);
        r.epoch = view.epoch;
        const client = run.clients.get(region.name);
        if (!client || !info.reachable) {
          r.status = 'unreachable';
          r.errors.push(`region ${region.name} could not be reached: ${info.error ?? 'no credentials'}`);
          return r;
        }
        const { checks } = await preflightRegion(client, region, run.project);
        if (!checks.some((c) => c.status === 'fail' && c.check === 'reachable and authenticated'))
          checks.push(await stateFolderCheck(client, run.project.config, info.state));
        recordChecks(r, checks);
        return r;
      }),
    );
    run.regions.forEach((region, i) => {
      result.regions[region.name] = outcomes[i];
    });
  } finally {
    for (const c of run.clients.values()) c.close();
  }
  return result;
}
