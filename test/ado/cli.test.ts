/**
 * The Azure DevOps templates, expanded with their parameters, run the real CLI (dist/cli/index.js)
 * under TF_BUILD=True against emulated workspaces, as the agent would: logging commands with file
 * and line, masked secrets, exit codes, and (once the CLI publishes them) output variables and an
 * uploaded summary.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_JOBS, SECRET_VALUES, type TwoRegions, twoRegions } from '../helpers/project.js';
import { ROOT } from '../helpers/runner.js';
import { cliStep, pipelineWorkspace, runStep, type Step, scriptOf } from './agent.js';
import { expandTemplate, type Value } from './expand.js';

const JOBS = path.join(ROOT, 'workflows/azure-devops/jobs');

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

/** Secret variables of the pipeline, mapped into the step through the template's `env` parameter. */
const SECRET_ENV = {
  DATABRICKS_TOKEN_PRIMARY: '$(DATABRICKS_TOKEN_PRIMARY)',
  DATABRICKS_TOKEN_SECONDARY: '$(DATABRICKS_TOKEN_SECONDARY)',
  HIVE_METASTORE_PASSWORD: '$(HIVE_METASTORE_PASSWORD)',
  ORDERS_API_KEY: '$(ORDERS_API_KEY)',
};

function variables(s: TwoRegions): Record<string, string> {
  return {
    'Pipeline.Workspace': pipelineWorkspace(s.dir),
    'Agent.TempDirectory': tmpdir(),
    'System.AccessToken': 'ado-access-token-Distinctive-5150',
    DATABRICKS_TOKEN_PRIMARY: s.env.DATABRICKS_TOKEN_PRIMARY!,
    DATABRICKS_TOKEN_SECONDARY: s.env.DATABRICKS_TOKEN_SECONDARY!,
    ...SECRET_VALUES,
  };
}

/** Host overrides point the example config at the emulator; in a real pipeline they are not needed. */
function hostEnv(s: TwoRegions): NodeJS.ProcessEnv {
  return {
    DATABRICKS_DR_HOST_PRIMARY: s.env.DATABRICKS_DR_HOST_PRIMARY,
    DATABRICKS_DR_HOST_SECONDARY: s.env.DATABRICKS_DR_HOST_SECONDARY,
  };
}

type Job = Record<string, Value>;

function jobSteps(job: Job): Step[] {
  if (Array.isArray(job.steps)) return job.steps as Step[];
  const strategy = job.strategy as { runOnce: { deploy: { steps: Step[] } } };
  return strategy.runOnce.deploy.steps;
}

function expandJobs(template: string, parameters: Record<string, Value>): Job[] {
  return expandTemplate(path.join(JOBS, template), parameters).jobs as Job[];
}

async function run(s: TwoRegions, template: string, parameters: Record<string, Value>, jobIndex = 0) {
  const job = expandJobs(template, { env: SECRET_ENV, ...parameters })[jobIndex];
  return runStep(cliStep(jobSteps(job)), { variables: variables(s), extraEnv: hostEnv(s) });
}

describe('Azure DevOps templates running the CLI under TF_BUILD', () => {
  it('validate job: a broken file is a task.logissue error with its absolute path, line and column; exit 1', async () => {
    setup = await twoRegions();
    writeFileSync(
      path.join(setup.dir, 'jobs/broken.json'),
      '{\n  "name": "broken",\n  "max_concurrent_runs": 5000,\n  "tasks": [{ "task_key": "a", "notebok_task": {} }]\n}\n',
    );
    const result = await run(setup, 'deploy.yml', {}, 0);
    expect(result.code).toBe(1);
    const issues = result.commands.filter((c) => c.area === 'task.logissue' && c.properties.sourcepath);
    expect(issues.length).toBeGreaterThanOrEqual(2);
    const broken = issues.find((c) => c.properties.linenumber === '3')!;
    expect(broken.properties.type).toBe('error');
    expect(path.basename(broken.properties.sourcepath)).toBe('broken.json');
    expect(path.isAbsolute(broken.properties.sourcepath)).toBe(true);
    expect(existsSync(broken.properties.sourcepath)).toBe(true);
    expect(Number(broken.properties.columnnumber)).toBeGreaterThan(0);
    expect(broken.message).toContain('jobs/broken.json:3:');
    for (const ws of setup.emulator.workspaces) expect(ws.requests()).toEqual([]);
  });

  it('deploy job: every flag accepted, tokens and secret values set secret first, both regions deployed', async () => {
    setup = await twoRegions();
    const result = await run(setup, 'deploy.yml', { regions: ['primary', 'secondary'], adopt: true }, 1);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const secrets = result.commands.filter((c) => c.area === 'task.setsecret').map((c) => c.message);
    const values = [
      setup.env.DATABRICKS_TOKEN_PRIMARY!,
      setup.env.DATABRICKS_TOKEN_SECONDARY!,
      ...Object.values(SECRET_VALUES),
    ];
    expect(secrets).toEqual(expect.arrayContaining(values));
    // Outside the setsecret commands no value is ever printed.
    const rest = `${result.stdout}\n${result.stderr}`
      .split('\n')
      .filter((l) => !l.startsWith('##vso[task.setsecret]'))
      .join('\n');
    for (const v of values) expect(rest).not.toContain(v);
    for (const ws of setup.emulator.workspaces)
      expect(
        Object.values(ws.state().jobs)
          .map((j) => j.settings.name)
          .sort(),
      ).toEqual(EXAMPLE_JOBS);
  });

  it('deploy job: output variables and an uploaded summary', async () => {
    setup = await twoRegions();
    const result = await run(setup, 'deploy.yml', {}, 1);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const outputs = Object.fromEntries(
      result.commands
        .filter((c) => c.area === 'task.setvariable' && c.properties.isoutput === 'true')
        .map((c) => [c.properties.variable, c.message]),
    );
    expect(JSON.parse(outputs.result).command).toBe('deploy');
    // The actions' output names with _ for - (docs/azure-devops.md).
    expect(outputs.active_region).toBe('primary');
    expect(Object.keys(JSON.parse(outputs.job_ids)).sort()).toEqual(['primary', 'secondary']);
    expect(Object.keys(JSON.parse(outputs.cluster_ids)).sort()).toEqual(['primary', 'secondary']);
    const summary = result.commands.find((c) => c.area === 'task.uploadsummary');
    expect(summary, 'task.uploadsummary').toBeDefined();
    expect(readFileSync(summary!.message, 'utf8')).toContain('### primary (active, epoch 0): ok');
  });

  it('plan job: exit 0, writes nothing', async () => {
    setup = await twoRegions();
    const result = await run(setup, 'plan.yml', { regions: ['secondary'] });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/secondary \(passive, epoch 0\): ok/);
    for (const ws of setup.emulator.workspaces) expect(ws.requests().filter((r) => r.mutation)).toEqual([]);
  });

  it('failover job (dry run, then for real) and drift job (in sync: 0; hand edit: exit 3)', async () => {
    setup = await twoRegions();
    expect((await run(setup, 'deploy.yml', {}, 1)).code).toBe(0);
    const dry = await run(setup, 'failover.yml', {
      to: 'secondary',
      dryRun: true,
      startClusters: true,
      cancelRuns: true,
    });
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    const real = await run(setup, 'failover.yml', { to: 'secondary', dryRun: false });
    expect(real.code, real.stdout + real.stderr).toBe(0);

    const inSync = await run(setup, 'drift.yml', { failOnDrift: true, deep: true });
    expect(inSync.code, inSync.stdout + inSync.stderr).toBe(0);
    const [, secondary] = setup.emulator.workspaces;
    const job = Object.values(secondary.state().jobs).find(
      (j) => j.settings.name === 'weekly-demand-forecast',
    )!;
    await fetch(`${secondary.url}/api/2.2/jobs/update`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secondary.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ job_id: job.job_id, new_settings: { description: 'edited by hand' } }),
    });
    const drifted = await run(setup, 'drift.yml', { failOnDrift: true, regions: ['secondary'] });
    expect(drifted.code).toBe(3);
  });
});

