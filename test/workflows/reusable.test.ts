/**
 * The reusable workflows and the callers a team copies: triggers, input types, least-privilege
 * permissions, one queued concurrency group for deploy and failover, SHA-pinned third-party
 * actions, and — the subtle one — this repository's actions loaded at the ref the caller pinned,
 * never from the caller's checkout.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/runner.js';
import { yamlFiles } from './files.js';

type Map = Record<string, unknown>;
interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | boolean | number>;
  env?: Record<string, string>;
}
interface Job {
  name?: string;
  if?: string;
  uses?: string;
  needs?: string | string[];
  environment?: string | { name: string; deployment?: boolean };
  concurrency?: { group: string; 'cancel-in-progress'?: boolean; queue?: string };
  permissions?: Record<string, string>;
  steps?: Step[];
  with?: Map;
  secrets?: unknown;
  outputs?: Map;
}
interface Workflow {
  on: Map;
  permissions?: Map;
  jobs: Record<string, Job>;
}

const load = (file: string) => parse(readFileSync(path.join(ROOT, file), 'utf8')) as Workflow;
const REUSABLE = ['plan', 'deploy', 'failover', 'drift'].map((n) => `.github/workflows/${n}.yml`);
const CALLERS = yamlFiles('workflows/github');

/** Where the reusable workflows check this repository out, at job.workflow_sha. */
const SIDE = '.databricks-dr-actions';

/**
 * Third-party actions we pin, with the version each SHA is. Verified by matching the same
 * SHA + version comment across many independent public repositories (RELEASING.md "Pins").
 */
const PINS: Record<string, { sha: string; version: string }> = {
  'actions/checkout': { sha: '08c6903cd8c0fde910a37f88322edcfb5dd907a8', version: 'v5.0.0' },
  'actions/setup-node': { sha: 'a0853c24544627f65ddf259abe73b1d18a591444', version: 'v5.0.0' },
};

/** Inputs the workflows pass that an action.yml does not declare yet (owned elsewhere; see docs). */
const PENDING_INPUTS: Record<string, string[]> = { '.': ['github-token'] };

function actionInputs(dir: string): string[] {
  const doc = parse(readFileSync(path.join(ROOT, dir, 'action.yml'), 'utf8')) as { inputs?: Map };
  return Object.keys(doc.inputs ?? {});
}

