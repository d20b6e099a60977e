/**
 * plan and deploy: validate everything, check every credential and secret, then reconcile each
 * region (in parallel; one failing does not stop another) in the order scopes → notebooks →
 * clusters → pipelines → jobs. Nothing is written before every check has passed.
 */
import os from 'node:os';
import { checkKeyVaultAuth, tokenProviderFor } from '../auth/index.js';
import { DatabricksClient, type DatabricksClientOptions, isUnreachable } from '../client/index.js';
import type { RegionConfig } from '../config/types.js';
import { ConfigurationError, UsageError, ValidationError } from '../errors.js';
import { preflightRegion, recordChecks, regionReady } from '../preflight/index.js';
import type { Reporter } from '../reporter.js';
import { type RoleView, readRoles, roleOf } from '../roles/index.js';
import { lockAndReadRoles, lockFailure, proveFencing } from '../roles/locked.js';
import { changeRole } from '../roles/transition.js';
import { LockHeldError } from '../state/lock.js';
import type { LockSet } from '../state/region-locks.js';
import type { RegionState, VerifiedFacts } from '../state/state.js';
import { type ProbeOptions, writeRegionState } from '../state/state-io.js';
import { hasErrors, validateProject } from '../validate/index.js';
import type { ProjectDefinitions } from '../validate/types.js';
import { deployClusters, listClusters, resolveExternalClusters, resolveManagedClusters } from './clusters.js';
import { applyChanges, describeError, RegionAbort, type RegionContext } from './context.js';
import { deployJobs, listJobs } from './jobs.js';
import { deployNotebooks } from './notebooks.js';
import { currentDeployers } from './permissions.js';
import { pipelineStage } from './pipelines.js';
import { emptyCatalog, loadCatalog, type RegionCatalog, referencedNames } from './references.js';
import { deployScopes, secretValues, startSecretChecks } from './scopes.js';
import {
  ASSET_ORDER,
  type AssetKind,
  type Change,
  type CommandResult,
  emptyRegionResult,
  ONLY_NAMES,
  type RegionResult,
} from './types.js';

export interface DeployOptions {
  configFile: string;
  reporter: Reporter;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Region names to deploy (default: all). */
  regions?: string[];
  /** Asset kinds to deploy, by their config names (notebooks, clusters, pipelines, jobs, secret_scopes). */
  only?: string[];
  adopt?: boolean;
  /** Plan: read every region, write nothing. */
  dryRun?: boolean;
  /** Client settings for tests and benchmarks (rate limits, timeouts, extra CA). */
  client?: ClientSettings;
  /** Bounds for reading each region's state (default PROBE). */
  probe?: ProbeOptions;
  /** deploy: do not check each region's readiness first (preflight). */
  skipPreflight?: boolean;
  /** --lock-wait: seconds to wait for a region's lock held by another run (default: the config's). */
  lockWaitSeconds?: number;
  /** How often to look at a held lock again (tests). */
  lockPollMs?: number;
  /** false: upload every notebook on its own, never as a directory import (--no-archive). */
  archive?: boolean;
}

export interface PreparedRun {
  project: ProjectDefinitions;
  /** The regions the command works on (--region), in config order. */
  regions: RegionConfig[];
  kinds: AssetKind[];
  /** A client per region whose credentials are present: all regions, for fencing. */
  clients: Map<string, DatabricksClient>;
  /** Problems with regions outside --region that only limit fencing. */
  warnings: string[];
}

export function parseOnly(only: string[] | undefined): AssetKind[] {
  if (!only || only.length === 0) return [...ASSET_ORDER];
  const kinds = new Set<AssetKind>();
  for (const raw of only
    .flatMap((o) => o.split(','))
    .map((o) => o.trim())
    .filter(Boolean)) {
    const kind = ONLY_NAMES[raw];
    if (!kind)
      throw new UsageError(`--only ${raw}: use ${Object.keys(ONLY_NAMES).join(', ')} (comma-separated)`);
    kinds.add(kind);
  }
  return ASSET_ORDER.filter((k) => kinds.has(k));
}

