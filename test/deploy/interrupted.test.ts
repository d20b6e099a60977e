/**
 * A deploy interrupted at any point is completed by the next run, with no flag and no duplicate,
 * and the run after that writes nothing; a damaged notebook manifest is rebuilt; a create whose
 * answer is a 503 after it was applied makes exactly one object. Over real HTTP against the
 * emulator; the interrupted deploys are the CLI, bundled from the sources as they are now, spawned
 * and killed with SIGKILL by a small proxy in front of a workspace when the request that marks the
 * point arrives — nothing in the tool knows it is being tested.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_NAME } from '../../src/core/assets/notebooks/index.js';
import type { CommandResult } from '../../src/core/plan/types.js';
import type { EmulatedWorkspace } from '../../src/emulator/index.js';
import { type KillPoint, KillProxy } from '../helpers/kill-proxy.js';
import {
  deployProject,
  EXAMPLE_JOBS,
  type TwoRegions,
  twoRegions,
  writesBesideLocks,
} from '../helpers/project.js';
import { ROOT } from '../helpers/runner.js';

let bundleDir: string;
let cliBundle: string;
beforeAll(async () => {
  const { bundleOptions } = (await import(
    pathToFileURL(path.join(ROOT, 'scripts/bundle-options.mjs')).href
  )) as {
    bundleOptions: (version: string) => BuildOptions;
  };
  bundleDir = mkdtempSync(path.join(tmpdir(), 'dr-cli-bundle-'));
  await build({
    ...bundleOptions('test'),
    entryPoints: { 'cli/index': path.join(ROOT, 'src/cli/index.ts') },
    outdir: bundleDir,
    logLevel: 'error',
  });
  cliBundle = path.join(bundleDir, 'cli/index.js');
}, 60_000);
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

let setup: TwoRegions | undefined;
const proxies: KillProxy[] = [];
afterEach(async () => {
  for (const p of proxies.splice(0)) await p.close();
  await setup?.emulator.stop();
  if (setup) rmSync(setup.dir, { recursive: true, force: true });
  setup = undefined;
});

/** Runs `databricks-dr deploy` through proxies, the primary's killing it at `point`. */
async function killedDeploy(s: TwoRegions, point: KillPoint): Promise<NodeJS.Signals | null> {
  // The killed run leaves its locks behind; a short lease lets the next run take them over soon.
  if (!readFileSync(s.configFile, 'utf8').includes('\nlock:'))
    appendFileSync(s.configFile, '\nlock:\n  wait_seconds: 60\n  lease_seconds: 2\n');
  const [primary, secondary] = s.emulator.workspaces;
  const killer = await KillProxy.start(primary.url, point);
  const plain = await KillProxy.start(secondary.url);
  proxies.push(killer, plain);
  const child = spawn(process.execPath, [cliBundle, 'deploy', '--config', s.configFile], {
    cwd: s.dir,
    env: {
      PATH: process.env.PATH ?? '',
      ...s.env,
      DATABRICKS_DR_HOST_PRIMARY: killer.url,
      DATABRICKS_DR_HOST_SECONDARY: plain.url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  killer.child = child;
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, sig) => resolve(sig)),
  );
  expect(killer.killed, `the deploy ended before the kill point:\n${output}`).toBe(true);
  await killer.idle();
  await plain.idle();
  return signal;
}

const deploy = (s: TwoRegions) => deployProject(s);

// Taking and releasing the region lock is a write every command makes; nothing else may be written.
const writes = writesBesideLocks;

/** What the example config deploys to every region, exactly once each. */
function expectEverythingOnce(ws: EmulatedWorkspace): void {
  const state = ws.state();
  expect(
    Object.values(state.jobs)
      .map((j) => j.settings.name)
      .sort(),
    ws.name,
  ).toEqual(EXAMPLE_JOBS);
  expect(
    Object.values(state.clusters).map((c) => [c.spec.cluster_name, c.is_pinned]),
    ws.name,
  ).toEqual([['shared-etl', true]]);
  expect(Object.keys(state.scopes), ws.name).toEqual(['app']);
  expect(Object.keys(state.scopes.app.secrets).sort(), ws.name).toEqual(['hive-password', 'orders-api-key']);
  expect(Object.keys(state.objects), ws.name).toContain('/Shared/sales/etl/ingest_orders');
}

/** The next deploy completes with no flag and no duplicate; the one after writes nothing. */
async function expectCompletedByNextRun(s: TwoRegions): Promise<CommandResult> {
  const next = await deploy(s);
  for (const [name, r] of Object.entries(next.regions)) {
    expect(r.errors, name).toEqual([]);
    expect(r.status, name).toBe('ok');
  }
  for (const ws of s.emulator.workspaces) expectEverythingOnce(ws);
  for (const ws of s.emulator.workspaces) ws.clearRequests();
  const after = await deploy(s);
  for (const [name, r] of Object.entries(after.regions)) {
    expect(r.status, name).toBe('ok');
    expect(r.changes, name).toEqual([]);
  }
  for (const ws of s.emulator.workspaces) expect(writes(ws), ws.name).toEqual([]);
  return next;
}