describe('reusable workflows', () => {
  it.each(REUSABLE)('%s: workflow_call only, typed and described inputs', (file) => {
    const wf = load(file);
    expect(Object.keys(wf.on)).toEqual(['workflow_call']);
    const call = wf.on.workflow_call as { inputs: Record<string, { type: string; description?: string }> };
    for (const [name, input] of Object.entries(call.inputs)) {
      expect(['string', 'boolean', 'number'], `${file}: ${name}`).toContain(input.type);
      expect(input.description, `${file}: ${name} needs a description`).toBeTruthy();
    }
  });

  it.each(REUSABLE)('%s: least privilege — nothing at the top, each job only what it needs', (file) => {
    const wf = load(file);
    expect(wf.permissions).toEqual({});
    for (const [id, job] of Object.entries(wf.jobs)) {
      expect(job.permissions, `${file}: ${id}`).toBeDefined();
      expect(job.permissions!.contents).toBe('read');
      const writes = Object.entries(job.permissions!)
        .filter(([, v]) => v === 'write')
        .map(([k]) => k)
        .sort();
      const talksToDatabricks = (job.steps ?? []).some(
        (s) => s.uses === `./${SIDE}` || /actions\/(failover|drift)$/.test(s.uses ?? ''),
      );
      // id-token only where databricks-dr authenticates; pull-requests only to comment the plan.
      const expected = [
        ...(talksToDatabricks ? ['id-token'] : []),
        ...(file.endsWith('plan.yml') && id === 'plan' ? ['pull-requests'] : []),
      ].sort();
      expect(writes, `${file}: ${id}`).toEqual(expected);
    }
  });

  it('deploy: a validate job, then one deploy job in one environment with every credential', () => {
    const wf = load('.github/workflows/deploy.yml');
    expect(Object.keys(wf.jobs)).toEqual(['validate', 'deploy']);
    expect(wf.jobs.validate.environment).toBeUndefined();
    expect(wf.jobs.validate.steps!.at(-1)!.uses).toBe(`./${SIDE}/actions/validate`);
    expect(wf.jobs.deploy.needs).toBe('validate');
    expect(wf.jobs.deploy.environment).toBe('${{ inputs.environment }}');
    const deploy = wf.jobs.deploy.steps!.at(-1)!;
    expect(deploy.uses).toBe(`./${SIDE}`);
    expect(deploy.with?.command).toBe('deploy');
  });

  it('deploy and failover share one concurrency group per config, queued, never cancelling', () => {
    const deploy = load('.github/workflows/deploy.yml').jobs.deploy.concurrency;
    const failover = load('.github/workflows/failover.yml').jobs.failover.concurrency;
    expect(deploy).toEqual(failover);
    expect(deploy).toEqual({
      group: 'databricks-dr-${{ inputs.config }}',
      'cancel-in-progress': false,
      queue: 'max',
    });
    for (const file of ['.github/workflows/plan.yml', '.github/workflows/drift.yml'])
      for (const job of Object.values(load(file).jobs)) expect(job.concurrency).toBeUndefined();
  });

  it('failover: target region as a string, a dry-run boolean, behind an environment', () => {
    const wf = load('.github/workflows/failover.yml');
    const inputs = (wf.on.workflow_call as { inputs: Record<string, Map> }).inputs;
    expect(inputs.to).toMatchObject({ type: 'string', required: true });
    expect(inputs['dry-run']).toMatchObject({ type: 'boolean', default: false });
    expect(inputs.environment).toMatchObject({ type: 'string', default: 'databricks-dr-failover' });
    expect(wf.jobs.failover.environment).toBe('${{ inputs.environment }}');
    const step = wf.jobs.failover.steps!.at(-1)!;
    expect(step.uses).toBe(`./${SIDE}/actions/failover`);
    expect(step.with).toMatchObject({ to: '${{ inputs.to }}', 'dry-run': '${{ inputs.dry-run }}' });
  });

  it('drift: the nightly run also checks every region is ready, even when drift found differences', () => {
    const wf = load('.github/workflows/drift.yml');
    const inputs = (wf.on.workflow_call as { inputs: Record<string, Map> }).inputs;
    expect(inputs.preflight).toMatchObject({ type: 'boolean', default: true });
    const steps = wf.jobs.drift.steps!;
    const drift = steps.findIndex((s) => s.uses === `./${SIDE}/actions/drift`);
    const preflight = steps.findIndex((s) => s.uses === `./${SIDE}/actions/preflight`);
    expect(drift).toBeGreaterThan(0);
    expect(preflight).toBeGreaterThan(drift);
    expect(steps[preflight].if).toBe('${{ !cancelled() && inputs.preflight }}');
    expect(steps[preflight].with).toEqual({
      config: '${{ inputs.config }}',
      regions: '${{ inputs.regions }}',
    });
  });

  it('plan: forks are validated without secrets; same-repository pull requests get the comment', () => {
    const wf = load('.github/workflows/plan.yml');
    expect(wf.jobs.plan.if).toContain('head.repo.full_name == github.repository');
    expect(wf.jobs['validate-fork'].if).toContain('head.repo.full_name != github.repository');
    expect(wf.jobs['validate-fork'].environment).toBeUndefined();
    expect(JSON.stringify(wf.jobs['validate-fork'])).not.toContain('secrets.');
    const plan = wf.jobs.plan.steps!.at(-1)!;
    expect(plan.with).toMatchObject({
      command: 'plan',
      'github-token': "${{ inputs.comment && github.token || '' }}",
    });
    expect(wf.jobs.plan.environment).toEqual({ name: '${{ inputs.environment }}', deployment: false });
  });
});

