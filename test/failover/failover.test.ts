import { afterEach, describe, expect, it } from 'vitest';
import { patProvider } from '../../src/core/auth/pat.js';
import { DatabricksClient } from '../../src/core/client/index.js';
import { runDrift } from '../../src/core/drift/index.js';
import { runDeploy } from '../../src/core/engine/run.js';
import { runFailover } from '../../src/core/failover/index.js';
import type { CommandResult } from '../../src/core/plan/types.js';
import type { EmulatedWorkspace } from '../../src/emulator/index.js';
import { EXAMPLE_JOBS, type TwoRegions, twoRegions, writesBesideLocks } from '../helpers/project.js';
import { RecordingReporter } from '../helpers/reporter.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

const fast = {
  rateLimits: 'off' as const,
  backoffBaseMs: 5,
  backoffCapMs: 20,
  timeoutMs: 400,
  deadlineMs: 1500,
};
const probe = { timeoutMs: 300, deadlineMs: 600 };

function common(s: TwoRegions) {
  return {
    configFile: s.configFile,
    env: s.env,
    cwd: s.dir,
    reporter: new RecordingReporter(),
    client: fast,
    probe,
  };
}
const deploy = (s: TwoRegions) => runDeploy(common(s));
const failover = (
  s: TwoRegions,
  to: string,
  extra: { dryRun?: boolean; cancelRuns?: boolean; startClusters?: boolean } = {},
) => runFailover({ ...common(s), to, ...extra });

/** Starts a run of every job and returns their life-cycle states (SKIPPED when the job may not run). */
async function runAll(ws: EmulatedWorkspace): Promise<string[]> {
  const client = new DatabricksClient({
    region: ws.name,
    host: ws.url,
    tokenProvider: patProvider(ws.token),
    rateLimits: 'off',
  });
  const states: string[] = [];
  for (const job of Object.values(ws.state().jobs)) {
    const { run_id } = await client.jobs.runNow(job.job_id, {
      idempotency_token: `t-${job.job_id}-${Date.now()}-${Math.random()}`,
    });
    states.push(String((await client.jobs.getRun(run_id)).state?.life_cycle_state));
  }
  client.close();
  return states;
}

/** A region is runnable when any of its jobs may start a run. */
function runnable(ws: EmulatedWorkspace): boolean {
  return Object.values(ws.state().jobs).some((j) => (j.settings.max_concurrent_runs as number) > 0);
}

function expectOk(result: CommandResult, region: string) {
  expect(result.regions[region].status, JSON.stringify(result.regions[region].errors)).toBe('ok');
}

