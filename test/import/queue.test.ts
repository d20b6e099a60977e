/**
 * Queueing survives import → deploy over real HTTP. Jobs made through Jobs 2.0/2.1 without `queue`
 * do not queue and jobs/get leaves the field out; deploy writes `queue: {enabled: true}` for a file
 * without one (Jobs 2.2's default). Found by trying import as a new user: the plan of the imported
 * region showed `update job (queue)` and the deploy turned queueing on.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDeploy } from '../../src/core/engine/run.js';
import { runImport } from '../../src/core/import/index.js';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';
import { RecordingReporter } from '../helpers/reporter.js';
import { call, SEED_TOKEN } from './estate.js';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ workspaces: [{ name: 'east' }, { name: 'west' }], rateLimits: 'off' });
}, 30_000);

afterAll(() => emulator?.stop());

it('writes queue off for a job that does not queue, and the imported region plans no change', async () => {
  const east = emulator.workspace('east');
  east.addToken(SEED_TOKEN, 'entra');
  const task = { task_key: 't', notebook_task: { notebook_path: '/Shared/x' }, environment_key: 'e' };
  const environments = [{ environment_key: 'e', spec: { client: '1' } }];
  // 2.1 without queue: off. 2.2 without queue: on. 2.2 with queue off: off.
  await call(east, 'POST', '/api/2.1/jobs/create', { name: 'legacy', tasks: [task], environments });
  await call(east, 'POST', '/api/2.2/jobs/create', { name: 'modern', tasks: [task], environments });
  await call(east, 'POST', '/api/2.2/jobs/create', {
    name: 'no-queue',
    tasks: [task],
    environments,
    queue: { enabled: false },
  });
  const queueOf = async (name: string) => {
    const { jobs } = await call<{ jobs: Array<{ job_id: number; settings: { name: string } }> }>(
      east,
      'GET',
      '/api/2.2/jobs/list',
    );
    const id = jobs.find((j) => j.settings.name === name)!.job_id;
    const job = await call<{ settings: { queue?: unknown } }>(east, 'GET', `/api/2.2/jobs/get?job_id=${id}`);
    return job.settings.queue;
  };
  expect(await queueOf('legacy')).toBeUndefined();

  const dir = mkdtempSync(path.join(tmpdir(), 'dr-import-queue-'));
  const configFile = path.join(dir, 'databricks-dr.yml');
  writeFileSync(
    configFile,
    `version: 1\nname: q\nregions:\n  east: { host: ${east.url}, auth: { type: pat, token_env: T } }\n  west: { host: ${emulator.workspace('west').url}, auth: { type: pat, token_env: T } }\n`,
  );
  const env = { T: east.token };
  const imported = await runImport({
    configFile,
    reporter: new RecordingReporter(),
    env,
    region: 'east',
    selection: { jobs: [], allJobs: true, clusters: [], notebooks: [], scopes: [] },
    command: 'databricks-dr import --region east --all-jobs',
    client: { rateLimits: 'off' },
  });
  expect(imported.errors).toEqual([]);
  const file = (name: string) => JSON.parse(readFileSync(path.join(dir, 'jobs', `${name}.json`), 'utf8'));
  expect(file('legacy').queue).toEqual({ enabled: false });
  expect(file('no-queue').queue).toEqual({ enabled: false });
  expect(file('modern').queue?.enabled ?? true).toBe(true);

  const deploy = (dryRun: boolean) =>
    runDeploy({
      configFile,
      reporter: new RecordingReporter(),
      env,
      cwd: dir,
      regions: ['east'],
      dryRun,
      skipPreflight: true,
      client: { rateLimits: 'off' },
    });
  const plan = await deploy(true);
  expect(plan.regions.east.errors).toEqual([]);
  expect(plan.regions.east.changes.filter((c) => c.kind === 'job')).toEqual([]);
  const applied = await deploy(false);
  expect(applied.regions.east.errors).toEqual([]);
  expect(applied.regions.east.changes.filter((c) => c.kind === 'job')).toEqual([]);
  // Still not queueing: absent or off, never turned on.
  expect(await queueOf('legacy')).not.toEqual({ enabled: true });
  expect(await queueOf('modern')).toEqual({ enabled: true });
}, 60_000);
