/**
 * plan and deploy: validate everything, check every credential and secret, read the roles (under
 * the locks for a deploy), check readiness (preflight), fence a stale active region first, then
 * reconcile each region (in parallel; one failing does not stop another) in the order scopes →
 * notebooks → clusters → pipelines → jobs. Nothing is written before every check has passed.
 * The steps live in preflight-gate.ts, fencing.ts and region.ts.
 */

import { startSecretChecks } from '../assets/scopes/index.js';
import { type CommandResult, emptyRegionResult, type RegionResult } from '../plan/types.js';
import { type RegionRoleInfo, type RoleView, readRoles } from '../roles/index.js';
import { lockAndReadRoles, lockFailure, proveFencing } from '../roles/locked.js';
import { PROBE, regionProbe, runIdentity } from '../session/clients.js';
import { type DeployOptions, type PreparedRun, prepareRun } from '../session/prepare.js';
import { LockHeldError } from '../state/lock.js';
import type { LockSet } from '../state/region-locks.js';
import { fenceStale, mergeResults } from './fencing.js';
import { preflightGate, sharedReads } from './preflight-gate.js';
import { deployRegion } from './region.js';

export async function runDeploy(options: DeployOptions): Promise<CommandResult> {
  const run = await prepareRun(options);
  try {
    return await deployWith(run, options);
  } finally {
    for (const c of run.clients.values()) c.close();
  }
}

/**
 * A deploy (or with dryRun, a plan) over a prepared run. The caller owns the run's clients and
 * closes them: drift uses the same session for its plan and its notebook exports.
 */
export async function deployWith(run: PreparedRun, options: DeployOptions): Promise<CommandResult> {
  const env = options.env ?? process.env;
  const dryRun = options.dryRun === true;
  const result: CommandResult = {
    command: dryRun ? 'plan' : 'deploy',
    ...(dryRun ? { dry_run: true } : {}),
    regions: {},
    warnings: [...run.warnings],
  };
  let locks: LockSet | undefined;
  try {
    let view: RoleView;
    try {
      ({ view, locks } = await takeRoles(run, options));
    } catch (err) {
      if (!(err instanceof LockHeldError)) throw err;
      lockFailure(result, err.region, err);
      return result;
    }
    if (refuseUnknownRoles(view, result)) return result;
    result.rolesVerified = view.verified;
    if (run.kinds.includes('secret_scope')) {
      for (const region of run.regions) {
        const state = view.regions.get(region.name)?.state;
        if (state) startSecretChecks(run.project.scopes, region.name, state, env);
      }
    }
    if (!view.verified) {
      result.warnings!.push(
        "roles unverified: not every region could be read, so no job's runnable status is changed " +
          '(definitions are still deployed; new jobs are created passive)',
      );
    }
    const shared = sharedReads(run);
    if (!dryRun && !options.skipPreflight && !(await preflightGate(run, view, shared, result))) return result;
    await fenceStale(run, view, locks, options, result);
    const regionRun = { run, view, options, env, locks };
    const outcomes = await Promise.all(
      run.regions.map((region) => deployRegion(regionRun, region, shared.get(region.name)!)),
    );
    run.regions.forEach((r, i) => {
      const fenced = result.regions[r.name];
      result.regions[r.name] = fenced ? mergeResults(fenced, outcomes[i]) : outcomes[i];
    });
    noteUnreachable(run, view, result);
    result.activeRegion = view.active;
    if (!dryRun && mustProveFencing(run, view, result))
      await proveFencing(
        run.project.config,
        run.clients,
        result,
        view.verified ? view.active : undefined,
        view.verified,
      );
  } finally {
    await locks?.release();
  }
  return result;
}

/** The roles of every region: read for a plan, read under each region's lock for a deploy. */
async function takeRoles(
  run: PreparedRun,
  options: DeployOptions,
): Promise<{ view: RoleView; locks?: LockSet }> {
  const env = options.env ?? process.env;
  const probe = options.probe ?? regionProbe(env, PROBE);
  const config = run.project.config;
  if (options.dryRun === true) return { view: await readRoles(config, run.clients, probe) };
  return lockAndReadRoles(config, run.clients, {
    command: options.adopt ? 'deploy --adopt' : 'deploy',
    identity: runIdentity(env),
    reporter: options.reporter,
    probe,
    waitSeconds: options.lockWaitSeconds,
    pollMs: options.lockPollMs,
  });
}