describe("this repository's actions run at the ref the caller pinned", () => {
  const jobs = REUSABLE.flatMap((file) =>
    Object.entries(load(file).jobs).map(([id, job]) => ({ file, id, job })),
  );

  it.each(jobs.map((j) => [`${j.file} ${j.id}`, j] as const))('%s', (_, { job }) => {
    const steps = job.steps ?? [];
    const local = steps.filter((s) => s.uses?.startsWith('./') || s.uses?.startsWith('$/'));
    expect(local.length).toBeGreaterThan(0);
    // Never the caller's checkout (./actions/x), never a hard-coded owner/ref.
    for (const s of local)
      expect(s.uses === `./${SIDE}` || s.uses!.startsWith(`./${SIDE}/`), s.uses).toBe(true);
    for (const s of steps) expect(s.uses ?? '').not.toMatch(/databricks-dr-actions.*@/);

    const side = steps.findIndex((s) => s.with?.path === SIDE);
    expect(side, 'a checkout into the side folder').toBeGreaterThanOrEqual(0);
    expect(steps[side].uses).toMatch(/^actions\/checkout@/);
    // job.workflow_* are the called workflow's own repository and commit; github.* are the caller's.
    expect(steps[side].with).toMatchObject({
      repository: '${{ job.workflow_repository }}',
      ref: '${{ job.workflow_sha }}',
      'persist-credentials': false,
    });
    const sparse = String(steps[side].with?.['sparse-checkout']).split('\n').filter(Boolean);
    expect(sparse.sort()).toEqual(['.github/actions', 'actions', 'dist']);
    // The caller's checkout comes first (checking it out later would clean the side folder away),
    // and an empty job.workflow_sha (not GitHub.com) fails loudly before a wrong ref is used.
    const own = steps.findIndex((s) => s.uses?.startsWith('actions/checkout@') && !s.with?.path);
    expect(own).toBeGreaterThanOrEqual(0);
    expect(own).toBeLessThan(side);
    const guard = steps.findIndex((s) => s.env?.WORKFLOW_SHA === '${{ job.workflow_sha }}');
    expect(guard).toBeGreaterThan(-1);
    expect(guard).toBeLessThan(side);
    expect(steps[guard].run).toMatch(/exit 1/);
    for (const s of local) expect(steps.indexOf(s)).toBeGreaterThan(side);
  });

  it('never takes the ref from the github context, which describes the caller', () => {
    for (const file of REUSABLE) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      // github.workflow_sha/_ref are the caller's; github.action_ref is empty outside an action;
      // github.job_workflow_sha is not available in expressions (actions/runner#2417).
      expect(text, file).not.toMatch(
        /github\.(workflow_sha|workflow_ref|action_ref|action_repository|job_workflow_sha|sha|ref)\b/,
      );
    }
  });

  it('every local action exists in this repository and gets only inputs it declares', () => {
    for (const { file, job } of jobs) {
      for (const s of job.steps ?? []) {
        if (!s.uses?.startsWith(`./${SIDE}`)) continue;
        const dir = s.uses.slice(`./${SIDE}`.length).replace(/^\//, '') || '.';
        expect(existsSync(path.join(ROOT, dir, 'action.yml')), `${file}: ${s.uses}`).toBe(true);
        const declared = [...actionInputs(dir), ...(PENDING_INPUTS[dir] ?? [])];
        for (const input of Object.keys(s.with ?? {}))
          expect(declared, `${file}: ${s.uses} with ${input}`).toContain(input);
        // The sparse checkout brings what the action runs: its folder and dist/.
        expect(dir === '.' || /^(actions|\.github\/actions)\//.test(dir)).toBe(true);
      }
    }
  });

  it('the action entries the workflows run are built', () => {
    for (const entry of ['deploy', 'validate', 'failover', 'drift'])
      expect(existsSync(path.join(ROOT, 'dist', entry, 'index.js')), entry).toBe(true);
  });
});

describe('third-party actions', () => {
  const files = [...yamlFiles('.github/workflows'), ...CALLERS];
  it.each(files)('%s: pinned by full commit SHA with a version comment', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/^\s*-?\s*uses:\s*(\S+)(.*)$/gm)) {
      const [ref, rest] = [m[1], m[2]];
      if (ref.startsWith('./') || ref.startsWith('$/')) continue;
      if (/^your-org\/databricks-dr-actions\/\.github\/workflows\/[a-z-]+\.yml@v1$/.test(ref)) continue;
      const pin = /^([\w.-]+\/[\w.-]+)@([0-9a-f]{40})$/.exec(ref);
      expect(pin, `${file}: ${ref} must be owner/repo@<40-hex sha>`).not.toBeNull();
      const known = PINS[pin![1]];
      expect(known, `${file}: ${pin![1]} is not a verified pin`).toBeDefined();
      expect(pin![2]).toBe(known.sha);
      expect(rest.trim()).toBe(`# ${known.version}`);
    }
  });
});

