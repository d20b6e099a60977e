/** What the lock and role tests share: clients on the emulated regions, and the invariant. */
import { expect } from 'vitest';
import { patProvider } from '../../src/core/auth/pat.js';
import { DatabricksClient } from '../../src/core/client/index.js';
import { runDeploy } from '../../src/core/engine/run.js';
import { runFailover } from '../../src/core/failover/index.js';
import type { EmulatedWorkspace } from '../../src/emulator/index.js';
import type { TwoRegions } from '../helpers/project.js';
import { RecordingReporter } from '../helpers/reporter.js';

export const CONFIG_NAME = 'sales-platform';
export const STATE_PATH = `/Shared/.databricks-dr/${CONFIG_NAME}/state.json`;
export const LOCK_PATH = `/Shared/.databricks-dr/${CONFIG_NAME}/lock.json`;

export const fast = {
  rateLimits: 'off' as const,
  backoffBaseMs: 5,
  backoffCapMs: 20,
  timeoutMs: 2000,
  deadlineMs: 4000,
};

export function common(s: TwoRegions, reporter = new RecordingReporter()) {
  return {
    configFile: s.configFile,
    env: s.env,
    cwd: s.dir,
    reporter,
    client: fast,
    probe: { timeoutMs: 1500, deadlineMs: 3000 },
    lockPollMs: 50,
  };
}

export const deploy = (
  s: TwoRegions,
  extra: { lockWaitSeconds?: number; reporter?: RecordingReporter } = {},
) => runDeploy({ ...common(s, extra.reporter), lockWaitSeconds: extra.lockWaitSeconds });

export const failover = (s: TwoRegions, to: string, extra: { reporter?: RecordingReporter } = {}) =>
  runFailover({ ...common(s, extra.reporter), to });

export function clientOf(ws: EmulatedWorkspace): DatabricksClient {
  return new DatabricksClient({
    region: ws.name,
    host: ws.url,
    tokenProvider: patProvider(ws.token),
    rateLimits: 'off',
  });
}

/** Writes a workspace file as an operator or another tool would (overwriting). */
export async function putFile(ws: EmulatedWorkspace, path: string, text: string): Promise<void> {
  const client = clientOf(ws);
  try {
    await client.workspace.mkdirs(path.slice(0, path.lastIndexOf('/')));
    await client.workspace.importContent(path, text, { format: 'AUTO', overwrite: true });
  } finally {
    client.close();
  }
}

export function fileText(ws: EmulatedWorkspace, path: string): string | undefined {
  const o = ws.state().objects[path];
  return o ? Buffer.from(o.content ?? '', 'base64').toString('utf8') : undefined;
}

/** A region runs jobs when any job of the config may start a run (the examples' passive form is 0). */
export function runnable(ws: EmulatedWorkspace): boolean {
  return Object.values(ws.state().jobs).some((j) => (j.settings.max_concurrent_runs as number) > 0);
}

/** The invariant after every command: at most one reachable region runs jobs, nothing twice. */
export function expectInvariant(s: TwoRegions): void {
  const running = s.emulator.workspaces.filter(runnable).map((ws) => ws.name);
  expect(running.length, `regions running jobs: ${running.join(', ')}`).toBeLessThanOrEqual(1);
  for (const ws of s.emulator.workspaces) {
    const names = Object.values(ws.state().jobs).map((j) => String(j.settings.name));
    expect(names.length, `${ws.name}: duplicate jobs ${names.join(', ')}`).toBe(new Set(names).size);
    const clusters = Object.values(ws.state().clusters).map((c) => String(c.spec.cluster_name));
    expect(clusters.length, `${ws.name}: duplicate clusters`).toBe(new Set(clusters).size);
  }
}

/** A lock record as another run (on another host) would have written it. */
export function foreignLock(
  expiresInMs: number,
  run = 'https://github.com/acme/sales/actions/runs/77',
): string {
  const now = Date.now();
  return JSON.stringify({
    version: 1,
    token: 'another-run',
    holder: { identity: run, command: 'deploy', host: 'runner-7', pid: 4242 },
    since: new Date(now - 60_000).toISOString(),
    renewed_at: new Date(now - 1000).toISOString(),
    expires_at: new Date(now + expiresInMs).toISOString(),
  });
}
