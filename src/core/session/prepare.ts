/**
 * Preparing a run: everything that can fail without a request (validation, region selection,
 * credentials, secret values, auth rules), with every token and secret masked before anything
 * could print it. Ends with a client per region.
 */
import { checkKeyVaultAuth } from '../auth/index.js';
import type { DatabricksClient } from '../client/index.js';
import type { RegionConfig } from '../config/types.js';
import { ConfigurationError, UsageError, ValidationError } from '../errors.js';
import { ASSET_ORDER, type AssetKind, ONLY_NAMES } from '../plan/types.js';
import type { Reporter } from '../reporter.js';
import type { ProbeOptions } from '../state/state-io.js';
import { hasErrors, validateProject } from '../validate/index.js';
import type { ProjectDefinitions } from '../validate/types.js';
import { type ClientSettings, createClients } from './clients.js';

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
  if (secrets && secrets.tooLarge.length > 0)
    problems.push(
      `secret values over Databricks' limit of 131,072 bytes (128 KB): ${secrets.tooLarge.join(', ')}; ` +
        'store a smaller value (or a reference to where the large one lives)',
    );
  if (problems.length > 0) {
    for (const c of clients.values()) c.close();
    // A plan or a drift check never writes: say what did not happen for the command at hand.
    const stopped = options.dryRun ? 'nothing was planned' : 'nothing was written';
    throw new ConfigurationError(`${stopped}:\n  ${problems.join('\n  ')}`);
  }
  return { project, regions, kinds, clients, warnings };
}

/** What a scope file says about its secrets: the variable each value is read from. */
interface SecretsOf {
  scope: string;
  secrets?: Record<string, { env: string }>;
}

/** Every secret value a deploy needs, read before the first write; a missing variable is an error. */
export function secretValues(
  scopes: ReadonlyArray<{ byRegion: Record<string, Record<string, unknown>> }>,
  regions: readonly string[],
  env: NodeJS.ProcessEnv,
): { values: Map<string, string>; missing: string[]; tooLarge: string[] } {
  const values = new Map<string, string>();
  const missing = new Set<string>();
  const tooLarge = new Set<string>();
  for (const def of scopes) {
    for (const region of regions) {
      const file = def.byRegion[region] as unknown as SecretsOf;
      for (const [key, source] of Object.entries(file.secrets ?? {})) {
        const value = env[source.env];
        const where = `${source.env} (secret ${file.scope}/${key})`;
        if (value === undefined || value === '') missing.add(where);
        else {
          values.set(source.env, value);
          const bytes = Buffer.byteLength(value, 'utf8');
          if (bytes > MAX_SECRET_VALUE_BYTES)
            tooLarge.add(`${where}: ${bytes.toLocaleString('en-US')} bytes`);
        }
      }
    }
  }
  return { values, missing: [...missing].sort(), tooLarge: [...tooLarge].sort() };
}

/** Databricks takes a secret value of at most 128 KB (Secrets API, `secrets/put`). */
const MAX_SECRET_VALUE_BYTES = 128 * 1024;