/**
 * Everything that can fail without a request: validation, region selection, credentials, secret
 * values and auth rules. Masks every token and secret before anything could print it.
 */
export async function prepareRun(options: DeployOptions): Promise<PreparedRun> {
  const env = options.env ?? process.env;
  const { reporter } = options;
  const kinds = parseOnly(options.only);
  const report = validateProject(options.configFile, { env, cwd: options.cwd });
  for (const d of report.diagnostics) reporter.annotate(d);
  if (hasErrors(report) || !report.project) {
    throw new ValidationError(
      report.diagnostics.filter((d) => d.severity === 'error'),
      { reported: true },
    );
  }
  const project = report.project;
  const { config } = project;

  const names =
    options.regions
      ?.flatMap((r) => r.split(','))
      .map((r) => r.trim())
      .filter(Boolean) ?? [];
  for (const n of names) {
    if (!config.regions.some((r) => r.name === n))
      throw new UsageError(
        `--region ${n}: no such region in ${options.configFile} (regions: ${config.regions.map((r) => r.name).join(', ')})`,
      );
  }
  const regions = names.length > 0 ? config.regions.filter((r) => names.includes(r.name)) : config.regions;

  // Secret values are masked before the first request (a credential provider may make one).
  const secrets = kinds.includes('secret_scope')
    ? secretValues(
        project.scopes,
        regions.map((r) => r.name),
        env,
      )
    : undefined;
  for (const v of secrets?.values.values() ?? []) reporter.mask(v);

  const problems: string[] = [];
  const warnings: string[] = [];
  const clients = await createClients(config.regions, env, reporter, options.client, (region, message) => {
    if (regions.includes(region)) problems.push(`region ${region.name}: ${message}`);
    else warnings.push(`region ${region.name} cannot be checked for fencing: ${message}`);
  });
  for (const region of regions) {
    const kvScopes = project.scopes.filter((s) => s.byRegion[region.name]?.backend === 'azure_keyvault');
    if (kinds.includes('secret_scope') && kvScopes.length > 0) {
      try {
        checkKeyVaultAuth(
          region,
          kvScopes.map((s) => s.name),
        );
      } catch (err) {
        problems.push(err instanceof Error ? err.message : String(err));
      }
    }
  }
  if (secrets && secrets.missing.length > 0)
    problems.push(`secret values missing from the environment: ${secrets.missing.join(', ')}`);
  if (problems.length > 0) {
    for (const c of clients.values()) c.close();
    throw new ConfigurationError(`nothing was written:\n  ${problems.join('\n  ')}`);
  }
  return { project, regions, kinds, clients, warnings };
}

export type ClientSettings = Partial<Omit<DatabricksClientOptions, 'region' | 'host' | 'tokenProvider'>> & {
  /** Extra CA certificates for Entra and OIDC endpoints (emulators, private clouds). */
  ca?: string;
};

/**
 * A client per region. Credentials are checked (and every token masked) here, before any request;
 * a region whose credentials are missing is reported through `onProblem` and left out.
 */
export async function createClients(
  regions: readonly RegionConfig[],
  env: NodeJS.ProcessEnv,
  reporter: Reporter,
  settings: ClientSettings = {},
  onProblem: (region: RegionConfig, message: string) => void,
): Promise<Map<string, DatabricksClient>> {
  const { ca, ...clientSettings } = settings;
  const clients = new Map<string, DatabricksClient>();
  for (const region of regions) {
    try {
      const tokenProvider = await tokenProviderFor(region, env, {
        mask: (secret) => reporter.mask(secret),
        warn: (message) => reporter.logger.warning(message),
        ca,
      });
      clients.set(
        region.name,
        new DatabricksClient({
          region: region.name,
          host: region.host,
          tokenProvider,
          logger: reporter.logger,
          redact: (text) => reporter.redact(text),
          ...clientSettings,
        }),
      );
    } catch (err) {
      onProblem(region, err instanceof Error ? err.message : String(err));
    }
  }
  return clients;
}

