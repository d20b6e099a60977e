/**
 * One command layer: the same command run by an action (the built dist/, as the runner runs it)
 * and by the CLI under Azure Pipelines gives the same result, exit code, outputs and summary —
 * the mapping is made once, in src/core/commands, and each platform only publishes it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLoggingCommands } from '../ado/agent.js';
import { runCli } from '../helpers/cli.js';
import { type TwoRegions, twoRegions } from '../helpers/project.js';
import { runAction } from '../helpers/runner.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

/** The CLI with --json under TF_BUILD: the result on stdout, its logging commands on stderr. */
async function cliUnderPipelines(s: TwoRegions, argv: string[]) {
  const run = await runCli([...argv, '--json'], { env: { ...s.env, TF_BUILD: 'True' }, cwd: s.dir });
  const commands = parseLoggingCommands(run.stderr);
  const outputs = Object.fromEntries(
    commands
      .filter((c) => c.area === 'task.setvariable' && c.properties.isoutput === 'true')
      .map((c) => [c.properties.variable, c.message]),
  );
  const upload = commands.find((c) => c.area === 'task.uploadsummary');
  return {
    code: run.code,
    result: JSON.parse(run.stdout),
    outputs,
    summary: upload ? readFileSync(upload.message, 'utf8') : '',
  };
}

/** Both platforms ran the same command: the same outcome, published each its own way. */
async function expectSameOutcome(
  s: TwoRegions,
  action: [string, Record<string, string>],
  argv: string[],
  code: number,
): Promise<void> {
  const gh = await runAction(action[0], action[1], s.env, s.dir);
  const ado = await cliUnderPipelines(s, argv);
  expect(gh.code, gh.stdout).toBe(code);
  expect(ado.code).toBe(code);
  expect(ado.result).toEqual(JSON.parse(gh.outputs.result));
  // Azure Pipelines names its variables job_ids for GitHub's job-ids.
  const renamed = Object.fromEntries(Object.entries(gh.outputs).map(([k, v]) => [k.replace(/-/g, '_'), v]));
  expect(ado.outputs).toEqual(renamed);
  // The runner's summary API ends what it appends with a newline.
  expect(`${ado.summary}\n`).toBe(gh.summary);
}

describe('an action and the CLI share one command layer', () => {
  it('validate: the same findings, exit code, outputs and summary', async () => {
    setup = await twoRegions();
    writeFileSync(
      path.join(setup.dir, 'jobs/broken.json'),
      '{\n  "name": "broken",\n  "max_concurrent_runs": 5000,\n  "tasks": [{ "task_key": "a", "notebok_task": {} }]\n}\n',
    );
    await expectSameOutcome(
      setup,
      ['validate', { files: 'jobs/broken.json' }],
      ['validate', 'jobs/broken.json'],
      1,
    );
  });

  it('drift with fail-on-drift: exit 3, the same drift status, result and summary', async () => {
    setup = await twoRegions();
    expect((await runCli(['deploy'], { env: setup.env, cwd: setup.dir })).code).toBe(0);
    const [, secondary] = setup.emulator.workspaces;
    const job = Object.values(secondary.state().jobs).find((j) => j.settings.name === 'regional-rollup')!;
    await fetch(`${secondary.url}/api/2.2/jobs/update`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secondary.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ job_id: job.job_id, new_settings: { description: 'edited by hand' } }),
    });
    await expectSameOutcome(setup, ['drift', { 'fail-on-drift': 'true' }], ['drift', '--fail-on-drift'], 3);
  });

  it('preflight with a region that is not ready: exit 1, the same checks and summary', async () => {
    setup = await twoRegions();
    await fetch(`${setup.emulator.workspaces[1].url}/__emulator/catalog`, {
      method: 'POST',
      body: JSON.stringify({ spark_versions: ['14.3.x-scala2.12'] }),
    });
    await expectSameOutcome(setup, ['preflight', {}], ['preflight'], 1);
  });

  it('failover --dry-run: the same plan of what would change, outputs and summary', async () => {
    setup = await twoRegions();
    expect((await runCli(['deploy'], { env: setup.env, cwd: setup.dir })).code).toBe(0);
    await expectSameOutcome(
      setup,
      ['failover', { to: 'secondary', 'dry-run': 'true' }],
      ['failover', '--to', 'secondary', '--dry-run'],
      0,
    );
  });
});
