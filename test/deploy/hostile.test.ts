/**
 * Hostile input against real HTTP (the emulator): two configs naming the same notebook target or
 * the same job and cluster names, a symbolic link out of the repository, and notebook names that
 * carry Azure Pipelines logging commands under TF_BUILD.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDeploy } from '../../src/core/engine/run.js';
import { ValidationError } from '../../src/core/errors.js';
import type { CommandResult } from '../../src/core/plan/types.js';
import type { EmulatedWorkspace } from '../../src/emulator/index.js';
import { parseLoggingCommands } from '../ado/agent.js';
import { runCli } from '../helpers/cli.js';
import { type TwoRegions, twoRegions } from '../helpers/project.js';
import { RecordingReporter } from '../helpers/reporter.js';

let setup: TwoRegions | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function deploy(
  s: TwoRegions,
  configFile = s.configFile,
  extra: Partial<Parameters<typeof runDeploy>[0]> = {},
): Promise<CommandResult> {
  return runDeploy({
    configFile,
    env: s.env,
    cwd: path.dirname(configFile),
    reporter: new RecordingReporter(),
    client: { rateLimits: 'off', backoffBaseMs: 5, backoffCapMs: 20 },
    ...extra,
  });
}

/** A second team's repository: a copy of the first with another config name (and `edit` applied). */
function secondConfig(s: TwoRegions, edit: (yaml: string) => string = (y) => y): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dr-second-'));
  dirs.push(dir);
  cpSync(s.dir, dir, { recursive: true });
  const file = path.join(dir, 'databricks-dr.yml');
  writeFileSync(file, edit(readFileSync(file, 'utf8').replace('name: sales-platform', 'name: marketing')));
  return file;
}

const under = (ws: EmulatedWorkspace, prefix: string) =>
  Object.keys(ws.state().objects)
    .filter((p) => p.startsWith(prefix))
    .sort();
const mutations = (ws: EmulatedWorkspace) => ws.requests().filter((r) => r.mutation);
const errorsOf = (r: CommandResult) => Object.values(r.regions).flatMap((x) => x.errors);