const isNotebookUpload = (b: Record<string, unknown>) =>
  typeof b.path === 'string' && b.path.startsWith('/Shared/sales/') && !b.path.endsWith(MANIFEST_NAME);

// Each case spawns a deploy and runs two more: generous on a loaded machine.
describe('a deploy killed with SIGKILL is completed by the next run', { timeout: 90_000 }, () => {
  it('after the secret scopes were created (their secrets not yet written)', async () => {
    setup = await twoRegions();
    const signal = await killedDeploy(setup, {
      method: 'POST',
      path: '/api/2.0/secrets/put',
      forward: false,
    });
    expect(signal).toBe('SIGKILL');
    const [primary] = setup.emulator.workspaces;
    // The point: the scope exists, not both of its secrets (puts run side by side; one may have
    // been in flight), and the deploy never reached its end.
    expect(Object.keys(primary.state().scopes)).toEqual(['app']);
    expect(Object.keys(primary.state().scopes.app.secrets).length).toBeLessThan(2);
    expect(Object.keys(primary.state().jobs)).toEqual([]);

    const next = await expectCompletedByNextRun(setup);
    // Adopted through the state file's write-ahead record: not created again, its secrets written.
    const scopeChanges = next.regions.primary.changes.filter((c) => c.kind === 'secret_scope');
    expect(scopeChanges.map((c) => c.name)).not.toContain('app');
    expect(scopeChanges.map((c) => c.name)).toEqual(
      expect.arrayContaining(['app/hive-password', 'app/orders-api-key']),
    );
  });

  it('after the write-ahead record, before the scope create reached the workspace', async () => {
    setup = await twoRegions();
    await killedDeploy(setup, { method: 'POST', path: '/api/2.0/secrets/scopes/create', forward: false });
    const [primary] = setup.emulator.workspaces;
    expect(Object.keys(primary.state().scopes)).toEqual([]);
    expect(Object.keys(primary.state().objects)).toContain(
      '/Shared/.databricks-dr/sales-platform/state.json',
    );
    const next = await expectCompletedByNextRun(setup);
    expect(next.regions.primary.changes.map((c) => [c.name, c.action])).toContainEqual(['app', 'create']);
  });

  it('in the middle of the notebook uploads', async () => {
    setup = await twoRegions();
    await killedDeploy(setup, {
      method: 'POST',
      path: '/api/2.0/workspace/import',
      body: isNotebookUpload,
      nth: 3,
      forward: true,
    });
    expect(Object.keys(setup.emulator.workspaces[0].state().clusters)).toEqual([]);
    await expectCompletedByNextRun(setup);
  });

  it('right after a folder archive landed: the landed notebooks are not uploaded again', async () => {
    setup = await twoRegions();
    // A directory import: one SOURCE request without a language (an upload of one file has one).
    await killedDeploy(setup, {
      method: 'POST',
      path: '/api/2.0/workspace/import',
      body: (b) => isNotebookUpload(b) && b.format === 'SOURCE' && b.language === undefined,
      forward: true,
    });
    const [primary] = setup.emulator.workspaces;
    const landed = Object.entries(primary.state().objects)
      .filter(([p, o]) => p.startsWith('/Shared/sales/') && o.object_type === 'NOTEBOOK')
      .map(([p]) => p);
    expect(landed.length).toBeGreaterThan(0);
    const next = await expectCompletedByNextRun(setup);
    const again = next.regions.primary.changes.filter(
      (c) => c.kind === 'notebook' && landed.includes(c.name),
    );
    expect(again).toEqual([]);
  });

  it('after the cluster was created (not yet pinned)', async () => {
    setup = await twoRegions();
    await killedDeploy(setup, { method: 'POST', path: '/api/2.1/clusters/pin', forward: false });
    const [primary] = setup.emulator.workspaces;
    expect(Object.values(primary.state().clusters).map((c) => c.is_pinned)).toEqual([false]);
    await expectCompletedByNextRun(setup);
  });

  it('in the middle of the job creates, one of them applied with its answer never read', async () => {
    setup = await twoRegions();
    await killedDeploy(setup, { method: 'POST', path: '/api/2.2/jobs/create', nth: 2, forward: true });
    const [primary] = setup.emulator.workspaces;
    expect(Object.keys(primary.state().jobs).length).toBeGreaterThanOrEqual(2);
    await expectCompletedByNextRun(setup);
  });

  it('just before the state file was written at the end', async () => {
    setup = await twoRegions();
    const stateWrite = (b: Record<string, unknown>) => String(b.path).endsWith('/state.json');
    // The first state write is the scopes' write-ahead record; the second is the region's last.
    await killedDeploy(setup, {
      method: 'POST',
      path: '/api/2.0/workspace/import',
      body: stateWrite,
      nth: 2,
      forward: false,
    });
    expect(Object.keys(setup.emulator.workspaces[0].state().jobs)).toHaveLength(EXAMPLE_JOBS.length);
    await expectCompletedByNextRun(setup);
  });
});

