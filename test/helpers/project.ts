import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runDeploy } from '../../src/core/engine/run.js';
import type { CommandResult } from '../../src/core/plan/types.js';
import {
  type EmulatedWorkspace,
  type Emulator,
  type RequestLogEntry,
  startEmulator,
} from '../../src/emulator/index.js';
import { RecordingReporter } from './reporter.js';

export const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');

/** The jobs of examples/jobs, sorted by name. */
export const EXAMPLE_JOBS = [
  'daily-sales-etl',
  'dr-readiness-check',
  'orders-landing',
  'orders-silver-refresh',
  'regional-rollup',
  'weekly-demand-forecast',
];

/**
 * A copy of examples/ in a temp folder. The Key Vault-backed scope needs an Entra token, which a
 * PAT-authenticated region cannot create, so it is left out unless asked for.
 */
export function copyExamples(options: { keepKeyVaultScope?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dr-project-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  if (!options.keepKeyVaultScope) rmSync(path.join(dir, 'secret-scopes/kv-sales.json'));
  return dir;
}

export interface TwoRegions {
  emulator: Emulator;
  env: NodeJS.ProcessEnv;
  dir: string;
  configFile: string;
}

export const SECRET_VALUES = {
  HIVE_METASTORE_PASSWORD: 'hive-pa55-Distinctive-7781',
  ORDERS_API_KEY: 'orders-key-Distinctive-9923',
};

/** Two emulated workspaces and the environment that points the example config at them. */
export async function twoRegions(
  options: { latencyMs?: number; keepKeyVaultScope?: boolean } = {},
): Promise<TwoRegions> {
  const emulator = await startEmulator({
    workspaces: [{ name: 'primary' }, { name: 'secondary' }],
    token: 'dapi-test-Distinctive-0042',
    rateLimits: 'off',
    latencyMs: options.latencyMs ?? 0,
    clusterStartMs: 20,
    clusterTerminateMs: 20,
  });
  const [p, s] = emulator.workspaces;
  // The example's scope ACL names the team's group; a real workspace has it from SCIM provisioning.
  for (const ws of emulator.workspaces) {
    const res = await fetch(`${ws.url}/api/2.0/preview/scim/v2/Groups`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ws.token}`, 'Content-Type': 'application/scim+json' },
      body: JSON.stringify({ displayName: 'sales-data-engineers' }),
    });
    if (!res.ok) throw new Error(`creating the group in ${ws.name}: ${res.status} ${await res.text()}`);
    ws.clearRequests();
  }
  const dir = copyExamples(options);
  return {
    emulator,
    dir,
    configFile: path.join(dir, 'databricks-dr.yml'),
    env: {
      DATABRICKS_DR_HOST_PRIMARY: p.url,
      DATABRICKS_DR_HOST_SECONDARY: s.url,
      DATABRICKS_TOKEN_PRIMARY: p.token,
      DATABRICKS_TOKEN_SECONDARY: s.token,
      ...SECRET_VALUES,
    },
  };
}

/** `deploy` in-process against the two regions, with fast retries and the client's limiter off. */
export function deployProject(
  s: TwoRegions,
  extra: Partial<Parameters<typeof runDeploy>[0]> = {},
): Promise<CommandResult> {
  return runDeploy({
    configFile: s.configFile,
    env: s.env,
    cwd: s.dir,
    reporter: new RecordingReporter(),
    client: { rateLimits: 'off', backoffBaseMs: 5, backoffCapMs: 20 },
    ...extra,
  });
}

/**
 * The writes a command made besides taking and releasing its locks (`…/lock.json`, and the
 * mkdirs of the state folder that comes before): a command that changes nothing still locks.
 */
export function writesBesideLocks(ws: EmulatedWorkspace): RequestLogEntry[] {
  return ws
    .requests()
    .filter(
      (r) =>
        r.mutation &&
        !r.object?.endsWith('/lock.json') &&
        !(r.path === '/api/2.0/workspace/mkdirs' && r.object?.startsWith('/Shared/.databricks-dr/')),
    );
}
