/**
 * The npm package as a team gets it: `npm pack` here, the tarball installed into a copy of
 * examples/ (a team repository), and `npx databricks-dr validate`, `plan` and `deploy` run there
 * against two emulated workspaces — on Node 22 and on Node 24, each taken from the npm package
 * `node` (Node 24 is the root devDependency; Node 22 comes through test/package/node22, a separate
 * package so the two binaries do not contend for node_modules/.bin/node). The CLI runs from the
 * committed dist/ bundles, which is what `npm pack` ships.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TwoRegions, twoRegions } from '../helpers/project.js';
import { ROOT } from '../helpers/runner.js';

const run = promisify(execFile);

const RUNTIMES = {
  22: path.join(ROOT, 'test/package/node22/node_modules/node/bin'),
  24: path.join(ROOT, 'node_modules/node/bin'),
} as const;

interface PackedFile {
  path: string;
}

let tarball: string;
let files: string[];

beforeAll(async () => {
  const dest = mkdtempSync(path.join(tmpdir(), 'dr-pack-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dest], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string; files: PackedFile[] }>;
  tarball = path.join(dest, packed.filename);
  files = packed.files.map((f) => f.path);
}, 120_000);

describe('the npm package', () => {
  it('holds the bundled CLI, its chunks, the schemas and the examples; no sources, tests or benchmarks', () => {
    expect(files).toContain('dist/cli/index.js');
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    for (const schema of ['config', 'job', 'cluster', 'secret-scope'])
      expect(files).toContain(`schemas/${schema}.schema.json`);
    expect(files).toContain('examples/databricks-dr.yml');
    expect(files.filter((f) => f.startsWith('dist/chunks/')).length).toBeGreaterThan(0);
    const misplaced = files.filter(
      (f) =>
        /^(src|test|bench|scripts|actions|workflows|\.github|\.ci)\//.test(f) ||
        (f.startsWith('dist/') && !/^dist\/(cli|chunks)\//.test(f)),
    );
    expect(misplaced).toEqual([]);
  });

  it('is publishable: not private, a version, a bin, engines Node >= 22, no runtime dependencies or install scripts', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.private).toBeUndefined();
    expect(pkg.name).toBe('databricks-dr');
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(pkg.bin).toEqual({ 'databricks-dr': 'dist/cli/index.js' });
    expect(pkg.engines).toEqual({ node: '>=22' });
    // Everything the CLI needs is bundled into dist/, so installing it downloads nothing else.
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.optionalDependencies).toBeUndefined();
    const scripts = Object.keys((pkg.scripts as Record<string, string>) ?? {});
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'postpack'])
      expect(scripts).not.toContain(hook);
    expect(
      readFileSync(path.join(ROOT, 'dist/cli/index.js'), 'utf8').startsWith('#!/usr/bin/env node\n'),
    ).toBe(true);
  });
});

describe('supported Node.js versions', () => {
  it('the CLI on an older Node says how to get a supported one (sources; the bundle is checked in test/cli)', () => {
    const hooks = path.join(ROOT, 'test/emulator/ts-hooks.mjs');
    const entry = path.join(ROOT, 'src/cli/index.ts');
    const script =
      "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.1.0' } });" +
      `await import(${JSON.stringify(entry)});`;
    const r = spawnSync(
      process.execPath,
      [
        '--experimental-transform-types',
        '--no-warnings',
        '--import',
        hooks,
        '--input-type=module',
        '-e',
        script,
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('this is Node.js 20.1.0.');
    expect(r.stderr).toContain('https://nodejs.org/en/download');
    expect(r.stderr).toContain('npx -p node@24 -p databricks-dr databricks-dr <command>');
  });

  it('engines, the README and docs/install.md say the same: Node.js 22 or newer (24 recommended)', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toBe('>=22');
    for (const doc of ['README.md', 'docs/install.md'])
      expect(readFileSync(path.join(ROOT, doc), 'utf8'), doc).toContain(
        'Node.js 22 or newer (24 recommended)',
      );
  });
});

describe.each([22, 24] as const)('installed into a team repository, on Node %i', (major) => {
  let setup: TwoRegions;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    setup = await twoRegions();
    // PATH decides which node runs npm, npx and the CLI's `#!/usr/bin/env node`.
    env = { PATH: `${RUNTIMES[major]}${path.delimiter}${process.env.PATH}`, HOME: setup.dir, ...setup.env };
    writeFileSync(path.join(setup.dir, 'package.json'), '{ "private": true }\n');
    // No dependencies to fetch: the tarball is the whole install.
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: setup.dir, env });
  }, 120_000);

  afterAll(() => setup?.emulator.stop());

  /** `npx databricks-dr …` in the team repository: its exit code and what it printed. */
  const npx = (...args: string[]) =>
    run('npx', ['--offline', 'databricks-dr', ...args], { cwd: setup.dir, env }).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        output: e.stdout + e.stderr,
      }),
    );

  it(`runs on Node ${major}`, async () => {
    const { stdout } = await run('node', ['--version'], { env });
    expect(stdout.trim()).toMatch(new RegExp(`^v${major}\\.`));
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const version = await npx('--version');
    expect(version).toEqual({ code: 0, output: expect.stringContaining(pkg.version) });
  });

  it('validate, plan and deploy against the emulator; the deploy converges', async () => {
    // The "$schema" paths docs/install.md gives resolve inside the installed package.
    const job = path.join(setup.dir, 'jobs/daily-sales-etl.json');
    const schema = '../node_modules/databricks-dr/schemas/job.schema.json';
    writeFileSync(job, readFileSync(job, 'utf8').replace('../../schemas/job.schema.json', schema));
    expect(existsSync(path.join(setup.dir, 'jobs', schema))).toBe(true);
    expect(readFileSync(path.join(ROOT, 'docs/install.md'), 'utf8')).toContain(`\`${schema}\``);
    const validate = await npx('validate');
    expect(validate).toEqual({ code: 0, output: expect.stringContaining('no problems') });

    const plan = await npx('plan');
    expect(plan.code, plan.output).toBe(0);
    expect(plan.output).toMatch(/create/i);

    const deploy = await npx('deploy');
    expect(deploy.code, deploy.output).toBe(0);
    for (const ws of setup.emulator.workspaces) {
      const res = await fetch(`${ws.url}/api/2.2/jobs/list`, {
        headers: { Authorization: `Bearer ${ws.token}` },
      });
      const { jobs } = (await res.json()) as { jobs?: Array<{ settings: { name: string } }> };
      expect(jobs?.map((j) => j.settings.name)).toContain('daily-sales-etl');
    }
    const again = await npx('plan');
    expect(again.code, again.output).toBe(0);
    expect(again.output).not.toMatch(/\bcreate\b/);
  }, 120_000);
});
