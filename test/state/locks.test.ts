/**
 * The per-region lock over real HTTP against the emulator (issue 14): a held lock is waited for and
 * then named; an expired lease is taken over; unlock removes a dead run's lock; two deploys at
 * once are serialised; a compare-and-set write stops when the role changed under it.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readRegionState, StateChangedError, writeRegionState } from '../../src/core/state/state-io.js';
import { EXAMPLE_JOBS, type TwoRegions, twoRegions, writesBesideLocks } from '../helpers/project.js';
import { RecordingReporter } from '../helpers/reporter.js';
import {
  CONFIG_NAME,
  clientOf,
  deploy,
  expectInvariant,
  fileText,
  foreignLock,
  LOCK_PATH,
  putFile,
  STATE_PATH,
} from './helpers.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

async function cli(argv: string[], s: TwoRegions) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  const code = await main(argv, { stdout, stderr, env: s.env, cwd: s.dir });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('region locks', () => {
  it('a held lock makes deploy wait, then fail naming the holder, writing nothing; an expired lease is taken over', async () => {
    setup = await twoRegions();
    const [primary, secondary] = setup.emulator.workspaces;
    await putFile(primary, LOCK_PATH, foreignLock(60_000));
    for (const ws of setup.emulator.workspaces) ws.clearRequests();

    const started = Date.now();
    const blocked = await deploy(setup, { lockWaitSeconds: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(blocked.regions.primary.status).toBe('failed');
    const why = blocked.regions.primary.errors.join();
    expect(why).toContain('https://github.com/acme/sales/actions/runs/77');
    expect(why).toContain('runner-7');
    expect(why).toContain('databricks-dr unlock --region primary');
    for (const ws of setup.emulator.workspaces) expect(writesBesideLocks(ws)).toEqual([]);
    expect(Object.keys(primary.state().jobs)).toEqual([]);
    expect(fileText(primary, LOCK_PATH)).toContain('runner-7'); // the other run's lock is left alone
    expect(fileText(secondary, LOCK_PATH)).toBeUndefined(); // never taken: primary comes first

    // Its lease runs out (the run was killed): the next deploy takes it over and says so.
    await putFile(primary, LOCK_PATH, foreignLock(-1000));
    const reporter = new RecordingReporter();
    const took = await deploy(setup, { reporter });
    expect(took.regions.primary.status, took.regions.primary.errors.join()).toBe('ok');
    expect(reporter.lines.join('\n')).toMatch(
      /took over the lock of deploy of https:\/\/github\.com\/acme.*lease expired/,
    );
    for (const ws of setup.emulator.workspaces) expect(fileText(ws, LOCK_PATH)).toBeUndefined();
    expectInvariant(setup);
  });

  it("unlock asks first (needs --yes without a terminal), then removes a dead run's lock", async () => {
    setup = await twoRegions();
    const [primary] = setup.emulator.workspaces;
    await putFile(primary, LOCK_PATH, foreignLock(60_000));

    const noTty = await cli(['unlock', '--region', 'primary'], setup);
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toContain('--yes');
    expect(fileText(primary, LOCK_PATH)).toContain('runner-7');

    const yes = await cli(['unlock', '--region', 'primary', '--yes'], setup);
    expect(yes.code, yes.stderr).toBe(0);
    expect(yes.stdout).toContain(
      'removed the lock held by deploy of https://github.com/acme/sales/actions/runs/77',
    );
    expect(fileText(primary, LOCK_PATH)).toBeUndefined();

    const again = await cli(['unlock', '--region', 'primary', '--yes', '--json'], setup);
    expect(JSON.parse(again.stdout)).toMatchObject({ command: 'unlock', present: false, removed: false });
    expect((await cli(['unlock', '--region', 'nowhere', '--yes'], setup)).code).toBe(2);

    // With the lock gone, deploy runs at once.
    const deployed = await deploy(setup, { lockWaitSeconds: 0 });
    expect(deployed.regions.primary.status).toBe('ok');
    expectInvariant(setup);
  });

  it('two deploys at once on fresh workspaces: the lock serialises them, nothing is created twice', async () => {
    setup = await twoRegions({ latencyMs: 20 });
    const [a, b] = await Promise.all([deploy(setup), deploy(setup)]);
    for (const result of [a, b])
      for (const [name, r] of Object.entries(result.regions))
        expect(r.status, `${name}: ${r.errors}`).toBe('ok');
    // One of them created everything; the other found it there and wrote nothing.
    const creates = [a, b].map(
      (r) =>
        Object.values(r.regions)
          .flatMap((x) => x.changes)
          .filter((c) => c.action === 'create').length,
    );
    expect(Math.min(...creates)).toBe(0);
    expect(Math.max(...creates)).toBeGreaterThan(0);
    expectInvariant(setup);
    for (const ws of setup.emulator.workspaces)
      expect(Object.keys(ws.state().jobs)).toHaveLength(EXAMPLE_JOBS.length);
    for (const ws of setup.emulator.workspaces) expect(fileText(ws, LOCK_PATH)).toBeUndefined();
  });

  it('a state write is compare-and-set: it stops when the role or epoch changed since it was read', async () => {
    setup = await twoRegions();
    const [primary] = setup.emulator.workspaces;
    await deploy(setup);
    const client = clientOf(primary);
    try {
      const loaded = await readRegionState(client, CONFIG_NAME, 'primary', 'active');
      expect(loaded.stored).toEqual({ role: 'active', epoch: 0 });
      // Another command (a failover) passivates the region at epoch 1 after this run read it.
      const other = await readRegionState(client, CONFIG_NAME, 'primary', 'active');
      await writeRegionState(client, { ...other.state, role: 'passive', epoch: 1 }, other);
      const before = fileText(primary, STATE_PATH);
      await expect(writeRegionState(client, loaded.state, loaded)).rejects.toThrow(StateChangedError);
      await expect(writeRegionState(client, loaded.state, loaded)).rejects.toThrow(
        /read active at epoch 0, now passive at epoch 1/,
      );
      expect(fileText(primary, STATE_PATH)).toBe(before);
      // Never lower: even a run that read epoch 1 may not write epoch 0.
      await expect(writeRegionState(client, { ...other.state, epoch: 0 }, other)).rejects.toThrow(
        /lower the epoch/,
      );
    } finally {
      client.close();
    }
  });
});