describe('a damaged notebook manifest', () => {
  it('is rebuilt from the target and the content of what the repo deploys: unchanged files are not uploaded again', async () => {
    setup = await twoRegions();
    await deploy(setup);
    const [primary] = setup.emulator.workspaces;
    const post = async (p: string, body: unknown) => {
      const res = await fetch(`${primary.url}${p}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${primary.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
    };
    const manifestPath = `/Shared/sales/${MANIFEST_NAME}`;
    await post('/api/2.0/workspace/import', {
      path: manifestPath,
      format: 'AUTO',
      overwrite: true,
      content: Buffer.from('{"version":1,"files":{"etl/ingest_or').toString('base64'),
    });
    // A hand edit while the manifest was broken: content comparison finds it.
    await post('/api/2.0/workspace/import', {
      path: '/Shared/sales/etl/transform_sales',
      format: 'SOURCE',
      language: 'PYTHON',
      overwrite: true,
      content: Buffer.from('# Databricks notebook source\nprint("hotfix")\n').toString('base64'),
    });
    const modified = () =>
      Object.fromEntries(Object.values(primary.state().objects).map((o) => [o.path, o.modified_at]));
    const before = modified();
    for (const ws of setup.emulator.workspaces) ws.clearRequests();

    const result = await deploy(setup);

    const r = result.regions.primary;
    expect(r.errors).toEqual([]);
    expect(r.status).toBe('ok');
    expect(r.warnings.join('\n')).toMatch(
      new RegExp(
        `${manifestPath} in region primary was not a valid manifest; rebuilt from the target: (\\d+) of the \\1 files`,
      ),
    );
    expect(r.changes.map((c) => [c.kind, c.name, c.action, c.status])).toEqual([
      ['notebook', '/Shared/sales/etl/transform_sales', 'update', 'applied'],
    ]);
    const after = modified();
    const touched = Object.keys(after).filter((p) => after[p] !== before[p]);
    expect(touched.sort()).toEqual(
      [
        '/Shared/.databricks-dr/sales-platform/state.json',
        '/Shared/sales/etl/transform_sales',
        manifestPath,
      ].sort(),
    );
    expect(result.regions.secondary.changes).toEqual([]);
    expect(writes(setup.emulator.workspaces[1])).toEqual([]);

    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const again = await deploy(setup);
    expect(again.regions.primary.changes).toEqual([]);
    expect(again.regions.primary.warnings).toEqual([]);
    for (const ws of setup.emulator.workspaces) expect(writes(ws)).toEqual([]);
  });
});

describe('a create answered 503 with an empty body after it was applied', () => {
  it('makes exactly one job, cluster and secret scope: each is looked up before any retry', async () => {
    setup = await twoRegions();
    for (const ws of setup.emulator.workspaces) {
      ws.setFaults({
        rules: ['/api/2.2/jobs/create', '/api/2.1/clusters/create', '/api/2.0/secrets/scopes/create'].map(
          (p) => ({ fault: 'applied-503' as const, method: 'POST', path: p, times: 1 }),
        ),
      });
    }
    const result = await deploy(setup);
    for (const [name, r] of Object.entries(result.regions)) {
      expect(r.errors, name).toEqual([]);
      expect(r.status, name).toBe('ok');
    }
    for (const ws of setup.emulator.workspaces) {
      expect(ws.requests().filter((r) => r.fault === 'applied-503')).toHaveLength(3);
      // No create was sent twice: the one that answered 503 had made its object.
      for (const p of ['/api/2.1/clusters/create', '/api/2.0/secrets/scopes/create'])
        expect(
          ws
            .requests()
            .filter((r) => r.path === p)
            .map((r) => r.status),
          p,
        ).toEqual([503]);
      expect(ws.requests().filter((r) => r.path === '/api/2.2/jobs/create')).toHaveLength(
        EXAMPLE_JOBS.length,
      );
      expectEverythingOnce(ws);
    }
    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const again = await deploy(setup);
    for (const r of Object.values(again.regions)) expect(r.changes).toEqual([]);
    for (const ws of setup.emulator.workspaces) expect(writes(ws)).toEqual([]);
  });
});
