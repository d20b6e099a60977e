/**
 * A job that runs another job of this config through run_job_task.job_name, when that job is
 * created by the same deploy: the plan leaves the id symbolic, and the create or reset sends the
 * new job's id (one create per job, no reset after it, nothing left to do on the next deploy).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatedWorkspace } from '../../src/emulator/index.js';
import { deployProject, type TwoRegions, twoRegions, writesBesideLocks } from '../helpers/project.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

type Json = Record<string, unknown>;
type Task = { task_key: string; run_job_task?: { job_id: number }; for_each_task?: { task: Task } };

function jobNamed(ws: EmulatedWorkspace, name: string) {
  const job = Object.values(ws.state().jobs).find((j) => j.settings.name === name);
  if (!job) throw new Error(`no job ${name} in ${ws.name}`);
  return job as unknown as { job_id: number; settings: Json & { tasks: Task[] } };
}

function writeJob(s: TwoRegions, file: string, job: Json) {
  writeFileSync(path.join(s.dir, 'jobs', file), JSON.stringify(job, null, 2));
}

/** A job that runs two others by name, one of them from inside a for-each task (names in any case). */
const WRAPUP = {
  name: 'weekly-wrapup',
  schedule: { quartz_cron_expression: '0 0 6 ? * MON', timezone_id: 'UTC', pause_status: 'UNPAUSED' },
  tasks: [
    { task_key: 'etl', run_job_task: { job_name: 'Daily-Sales-ETL' } },
    {
      task_key: 'each',
      depends_on: [{ task_key: 'etl' }],
      for_each_task: {
        inputs: '[1,2]',
        task: { task_key: 'landing', run_job_task: { job_name: 'orders-landing' } },
      },
    },
  ],
};

const paths = (ws: EmulatedWorkspace, p: string) => writesBesideLocks(ws).filter((r) => r.path === p);

