/**
 * Jobs and clusters in today's API shape (test/fixtures/todays-api: several triggers with their
 * own pause statuses, continuous inside triggers, SQL-conditioned schedules, for-each and
 * condition tasks, run-job, pipeline, alert and dashboard tasks by name, serverless with
 * performance_target, clusters in the new security modes) validate with `unknown_fields: error`,
 * deploy to both regions, keep every trigger entry PAUSED in the passive region, get each entry's
 * own written status back on failover, and a redeploy after that writes nothing.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDrift } from '../../src/core/drift/index.js';
import { runDeploy } from '../../src/core/engine/run.js';
import { runFailover } from '../../src/core/failover/index.js';
import type { CommandResult } from '../../src/core/plan/types.js';
import { runPreflight } from '../../src/core/preflight/command.js';
import type { EmulatedWorkspace } from '../../src/emulator/index.js';
import { type TwoRegions, twoRegions, writesBesideLocks } from '../helpers/project.js';
import { RecordingReporter } from '../helpers/reporter.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/todays-api');
const ASSETS = {
  pipelines: ['orders-dlt'],
  alerts: ['late orders'],
  queries: ['orders ready'],
  dashboards: ['Sales overview'],
  destinations: ['sales-oncall'],
};

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

async function admin(ws: EmulatedWorkspace, route: string, body: unknown, api = false): Promise<unknown> {
  const res = await fetch(`${ws.url}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(api ? { Authorization: `Bearer ${ws.token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The example project plus today's-API jobs and clusters; each region has its own warehouse and assets. */
async function todaysProject(assets: Record<string, typeof ASSETS> = {}): Promise<TwoRegions> {
  const s = await twoRegions();
  for (const kind of ['jobs', 'clusters']) {
    for (const file of readdirSync(path.join(FIXTURES, kind))) {
      const target = path.join(s.dir, kind, file);
      cpSync(path.join(FIXTURES, kind, file), target);
      writeFileSync(target, readFileSync(target, 'utf8').replace('../../../../schemas/', '../../schemas/'));
    }
  }
  for (const ws of s.emulator.workspaces) {
    await admin(ws, '/__emulator/assets', assets[ws.name] ?? ASSETS);
    await admin(ws, '/api/2.0/sql/warehouses', { name: 'reporting', cluster_size: 'Small' }, true);
    ws.clearRequests();
  }
  return s;
}

const common = (s: TwoRegions) => ({
  configFile: s.configFile,
  env: s.env,
  cwd: s.dir,
  reporter: new RecordingReporter(),
  client: { rateLimits: 'off' as const, backoffBaseMs: 5, backoffCapMs: 20 },
});
const deploy = (s: TwoRegions) => runDeploy(common(s));

type Json = Record<string, unknown>;
function job(ws: EmulatedWorkspace, name: string): Json {
  const found = Object.values(ws.state().jobs).find((j) => j.settings.name === name);
  if (!found) throw new Error(`no job ${name} in ${ws.name}`);
  return found.settings as Json;
}
const triggerStatuses = (settings: Json) => (settings.triggers as Json[]).map((t) => t.pause_status);
const writes = (ws: EmulatedWorkspace) => writesBesideLocks(ws);

function expectOk(result: CommandResult) {
  for (const [name, r] of Object.entries(result.regions))
    expect(r.status, `${name}: ${JSON.stringify(r.errors)}`).toBe('ok');
}

/** Each job's trigger entries as written in the fixtures (an entry without a status is UNPAUSED). */
const WRITTEN = {
  'orders-triggers': ['UNPAUSED', 'PAUSED', 'UNPAUSED', 'UNPAUSED', 'PAUSED'],
  'orders-stream': ['UNPAUSED'],
};