export function runIdentity(env: NodeJS.ProcessEnv): string {
  if (env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY)
    return `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  if (env.TF_BUILD && env.BUILD_BUILDID)
    return `${env.SYSTEM_COLLECTIONURI ?? ''}${env.SYSTEM_TEAMPROJECT ?? ''}/_build/results?buildId=${env.BUILD_BUILDID}`;
  return `${os.userInfo().username}@${os.hostname()}`;
}

/** How long reading a region's state may take before the region counts as unreachable. */
export const PROBE = { timeoutMs: 15_000, deadlineMs: 30_000 };

/** Overrides how long each region may take to answer the first read (seconds). */
export const REGION_TIMEOUT_ENV = 'DATABRICKS_DR_REGION_TIMEOUT';

/**
 * The bounds for reading each region's state: `defaults`, or DATABRICKS_DR_REGION_TIMEOUT seconds
 * in all (retries included) when set. A region that does not answer within them is unreachable
 * and gets no further request in this run.
 */
export function regionProbe(env: NodeJS.ProcessEnv, defaults: ProbeOptions): ProbeOptions {
  const raw = env[REGION_TIMEOUT_ENV];
  if (raw === undefined || raw.trim() === '') return defaults;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`${REGION_TIMEOUT_ENV}=${raw}: give a number of seconds greater than 0, e.g. 20`);
  const deadlineMs = Math.round(seconds * 1000);
  return { timeoutMs: Math.min(defaults.timeoutMs ?? deadlineMs, deadlineMs), deadlineMs };
}

export async function runDeploy(options: DeployOptions): Promise<CommandResult> {
  const env = options.env ?? process.env;
  const run = await prepareRun(options);
  const config = run.project.config;
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
    if (dryRun) view = await readRoles(config, run.clients, options.probe ?? regionProbe(env, PROBE));
    else {
      try {
        ({ view, locks } = await lockAndReadRoles(config, run.clients, {
          command: options.adopt ? 'deploy --adopt' : 'deploy',
          identity: runIdentity(env),
          reporter: options.reporter,
          probe: options.probe ?? regionProbe(env, PROBE),
          waitSeconds: options.lockWaitSeconds,
          pollMs: options.lockPollMs,
        }));
      } catch (err) {
        if (!(err instanceof LockHeldError)) throw err;
        lockFailure(result, err.region, err);
        return result;
      }
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
    // What preflight and the deploy both need from a region is read once.
    const shared = new Map<string, SharedReads>(
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
    // Preflight: every region this deploy writes to must be ready, or nothing is written.
    if (!dryRun && !options.skipPreflight) {
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
      if (notReady.length > 0) {
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
        return result;
      }
    }
    // Fencing first, whatever --region or --only narrow: a stale active region is passivated.
    for (const name of view.stale) {
      const info = view.regions.get(name)!;
      const r = emptyRegionResult();
      result.regions[name] = r;
      const why = `region ${name} was active at epoch ${info.state!.epoch}; ${view.active ?? 'another region'} is active at epoch ${view.epoch}`;
      try {
        await changeRole({
          client: run.clients.get(name)!,
          config,
          regionName: name,
          state: info.state!,
          loaded: info,
          lock: locks?.held.get(name),
          role: 'passive',
          epoch: view.epoch,
          dryRun,
          reporter: options.reporter,
          result: r,
          runIdentity: runIdentity(env),
        });
        // "fenced" only once it was written; a plan says what deploy would do.
        r.warnings.push(dryRun ? `${why}: deploy would fence it (passivate it) first` : `${why}: fenced`);
      } catch (err) {
        r.status = 'failed';
        r.errors.push(`${why}; fencing failed: ${describeError(err)}`);
      }
      info.state!.role = 'passive';
    }
    const outcomes = await Promise.all(
      run.regions.map((region) =>
        deployRegion(run, region, view, shared.get(region.name)!, options, env, locks),
      ),
    );
    run.regions.forEach((r, i) => {
      const fenced = result.regions[r.name];
      result.regions[r.name] = fenced ? mergeResults(fenced, outcomes[i]) : outcomes[i];
    });
    for (const region of config.regions) {
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
    result.activeRegion = view.active;
    if (!dryRun && mustProveFencing(run, view, result))
      await proveFencing(config, run.clients, result, view.verified ? view.active : undefined, view.verified);
  } finally {
    await locks?.release();
    for (const c of run.clients.values()) c.close();
  }
  return result;
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
        'then make one region active explicitly: `databricks-dr failover --to REGION` (fences the others by their jobs) or ' +
        '`databricks-dr roles --repair --active REGION` (rewrites the state files)',
    );
    result.regions[info.name] = r;
  }
  return refused.length > 0;
}

/** A fenced region's result: the fencing's, then the deploy's. */
function mergeResults(first: RegionResult, second: RegionResult): RegionResult {
  return {
    ...second,
    status: first.status === 'ok' ? second.status : first.status,
    changes: [...first.changes, ...withoutFencedFields(first.changes, second.changes)],
    errors: [...first.errors, ...second.errors],
    warnings: [...first.warnings, ...second.warnings],
  };
}

/**
 * The deploy's changes without what fencing already covers. A deploy reads the region after
 * fencing wrote it, so it never sees those fields differ; a plan reads it unfenced, and without
 * this would list each passivated job twice (as passivate and again as update).
 */
function withoutFencedFields(fencing: Change[], deploy: Change[]): Change[] {
  const fenced = new Map<string, Set<string>>();
  for (const c of fencing)
    if (c.kind === 'job' && c.action === 'passivate') fenced.set(c.name, new Set(c.fields ?? []));
  return deploy.flatMap((c) => {
    const covered = c.kind === 'job' && c.action === 'update' ? fenced.get(c.name) : undefined;
    if (!covered || !c.fields) return [c];
    const fields = c.fields.filter((f) => !covered.has(f));
    return fields.length === 0 ? [] : [{ ...c, fields }];
  });
}

/** Reads of one region that preflight and the deploy share. */
interface SharedReads {
  catalog: () => Promise<RegionCatalog>;
  /** What this run's preflight verified there, recorded in the state file when it is written. */
  verified?: VerifiedFacts;
}

async function deployRegion(
  run: PreparedRun,
  region: RegionConfig,
  view: RoleView,
  shared: SharedReads,
  options: DeployOptions,
  env: NodeJS.ProcessEnv,
  locks: LockSet | undefined,
): Promise<RegionResult> {
  const result = emptyRegionResult();
  const config = run.project.config;
  const info = view.regions.get(region.name)!;
  const client = run.clients.get(region.name);
  if (!client || !info.reachable || !info.state) {
    result.status = info.answered ? 'failed' : 'unreachable';
    result.errors.push(
      info.answered
        ? `region ${region.name}: its jobs could not be listed to learn its role (${info.error}); nothing was written there`
        : `region ${region.name} could not be reached: ${info.error ?? 'no client'}; it stays pending and is reconciled on the next run`,
    );
    return result;
  }
  const lock = locks?.held.get(region.name);
  if (locks && !lock) {
    result.status = 'failed';
    result.role = roleOf(view, region.name);
    result.epoch = view.epoch;
    result.errors.push(
      `region ${region.name}: its lock could not be taken (${locks.failed.get(region.name) ?? locks.unreachable.get(region.name) ?? 'unknown reason'}); nothing was written there`,
    );
    return result;
  }
  const role = roleOf(view, region.name);
  // The state file as it is in the workspace, for write-ahead records (ctx.state gets the plan).
  const written = structuredClone(info.state);
  const ctx: RegionContext = {
    config,
    region,
    client,
    project: run.project,
    state: info.state,
    recordIntent: async (mutate) => {
      mutate(written);
      stampState(written, env);
      lock?.assertHeld();
      await writeRegionState(client, written, info);
    },
    role,
    rolesVerified: view.verified,
    dryRun: options.dryRun === true,
    adopt: options.adopt === true,
    reporter: options.reporter,
    result,
    env,
    clusterIds: new Map(),
    wrote: false,
    catalog: emptyCatalog(),
    archive: options.archive ?? config.deploy?.archive ?? true,
  };
  result.role = role;
  result.epoch = view.epoch;

  let notebooks: Promise<{ error?: unknown }> | undefined;
  try {
    const kinds = run.kinds;
    if (kinds.includes('cluster') || kinds.includes('pipeline') || kinds.includes('job')) {
      ctx.catalog = await shared.catalog();
    }
    if (kinds.includes('secret_scope')) await deployScopes(ctx);
    // A passive region runs nothing, so its clusters and jobs may be created while its notebooks
    // upload; in the active region a scheduled job must not fire before its notebook exists.
    const overlap = role === 'passive' && !ctx.dryRun;
    notebooks = kinds.includes('notebook') ? settled(deployNotebooks(ctx)) : undefined;
    if (!overlap) await notebooks?.then(rethrow);
    if (kinds.includes('cluster') || kinds.includes('job')) {
      const clusters = await listClusters(ctx);
      resolveExternalClusters(ctx, clusters);
      if (kinds.includes('cluster')) await deployClusters(ctx, clusters);
      else resolveManagedClusters(ctx, clusters);
    }
    const pipelineDeletes = await pipelineStage(ctx, kinds);
    if (kinds.includes('job')) await deployJobs(ctx, await listJobs(ctx));
    // A pipeline removed from git goes once the jobs that ran it no longer do (prune.pipelines).
    await applyChanges(ctx, 'pipeline', pipelineDeletes, { concurrency: 4 });
    await notebooks?.then(rethrow);
    // The result lists changes in the usual order, whatever finished first.
    const rank = (k: Change['kind']) => ASSET_ORDER.indexOf(k as AssetKind);
    if (overlap) result.changes.sort((a, b) => rank(a.kind) - rank(b.kind));
  } catch (err) {
    // Uploads still in flight (a passive region's clusters or jobs failed first) end before the
    // state file is written.
    await notebooks;
    result.errors.push(err instanceof RegionAbort ? err.message : describeError(err));
    if (isUnreachable(err)) result.status = 'unreachable';
  }
  result.clusterIds = Object.fromEntries([...ctx.clusterIds].filter(([, id]) => !id.startsWith('<')));

  // The state file records the region's role and the current epoch; a deploy never changes the role.
  const epochBehind = ctx.state.epoch !== view.epoch && view.verified;
  if (!ctx.dryRun && (ctx.wrote || !info.exists || epochBehind) && result.status !== 'unreachable') {
    if (view.verified) {
      ctx.state.role = role;
      ctx.state.epoch = view.epoch;
    }
    stampState(ctx.state, env);
    if (shared.verified) ctx.state.verified = shared.verified;
    // Who deployed is recorded, so the next runs know their own ACL entries without asking.
    await currentDeployers(ctx).catch(() => undefined);
    try {
      lock?.assertHeld();
      await writeRegionState(client, ctx.state, info);
    } catch (err) {
      result.errors.push(`the state file could not be written: ${describeError(err)}`);
    }
  }
  if (result.errors.length > 0 && result.status === 'ok') result.status = 'failed';
  if (result.changes.some((c) => c.status === 'failed') && result.status === 'ok') result.status = 'failed';
  return result;
}

/** When and by whom the state file is written. */
function stampState(state: RegionState, env: NodeJS.ProcessEnv): void {
  state.updated_at = new Date().toISOString();
  state.updated_by = runIdentity(env);
}

/** A promise that never rejects: its error, if any, for `rethrow` once it is awaited. */
function settled(p: Promise<void>): Promise<{ error?: unknown }> {
  return p.then(
    () => ({}),
    (error: unknown) => ({ error: error ?? new Error('failed') }),
  );
}

function rethrow(outcome: { error?: unknown }): void {
  if (outcome.error !== undefined) throw outcome.error;
}

/** Calls `fn` once, on first use, and shares its promise. */
function memo<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => {
    p ??= fn();
    return p;
  };
}
