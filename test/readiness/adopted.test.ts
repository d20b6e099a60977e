/**
 * Objects adopted by import (named with their ids in `adopt:`, not tagged) are this config's for
 * preflight and the drill too, over real HTTP: the pinned-cluster room counts an adopted pinned
 * cluster as already pinned, and a drill runs an adopted smoke job that the promotion had no
 * reason to rewrite (so it never got the tag).
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDeploy } from '../../src/core/engine/run.js';
import { runDrill } from '../../src/core/failover/drill.js';
import { runPreflight } from '../../src/core/preflight/command.js';
import type { EmulatedWorkspace } from '../../src/emulator/index.js';
import { type TwoRegions, twoRegions } from '../helpers/project.js';
import { RecordingReporter } from '../helpers/reporter.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

const common = (s: TwoRegions) => ({
  configFile: s.configFile,
  env: s.env,
  cwd: s.dir,
  reporter: new RecordingReporter(),
  client: {
    rateLimits: 'off' as const,
    backoffBaseMs: 5,
    backoffCapMs: 20,
    timeoutMs: 1000,
    deadlineMs: 3000,
  },
  probe: { timeoutMs: 300, deadlineMs: 600 },
});

// biome-ignore lint/suspicious/noExplicitAny: API answers are probed field by field
type Loose = any;

async function api(ws: EmulatedWorkspace, method: string, p: string, body?: unknown): Promise<Loose> {
  const res = await fetch(`${ws.url}${p}`, {
    method,
    headers: { Authorization: `Bearer ${ws.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : {};
}

async function pinnedCluster(ws: EmulatedWorkspace, name: string): Promise<string> {
  const { cluster_id } = await api(ws, 'POST', '/api/2.1/clusters/create', {
    cluster_name: name,
    spark_version: '15.4.x-scala2.12',
    node_type_id: 'Standard_DS3_v2',
    num_workers: 1,
  });
  await api(ws, 'POST', '/api/2.1/clusters/pin', { cluster_id });
  return cluster_id;
}

describe('adopted objects', () => {
  it('preflight counts an adopted pinned cluster as this config’s: no room needed for it', async () => {
    setup = await twoRegions();
    const primary = setup.emulator.workspace('primary');
    // Made by hand before this config: the cluster import adopted, and 99 other pinned clusters.
    const id = await pinnedCluster(primary, 'shared-etl');
    for (let i = 0; i < 99; i++) await pinnedCluster(primary, `team-${i}`);
    appendFileSync(setup.configFile, `\nadopt:\n  primary:\n    clusters:\n      shared-etl: "${id}"\n`);

    const report = await runPreflight(common(setup));
    const pinned = report.regions.primary.checks?.find((c) => c.check === 'pinned clusters');
    expect(pinned).toMatchObject({ status: 'warn', detail: '100 pinned, 0 to pin, limit 100' });
  }, 60_000);

  it('a drill runs an adopted smoke job that the promotion left untouched and untagged', async () => {
    setup = await twoRegions();
    // Passive and active forms of the smoke job are the same, so a promotion writes nothing to it.
    const config = readFileSync(setup.configFile, 'utf8').replace(
      /passive:\n {2}max_concurrent_runs: 0\n {2}pause_schedules: true/,
      'passive:\n  max_concurrent_runs: 1\n  pause_schedules: false',
    );
    writeFileSync(setup.configFile, config);
    const smokeFile = path.join(setup.dir, 'jobs/dr-readiness-check.json');
    const smoke = JSON.parse(readFileSync(smokeFile, 'utf8'));
    delete smoke.schedule;
    smoke.queue = { enabled: false };
    writeFileSync(smokeFile, JSON.stringify(smoke, null, 2));
    const deployed = await runDeploy(common(setup));
    for (const r of ['primary', 'secondary']) expect(deployed.regions[r].errors, r).toEqual([]);

    // In the secondary the smoke job is as import finds one: untagged, listed in adopt: by its id.
    const secondary = setup.emulator.workspace('secondary');
    const listed = await api(secondary, 'GET', '/api/2.2/jobs/list?name=dr-readiness-check');
    const job = await api(secondary, 'GET', `/api/2.2/jobs/get?job_id=${listed.jobs[0].job_id}`);
    const { 'databricks-dr': _tag, ...tags } = job.settings.tags;
    await api(secondary, 'POST', '/api/2.2/jobs/reset', {
      job_id: job.job_id,
      new_settings: { ...job.settings, tags },
    });
    appendFileSync(
      setup.configFile,
      `\nadopt:\n  secondary:\n    jobs:\n      dr-readiness-check: ${job.job_id}\n`,
    );

    const result = await runDrill({ ...common(setup), to: 'secondary', pollMs: 20 });
    expect(result.drillReport.steps.map((s) => [s.step, s.status])).toEqual([
      ['promote', 'ok'],
      ['smoke test', 'ok'],
      ['restore', 'ok'],
    ]);
    expect(result.drillReport.resultState).toBe('SUCCESS');
    const after = await api(secondary, 'GET', `/api/2.2/jobs/get?job_id=${job.job_id}`);
    expect(after.settings.tags['databricks-dr']).toBeUndefined();
  }, 60_000);
});