describe('auth variants of the step template', () => {
  it('azure-cli: AzureCLI@2 with the service connection, bash, addSpnToEnvironment; its script runs the CLI', async () => {
    setup = await twoRegions();
    const [validateJob] = expandJobs('deploy.yml', {
      auth: 'azure-cli',
      azureSubscription: 'databricks-dr-deploy',
      env: SECRET_ENV,
    });
    const deployJob = expandJobs('deploy.yml', {
      auth: 'azure-cli',
      azureSubscription: 'databricks-dr-deploy',
      env: SECRET_ENV,
    })[1];
    // validate needs no credentials: always a plain bash step.
    expect(cliStep(jobSteps(validateJob)).bash).toBeDefined();
    const step = cliStep(jobSteps(deployJob));
    expect(step.task).toBe('AzureCLI@2');
    expect(step.inputs).toMatchObject({
      azureSubscription: 'databricks-dr-deploy',
      scriptType: 'bash',
      scriptLocation: 'inlineScript',
      addSpnToEnvironment: true,
    });
    expect((step.env as Record<string, Value>).SYSTEM_ACCESSTOKEN).toBeUndefined();
    const result = await runStep(step, { variables: variables(setup), extraEnv: hostEnv(setup) });
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  it('azure-pipelines: SYSTEM_ACCESSTOKEN is mapped from $(System.AccessToken); env: it is not', () => {
    const [, deployJob] = expandJobs('deploy.yml', { auth: 'azure-pipelines' });
    const step = cliStep(jobSteps(deployJob));
    expect(step.bash).toBeDefined();
    expect((step.env as Record<string, Value>).SYSTEM_ACCESSTOKEN).toBe('$(System.AccessToken)');
    const [, plain] = expandJobs('deploy.yml', {});
    expect((cliStep(jobSteps(plain)).env as Record<string, Value>).SYSTEM_ACCESSTOKEN).toBeUndefined();
  });

  it('every job runs Node 24 (UseNode@1) before the CLI, from the checkout of the template repository', () => {
    for (const template of ['deploy.yml', 'plan.yml', 'failover.yml', 'drift.yml']) {
      for (const job of expandJobs(template, template === 'failover.yml' ? { to: 'secondary' } : {})) {
        const steps = jobSteps(job);
        const node = steps.findIndex((s) => s.task === 'UseNode@1');
        const cli = steps.indexOf(cliStep(steps));
        expect(node, template).toBeGreaterThanOrEqual(0);
        expect(node).toBeLessThan(cli);
        expect((steps[node].inputs as Record<string, Value>).version).toBe('24.x');
        expect(steps.filter((s) => 'checkout' in s).map((s) => [s.checkout, s.path])).toEqual([
          ['self', 's/self'],
          ['databricks_dr', 'databricks-dr-tools'],
        ]);
        expect(scriptOf(cliStep(steps))).toContain('node "$DR_CLI"');
        expect((cliStep(steps).env as Record<string, Value>).DR_CLI).toBe(
          '$(Pipeline.Workspace)/databricks-dr-tools/dist/cli/index.js',
        );
      }
    }
  });
});
