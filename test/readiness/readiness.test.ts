import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { patProvider } from '../../src/core/auth/index.js';
import { DatabricksClient } from '../../src/core/client/index.js';
import { runDeploy } from '../../src/core/engine/run.js';
import { runDrill } from '../../src/core/failover/drill.js';
import { runPreflight } from '../../src/core/preflight/command.js';
import { preflightRegion } from '../../src/core/preflight/index.js';
import { newRegionState } from '../../src/core/state/state.js';
import { validateProject } from '../../src/core/validate/index.js';
import type { EmulatedWorkspace } from '../../src/emulator/index.js';
import { type TwoRegions, twoRegions, writesBesideLocks } from '../helpers/project.js';
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
  timeoutMs: 1000,
  deadlineMs: 3000,
};
const common = (s: TwoRegions) => ({
  configFile: s.configFile,
  env: s.env,
  cwd: s.dir,
  reporter: new RecordingReporter(),
  client: fast,
  probe: { timeoutMs: 300, deadlineMs: 600 },
});

async function api(
  ws: EmulatedWorkspace,
  method: string,
  p: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${ws.url}${p}`, {
    method,
    headers: { Authorization: `Bearer ${ws.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function jobNamed(ws: EmulatedWorkspace, name: string) {
  const job = Object.values(ws.state().jobs).find((j) => j.settings.name === name);
  if (!job) throw new Error(`no job ${name} in ${ws.name}`);
  return job;
}

function editJson(file: string, edit: (value: Record<string, unknown>) => void) {
  const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(value);
  writeFileSync(file, JSON.stringify(value, null, 2));
}

/** The same named objects in each region, with each region's own ids. */
async function seedReferences(s: TwoRegions) {
  const ids: Record<string, { policy: string; pool: string; warehouse: string }> = {};
  for (const ws of s.emulator.workspaces) {
    // Offset the id sequences so the regions' ids really differ.
    if (ws.name === 'secondary')
      await api(ws, 'POST', '/api/2.0/policies/clusters/create', { name: 'spare', definition: '{}' });
    const policy = await api(ws, 'POST', '/api/2.0/policies/clusters/create', {
      name: 'etl-policy',
      definition: JSON.stringify({ spark_version: { type: 'unlimited' } }),
    });
    const pool = await api(ws, 'POST', '/api/2.0/instance-pools/create', {
      instance_pool_name: 'etl-pool',
      node_type_id: 'Standard_DS3_v2',
    });
    const warehouse = await api(ws, 'POST', '/api/2.0/sql/warehouses', {
      name: 'reporting-wh',
      cluster_size: 'Small',
    });
    ids[ws.name] = {
      policy: String(policy.policy_id),
      pool: String(pool.instance_pool_id),
      warehouse: String(warehouse.id),
    };
  }
  return ids;
}

function addReferencingJob(s: TwoRegions) {
  writeFileSync(
    path.join(s.dir, 'jobs/revenue-refresh.json'),
    JSON.stringify(
      {
        name: 'revenue-refresh',
        job_clusters: [
          {
            job_cluster_key: 'small',
            new_cluster: {
              spark_version: '15.4.x-scala2.12',
              instance_pool_name: 'etl-pool',
              policy_name: 'etl-policy',
              num_workers: 1,
            },
          },
        ],
        tasks: [
          {
            task_key: 'refresh',
            job_cluster_key: 'small',
            notebook_task: { notebook_path: '/Shared/sales/reporting/daily_revenue' },
          },
          {
            task_key: 'query',
            depends_on: [{ task_key: 'refresh' }],
            sql_task: {
              warehouse_name: 'reporting-wh',
              file: { path: '/Shared/sales/reporting/daily_revenue' },
            },
          },
          {
            task_key: 'then_etl',
            depends_on: [{ task_key: 'query' }],
            run_job_task: { job_name: 'daily-sales-etl' },
          },
        ],
      },
      null,
      2,
    ),
  );
}

describe('names resolved per region', () => {
  it('deploys policy, pool, warehouse and job names as each region’s own ids', async () => {
    setup = await twoRegions();
    const ids = await seedReferences(setup);
    expect(ids.primary.policy).not.toBe(ids.secondary.policy);
    addReferencingJob(setup);
    const result = await runDeploy(common(setup));
    for (const r of Object.values(result.regions)) expect(r.status, JSON.stringify(r.errors)).toBe('ok');
    for (const ws of setup.emulator.workspaces) {
      const s = jobNamed(ws, 'revenue-refresh').settings as {
        job_clusters: Array<{ new_cluster: Record<string, unknown> }>;
        tasks: Array<Record<string, Record<string, unknown>>>;
      };
      expect(s.job_clusters[0].new_cluster).toMatchObject({
        policy_id: ids[ws.name].policy,
        instance_pool_id: ids[ws.name].pool,
      });
      expect(s.job_clusters[0].new_cluster.policy_name).toBeUndefined();
      expect(s.tasks.find((t) => t.sql_task)?.sql_task.warehouse_id).toBe(ids[ws.name].warehouse);
      expect(s.tasks.find((t) => t.run_job_task)?.run_job_task.job_id).toBe(
        jobNamed(ws, 'daily-sales-etl').job_id,
      );
    }
    const again = await runDeploy(common(setup));
    expect(Object.values(again.regions).flatMap((r) => r.changes)).toEqual([]);
  });

  it('reports a name missing in one region before any write', async () => {
    setup = await twoRegions();
    await seedReferences(setup);
    const [, secondary] = setup.emulator.workspaces;
    const wh = (await api(secondary, 'GET', '/api/2.0/sql/warehouses')).warehouses as Array<{ id: string }>;
    await api(secondary, 'DELETE', `/api/2.0/sql/warehouses/${wh[0].id}`);
    addReferencingJob(setup);
    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const result = await runDeploy(common(setup));
    expect(result.regions.secondary.status).toBe('failed');
    expect(result.regions.secondary.errors.join('\n')).toContain(
      'warehouse "reporting-wh" not found in region secondary',
    );
    expect(result.regions.primary.status).toBe('skipped');
    for (const ws of setup.emulator.workspaces) expect(writesBesideLocks(ws)).toEqual([]);
  });
});

describe('permissions', () => {
  it('applies the listed permissions in both regions, removes a dropped principal, keeps the deployer’s own', async () => {
    setup = await twoRegions();
    for (const ws of setup.emulator.workspaces) {
      await api(ws, 'POST', '/api/2.0/preview/scim/v2/Users', { userName: 'analyst@example.com' });
    }
    const jobFile = path.join(setup.dir, 'jobs/daily-sales-etl.json');
    editJson(jobFile, (j) => {
      j.permissions = [
        { group_name: 'users', level: 'CAN_VIEW' },
        { user_name: 'analyst@example.com', level: 'CAN_MANAGE_RUN' },
      ];
    });
    const clusterFile = path.join(setup.dir, 'clusters/shared-etl.json');
    editJson(clusterFile, (c) => {
      c.permissions = [{ group_name: 'users', level: 'CAN_ATTACH_TO' }];
    });
    const first = await runDeploy(common(setup));
    for (const r of Object.values(first.regions)) expect(r.status, JSON.stringify(r.errors)).toBe('ok');

    const direct = async (ws: EmulatedWorkspace, p: string) => {
      const acl = (await api(ws, 'GET', p)).access_control_list as Array<Record<string, unknown>>;
      return acl
        .map((e) => {
          const direct = (e.all_permissions as Array<{ permission_level: string; inherited: boolean }>).find(
            (x) => !x.inherited,
          );
          return direct
            ? `${e.user_name ?? e.group_name ?? e.service_principal_name}=${direct.permission_level}`
            : undefined;
        })
        .filter(Boolean)
        .sort();
    };
    for (const ws of setup.emulator.workspaces) {
      const job = jobNamed(ws, 'daily-sales-etl');
      expect(await direct(ws, `/api/2.0/permissions/jobs/${job.job_id}`)).toEqual([
        'analyst@example.com=CAN_MANAGE_RUN',
        'emulator@example.com=IS_OWNER',
        'users=CAN_VIEW',
      ]);
      const cluster = Object.values(ws.state().clusters)[0];
      expect(await direct(ws, `/api/2.0/permissions/clusters/${cluster.cluster_id}`)).toEqual([
        'emulator@example.com=CAN_MANAGE',
        'users=CAN_ATTACH_TO',
      ]);
    }
    const again = await runDeploy(common(setup));
    expect(Object.values(again.regions).flatMap((r) => r.changes)).toEqual([]);

    editJson(jobFile, (j) => {
      j.permissions = [{ group_name: 'users', level: 'CAN_VIEW' }];
    });
    const removed = await runDeploy(common(setup));
    expect(removed.regions.secondary.changes.map((c) => [c.name, c.fields])).toEqual([
      ['daily-sales-etl', ['permissions']],
    ]);
    for (const ws of setup.emulator.workspaces) {
      expect(await direct(ws, `/api/2.0/permissions/jobs/${jobNamed(ws, 'daily-sales-etl').job_id}`)).toEqual(
        ['emulator@example.com=IS_OWNER', 'users=CAN_VIEW'],
      );
    }
  });
});

describe('preflight', () => {
  it('reports a node type the secondary lacks, and deploy stops before any write', async () => {
    setup = await twoRegions();
    const [, secondary] = setup.emulator.workspaces;
    const types = (
      (await api(secondary, 'GET', '/api/2.1/clusters/list-node-types')).node_types as Array<{
        node_type_id: string;
      }>
    ).map((t) => t.node_type_id);
    await fetch(`${secondary.url}/__emulator/catalog`, {
      method: 'POST',
      body: JSON.stringify({ node_types: types.filter((t) => t !== 'Standard_DS4_v2') }),
    });
    const report = await runPreflight(common(setup));
    expect(report.regions.primary.status).toBe('ok');
    expect(report.regions.secondary.status).toBe('failed');
    const check = report.regions.secondary.checks!.find((c) => c.check === 'node types')!;
    expect(check.status).toBe('fail');
    expect(check.detail).toContain(
      'Standard_DS4_v2 (used by clusters/shared-etl.json) not offered in region secondary',
    );
    expect(check.fix).toMatch(/use a node type region secondary offers/);

    const deploy = await runDeploy(common(setup));
    expect(deploy.regions.secondary.status).toBe('failed');
    expect(deploy.regions.primary.status).toBe('skipped');
    for (const ws of setup.emulator.workspaces) expect(writesBesideLocks(ws)).toEqual([]);
  });
});

describe('preflight inside a deploy', () => {
  const ASKED_ONLY_ONCE_VERIFIED = [
    '/api/2.0/preview/scim/v2/Me',
    '/api/2.1/clusters/list-node-types',
    '/api/2.1/clusters/spark-versions',
    '/api/2.0/preview/scim/v2/Groups',
  ];

  it('checks only what no deploy has verified: a redeploy reads just its listings, a new node type is still checked', async () => {
    setup = await twoRegions();
    const first = await runDeploy(common(setup));
    for (const r of Object.values(first.regions)) expect(r.status, JSON.stringify(r.errors)).toBe('ok');
    for (const ws of setup.emulator.workspaces) {
      const paths = ws.requests().map((r) => r.path);
      // The first deploy checked everything.
      expect(paths).toEqual(expect.arrayContaining(ASKED_ONLY_ONCE_VERIFIED));
      ws.clearRequests();
    }

    const again = await runDeploy(common(setup));
    for (const r of Object.values(again.regions)) expect(r.status, JSON.stringify(r.errors)).toBe('ok');
    for (const ws of setup.emulator.workspaces) {
      const paths = ws.requests().map((r) => r.path);
      expect(writesBesideLocks(ws)).toEqual([]);
      for (const p of ASKED_ONLY_ONCE_VERIFIED) expect(paths, ws.name).not.toContain(p);
      // One cluster listing, the deploy's own (preflight's pinned room is known: nothing to create).
      expect(paths.filter((p) => p === '/api/2.1/clusters/list')).toHaveLength(1);
    }

    // A node type no deploy has used here before is asked about, and stops the deploy.
    const [, secondary] = setup.emulator.workspaces;
    const types = (
      (await api(secondary, 'GET', '/api/2.1/clusters/list-node-types')).node_types as Array<{
        node_type_id: string;
      }>
    ).map((t) => t.node_type_id);
    await fetch(`${secondary.url}/__emulator/catalog`, {
      method: 'POST',
      body: JSON.stringify({ node_types: types.filter((t) => t !== 'Standard_DS5_v2') }),
    });
    editJson(path.join(setup.dir, 'clusters/shared-etl.json'), (c) => {
      c.driver_node_type_id = 'Standard_DS5_v2';
    });
    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const blocked = await runDeploy(common(setup));
    expect(blocked.regions.secondary.status).toBe('failed');
    expect(blocked.regions.primary.status).toBe('skipped');
    expect(blocked.regions.secondary.errors.join('\n')).toContain(
      'Standard_DS5_v2 (used by clusters/shared-etl.json)',
    );
    for (const ws of setup.emulator.workspaces) expect(writesBesideLocks(ws)).toEqual([]);
  });

  it('trusts verified facts for a day, and without a state file (the preflight command) checks everything', async () => {
    setup = await twoRegions();
    const project = validateProject(setup.configFile, { env: setup.env, cwd: setup.dir }).project!;
    const [, secondary] = setup.emulator.workspaces;
    const region = project.config.regions.find((r) => r.name === 'secondary')!;
    const preflight = async (options: Parameters<typeof preflightRegion>[3]) => {
      secondary.clearRequests();
      // A new client each time: the identity is asked at most once per client.
      const client = new DatabricksClient({
        region: 'secondary',
        host: secondary.url,
        tokenProvider: patProvider(secondary.token),
        rateLimits: 'off',
      });
      try {
        const report = await preflightRegion(client, region, project, options);
        return { report, paths: secondary.requests().map((r) => r.path) };
      } finally {
        client.close();
      }
    };

    const full = await preflight({});
    expect(full.report.checks.map((c) => [c.check, c.status])).toEqual([
      ['reachable and authenticated', 'ok'],
      ['identity rights', 'ok'],
      ['node types', 'ok'],
      ['runtimes', 'ok'],
      ['principals', 'ok'],
      ['pinned clusters', 'ok'],
    ]);
    expect(full.paths).toEqual(
      expect.arrayContaining([...ASKED_ONLY_ONCE_VERIFIED, '/api/2.1/clusters/list']),
    );
    expect(full.report.verified).toMatchObject({
      admin: true,
      node_types: ['Standard_DS3_v2', 'Standard_DS4_v2'],
      runtimes: ['15.4.x-scala2.12'],
      principals: expect.arrayContaining(['group:sales-data-engineers']),
    });

    const at = Date.parse(full.report.verified.at);
    const state = {
      ...newRegionState('sales-platform', 'secondary', 'passive'),
      clusters: { 'shared-etl': { cluster_id: 'c-1' } },
      verified: full.report.verified,
    };
    const fresh = await preflight({ state, now: new Date(at + 23 * 3600_000) });
    expect(fresh.paths).toEqual([]);
    expect(fresh.report.checks.every((c) => c.status === 'ok')).toBe(true);
    expect(fresh.report.checks.find((c) => c.check === 'node types')!.detail).toContain(
      `(checked ${full.report.verified.at})`,
    );
    expect(fresh.report.verified).toEqual(full.report.verified);

    const stale = await preflight({ state, now: new Date(at + 25 * 3600_000) });
    expect(stale.paths).toEqual(expect.arrayContaining(ASKED_ONLY_ONCE_VERIFIED));
    expect(stale.report.verified.at).toBe(new Date(at + 25 * 3600_000).toISOString());
  });

  it('a MANAGE granted by hand on a scope is removed; the deployer keeps its own without asking who it is', async () => {
    setup = await twoRegions();
    const first = await runDeploy(common(setup));
    for (const r of Object.values(first.regions)) expect(r.status, JSON.stringify(r.errors)).toBe('ok');
    const acls = async (ws: EmulatedWorkspace) =>
      ((await api(ws, 'GET', '/api/2.0/secrets/acls/list?scope=app')).items as Array<Record<string, string>>)
        .map((a) => `${a.principal}=${a.permission}`)
        .sort();
    for (const ws of setup.emulator.workspaces) {
      expect(await acls(ws)).toEqual([
        'emulator@example.com=MANAGE',
        'sales-data-engineers=MANAGE',
        'users=READ',
      ]);
      ws.clearRequests();
    }
    const unchanged = await runDeploy(common(setup));
    expect(Object.values(unchanged.regions).flatMap((r) => r.changes)).toEqual([]);
    for (const ws of setup.emulator.workspaces) {
      expect(ws.requests().map((r) => r.path)).not.toContain('/api/2.0/preview/scim/v2/Me');
      await api(ws, 'POST', '/api/2.0/secrets/acls/put', {
        scope: 'app',
        principal: 'intruder@example.com',
        permission: 'MANAGE',
      });
    }
    const fixed = await runDeploy(common(setup));
    for (const [name, r] of Object.entries(fixed.regions)) {
      expect(
        r.changes.map((c) => [c.name, c.action]),
        name,
      ).toEqual([['app acl intruder@example.com', 'delete']]);
      // The change says what it is about in fields of its own; its name is only a label.
      expect(r.changes[0]).toMatchObject({ part: 'acl', object: 'app', principal: 'intruder@example.com' });
    }
    for (const ws of setup.emulator.workspaces)
      expect(await acls(ws)).toEqual([
        'emulator@example.com=MANAGE',
        'sales-data-engineers=MANAGE',
        'users=READ',
      ]);
  });
});

describe('drill', () => {
  it('promotes, runs the smoke job, and leaves roles, jobs and clusters as they were', async () => {
    setup = await twoRegions();
    await runDeploy(common(setup));
    await new Promise((r) => setTimeout(r, 100));
    const snapshot = () =>
      setup!.emulator.workspaces.map((ws) => ({
        jobs: Object.values(ws.state().jobs)
          .map(
            (j) => `${j.settings.name}:${j.settings.max_concurrent_runs}:${JSON.stringify(j.settings.queue)}`,
          )
          .sort(),
        clusters: Object.values(ws.state().clusters).map(
          (c) => `${c.spec.cluster_name}:${c.state === 'TERMINATED' ? 'stopped' : 'up'}`,
        ),
      }));
    const before = snapshot();
    const result = await runDrill({ ...common(setup), to: 'secondary', pollMs: 20 });
    expect(result.drillReport.steps.map((s) => [s.step, s.status])).toEqual([
      ['promote', 'ok'],
      ['smoke test', 'ok'],
      ['restore', 'ok'],
    ]);
    expect(result.drillReport.resultState).toBe('SUCCESS');
    expect(result.activeRegion).toBe('primary');
    await new Promise((r) => setTimeout(r, 100));
    expect(snapshot()).toEqual(before);
  });

  it('restores the roles when the smoke job fails', async () => {
    setup = await twoRegions();
    await runDeploy(common(setup));
    const [primary, secondary] = setup.emulator.workspaces;
    // The smoke test's notebook never made it to the secondary: exactly what a drill is for.
    await api(secondary, 'POST', '/api/2.0/workspace/delete', { path: '/Shared/sales/ops/dr_smoke_test' });
    const result = await runDrill({ ...common(setup), to: 'secondary', pollMs: 20 });
    expect(result.drillReport.steps.map((s) => [s.step, s.status])).toEqual([
      ['promote', 'ok'],
      ['smoke test', 'failed'],
      ['restore', 'ok'],
    ]);
    expect(result.drillReport.resultState).toBe('FAILED');
    expect(result.drillReport.steps[1].detail).toContain(
      'Notebook not found: /Shared/sales/ops/dr_smoke_test',
    );
    expect(result.activeRegion).toBe('primary');
    expect(
      Object.values(primary.state().jobs).every((j) => (j.settings.max_concurrent_runs as number) > 0),
    ).toBe(true);
    expect(Object.values(secondary.state().jobs).every((j) => j.settings.max_concurrent_runs === 0)).toBe(
      true,
    );
  });
});
