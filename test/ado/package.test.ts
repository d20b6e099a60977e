/**
 * The Azure DevOps job templates with `cliVersion`: the CLI comes from the npm package databricks-dr
 * at that exact version instead of a checkout of this repository. Expanded, the jobs check out no
 * tools repository, install the package first and run its bundle; the install refuses a version
 * that is not exact; and the CLI step runs the package as npm lays it out (the tarball of
 * `npm pack`, installed where the install step puts it) against emulated workspaces.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { SECRET_VALUES, type TwoRegions, twoRegions } from '../helpers/project.js';
import { ROOT } from '../helpers/runner.js';
import { runStep, type Step } from './agent.js';
import { expandTemplate, type Value } from './expand.js';

const run = promisify(execFile);
const JOBS = path.join(ROOT, 'workflows/azure-devops/jobs');
const INSTALL = /^Install databricks-dr .* from npm$/;

type Job = Record<string, Value>;

function stepsOf(job: Job): Step[] {
  if (Array.isArray(job.steps)) return job.steps as Step[];
  return (job.strategy as { runOnce: { deploy: { steps: Step[] } } }).runOnce.deploy.steps;
}

function jobs(template: string, parameters: Record<string, Value>): Job[] {
  const extra: Record<string, Value> = template === 'failover.yml' ? { to: 'secondary' } : {};
  return expandTemplate(path.join(JOBS, template), { ...extra, ...parameters }).jobs as Job[];
}

const cliSteps = (steps: Step[]) =>
  steps.filter((s) => (s.env as Record<string, Value>)?.DR_CLI !== undefined);

describe('job templates with cliVersion', () => {
  it.each(['deploy.yml', 'plan.yml', 'failover.yml', 'drift.yml'])(
    '%s: no tools checkout; the package is installed before every CLI step and run from node_modules',
    (template) => {
      for (const job of jobs(template, { cliVersion: '1.4.2' })) {
        const steps = stepsOf(job);
        expect(steps.filter((s) => s.checkout === 'databricks_dr')).toEqual([]);
        const runs = cliSteps(steps);
        expect(runs.length).toBeGreaterThan(0);
        for (const cli of runs) {
          expect((cli.env as Record<string, Value>).DR_CLI).toBe(
            '$(Pipeline.Workspace)/databricks-dr-tools/node_modules/databricks-dr/dist/cli/index.js',
          );
          const install = steps[steps.indexOf(cli) - 1];
          expect(String(install.displayName)).toMatch(INSTALL);
          expect(install.env).toEqual({
            DR_CLI_VERSION: '1.4.2',
            DR_TOOLS: '$(Pipeline.Workspace)/databricks-dr-tools',
          });
        }
      }
      // Without it: the checkout of the template repository and its committed bundle, as before.
      for (const job of jobs(template, {})) {
        const steps = stepsOf(job);
        expect(steps.filter((s) => s.checkout === 'databricks_dr').length).toBe(1);
        expect(steps.filter((s) => INSTALL.test(String(s.displayName)))).toEqual([]);
        for (const cli of cliSteps(steps))
          expect((cli.env as Record<string, Value>).DR_CLI).toBe(
            '$(Pipeline.Workspace)/databricks-dr-tools/dist/cli/index.js',
          );
      }
    },
  );

  it('the install step refuses a version that is not exact (a range or a tag would not be pinned)', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'ado-ws-'));
    mkdirSync(path.join(workspace, 's', 'self'), { recursive: true });
    for (const version of ['latest', '^1.2.0', '1.2']) {
      const [job] = jobs('plan.yml', { cliVersion: version });
      const install = stepsOf(job).find((s) => INSTALL.test(String(s.displayName)))!;
      const result = await runStep(install, {
        variables: { 'Pipeline.Workspace': workspace, 'Agent.TempDirectory': tmpdir() },
      });
      expect(result.code).toBe(1);
      expect(result.commands).toContainEqual({
        area: 'task.logissue',
        properties: { type: 'error' },
        message: `cliVersion '${version}' is not an exact version: pin one such as 1.2.3`,
      });
    }
  });
});

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

describe('the CLI step, with the package installed as the install step lays it out', () => {
  it('plan runs from node_modules/databricks-dr against the emulator', async () => {
    setup = await twoRegions();
    const workspace = mkdtempSync(path.join(tmpdir(), 'ado-ws-npm-'));
    mkdirSync(path.join(workspace, 's'));
    symlinkSync(setup.dir, path.join(workspace, 's', 'self'));
    const tools = path.join(workspace, 'databricks-dr-tools');
    mkdirSync(tools);
    const packed = mkdtempSync(path.join(tmpdir(), 'dr-pack-'));
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', packed], { cwd: ROOT });
    const [{ filename }] = JSON.parse(stdout) as Array<{ filename: string }>;
    // What `npm install --prefix "$DR_TOOLS" databricks-dr@X.Y.Z` does, from the tarball instead of the registry.
    await run('npm', ['install', '--prefix', tools, '--no-save', '--offline', path.join(packed, filename)]);

    const [job] = jobs('plan.yml', {
      cliVersion: '0.1.0',
      env: {
        DATABRICKS_TOKEN_PRIMARY: '$(DATABRICKS_TOKEN_PRIMARY)',
        DATABRICKS_TOKEN_SECONDARY: '$(DATABRICKS_TOKEN_SECONDARY)',
        HIVE_METASTORE_PASSWORD: '$(HIVE_METASTORE_PASSWORD)',
        ORDERS_API_KEY: '$(ORDERS_API_KEY)',
      },
    });
    const [cli] = cliSteps(stepsOf(job));
    const result = await runStep(cli, {
      variables: {
        'Pipeline.Workspace': workspace,
        'Agent.TempDirectory': tmpdir(),
        DATABRICKS_TOKEN_PRIMARY: setup.env.DATABRICKS_TOKEN_PRIMARY!,
        DATABRICKS_TOKEN_SECONDARY: setup.env.DATABRICKS_TOKEN_SECONDARY!,
        ...SECRET_VALUES,
      },
      extraEnv: {
        DATABRICKS_DR_HOST_PRIMARY: setup.env.DATABRICKS_DR_HOST_PRIMARY,
        DATABRICKS_DR_HOST_SECONDARY: setup.env.DATABRICKS_DR_HOST_SECONDARY,
      },
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/primary \(active, epoch 0\): ok/);
  }, 120_000);
});