describe("today's Jobs and Clusters API", () => {
  it('deploys, keeps every trigger surface passive in the secondary, restores each on failover, then converges', async () => {
    setup = await todaysProject();
    const [primary, secondary] = setup.emulator.workspaces;
    const first = await deploy(setup);
    expectOk(first);

    for (const [name, statuses] of Object.entries(WRITTEN)) {
      expect(triggerStatuses(job(primary, name))).toEqual(statuses);
      expect(triggerStatuses(job(secondary, name))).toEqual(statuses.map(() => 'PAUSED'));
    }
    expect((job(primary, 'orders-fanout').schedule as Json).pause_status).toBe('UNPAUSED');
    expect((job(secondary, 'orders-fanout').schedule as Json).pause_status).toBe('PAUSED');

    // Names resolved to each region's own ids; the SQL condition is kept in the passive form.
    const condition = (ws: EmulatedWorkspace) =>
      ((job(ws, 'orders-triggers').triggers as Json[])[0].sql_condition as Json).sql_query_id;
    expect(condition(primary)).not.toBe(condition(secondary));
    for (const ws of [primary, secondary]) {
      const query = Object.values(ws.state().assets?.queries ?? {})[0];
      expect(condition(ws)).toBe(query.id);
      expect((job(ws, 'orders-fanout').schedule as Json).sql_condition).toMatchObject({
        sql_query_id: query.id,
      });
      const tasks = job(ws, 'orders-triggers').tasks as Json[];
      expect((tasks[0].pipeline_task as Json).pipeline_id).toBe(
        Object.values(ws.state().pipelines ?? {})[0].pipeline_id,
      );
      expect(JSON.stringify(job(ws, 'orders-fanout'))).not.toContain('_name"');
    }

    // The state file records each entry's own written status.
    const state = JSON.parse(
      Buffer.from(
        secondary.state().objects['/Shared/.databricks-dr/sales-platform/state.json'].content!,
        'base64',
      ).toString(),
    );
    expect(state.jobs['orders-triggers'].written.triggers).toEqual(WRITTEN['orders-triggers']);
    expect(state.jobs['orders-fanout'].written.schedule).toBe('UNPAUSED');

    const failover = await runFailover({ ...common(setup), to: 'secondary' });
    expectOk(failover);
    for (const [name, statuses] of Object.entries(WRITTEN)) {
      expect(triggerStatuses(job(secondary, name))).toEqual(statuses);
      expect(triggerStatuses(job(primary, name))).toEqual(statuses.map(() => 'PAUSED'));
    }
    expect((job(secondary, 'orders-fanout').schedule as Json).pause_status).toBe('UNPAUSED');
    expect((job(primary, 'orders-fanout').schedule as Json).pause_status).toBe('PAUSED');
    expect((job(secondary, 'orders-triggers').triggers as Json[])[0].sql_condition).toBeDefined();

    // Drift compares every entry: none after failover, and a redeploy writes nothing.
    const drift = await runDrift(common(setup));
    expect(Object.values(drift.regions).flatMap((r) => r.drift ?? [])).toEqual([]);
    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const again = await deploy(setup);
    expectOk(again);
    for (const r of Object.values(again.regions)) expect(r.changes).toEqual([]);
    for (const ws of setup.emulator.workspaces) expect(writes(ws)).toEqual([]);

    // One entry paused by hand in the active region is drift, and the next deploy restores it.
    const live = Object.values(secondary.state().jobs).find((j) => j.settings.name === 'orders-triggers')!;
    const flipped = (live.settings.triggers as Json[]).map((t, i) =>
      i === 2 ? { ...t, pause_status: 'PAUSED' } : t,
    );
    await admin(
      secondary,
      '/api/2.2/jobs/update',
      { job_id: live.job_id, new_settings: { triggers: flipped } },
      true,
    );
    const drifted = await runDrift(common(setup));
    expect(drifted.regions.secondary.drift?.map((d) => d.name)).toEqual(['orders-triggers']);
    expect(drifted.regions.primary.drift).toEqual([]);
    expectOk(await deploy(setup));
    expect(triggerStatuses(job(secondary, 'orders-triggers'))).toEqual(WRITTEN['orders-triggers']);
  });

  it('refuses a name one region lacks before writing anything, with the closest name it has', async () => {
    setup = await todaysProject({ secondary: { ...ASSETS, alerts: ['late-orders'] } });
    const pre = await runPreflight(common(setup));
    const check = pre.regions.secondary.checks?.find((c) => c.check === 'referenced objects');
    expect(check?.status).toBe('fail');
    expect(check?.detail).toContain(
      'alert "late orders" (did you mean "late-orders"?) not found in region secondary',
    );
    expect(pre.regions.primary.checks?.find((c) => c.check === 'referenced objects')?.status).toBe('ok');
  });
});
