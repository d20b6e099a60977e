/**
 * The emulated Databricks workspaces: `startEmulator(options)` serves each workspace at the root
 * of its own 127.0.0.1 port (the official SDK drops path prefixes, so one port per workspace).
 */
import { nullLogger } from '../core/logger.js';
import { assetNamesError } from './assets-api.js';
import { catalogListError } from './catalog.js';
import { EntraAuthorityServer } from './entra.js';
import { validateFaultSpec } from './faults.js';
import { DOCUMENTED_RATE_LIMITS, type RateLimits } from './limits.js';
import { principalSpecError } from './principals.js';
import { WorkspaceServer } from './server.js';
import type { EmulatedWorkspace, Emulator, EmulatorOptions, WorkspaceSpec } from './types.js';

export { DEFAULT_NODE_TYPES, DEFAULT_SPARK_VERSIONS } from './catalog.js';
export { MAX_PINNED_CLUSTERS } from './clusters-api.js';
export {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_GITHUB_SUBJECT,
  DEFAULT_TENANT_ID,
  TOKEN_EXCHANGE_AUDIENCE,
} from './entra.js';
export { mulberry32 } from './faults.js';
export { AZURE_DATABRICKS_APP_ID, EMULATOR_ACCOUNT_ID, GITHUB_ISSUER } from './oidc.js';
export type * from './types.js';
export type * from './workspace-state.js';

export const DEFAULT_TOKEN = 'dapi-emulator';
export const DEFAULT_USER = 'emulator@example.com';
const NAME = /^[A-Za-z0-9_.-]+$/;

function resolveRateLimits(option: EmulatorOptions['rateLimits']): RateLimits | undefined {
  if (option === 'off') return undefined;
  if (option === undefined || option === 'default') return { ...DOCUMENTED_RATE_LIMITS };
  return { ...DOCUMENTED_RATE_LIMITS, ...option };
}

function nonNegative(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
}

/** The per-workspace settings of a spec (tier, catalog, principals); returns an error or undefined. */
function workspaceSpecError(w: WorkspaceSpec, caller: string): string | undefined {
  if (w.tier !== undefined && w.tier !== 'premium' && w.tier !== 'standard')
    return `workspace '${w.name}': tier must be 'premium' or 'standard'`;
  const catalog =
    catalogListError(w.nodeTypes, `workspace '${w.name}': nodeTypes`) ??
    catalogListError(w.sparkVersions, `workspace '${w.name}': sparkVersions`);
  const assets = w.assets === undefined ? undefined : assetNamesError(w.assets);
  return catalog ?? (assets && `workspace '${w.name}': assets: ${assets}`) ?? principalSpecError(w, caller);
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  if (options.workspaces.length === 0) throw new Error('startEmulator needs at least one workspace');
  const names = new Set<string>();
  for (const w of options.workspaces) {
    if (!NAME.test(w.name))
      throw new Error(`Invalid workspace name '${w.name}': use letters, digits, '.', '_', '-'`);
    if (names.has(w.name)) throw new Error(`Workspace '${w.name}' is given twice`);
    names.add(w.name);
    const error = workspaceSpecError(w, options.userName ?? DEFAULT_USER);
    if (error) throw new Error(error);
  }
  if (options.faults) {
    const error = validateFaultSpec(options.faults);
    if (error) throw new Error(error);
  }
  const logger = options.logger ?? nullLogger;
  // The authority starts first: workspaces consult it for every token that is not their PAT.
  const entra = options.entra === false ? undefined : new EntraAuthorityServer(options.entra ?? {}, logger);
  await entra?.start();
  const settings = {
    identity: entra?.hooks,
    token: options.token ?? DEFAULT_TOKEN,
    latencyMs: nonNegative(options.latencyMs, 'latencyMs', 0),
    rateLimits: resolveRateLimits(options.rateLimits),
    faults: options.faults,
    stateDir: options.stateDir,
    readOnly: options.readOnly ?? false,
    logger,
    logRequests: options.logRequests ?? false,
    config: {
      notFoundStatus: options.notFoundStatus ?? 400,
      clusterStartMs: nonNegative(options.clusterStartMs, 'clusterStartMs', 50),
      clusterTerminateMs: nonNegative(options.clusterTerminateMs, 'clusterTerminateMs', 50),
      runPendingMs: nonNegative(options.runPendingMs, 'runPendingMs', 20),
      runDurationMs: nonNegative(options.runDurationMs, 'runDurationMs', 100),
      userName: options.userName ?? DEFAULT_USER,
    },
  };
  const servers = options.workspaces.map((w) => new WorkspaceServer(w.name, w.port ?? 0, settings, w));
  const results = await Promise.allSettled(servers.map((s) => s.start()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((s) => s.stop()));
    await entra?.stop();
    throw failed.reason;
  }
  for (const s of servers) settings.logger.info(`emulator: workspace ${s.name} at ${s.url}`);
  if (entra)
    logger.info(
      `emulator: Entra authority at ${entra.authorityHost} (tenant ${entra.tenantId}, client ${entra.clientId}; trust ${entra.caFile})`,
    );

  const workspaces: EmulatedWorkspace[] = servers;
  return {
    ...(entra
      ? {
          entra,
          authorityHost: entra.authorityHost,
          caFile: entra.caFile,
          tenantId: entra.tenantId,
          clientId: entra.clientId,
          clientSecret: entra.clientSecret,
        }
      : {}),
    workspaces,
    workspace(name: string): EmulatedWorkspace {
      const w = servers.find((s) => s.name === name);
      if (!w) throw new Error(`No emulated workspace named '${name}'`);
      return w;
    },
    async stop(): Promise<void> {
      await Promise.all(servers.map((s) => s.stop()));
      await entra?.stop();
    },
  };
}
