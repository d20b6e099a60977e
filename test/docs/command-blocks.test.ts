/**
 * Docs that run (issue 22): every shell block in README.md and docs/*.md is marked runnable or
 * not-runnable (test/helpers/doc-blocks.ts, CONTRIBUTING.md), and every runnable block runs as
 * written with bash `set -e`, against the emulator, with the Node.js that `npm ci` installs
 * (node_modules/.bin first on PATH) and `databricks-dr` on PATH as an installed package puts it
 * (the built dist/cli). Only where a block runs moves: its fixed emulator ports 8001 and 8002 to
 * free ones (the example config follows through the documented DATABRICKS_DR_HOST_* variables)
 * and its /tmp folders to a fresh one, so that parallel runs do not collide.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { allShellBlocks, type DocBlock, shellBlocks } from '../helpers/doc-blocks.js';
import { type TwoRegions, twoRegions } from '../helpers/project.js';
import { ROOT } from '../helpers/runner.js';

const BUILT = existsSync(path.join(ROOT, 'dist/cli/index.js'));
const BLOCKS = allShellBlocks(ROOT);
const RUNNABLE = BLOCKS.filter((b) => b.marker?.runnable === true);
const where = (b: DocBlock) => `${b.file}:${b.line}`;

/** What a block's output must show besides exit 0, by file and heading. */
const EXPECT: Record<string, RegExp[]> = {
  'docs/failover-runbook.md ## Rehearsing': [
    /secondary accepted runs \d+ ms after the start/,
    /warning: region primary was active at epoch 0; .*: fenced/,
    /primary \(passive, epoch 1\): in sync/,
    /primary accepted runs \d+ ms after the start/,
  ],
  'docs/failover-runbook.md ## Roles: `databricks-dr roles`': [/"command":"roles"/, /primary/],
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A bin folder holding `databricks-dr`, the built CLI run by the repository's Node. */
function binWithCli(tmp: string): string {
  const bin = path.join(tmp, 'bin');
  mkdirSync(bin);
  const node = path.join(ROOT, 'node_modules/.bin/node');
  const cli = path.join(ROOT, 'dist/cli/index.js');
  writeFileSync(path.join(bin, 'databricks-dr'), `#!/bin/sh\nexec "${node}" "${cli}" "$@"\n`);
  chmodSync(path.join(bin, 'databricks-dr'), 0o755);
  return bin;
}

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number) {
  return new Promise<{ status: number | null; output: string }>((resolve) => {
    // Background processes a block starts (emulators) are stopped however it ends.
    const guarded = `set -e\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n${script}`;
    const child = spawn('bash', ['-c', guarded], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += String(d);
    });
    child.stderr.on('data', (d) => {
      output += String(d);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

async function runBlock(block: DocBlock) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'doc-block-'));
  const [primary, secondary] = [await freePort(), await freePort()];
  const script = block.body
    .replaceAll('8001', String(primary))
    .replaceAll('8002', String(secondary))
    .replaceAll('/tmp/', `${tmp}/`);
  const base = {
    PATH: `${binWithCli(tmp)}:${path.join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
    HOME: tmp,
  };
  if (block.marker?.runnable && block.marker.setup === 'deployed') {
    setup = await twoRegions();
    const deployed = await runCli(['deploy'], { env: setup.env, cwd: setup.dir });
    expect(deployed.code, deployed.stderr).toBe(0);
    return bash(script, setup.dir, { ...setup.env, ...base }, 60_000);
  }
  return bash(
    script,
    ROOT,
    {
      ...base,
      DATABRICKS_DR_HOST_PRIMARY: `http://127.0.0.1:${primary}`,
      DATABRICKS_DR_HOST_SECONDARY: `http://127.0.0.1:${secondary}`,
    },
    220_000,
  );
}

describe('command blocks in README.md and docs/', () => {
  it('finds the shell blocks, the runnable among them', () => {
    expect(BLOCKS.length).toBeGreaterThanOrEqual(10);
    expect(RUNNABLE.map(where)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^docs\/failover-runbook\.md:/)]),
    );
  });

  it('every shell block is marked runnable or not-runnable (with why)', () => {
    expect(BLOCKS.filter((b) => !b.marker).map(where)).toEqual([]);
    expect(
      BLOCKS.filter((b) => b.marker?.runnable === false && b.marker.reason.length < 10).map(where),
    ).toEqual([]);
  });

  it('notices an unmarked block, and reads a marker across blank lines and indentation', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'doc-blocks-'));
    writeFileSync(
      path.join(dir, 'x.md'),
      '# T\n\n```sh\nls\n```\n\n- item\n\n  <!-- runnable: deployed -->\n\n  ```bash\n  echo hi\n  ```\n\n```yaml\na: 1\n```\n',
    );
    const [unmarked, marked] = shellBlocks(dir, 'x.md');
    expect(unmarked.marker).toBeUndefined();
    expect(marked).toMatchObject({
      line: 11,
      body: 'echo hi\n',
      marker: { runnable: true, setup: 'deployed' },
    });
  });

  it.runIf(BUILT).each(RUNNABLE.map((b) => [where(b), b] as const))(
    '%s runs to the end as written',
    { timeout: 240_000 },
    async (_, block) => {
      const run = await runBlock(block);
      expect(run.status, run.output.slice(-4000)).toBe(0);
      for (const pattern of EXPECT[`${block.file} ${block.heading}`] ?? [])
        expect(run.output).toMatch(pattern);
    },
  );
});
