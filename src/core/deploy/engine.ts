/**
 * plan and deploy: validate everything, check every credential and secret, then reconcile each
 * region (in parallel; one failing does not stop another) in the order scopes → notebooks →
 * clusters → jobs. Nothing is written before every check has passed.
 */
import os from 'node:os';
import { tokenProviderFor } from '../auth/index.js';
import { DatabricksClient, type DatabricksClientOptions, isUnreachable } from '../client/index.js';
import type { RegionConfig } from '../config/types.js';
import { ConfigurationError, UsageError, ValidationError } from '../errors.js';
import type { Reporter } from '../reporter.js';
import { hasErrors, validateProject } from '../validate/index.js';
import type { ProjectDefinitions } from '../validate/types.js';
import { deployClusters, listClusters, resolveExternalClusters, resolveManagedClusters } from './clusters.js';
import { describeError, RegionAbort, type RegionContext } from './context.js';
import { deployJobs, listJobs } from './jobs.js';
import { deployNotebooks } from './notebooks.js';
import { deployScopes, secretValues } from './scopes.js';
import { readRegionState, writeRegionState } from './state-io.js';
import {
  ASSET_ORDER,
  type AssetKind,
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
  /** Asset kinds to deploy, by their config names (notebooks, clusters, jobs, secret_scopes). */
  only?: string[];
  adopt?: boolean;
  /** Plan: read every region, write nothing. */
  dryRun?: boolean;
  /** Client settings for tests and benchmarks (rate limits, timeouts). */
  client?: Partial<Omit<DatabricksClientOptions, 'region' | 'host' | 'tokenProvider'>>;
}

export interface PreparedRun {
  project: ProjectDefinitions;
  regions: RegionConfig[];
  kinds: AssetKind[];
  clients: Map<string, DatabricksClient>;
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

  const problems: string[] = [];
  const clients = new Map<string, DatabricksClient>();
  for (const region of regions) {
    try {
      const tokenProvider = tokenProviderFor(region, env);
      reporter.mask(await tokenProvider.token());
      clients.set(
        region.name,
        new DatabricksClient({
          region: region.name,
          host: region.host,
          tokenProvider,
          logger: reporter.logger,
          ...options.client,
        }),
      );
    } catch (err) {
      problems.push(`region ${region.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const kvScopes = project.scopes.filter((s) => s.byRegion[region.name]?.backend === 'azure_keyvault');
    if (
      kinds.includes('secret_scope') &&
      kvScopes.length > 0 &&
      (region.auth.type === 'pat' || region.auth.type === 'databricks-oidc')
    ) {
      problems.push(
        `region ${region.name}: Key Vault-backed scope ${kvScopes.map((s) => `"${s.name}"`).join(', ')} needs an Entra ID token, ` +
          `but the region authenticates with ${region.auth.type}; use an azure-* auth type for this region`,
      );
    }
  }
  if (kinds.includes('secret_scope')) {
    const { values, missing } = secretValues(
      project.scopes,
      regions.map((r) => r.name),
      env,
    );
    for (const v of values.values()) reporter.mask(v);
    if (missing.length > 0)
      problems.push(`secret values missing from the environment: ${missing.join(', ')}`);
  }
  if (problems.length > 0) {
    for (const c of clients.values()) c.close();
    throw new ConfigurationError(`nothing was written:\n  ${problems.join('\n  ')}`);
  }
  return { project, regions, kinds, clients };
}

export function runIdentity(env: NodeJS.ProcessEnv): string {
  if (env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY)
    return `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  if (env.TF_BUILD && env.BUILD_BUILDID)
    return `${env.SYSTEM_COLLECTIONURI ?? ''}${env.SYSTEM_TEAMPROJECT ?? ''}/_build/results?buildId=${env.BUILD_BUILDID}`;
  return `${os.userInfo().username}@${os.hostname()}`;
}

export async function runDeploy(options: DeployOptions): Promise<CommandResult> {
  const env = options.env ?? process.env;
  const run = await prepareRun(options);
  const command = options.dryRun ? 'plan' : 'deploy';
  const result: CommandResult = { command, regions: {} };
  try {
    const outcomes = await Promise.all(
      run.regions.map((region) => deployRegion(run, region, run.clients.get(region.name)!, options, env)),
    );
    run.regions.forEach((r, i) => {
      result.regions[r.name] = outcomes[i];
    });
  } finally {
    for (const c of run.clients.values()) c.close();
  }
  const active = Object.entries(result.regions).find(([, r]) => r.role === 'active');
  if (active) result.activeRegion = active[0];
  return result;
}

async function deployRegion(
  run: PreparedRun,
  region: RegionConfig,
  client: DatabricksClient,
  options: DeployOptions,
  env: NodeJS.ProcessEnv,
): Promise<RegionResult> {
  const result = emptyRegionResult();
  const config = run.project.config;
  let loaded: Awaited<ReturnType<typeof readRegionState>>;
  try {
    loaded = await readRegionState(client, config.name, region.name, region.role);
  } catch (err) {
    result.status = isUnreachable(err) ? 'unreachable' : 'failed';
    result.errors.push(describeError(err));
    return result;
  }
  const ctx: RegionContext = {
    config,
    region,
    client,
    project: run.project,
    state: loaded.state,
    role: loaded.state.role,
    dryRun: options.dryRun === true,
    adopt: options.adopt === true,
    reporter: options.reporter,
    result,
    env,
    clusterIds: new Map(),
    wrote: false,
  };
  result.role = ctx.role;
  result.epoch = loaded.state.epoch;

  try {
    const kinds = run.kinds;
    if (kinds.includes('secret_scope')) await deployScopes(ctx);
    if (kinds.includes('notebook')) await deployNotebooks(ctx);
    if (kinds.includes('cluster') || kinds.includes('job')) {
      const clusters = await listClusters(ctx);
      resolveExternalClusters(ctx, clusters);
      if (kinds.includes('cluster')) await deployClusters(ctx, clusters);
      else resolveManagedClusters(ctx, clusters);
    }
    if (kinds.includes('job')) await deployJobs(ctx, await listJobs(ctx));
  } catch (err) {
    result.errors.push(err instanceof RegionAbort ? err.message : describeError(err));
    if (isUnreachable(err)) result.status = 'unreachable';
  }
  result.clusterIds = Object.fromEntries([...ctx.clusterIds].filter(([, id]) => !id.startsWith('<')));

  if (!ctx.dryRun && (ctx.wrote || !loaded.exists) && result.status !== 'unreachable') {
    ctx.state.updated_at = new Date().toISOString();
    ctx.state.updated_by = runIdentity(env);
    try {
      await writeRegionState(client, ctx.state, loaded.exists);
    } catch (err) {
      result.errors.push(`the state file could not be written: ${describeError(err)}`);
    }
  }
  if (result.errors.length > 0 && result.status === 'ok') result.status = 'failed';
  if (result.changes.some((c) => c.status === 'failed') && result.status === 'ok') result.status = 'failed';
  return result;
}
