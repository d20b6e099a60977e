/** A client per region, who is running, and how long a region may take to answer. */
import os from 'node:os';
import { tokenProviderFor } from '../auth/index.js';
import { DatabricksClient, type DatabricksClientOptions } from '../client/index.js';
import type { RegionConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import type { Reporter } from '../reporter.js';
import type { ProbeOptions } from '../state/state-io.js';

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
