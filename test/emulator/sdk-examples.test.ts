/**
 * The example programs shipped inside the official JS SDK, run unmodified against an emulated
 * workspace: code no one here wrote, as a team rehearsing on the emulator would point it at it.
 * Each is copied out of node_modules (Node strips types only outside it) into a temp dir whose
 * node_modules links to ours, then run with Node 24 given only DATABRICKS_HOST/DATABRICKS_TOKEN and
 * the prerequisites its header documents (TEST_JOB_ID, TEST_RUN_ID, …).
 *
 * Every example is either run here or listed in docs/emulator.md as concerning an API the
 * emulator deliberately does not serve; the last test checks that nothing falls between.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedWorkspace, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { ROOT } from '../helpers/runner.js';
import { b64, get, post } from './helpers.js';

const EXAMPLES = path.join(ROOT, 'node_modules/@databricks/sdk-experimental/examples/workspace');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const DOC = path.join(ROOT, 'docs/emulator.md');

let emulator: Emulator;
let ws: EmulatedWorkspace;
let dir: string;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one copied example with a clean environment: nothing of this machine's config leaks in. */
function runExample(example: string, env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [path.join(dir, 'examples', example)], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        NODE_NO_WARNINGS: '1',
        DATABRICKS_HOST: ws.url,
        DATABRICKS_TOKEN: ws.token,
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function listExamples(sub = ''): string[] {
  return readdirSync(path.join(EXAMPLES, sub), { withFileTypes: true })
    .flatMap((e) => {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) return listExamples(rel);
      return e.name.endsWith('.ts') ? [rel] : [];
    })
    .sort();
}