describe('failover', () => {
  it('promotes the secondary: its runs are accepted, the primary skips them; failback restores the roles', async () => {
    setup = await twoRegions();
    const [primary, secondary] = setup.emulator.workspaces;
    await deploy(setup);
    expect(await runAll(primary)).not.toContain('SKIPPED');
    expect(new Set(await runAll(secondary))).toEqual(new Set(['SKIPPED']));

    const dry = await failover(setup, 'secondary', { dryRun: true });
    expect(
      dry.regions.secondary.changes
        .filter((c) => c.kind === 'job')
        .map((c) => c.name)
        .sort(),
    ).toEqual(EXAMPLE_JOBS);
    expect(runnable(secondary)).toBe(false);

    const result = await failover(setup, 'secondary');
    expectOk(result, 'secondary');
    expectOk(result, 'primary');
    expect(result.activeRegion).toBe('secondary');
    expect(result.regions.secondary).toMatchObject({ role: 'active', epoch: 1 });
    expect(result.regions.primary).toMatchObject({ role: 'passive', epoch: 1 });
    expect(result.timeToActiveMs).toBeGreaterThanOrEqual(0);
    expect(await runAll(secondary)).not.toContain('SKIPPED');
    expect(new Set(await runAll(primary))).toEqual(new Set(['SKIPPED']));
    // The written values come back exactly, from the state file alone.
    const etl = Object.values(secondary.state().jobs).find((j) => j.settings.name === 'daily-sales-etl')!;
    expect(etl.settings.max_concurrent_runs).toBe(1);
    expect(etl.settings.queue).toEqual({ enabled: true });
    expect((etl.settings.schedule as { pause_status: string }).pause_status).toBe('UNPAUSED');

    // Again: nothing changes.
    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const again = await failover(setup, 'secondary');
    expect(Object.values(again.regions).flatMap((r) => r.changes)).toEqual([]);
    for (const ws of setup.emulator.workspaces) expect(writesBesideLocks(ws)).toEqual([]);

    // A deploy now keeps the secondary active and the primary passive.
    const redeploy = await deploy(setup);
    expect(Object.values(redeploy.regions).flatMap((r) => r.changes)).toEqual([]);
    expect(redeploy.regions.secondary.role).toBe('active');
    expect(redeploy.regions.primary.role).toBe('passive');
    expect(runnable(secondary)).toBe(true);
    expect(runnable(primary)).toBe(false);

    // Failback.
    const back = await failover(setup, 'primary');
    expectOk(back, 'primary');
    expect(back.regions.primary).toMatchObject({ role: 'active', epoch: 2 });
    expect(runnable(primary)).toBe(true);
    expect(runnable(secondary)).toBe(false);
    const restored = Object.values(primary.state().jobs).find((j) => j.settings.name === 'daily-sales-etl')!;
    expect(restored.settings.max_concurrent_runs).toBe(1);
  });

  it('promotes the secondary during a primary outage, and the returning primary is fenced first', async () => {
    setup = await twoRegions();
    const [primary, secondary] = setup.emulator.workspaces;
    await deploy(setup);
    primary.setOutage(true);

    const result = await failover(setup, 'secondary');
    expectOk(result, 'secondary');
    expect(result.regions.primary).toMatchObject({ status: 'unreachable', unfenced: true });
    expect(result.regions.primary.warnings.join()).toMatch(/unfenced/);
    expect(runnable(secondary)).toBe(true);

    // Deploying during the outage: the secondary is deployed, the primary is pending, roles unverified.
    const during = await deploy(setup);
    expect(during.rolesVerified).toBe(false);
    expect(during.regions.secondary.status).toBe('ok');
    expect(during.regions.secondary.role).toBe('active');
    expect(during.regions.primary.status).toBe('unreachable');
    expect(runnable(secondary)).toBe(true);

    // The primary comes back still thinking it is active: only one reachable region may run jobs.
    primary.setOutage(false);
    expect(runnable(primary)).toBe(true); // as it was left: the reason fencing exists
    const after = await deploy(setup);
    expect(after.rolesVerified).toBe(true);
    // Fenced by its jobs first, then its state file records it (issue 14: fencing is proven).
    const fencing = after.regions.primary.changes;
    const recorded = fencing.findIndex((c) => c.kind === 'region');
    expect(fencing[recorded]).toMatchObject({
      kind: 'region',
      name: 'primary',
      action: 'passivate',
      status: 'applied',
    });
    expect(recorded).toBeGreaterThan(0);
    for (const c of fencing.slice(0, recorded)) {
      expect(c.status).toBe('applied');
      expect([`${c.kind} ${c.action}`]).toEqual([
        expect.stringMatching(/^(job passivate|cluster terminate|pipeline passivate|pipeline stop)$/),
      ]);
    }
    expect(fencing.slice(0, recorded).some((c) => c.kind === 'job')).toBe(true);
    expect(after.regions.primary.role).toBe('passive');
    expect(runnable(primary)).toBe(false);
    expect(runnable(secondary)).toBe(true);
    expect(new Set(await runAll(primary))).toEqual(new Set(['SKIPPED']));
  });

  it('fails clearly when the target cannot be reached or was never deployed', async () => {
    setup = await twoRegions();
    const [, secondary] = setup.emulator.workspaces;
    const never = await failover(setup, 'secondary');
    expect(never.regions.secondary.status).toBe('failed');
    expect(never.regions.secondary.errors[0]).toMatch(/never been deployed/);
    await deploy(setup);
    secondary.setOutage(true);
    const down = await failover(setup, 'secondary');
    expect(down.regions.secondary.status).toBe('unreachable');
    expect(down.activeRegion).toBeUndefined();
    await expect(failover(setup, 'tertiary')).rejects.toThrow(/--to tertiary: no such region/);
  });
});