/** A region outside the run that did not answer may still run jobs: the result says so. */
function noteUnreachable(run: PreparedRun, view: RoleView, result: CommandResult): void {
  for (const region of run.project.config.regions) {
    const info = view.regions.get(region.name)!;
    if (!result.regions[region.name] && !info.reachable) {
      const r = emptyRegionResult('unreachable');
      r.unfenced = true;
      r.warnings.push(
        `region ${region.name} could not be reached (${info.error}); it will be checked and fenced when it answers`,
      );
      result.regions[region.name] = r;
    }
  }
}

/**
 * Whether to read back which regions can run jobs. A deploy that reached every region's jobs with
 * verified roles and changed none of them has just listed them all under the locks, each in its
 * role's form: that listing is the proof, and a second one would only cost a list per region.
 */
function mustProveFencing(run: PreparedRun, view: RoleView, result: CommandResult): boolean {
  const changedRunnable = Object.values(result.regions).some((r) =>
    r.changes.some((c) => (c.kind === 'job' || c.kind === 'region') && c.status !== 'planned'),
  );
  const sawEveryJob = run.kinds.includes('job') && run.regions.length === run.project.config.regions.length;
  const allOk = Object.values(result.regions).every((r) => r.status === 'ok');
  return changedRunnable || !sawEveryJob || !view.verified || !allOk || !view.active;
}

/**
 * What settles the roles. A failover fences a region by its jobs but leaves an unreadable state
 * file as it is (it is not the tool's to overwrite), so only `roles --repair` ends that refusal.
 */
const SETTLE_UNREADABLE =
  'then rewrite the state files with one region active: `databricks-dr roles --repair --active REGION` ' +
  '(a failover fences a region by its jobs but leaves an unreadable state file as it is, and deploy keeps refusing)';
const SETTLE_UNKNOWN =
  'then make one region active explicitly: `databricks-dr failover --to REGION` (fences the others by their jobs) or ' +
  '`databricks-dr roles --repair --active REGION` (rewrites the state files)';

/**
 * A region that answers without a readable state file while jobs of this config can run there
 * has no known role, and a state file that cannot be read cannot be written over: the deploy
 * then changes nothing anywhere and says what to do. Returns true when it refused.
 */
function refuseUnknownRoles(view: RoleView, result: CommandResult): boolean {
  const refused = [...view.regions.values()].filter(
    (i) => i.reachable && (i.unreadable || view.unknown.includes(i.name)),
  );
  for (const info of refused) {
    const r = emptyRegionResult('failed');
    const why = info.unreadable
      ? info.unreadable
      : `region ${info.name} has no state file, but jobs of this config can run there (${info.runnableJobs!.join(', ')}): its role is unknown`;
    r.errors.push(
      `${why}. Nothing was deployed and no region's runnable status was changed. See the roles with \`databricks-dr roles\`; ` +
        (info.unreadable ? SETTLE_UNREADABLE : SETTLE_UNKNOWN),
    );
    result.regions[info.name] = r;
  }
  if (refused.length === 0) return false;
  // Every other region is listed too, with why nothing happened there (in the config's order).
  const regions: CommandResult['regions'] = {};
  for (const info of view.regions.values()) {
    const r = result.regions[info.name] ?? notDeployedBeside(info, refused);
    regions[info.name] = r;
  }
  result.regions = regions;
  return true;
}

/** A region a refusal left alone: its role as read, and why it was not deployed. */
function notDeployedBeside(info: RegionRoleInfo, refused: readonly RegionRoleInfo[]): RegionResult {
  const names = refused.map((i) => i.name).join(', ');
  if (!info.reachable) {
    const r = emptyRegionResult('unreachable');
    r.warnings.push(`region ${info.name} could not be reached (${info.error}); not deployed either`);
    return r;
  }
  const r = emptyRegionResult('skipped');
  if (info.state) {
    r.role = info.state.role;
    r.epoch = info.state.epoch;
  }
  r.warnings.push(`not deployed: the role of region ${names} is not known; nothing was written anywhere`);
  return r;
}
