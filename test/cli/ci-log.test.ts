/**
 * The CLI in a CI log (issue 22): the result of every region-by-region command is one collapsible
 * group per region headed by its short result — `##[group]` under Azure Pipelines (TF_BUILD),
 * `::group::` under GitHub Actions — and nothing of it is printed twice. Through the CLI in-process
 * against the emulator.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { type TwoRegions, twoRegions } from '../helpers/project.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

describe('the CLI in a CI log', () => {
  it('groups deploy, drift and preflight by region under Azure Pipelines', async () => {
    setup = await twoRegions();
    const io = { env: { ...setup.env, TF_BUILD: 'True' }, cwd: setup.dir };
    const deploy = await runCli(['deploy'], io);
    expect(deploy.code, deploy.stdout + deploy.stderr).toBe(0);
    expect(deploy.stdout).toMatch(
      /^##\[group\]primary \(active, epoch 0\): ok — \d+ created; unchanged: nothing$/m,
    );
    expect(deploy.stdout).toMatch(/^##\[group\]secondary \(passive, epoch 0\): ok — \d+ created/m);
    expect(deploy.stdout).toMatch(/^\+ create job daily-sales-etl \(passive\) {2}\[applied\]$/m);
    // The run's progress is a group of its own (databricks-dr deploy), then one per region.
    expect(deploy.stdout).toMatch(/^##\[group\]databricks-dr deploy$/m);
    expect(deploy.stdout.match(/^##\[endgroup\]$/gm)).toHaveLength(3);
    // The groups replace the plain text: each change is in the log once.
    expect(deploy.stdout.match(/create job daily-sales-etl \(passive\)/g)).toHaveLength(1);

    const drift = await runCli(['drift'], io);
    expect(drift.code, drift.stdout + drift.stderr).toBe(0);
    expect(drift.stdout).toMatch(/^##\[group\]primary \(active, epoch 0\): in sync \(\d+ in sync\)$/m);
    expect(drift.stdout.match(/^##\[endgroup\]$/gm)).toHaveLength(2);

    const preflight = await runCli(['preflight'], io);
    expect(preflight.stdout).toMatch(/^##\[group\]secondary: (ready|NOT READY)$/m);
  });

  it('groups plan by region under GitHub Actions (a `run:` step), on stderr; --json stays one result', async () => {
    setup = await twoRegions();
    const io = { env: { ...setup.env, GITHUB_ACTIONS: 'true' }, cwd: setup.dir };
    const plan = await runCli(['plan'], io);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    expect(plan.stderr).toMatch(
      /^::group::primary \(active, epoch 0\): ok — \d+ to create; unchanged: nothing$/m,
    );
    expect(plan.stderr).toMatch(/^\+ create secret app\/hive-password$/m);
    expect(plan.stderr.match(/^::endgroup::$/gm)).toHaveLength(3);

    const json = await runCli(['plan', '--json'], io);
    expect(JSON.parse(json.stdout).command).toBe('plan');
    expect(json.stderr).not.toContain('::group::primary');
  });

  it('prints the plain text in a terminal', async () => {
    setup = await twoRegions();
    const plan = await runCli(['plan'], { env: setup.env, cwd: setup.dir });
    expect(plan.stdout).toMatch(/^primary \(active, epoch 0\): ok$/m);
    expect(plan.stdout + plan.stderr).not.toMatch(/group/);
  });
});