describe('caller workflows a team copies (workflows/github)', () => {
  const callers = Object.fromEntries(CALLERS.map((f) => [path.basename(f, '.yml'), load(f)]));

  it('call the reusable workflows at @v1 of the placeholder owner, with secrets: inherit and the permissions they need', () => {
    for (const [name, wf] of Object.entries(callers)) {
      const [job] = Object.values(wf.jobs);
      const target = /^your-org\/databricks-dr-actions\/(\.github\/workflows\/([a-z]+)\.yml)@v1$/.exec(
        job.uses ?? '',
      );
      expect(target, name).not.toBeNull();
      expect(existsSync(path.join(ROOT, target![1]))).toBe(true);
      expect(job.secrets).toBe('inherit');
      expect(job.permissions?.['id-token']).toBe('write');
      expect(job.permissions?.contents).toBe('read');
      // A caller grants exactly what the called jobs request (more would be wasted, less fails).
      const called = load(target![1]);
      const requested = new Set(
        Object.values(called.jobs).flatMap((j) =>
          Object.entries(j.permissions ?? {})
            .filter(([, v]) => v === 'write')
            .map(([k]) => k),
        ),
      );
      const granted = Object.entries(job.permissions ?? {})
        .filter(([, v]) => v === 'write')
        .map(([k]) => k);
      expect(new Set(granted), name).toEqual(requested);
    }
  });

  it('plan on pull request, deploy on merge to main, failover by hand, drift nightly', () => {
    expect(Object.keys(callers['databricks-dr-plan'].on)).toEqual(['pull_request']);
    expect(callers['databricks-dr-deploy'].on.push).toEqual({ branches: ['main'] });
    const dispatch = callers['databricks-dr-failover'].on.workflow_dispatch as {
      inputs: Record<string, Map>;
    };
    expect(Object.keys(callers['databricks-dr-failover'].on)).toEqual(['workflow_dispatch']);
    expect(dispatch.inputs.to).toMatchObject({ type: 'choice', options: ['secondary', 'primary'] });
    expect(dispatch.inputs['dry-run']).toMatchObject({ type: 'boolean', default: true });
    const schedule = callers['databricks-dr-drift'].on.schedule as Array<{ cron: string }>;
    expect(schedule[0].cron.split(' ')).toHaveLength(5);
  });
});

describe("this repository's CI (.github/workflows/ci.yml)", () => {
  it('runs on push and pull_request: npm ci, npm test, and check-dist', () => {
    const wf = load('.github/workflows/ci.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect(wf.on.workflow_call).toBeUndefined();
    expect(wf.permissions).toEqual({ contents: 'read' });
    const runs = Object.values(wf.jobs).flatMap((j) => (j.steps ?? []).map((s) => s.run ?? ''));
    expect(runs).toEqual(expect.arrayContaining(['npm ci', 'npm test', 'npm run build']));
    expect(runs.some((r) => r.includes('git status --porcelain dist'))).toBe(true);
    const node = Object.values(wf.jobs)
      .flatMap((j) => j.steps ?? [])
      .find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(node?.with?.['node-version-file']).toBe('.node-version');
    expect(readFileSync(path.join(ROOT, '.node-version'), 'utf8').trim()).toBe('24');
  });
});