describe('ownership between configs', () => {
  it('a second config naming the same notebook target is refused with both names; it deletes and counts nothing there', async () => {
    setup = await twoRegions();
    const first = await deploy(setup);
    expect(errorsOf(first)).toEqual([]);
    const [primary, secondary] = setup.emulator.workspaces;
    const before = [primary, secondary].map((ws) => under(ws, '/Shared/sales/'));
    expect(before[0]).toContain('/Shared/sales/etl/ingest_orders');

    // The second team deploys one notebook of its own to the same folder, deleting orphans.
    const other = secondConfig(setup, (y) =>
      y
        .replace(/^(jobs|clusters|pipelines|secret_scopes): .*$/gm, '')
        .replace(/^drill: .*$/m, '')
        .replace('prune: { jobs: false, clusters: false, pipelines: false, secret_scopes: false }', ''),
    );
    const notebooks = path.join(path.dirname(other), 'notebooks');
    rmSync(notebooks, { recursive: true });
    mkdirSync(notebooks);
    writeFileSync(path.join(notebooks, 'campaigns.py'), '# Databricks notebook source\nprint(1)\n');
    for (const ws of [primary, secondary]) ws.clearRequests();

    for (const dryRun of [true, false]) {
      const result = await deploy(setup, other, { dryRun });
      for (const region of ['primary', 'secondary']) {
        const r = result.regions[region];
        expect(r.status).toBe('failed');
        expect(r.errors.join('\n')).toContain(
          `notebook target /Shared/sales in region ${region} is managed by config sales-platform`,
        );
        expect(r.errors.join('\n')).toContain('not marketing');
        expect(r.unchanged.notebook ?? 0).toBe(0);
        expect(r.changes.filter((c) => c.kind === 'notebook')).toEqual([]);
      }
    }
    for (const ws of [primary, secondary]) {
      expect(mutations(ws).filter((m) => JSON.stringify(m).includes('/Shared/sales'))).toEqual([]);
    }
    expect([primary, secondary].map((ws) => under(ws, '/Shared/sales/'))).toEqual(before);

    // The first config still converges with nothing to do.
    const again = await deploy(setup);
    expect(errorsOf(again)).toEqual([]);
    expect(again.regions.primary.changes.filter((c) => c.kind === 'notebook')).toEqual([]);
  });

  it("another config's cluster and job are called managed by that config and never adopted, not even with --adopt", async () => {
    setup = await twoRegions();
    expect(errorsOf(await deploy(setup))).toEqual([]);
    const other = secondConfig(setup, (y) => y.replace('target: /Shared/sales', 'target: /Shared/marketing'));
    const [primary] = setup.emulator.workspaces;
    const jobsBefore = JSON.stringify(primary.state().jobs);
    const clustersBefore = Object.values(primary.state().clusters).map((c) => c.spec);

    const result = await deploy(setup, other, { adopt: true });
    const errors = result.regions.primary.errors.join('\n');
    expect(errors).toContain(
      'cluster "shared-etl" exists in region primary but is managed by config sales-platform, not marketing',
    );
    expect(errors).not.toContain('not managed by databricks-dr');

    // With a cluster of its own, the second config's jobs meet the first one's by name.
    const otherDir = path.dirname(other);
    for (const folder of ['jobs', 'clusters'])
      for (const f of readdirSync(path.join(otherDir, folder))) {
        const file = path.join(otherDir, folder, f);
        writeFileSync(file, readFileSync(file, 'utf8').replaceAll('shared-etl', 'marketing-etl'));
      }
    const jobs = (await deploy(setup, other, { adopt: true })).regions.primary.errors.join('\n');
    expect(jobs).toMatch(
      /job "daily-sales-etl" exists in region primary \(id \d+\) but is managed by config sales-platform, not marketing/,
    );
    expect(jobs).not.toContain('not managed by databricks-dr');
    expect(JSON.stringify(primary.state().jobs)).toBe(jobsBefore);
    expect(
      Object.values(primary.state().clusters)
        .filter((c) => c.spec.cluster_name === 'shared-etl')
        .map((c) => c.spec),
    ).toEqual(clustersBefore);
  });
});

