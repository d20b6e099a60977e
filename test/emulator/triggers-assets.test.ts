/**
 * The emulator's `triggers` (stored and returned as Databricks does, refused with the legacy
 * fields) and its read-only pipelines, SQL alerts and queries, Lakeview dashboards and
 * notification destinations, read through the official JS SDK so the wire shapes are the SDK's.
 */
import { ApiError, WorkspaceClient } from '@databricks/sdk-experimental';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { EMULATOR_USAGE, parseEmulatorArgs } from '../../src/emulator/command.js';
import { type EmulatedWorkspace, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { get, post } from './helpers.js';

let emulator: Emulator;
let ws: EmulatedWorkspace;
let client: WorkspaceClient;

beforeAll(async () => {
  emulator = await startEmulator({
    workspaces: [
      {
        name: 'primary',
        assets: {
          pipelines: ['orders-dlt', 'returns-dlt'],
          alerts: ['late orders'],
          queries: ['orders ready'],
          dashboards: ['Sales overview'],
          destinations: ['sales-oncall'],
          sqlDashboards: ['Ops (legacy)', 'Finance (legacy)', 'HR (legacy)'],
        },
      },
    ],
    rateLimits: 'off',
  });
  ws = emulator.workspace('primary');
  client = new WorkspaceClient({ host: ws.url, token: ws.token, authType: 'pat', env: {} });
});
afterAll(() => emulator.stop());

const task = { task_key: 't', notebook_task: { notebook_path: '/Shared/nb' } };

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('jobs: triggers', () => {
  it('stores each entry and returns an explicit pause_status for every one', async () => {
    const triggers = [
      { schedule: { quartz_cron_expression: '0 0 6 * * ?', timezone_id: 'UTC' }, pause_status: 'PAUSED' },
      { periodic: { interval: 15, unit: 'MINUTES' } },
      { continuous: { task_retry_mode: 'ON_FAILURE' } },
      {
        file_arrival: { url: '/Volumes/a/b/c/' },
        sql_condition: { sql_query_id: 'q1', warehouse_id: 'w1', trigger_mode: 'RESULT_VALUE_CHANGES' },
      },
    ];
    const created = await post(ws, '/api/2.2/jobs/create', { name: 'multi', triggers, tasks: [task] });
    expect(created.status, created.text).toBe(200);
    // (The JS SDK v0.17 predates `triggers`: read the job over plain HTTP.)
    const { settings } = (await get(ws, `/api/2.2/jobs/get?job_id=${created.body.job_id}`)).body;
    expect(settings.triggers.map((t: { pause_status: string }) => t.pause_status)).toEqual([
      'PAUSED',
      'UNPAUSED',
      'UNPAUSED',
      'UNPAUSED',
    ]);
    expect(settings.triggers[3].sql_condition).toEqual(triggers[3].sql_condition);
    expect(settings.triggers[1].periodic).toEqual({ interval: 15, unit: 'MINUTES' });
  });

  it.each([
    ['schedule', { quartz_cron_expression: '0 0 6 * * ?', timezone_id: 'UTC' }],
    ['trigger', { periodic: { interval: 1, unit: 'HOURS' } }],
    ['continuous', { pause_status: 'UNPAUSED' }],
  ])('refuses triggers together with the legacy %s', async (legacy, block) => {
    const r = await post(ws, '/api/2.2/jobs/create', {
      name: 'both',
      [legacy]: block,
      triggers: [{ periodic: { interval: 1, unit: 'DAYS' } }],
      tasks: [task],
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    expect(r.body.message).toContain(`legacy field ${legacy}`);
  });

  it('refuses an entry with no kind or two, a bad unit, and a SQL condition without its warehouse', async () => {
    const bad = [
      [{ pause_status: 'PAUSED' }, 'triggers[0] must set exactly one of'],
      [{ periodic: { interval: 1, unit: 'DAYS' }, continuous: {} }, '(it sets continuous, periodic)'],
      [{ periodic: { interval: 1, unit: 'SECONDS' } }, 'Invalid triggers[0].periodic.unit'],
      [
        { periodic: { interval: 1, unit: 'DAYS' }, sql_condition: { sql_query_id: 'q' } },
        'sql_condition.warehouse_id',
      ],
    ] as const;
    for (const [entry, message] of bad) {
      const r = await post(ws, '/api/2.2/jobs/create', { name: 'bad', triggers: [entry], tasks: [task] });
      expect(r.status, JSON.stringify(entry)).toBe(400);
      expect(r.body.message).toContain(message);
    }
    // An update that would leave triggers next to a legacy schedule is refused as well.
    const created = await post(ws, '/api/2.2/jobs/create', {
      name: 'upd',
      triggers: [{ periodic: { interval: 1, unit: 'DAYS' } }],
      tasks: [task],
    });
    const upd = await post(ws, '/api/2.2/jobs/update', {
      job_id: created.body.job_id,
      new_settings: { schedule: { quartz_cron_expression: '0 0 6 * * ?', timezone_id: 'UTC' } },
    });
    expect(upd.status).toBe(400);
  });
});

describe('pipelines, alerts, queries, dashboards, notification destinations', () => {
  it('lists and gets each kind through the official SDK', async () => {
    const pipelines = await collect(client.pipelines.listPipelines({}));
    expect(pipelines.map((p) => p.name)).toEqual(['orders-dlt', 'returns-dlt']);
    const pipeline = await client.pipelines.get({ pipeline_id: pipelines[0].pipeline_id! });
    expect(pipeline).toMatchObject({ name: 'orders-dlt', state: 'IDLE' });

    const alerts = await collect(client.alerts.list({}));
    expect(alerts.map((a) => a.display_name)).toEqual(['late orders']);
    expect((await client.alerts.get({ id: alerts[0].id! })).display_name).toBe('late orders');

    const queries = await collect(client.queries.list({}));
    expect(queries.map((q) => q.display_name)).toEqual(['orders ready']);

    const dashboards = await collect(client.lakeview.list({}));
    expect(dashboards.map((d) => d.display_name)).toEqual(['Sales overview']);
    expect((await client.lakeview.get({ dashboard_id: dashboards[0].dashboard_id! })).display_name).toBe(
      'Sales overview',
    );

    const destinations = await collect(client.notificationDestinations.list({}));
    expect(destinations).toEqual([
      { id: expect.any(String), display_name: 'sales-oncall', destination_type: 'WEBHOOK' },
    ]);
  });

  it('lists legacy SQL dashboards by numbered pages, as the SDK iterates them', async () => {
    const all = await collect(client.dashboards.list({ page_size: 2 }));
    expect(all.map((d) => d.name)).toEqual(['Ops (legacy)', 'Finance (legacy)', 'HR (legacy)']);
    expect(all[0]).toMatchObject({ id: expect.any(String), is_archived: false, is_draft: false });
    const second = await get(ws, '/api/2.0/preview/sql/dashboards?page=2&page_size=2');
    expect(second.body).toMatchObject({ count: 3, page: 2, page_size: 2 });
    expect(second.body.results).toHaveLength(1);
    expect((await get(ws, '/api/2.0/preview/sql/dashboards?page=0')).status).toBe(400);
    expect((await client.dashboards.get({ dashboard_id: all[1].id! })).name).toBe('Finance (legacy)');
  });

  it('pages, answers a missing id as the API does, and seeds more through the admin API', async () => {
    const page = await get(ws, '/api/2.0/pipelines?max_results=1');
    expect(page.body.statuses).toHaveLength(1);
    expect(page.body.next_page_token).toEqual(expect.any(String));
    const next = await get(ws, `/api/2.0/pipelines?max_results=1&page_token=${page.body.next_page_token}`);
    expect(next.body.statuses[0].name).toBe('returns-dlt');
    expect(next.body.next_page_token).toBeUndefined();
    expect((await get(ws, '/api/2.0/pipelines?max_results=101')).status).toBe(400);

    const err = await client.pipelines.get({ pipeline_id: 'no-such' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);

    const seeded = await fetch(`${ws.url}/__emulator/assets`, {
      method: 'POST',
      body: JSON.stringify({ alerts: ['late orders', 'stock low'] }),
    });
    expect(seeded.status).toBe(200);
    expect((await collect(client.alerts.list({}))).map((a) => a.display_name)).toEqual([
      'late orders',
      'stock low',
    ]);
    const refused = await fetch(`${ws.url}/__emulator/assets`, {
      method: 'POST',
      body: JSON.stringify({ widgets: ['x'] }),
    });
    expect(refused.status).toBe(400);
  });
});

describe('emulator --assets', () => {
  const two = ['--workspace', 'primary=0', '--workspace', 'secondary=0'];

  it('seeds a workspace by name and refuses what is not a list of names per kind', async () => {
    expect(EMULATOR_USAGE).toContain('--assets NAME=JSON|@FILE');
    const { options } = parseEmulatorArgs([...two, '--assets', 'secondary={"pipelines":["orders-dlt"]}']);
    expect(options.workspaces[1].assets).toEqual({ pipelines: ['orders-dlt'] });
    expect(options.workspaces[0].assets).toBeUndefined();
    for (const bad of [
      'secondary={"widgets":["x"]}',
      'secondary={"alerts":"x"}',
      'secondary={"alerts":[""]}',
    ])
      expect(() => parseEmulatorArgs([...two, '--assets', bad])).toThrow(UsageError);
    await expect(
      startEmulator({ workspaces: [{ name: 'w', assets: { alerts: [1] } as never }] }),
    ).rejects.toThrow(/assets: alerts must be an array of non-empty names/);
  });
});