describe('run_job_task naming a job created by the same deploy', () => {
  it('creates the runner after the job it runs, with that job’s new id, and nothing more', async () => {
    setup = await twoRegions();
    writeJob(setup, 'weekly-wrapup.json', WRAPUP);
    const plan = await deployProject(setup, { dryRun: true });
    // The change is what plan prints and --json carries, as before: no symbolic reference in it.
    for (const [name, r] of Object.entries(plan.regions))
      expect(r.changes.find((c) => c.name === 'weekly-wrapup')).toEqual({
        kind: 'job',
        name: 'weekly-wrapup',
        action: 'create',
        passive: name === 'secondary',
        status: 'planned',
      });

    const result = await deployProject(setup);
    for (const [name, r] of Object.entries(result.regions))
      expect(r.status, `${name}: ${r.errors}`).toBe('ok');
    for (const ws of setup.emulator.workspaces) {
      const etl = jobNamed(ws, 'daily-sales-etl');
      const landing = jobNamed(ws, 'orders-landing');
      const wrapup = jobNamed(ws, 'weekly-wrapup');
      expect(wrapup.settings.tasks[0].run_job_task).toEqual({ job_id: etl.job_id });
      expect(wrapup.settings.tasks[1].for_each_task?.task.run_job_task).toEqual({ job_id: landing.job_id });
      expect(wrapup.job_id).toBeGreaterThan(etl.job_id);
      expect(result.regions[ws.name].jobIds?.['weekly-wrapup']).toBe(wrapup.job_id);
      // The ids went into the create request itself: seven creates, no reset.
      expect(paths(ws, '/api/2.2/jobs/create')).toHaveLength(7);
      expect(paths(ws, '/api/2.2/jobs/reset')).toEqual([]);
    }
    const secondary = jobNamed(setup.emulator.workspaces[1], 'weekly-wrapup').settings;
    expect(secondary.max_concurrent_runs).toBe(0);
    expect((secondary.schedule as Json).pause_status).toBe('PAUSED');

    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const again = await deployProject(setup);
    for (const r of Object.values(again.regions)) expect(r.changes).toEqual([]);
    for (const ws of setup.emulator.workspaces) expect(writesBesideLocks(ws)).toEqual([]);
  });

  it('updates an existing job to run a job the same deploy creates: one create, then one reset', async () => {
    setup = await twoRegions();
    await deployProject(setup);
    writeJob(setup, 'late-report.json', {
      name: 'late-report',
      tasks: [
        {
          task_key: 'report',
          existing_cluster_name: 'shared-etl',
          notebook_task: { notebook_path: '/Shared/sales/reporting/daily_revenue' },
        },
      ],
    });
    const rollupFile = path.join(setup.dir, 'jobs/regional-rollup.json');
    const rollup = JSON.parse(readFileSync(rollupFile, 'utf8')) as { tasks: Json[] };
    rollup.tasks.push({
      task_key: 'late',
      depends_on: [{ task_key: 'revenue_report' }],
      run_job_task: { job_name: 'late-report' },
    });
    writeFileSync(rollupFile, JSON.stringify(rollup, null, 2));

    const plan = await deployProject(setup, { dryRun: true });
    for (const r of Object.values(plan.regions))
      expect(r.changes.map((c) => [c.kind, c.name, c.action, c.fields, c.status])).toEqual([
        ['job', 'late-report', 'create', undefined, 'planned'],
        ['job', 'regional-rollup', 'update', ['tasks'], 'planned'],
      ]);

    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const result = await deployProject(setup);
    for (const ws of setup.emulator.workspaces) {
      const r = result.regions[ws.name];
      expect(r.status, `${ws.name}: ${r.errors}`).toBe('ok');
      expect(r.changes.map((c) => [c.name, c.action, c.status])).toEqual([
        ['late-report', 'create', 'applied'],
        ['regional-rollup', 'update', 'applied'],
      ]);
      const late = jobNamed(ws, 'late-report');
      const tasks = jobNamed(ws, 'regional-rollup').settings.tasks;
      expect(tasks.find((t) => t.task_key === 'late')?.run_job_task).toEqual({ job_id: late.job_id });
      expect(
        writesBesideLocks(ws)
          .map((w) => w.path)
          .filter((p) => p.includes('/jobs/')),
      ).toEqual(['/api/2.2/jobs/create', '/api/2.2/jobs/reset']);
    }
    expect(jobNamed(setup.emulator.workspaces[1], 'regional-rollup').settings.max_concurrent_runs).toBe(0);

    const again = await deployProject(setup);
    for (const r of Object.values(again.regions)) expect(r.changes).toEqual([]);
  });

  it('with --adopt, a job that runs a job taken over by name gets that job’s id on the first deploy', async () => {
    setup = await twoRegions();
    // Made by hand in each workspace before the tool knew it: no databricks-dr tag.
    const handMade: Record<string, number> = {};
    for (const ws of setup.emulator.workspaces) {
      const res = await fetch(`${ws.url}/api/2.2/jobs/create`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ws.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          name: 'daily-sales-etl',
          tasks: [{ task_key: 'x', notebook_task: { notebook_path: '/Shared/x' } }],
        }),
      });
      handMade[ws.name] = ((await res.json()) as { job_id: number }).job_id;
    }
    writeJob(setup, 'weekly-wrapup.json', WRAPUP);
    const result = await deployProject(setup, { adopt: true });
    for (const ws of setup.emulator.workspaces) {
      const r = result.regions[ws.name];
      expect(r.status, `${ws.name}: ${r.errors}`).toBe('ok');
      expect(jobNamed(ws, 'weekly-wrapup').settings.tasks[0].run_job_task).toEqual({
        job_id: handMade[ws.name],
      });
      expect(jobNamed(ws, 'daily-sales-etl').job_id).toBe(handMade[ws.name]);
    }
    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const again = await deployProject(setup);
    for (const r of Object.values(again.regions)) expect(r.changes).toEqual([]);
  });
});
