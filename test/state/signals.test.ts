/**
 * What only a separate process shows (issue 14): SIGTERM releases the locks a deploy holds before
 * the process ends; `kill -9` leaves them, and their lease runs out so the next run takes over.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../src/core/plan/render.js';
import type { EmulatedWorkspace } from '../../src/emulator/index.js';
import { type TwoRegions, twoRegions } from '../helpers/project.js';
import { RecordingReporter } from '../helpers/reporter.js';
import { deploy, expectInvariant, fileText, LOCK_PATH } from './helpers.js';

const hooks = fileURLToPath(new URL('../emulator/ts-hooks.mjs', import.meta.url));
const cliEntry = fileURLToPath(new URL('../../src/cli/index.ts', import.meta.url));

let setup: TwoRegions | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  child = undefined;
  await setup?.emulator.stop();
  setup = undefined;
});

/** The CLI from the sources in a fresh Node, as a user runs it. */
function startCli(
  s: TwoRegions,
  argv: string[],
): { child: ChildProcess; exited: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const proc = spawn(
    process.execPath,
    ['--experimental-transform-types', '--no-warnings', '--import', hooks, cliEntry, ...argv],
    { cwd: s.dir, env: { PATH: process.env.PATH, ...s.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  proc.stderr!.on('data', (d) => {
    stderr += String(d);
  });
  proc.stdout!.resume();
  const exited = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child: proc, exited };
}

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const locked = (ws: EmulatedWorkspace) => fileText(ws, LOCK_PATH) !== undefined;

describe('locks and signals', () => {
  it('SIGTERM during a deploy releases every lock it holds', async () => {
    setup = await twoRegions({ latencyMs: 60 });
    const [primary, secondary] = setup.emulator.workspaces;
    const run = startCli(setup, ['deploy']);
    child = run.child;
    await until('the deploy holds both locks', () => locked(primary) && locked(secondary));
    child.kill('SIGTERM');
    const { code, stderr } = await run.exited;
    expect(code, stderr).toBe(143);
    expect(locked(primary)).toBe(false);
    expect(locked(secondary)).toBe(false);
    expectInvariant(setup);
    // Nothing is left waiting: the next deploy runs at once and converges.
    const next = await deploy(setup, { lockWaitSeconds: 0 });
    expect(exitCodeOf(next), JSON.stringify(next.regions)).toBe(0);
    expectInvariant(setup);
  }, 60_000);

  it('kill -9 leaves the lock; it expires after its lease and the next deploy takes it over', async () => {
    setup = await twoRegions({ latencyMs: 60 });
    appendFileSync(setup.configFile, '\nlock: { lease_seconds: 2 }\n');
    const [primary] = setup.emulator.workspaces;
    const run = startCli(setup, ['deploy']);
    child = run.child;
    await until('the deploy holds the primary lock', () => locked(primary));
    child.kill('SIGKILL');
    const { signal } = await run.exited;
    expect(signal).toBe('SIGKILL');
    expect(locked(primary)).toBe(true);
    expect(fileText(primary, LOCK_PATH)).toContain(`"command": "deploy"`);

    const reporter = new RecordingReporter();
    const started = Date.now();
    const next = await deploy(setup, { reporter, lockWaitSeconds: 30 });
    expect(exitCodeOf(next), JSON.stringify(next.regions)).toBe(0);
    expect(reporter.lines.join('\n')).toMatch(
      /region primary: took over the lock of deploy of .*lease expired/,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    for (const ws of setup.emulator.workspaces) expect(locked(ws)).toBe(false);
    expectInvariant(setup);
  }, 60_000);
});