describe('drift', () => {
  it('finds a job edited by hand, with the changed field, and deploy repairs it', async () => {
    setup = await twoRegions();
    const [primary] = setup.emulator.workspaces;
    await deploy(setup);
    const clean = await runDrift(common(setup));
    expect(clean.drift).toBe(false);
    expect(clean.regions.primary.drift).toEqual([]);
    expect(clean.regions.primary.inSync).toBeGreaterThan(0);

    const etl = Object.values(primary.state().jobs).find((j) => j.settings.name === 'daily-sales-etl')!;
    const res = await fetch(`${primary.url}/api/2.2/jobs/update`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${primary.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ job_id: etl.job_id, new_settings: { timeout_seconds: 60 } }),
    });
    expect(res.status).toBe(200);
    // A notebook added by hand inside the target, and one changed in git.
    await fetch(`${primary.url}/api/2.0/workspace/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${primary.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        path: '/Shared/sales/etl/scratch',
        format: 'SOURCE',
        language: 'PYTHON',
        content: Buffer.from('print(1)').toString('base64'),
      }),
    });

    const drift = await runDrift(common(setup));
    expect(drift.drift).toBe(true);
    expect(drift.regions.primary.drift).toEqual(
      expect.arrayContaining([
        { kind: 'job', name: 'daily-sales-etl', status: 'differs', fields: ['timeout_seconds'] },
        { kind: 'notebook', name: '/Shared/sales/etl/scratch', status: 'unmanaged' },
      ]),
    );
    expect(drift.regions.secondary.drift).toEqual([]);

    const repaired = await deploy(setup);
    expect(repaired.regions.primary.changes.map((c) => [c.name, c.action, c.fields])).toEqual([
      ['daily-sales-etl', 'update', ['timeout_seconds']],
    ]);
    const after = await runDrift(common(setup));
    expect(after.regions.primary.drift).toEqual([
      { kind: 'notebook', name: '/Shared/sales/etl/scratch', status: 'unmanaged' },
    ]);
  });

  it('a secret scope ACL entry whose permission changed is drift of that entry, read from the change itself', async () => {
    setup = await twoRegions();
    const [primary] = setup.emulator.workspaces;
    await deploy(setup);
    await fetch(`${primary.url}/api/2.0/secrets/acls/put`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${primary.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ scope: 'app', principal: 'users', permission: 'WRITE' }),
    });
    const drift = await runDrift(common(setup));
    expect(drift.regions.primary.drift).toEqual([
      { kind: 'secret_scope', name: 'app acl users', status: 'differs', fields: ['permission'] },
    ]);
    expect(drift.regions.secondary.drift).toEqual([]);
  });

  it('--deep compares notebook content that modification times cannot show', async () => {
    setup = await twoRegions();
    const [primary] = setup.emulator.workspaces;
    await deploy(setup);
    const call = (op: string, body: unknown) =>
      fetch(`${primary.url}/api/2.0/workspace/${op}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${primary.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    // Someone edits a notebook, then the manifest is rewritten after it (as another copy of the
    // tool, or a restore, would): times and hashes say "in sync", only the content says otherwise.
    await call('import', {
      path: '/Shared/sales/etl/ingest_orders',
      format: 'SOURCE',
      language: 'PYTHON',
      overwrite: true,
      content: Buffer.from('# Databricks notebook source\nprint("edited")\n').toString('base64'),
    });
    const manifest = primary.state().objects['/Shared/sales/.databricks-dr-manifest.json'].content!;
    await new Promise((r) => setTimeout(r, 5));
    await call('import', {
      path: '/Shared/sales/.databricks-dr-manifest.json',
      format: 'AUTO',
      overwrite: true,
      content: manifest,
    });

    const shallowRun = common(setup);
    const shallow = await runDrift(shallowRun);
    expect(shallow.regions.primary.drift).toEqual([]);
    const deepRun = common(setup);
    const deep = await runDrift({ ...deepRun, deep: true });
    // One session serves the plan and the export: every token and secret is masked once, as for
    // a shallow drift, and the config is validated once.
    expect(deepRun.reporter.masked).toEqual(shallowRun.reporter.masked);
    expect(deepRun.reporter.annotations).toEqual(shallowRun.reporter.annotations);
    expect(deep.regions.primary.drift).toEqual([
      { kind: 'notebook', name: '/Shared/sales/etl/ingest_orders', status: 'differs', fields: ['content'] },
    ]);
    expect(deep.regions.secondary.drift).toEqual([]);
  });
});