describe('the repository is the boundary', () => {
  it('a notebooks folder linking out of the repository is refused by name; nothing is uploaded or requested', async () => {
    setup = await twoRegions();
    const outside = mkdtempSync(path.join(tmpdir(), 'dr-outside-'));
    dirs.push(outside);
    writeFileSync(
      path.join(outside, 'id_rsa.py'),
      '# Databricks notebook source\nPRIVATE-KEY-Distinctive-3141\n',
    );
    symlinkSync(outside, path.join(setup.dir, 'notebooks/keys'));

    const failure = await deploy(setup).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ValidationError);
    const messages = (failure as ValidationError).diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`);
    expect(messages.join('\n')).toContain(
      'databricks-dr.yml:42: notebooks/keys is a symbolic link that leaves the repository',
    );
    expect(messages.join('\n')).not.toContain('PRIVATE-KEY');
    for (const ws of setup.emulator.workspaces) expect(ws.requests()).toEqual([]);
  });
});

describe('hidden files are never deployed', () => {
  it('a link to .git/config or to .git (a checkout keeps its token there) is refused by name; nothing is requested', async () => {
    setup = await twoRegions();
    mkdirSync(path.join(setup.dir, '.git'), { recursive: true });
    writeFileSync(
      path.join(setup.dir, '.git/config'),
      '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic Distinctive-Token-4242\n',
    );
    symlinkSync('../.git/config', path.join(setup.dir, 'notebooks/config.txt'));
    symlinkSync('../.git', path.join(setup.dir, 'notebooks/git'));

    const failure = await deploy(setup).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ValidationError);
    const messages = (failure as ValidationError).diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'databricks-dr.yml:42: notebooks/config.txt is a symbolic link to .git/config, which is hidden (hidden files and folders, such as .git, are never deployed): replace the link with the files themselves',
        'databricks-dr.yml:42: notebooks/git is a symbolic link to .git, which is hidden (hidden files and folders, such as .git, are never deployed): replace the link with the files themselves',
      ]),
    );
    expect(messages.join('\n')).not.toContain('Distinctive');
    for (const ws of setup.emulator.workspaces) expect(ws.requests()).toEqual([]);
  });
});

describe('notebook folders reached through many links', () => {
  it('a chain of more than 40 nested folder links (the kernel resolves at most 40 in one path) deploys its deepest notebook', async () => {
    setup = await twoRegions();
    const chain = path.join(setup.dir, 'chain');
    for (let i = 0; i <= 45; i++) {
      mkdirSync(path.join(chain, `d${i}`), { recursive: true });
      if (i > 0) symlinkSync(`../d${i}`, path.join(chain, `d${i - 1}`, 'x'));
    }
    writeFileSync(path.join(chain, 'd45', 'deep.py'), '# Databricks notebook source\n1\n');
    symlinkSync('../chain/d0', path.join(setup.dir, 'notebooks/chain'));

    const result = await deploy(setup);
    expect(result.regions.primary.errors).toEqual([]);
    const deep = `/Shared/sales/chain/${'x/'.repeat(45)}deep`;
    for (const ws of setup.emulator.workspaces)
      expect(ws.state().objects[deep]?.object_type).toBe('NOTEBOOK');
  });
});

async function cli(argv: string[], env: NodeJS.ProcessEnv, cwd: string) {
  const run = await runCli(argv, { env, cwd });
  return { code: run.code, text: `${run.stdout}\n${run.stderr}` };
}

describe('logging commands in names under Azure Pipelines (TF_BUILD)', () => {
  it('a notebook named with a newline and ##vso[ is refused at the config line; no command reaches the log', async () => {
    setup = await twoRegions();
    const name = 'a\n##vso[task.setvariable variable=X]v\n.py';
    writeFileSync(path.join(setup.dir, 'notebooks', name), '# Databricks notebook source\n1\n');
    const run = await cli(['plan'], { ...setup.env, TF_BUILD: 'True' }, setup.dir);
    expect(run.code).toBe(1);
    expect(run.text).not.toMatch(/^\s*##vso\[task\.setvariable/m);
    expect(run.text).not.toContain('##vso[task.setvariable variable=X');
    const issues = parseLoggingCommands(run.text).filter((c) => c.area === 'task.logissue');
    expect(issues.map((c) => c.message).join('\n')).toContain('has a control or bidi character in its name');
    expect(parseLoggingCommands(run.text).filter((c) => c.area === 'task.setvariable')).toEqual([]);
    for (const ws of setup.emulator.workspaces) expect(ws.requests()).toEqual([]);
  });

  it('a notebook named with ##vso[ on one line is deployed, but every line printing it is neutralised', async () => {
    setup = await twoRegions();
    writeFileSync(
      path.join(setup.dir, 'notebooks', 'b ##vso[task.setvariable variable=Y]v.py'),
      '# Databricks notebook source\n1\n',
    );
    const run = await cli(['plan'], { ...setup.env, TF_BUILD: 'True' }, setup.dir);
    expect(run.code, run.text).toBe(0);
    expect(run.text).toContain('##vso [task.setvariable variable=Y]v');
    expect(run.text).not.toContain('##vso[task.setvariable variable=Y');
    expect(
      parseLoggingCommands(run.text).filter(
        (c) => c.area === 'task.setvariable' && c.properties.variable === 'Y',
      ),
    ).toEqual([]);
  });
});