/** The examples docs/emulator.md lists as not run, from its table (`| \`path\` | reason |`). */
function documentedAsNotServed(): string[] {
  const doc = readFileSync(DOC, 'utf8');
  const section = doc.slice(
    doc.indexOf('<!-- examples-not-served:start -->'),
    doc.indexOf('<!-- examples-not-served:end -->'),
  );
  return [...section.matchAll(/^\| `([^`]+\.ts)`\s+\|/gm)].map((m) => m[1]).sort();
}

beforeAll(async () => {
  emulator = await startEmulator({
    workspaces: [{ name: 'primary' }],
    rateLimits: 'off',
    clusterStartMs: 0,
    clusterTerminateMs: 0,
    runPendingMs: 50,
    runDurationMs: 300,
  });
  ws = emulator.workspace('primary');
  dir = mkdtempSync(path.join(tmpdir(), 'sdk-examples-'));
  cpSync(EXAMPLES, path.join(dir, 'examples'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
});
afterAll(async () => {
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

const RUN_TIMEOUT = 60_000;

function expectSuccess(r: Outcome): void {
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
  expect(r.stdout).not.toMatch(/✗ Error/);
}

describe('official JS SDK examples (examples/workspace) against the emulator', {
  timeout: RUN_TIMEOUT,
}, () => {
  it.each(['notebooks/upload-notebook.ts', 'clusters/create-cluster.ts', 'clusters/list-clusters.ts'])(
    '%s',
    async (example) => {
      expectSuccess(await runExample(example));
    },
  );

  it('jobs/create-job.ts', async () => {
    const r = await runExample('jobs/create-job.ts');
    expectSuccess(r);
    // It deletes its job at the end.
    expect((await get(ws, '/api/2.2/jobs/list')).body.jobs ?? []).toEqual([]);
  });

  it('jobs/submit-job.ts: a one-time run, failed because its notebook does not exist here', async () => {
    const r = await runExample('jobs/submit-job.ts');
    expectSuccess(r);
    const runs = (await get(ws, '/api/2.2/jobs/runs/list?run_type=SUBMIT_RUN')).body.runs;
    expect(runs).toHaveLength(1);
    expect(runs[0].run_name).toMatch(/^sdk-submit-example-/);
    // The example names /Shared/simple-notebook ("adjust path as needed") and documents no such
    // prerequisite: the run fails as it would on Databricks, and the example says so.
    expect(runs[0].state).toMatchObject({ result_state: 'FAILED' });
    expect(runs[0].state.state_message).toBe('Notebook not found: /Shared/simple-notebook');
    expect(r.stdout).toContain('Job failed');
  });

  it('jobs/run-now.ts with TEST_JOB_ID, and jobs/monitor-job-run.ts with TEST_RUN_ID', async () => {
    await post(ws, '/api/2.0/workspace/import', {
      path: '/Shared/daily',
      format: 'SOURCE',
      language: 'PYTHON',
      content: b64('print(dbutils.widgets.get("environment"))'),
    });
    const { job_id } = (
      await post(ws, '/api/2.2/jobs/create', {
        name: 'daily',
        tasks: [{ task_key: 'main', notebook_task: { notebook_path: '/Shared/daily' } }],
      })
    ).body;
    const ran = await runExample('jobs/run-now.ts', { TEST_JOB_ID: String(job_id) });
    expectSuccess(ran);
    expect(ran.stdout).toContain('success');
    const [run] = (await get(ws, `/api/2.2/jobs/runs/list?job_id=${job_id}`)).body.runs;
    expect(run.state.result_state).toBe('SUCCESS');

    const monitored = await runExample('jobs/monitor-job-run.ts', { TEST_RUN_ID: String(run.run_id) });
    expectSuccess(monitored);
    expect(monitored.stdout).toContain('SUCCESS');
    expect(monitored.stdout).toContain('main');
  });

  it('notebooks/export-notebook.ts (SOURCE, HTML, JUPYTER, DBC)', async () => {
    const r = await runExample('notebooks/export-notebook.ts');
    expectSuccess(r);
    for (const format of ['SOURCE', 'HTML', 'JUPYTER', 'DBC'])
      expect(r.stdout).toContain(`Exported ${format} format`);
    expect(r.stdout).toContain('Contains HTML: true');
    expect(r.stdout).toContain('Number of cells: 2');
  });

  it('sql/create-warehouse.ts', async () => {
    const r = await runExample('sql/create-warehouse.ts');
    expectSuccess(r);
    expect(r.stdout).toContain('Warehouse is ready');
  });

  it('sql/execute-query.ts with TEST_WAREHOUSE_ID', async () => {
    const { id } = (
      await post(ws, '/api/2.0/sql/warehouses', {
        name: 'reporting',
        cluster_size: '2X-Small',
        max_num_clusters: 1,
      })
    ).body;
    const r = await runExample('sql/execute-query.ts', { TEST_WAREHOUSE_ID: id });
    expectSuccess(r);
    expect(r.stdout).toContain('Status: SUCCEEDED');
    expect(r.stdout).toContain('Hello from Databricks SDK!');
    expect(r.stdout).toContain('Total rows: 5');
  });

  it('clusters/start-stop-cluster.ts with TEST_DEFAULT_CLUSTER_ID', async () => {
    const { cluster_id } = (
      await post(ws, '/api/2.1/clusters/create', {
        cluster_name: 'shared',
        spark_version: '15.4.x-scala2.12',
        node_type_id: 'Standard_DS3_v2',
        num_workers: 1,
      })
    ).body;
    expectSuccess(
      await runExample('clusters/start-stop-cluster.ts', { TEST_DEFAULT_CLUSTER_ID: cluster_id }),
    );
  });
});

/** The examples run above, by path. */
const RUN = [
  'clusters/create-cluster.ts',
  'clusters/list-clusters.ts',
  'clusters/start-stop-cluster.ts',
  'jobs/create-job.ts',
  'jobs/monitor-job-run.ts',
  'jobs/run-now.ts',
  'jobs/submit-job.ts',
  'notebooks/export-notebook.ts',
  'notebooks/upload-notebook.ts',
  'sql/create-warehouse.ts',
  'sql/execute-query.ts',
];

describe('examples the emulator does not run', () => {
  it('are exactly the ones docs/emulator.md lists with a reason', () => {
    const notRun = listExamples().filter((e) => !RUN.includes(e));
    expect(documentedAsNotServed()).toEqual(notRun);
    expect(RUN.every((e) => listExamples().includes(e))).toBe(true);
  });
});
