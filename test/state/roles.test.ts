/**
 * Roles under races and damaged state, over real HTTP against the emulator (issue 14): a deploy
 * racing a failover, a corrupt or deleted state file, a read-only old primary, `roles` and
 * `roles --repair`. After each command: at most one reachable region runs jobs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runDeploy } from '../../src/core/engine/run.js';
import { failoverExitCode, runFailover } from '../../src/core/failover/index.js';
import { exitCodeOf, renderText } from '../../src/core/plan/render.js';
import { renderRoles, rolesExitCode, runRepair, runRoles } from '../../src/core/roles/command.js';
import { EXAMPLE_JOBS, type TwoRegions, twoRegions, writesBesideLocks } from '../helpers/project.js';
import {
  clientOf,
  common,
  deploy,
  expectInvariant,
  failover,
  fileText,
  putFile,
  runnable,
  STATE_PATH,
} from './helpers.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('roles under races and damaged state', () => {
  it('a deploy racing a failover at 300 ms latency does not undo the failover', async () => {
    setup = await twoRegions({ latencyMs: 300 });
    const [primary, secondary] = setup.emulator.workspaces;
    expect(exitCodeOf(await deploy(setup))).toBe(0);
    // A primary-only variable changes, so the racing deploy has something to write.
    const yml = readFileSync(setup.configFile, 'utf8');
    writeFileSync(setup.configFile, yml.replace('etl_workers_max: 8', 'etl_workers_max: 9'));

    const racing = deploy(setup);
    await sleep(800);
    const promoted = await failover(setup, 'secondary');
    const deployed = await racing;
    expect(failoverExitCode(promoted, 'secondary')).toBe(0);
    expect(promoted.activeRegion).toBe('secondary');
    expect(exitCodeOf(deployed), JSON.stringify(deployed.regions)).toBe(0);
    // The failover holds after the deploy finished: the secondary runs the jobs, the primary not.
    expect(runnable(secondary)).toBe(true);
    expect(runnable(primary)).toBe(false);
    expect(JSON.parse(fileText(secondary, STATE_PATH)!)).toMatchObject({ role: 'active', epoch: 1 });
    expect(JSON.parse(fileText(primary, STATE_PATH)!)).toMatchObject({ role: 'passive', epoch: 1 });
    expectInvariant(setup);
    // And the next deploy keeps it so.
    const next = await deploy(setup);
    expect(next.activeRegion).toBe('secondary');
    expect(runnable(secondary)).toBe(true);
    expect(runnable(primary)).toBe(false);
  }, 120_000);

  it('a corrupt state on the active region: failover fences it by its jobs; deploy refuses until roles --repair', async () => {
    setup = await twoRegions();
    const [primary, secondary] = setup.emulator.workspaces;
    await deploy(setup);
    await putFile(primary, STATE_PATH, '{"version":1,"role":"act');

    const roles = await runRoles(common(setup));
    expect(roles.regions.primary).toMatchObject({
      reachable: true,
      state: 'unreadable',
      role: 'unknown',
      unfenced: true,
    });
    expect(roles.regions.primary.runnableJobs).toHaveLength(EXAMPLE_JOBS.length);
    expect(rolesExitCode(roles)).toBe(1);
    expect(renderRoles(roles).match(/roles --repair/g)).toHaveLength(1);
    // A failover fences but leaves an unreadable state file, so deploy would keep refusing after it.
    expect(renderRoles(roles)).not.toMatch(/failover --to REGION/);

    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const refused = await deploy(setup);
    expect(exitCodeOf(refused)).toBe(1);
    expect(refused.regions.primary.errors.join()).toMatch(/roles --repair --active REGION/);
    expect(refused.regions.primary.errors.join()).not.toMatch(/or delete it/);
    // The advice is given once: the state file's error says what is wrong, the deploy what to do.
    expect(refused.regions.primary.errors.join().match(/roles --repair/g)).toHaveLength(1);
    expect(refused.regions.primary.errors.join()).not.toMatch(/failover --to REGION/);
    // The healthy region is listed too, with why nothing happened there; no region claims counts.
    expect(Object.keys(refused.regions)).toEqual(['primary', 'secondary']);
    expect(refused.regions.secondary).toMatchObject({ status: 'skipped', role: 'passive', changes: [] });
    expect(refused.regions.secondary.warnings.join()).toMatch(
      /not deployed: the role of region primary is not known/,
    );
    const text = renderText(refused);
    expect(text).not.toMatch(/unchanged: nothing|nothing to change/);
    for (const ws of setup.emulator.workspaces) expect(writesBesideLocks(ws)).toEqual([]);

    // The dry run says what the real run does with the unreadable file: it is left as it is.
    const rehearsed = await runFailover({ ...common(setup), to: 'secondary', dryRun: true });
    const passivate = rehearsed.regions.primary.changes.find((c) => c.kind === 'region');
    expect(passivate).toMatchObject({
      action: 'passivate',
      status: 'skipped',
      error: 'the state file is unreadable; it is left as it is',
    });
    expect(passivate?.fields?.[0]).toBe('role unknown → passive');
    expect(rehearsed.regions.primary.warnings.join()).toMatch(/the role would not be recorded there/);
    for (const ws of setup.emulator.workspaces) expect(writesBesideLocks(ws)).toEqual([]);

    const promoted = await failover(setup, 'secondary');
    expect(failoverExitCode(promoted, 'secondary')).toBe(0);
    expect(promoted.regions.primary.changes.find((c) => c.kind === 'region')).toMatchObject({
      status: 'skipped',
      error: 'the state file is unreadable; it is left as it is',
    });
    const said = [...promoted.regions.primary.warnings, ...promoted.regions.primary.errors].join();
    expect(said).not.toMatch(/did not answer/);
    expect(said).toMatch(/role is unknown; fenced by passivating its jobs/);
    expect(said).toMatch(/roles --repair/);
    expect(runnable(primary)).toBe(false);
    expect(runnable(secondary)).toBe(true);
    expectInvariant(setup);
    expect(fileText(primary, STATE_PATH)).toBe('{"version":1,"role":"act'); // left for the operator

    const repaired = await runRepair({ ...common(setup), active: 'secondary' });
    expect(exitCodeOf(repaired), JSON.stringify(repaired.regions)).toBe(0);
    expect(JSON.parse(fileText(primary, STATE_PATH)!)).toMatchObject({ role: 'passive', epoch: 2 });
    expect(JSON.parse(fileText(secondary, STATE_PATH)!)).toMatchObject({ role: 'active', epoch: 2 });
    const after = await runRoles(common(setup));
    expect(after.active).toBe('secondary');
    expect(rolesExitCode(after)).toBe(0);
    const redeploy = await runDeploy({ ...common(setup), adopt: true });
    expect(exitCodeOf(redeploy), JSON.stringify(redeploy.regions)).toBe(0);
    expect(runnable(secondary)).toBe(true);
    expect(runnable(primary)).toBe(false);
    expectInvariant(setup);
  });

  it('a state file that is JSON but no state document is called that, not a newer version to upgrade to', async () => {
    setup = await twoRegions();
    const [primary] = setup.emulator.workspaces;
    await deploy(setup);
    for (const text of ['[]', '{"role":"active","epoch":0}']) {
      await putFile(primary, STATE_PATH, text);
      const roles = await runRoles(common(setup));
      expect(roles.regions.primary.stateError).toContain('the state file is not a databricks-dr state');
      expect(roles.regions.primary.stateError).not.toMatch(/newer|upgrade/);
    }
    await putFile(primary, STATE_PATH, '{"version":99,"role":"active","epoch":0}');
    expect((await runRoles(common(setup))).regions.primary.stateError).toContain(
      'state file version 99 is newer than this tool understands; upgrade databricks-dr',
    );
  });

  it("the active region's state file deleted: deploy exits 1 and passivates no region", async () => {
    setup = await twoRegions();
    const [primary, secondary] = setup.emulator.workspaces;
    await deploy(setup);
    const client = clientOf(primary);
    await client.workspace.delete(STATE_PATH);
    client.close();
    for (const ws of setup.emulator.workspaces) ws.clearRequests();

    const result = await deploy(setup);
    expect(exitCodeOf(result)).toBe(1);
    expect(result.regions.primary.errors.join()).toMatch(
      /no state file, but jobs of this config can run there .*role is unknown/,
    );
    for (const ws of setup.emulator.workspaces) expect(writesBesideLocks(ws)).toEqual([]);
    expect(runnable(primary)).toBe(true);
    expect(runnable(secondary)).toBe(false);
    expectInvariant(setup);

    // Made explicit, the roles are back and deploy converges.
    const repaired = await runRepair({ ...common(setup), active: 'primary' });
    expect(exitCodeOf(repaired), JSON.stringify(repaired.regions)).toBe(0);
    expect(repaired.regions.primary.warnings.join()).toMatch(/deploy --adopt/);
    const converged = await runDeploy({ ...common(setup), adopt: true });
    expect(exitCodeOf(converged), JSON.stringify(converged.regions)).toBe(0);
    expect(runnable(primary)).toBe(true);
    expectInvariant(setup);
  });

  it('a failover stopped between fencing and promoting (no region recorded active): deploy exits 1 instead of leaving none running', async () => {
    setup = await twoRegions();
    const [primary, secondary] = setup.emulator.workspaces;
    await deploy(setup);
    // What a failover --to secondary killed after fencing the primary leaves: both passive at epoch 1.
    const fenced = { ...JSON.parse(fileText(primary, STATE_PATH)!), role: 'passive', epoch: 1 };
    await putFile(primary, STATE_PATH, JSON.stringify(fenced));
    const failed = await deploy(setup);
    expect(exitCodeOf(failed)).toBe(1);
    expect(
      Object.values(failed.regions)
        .flatMap((r) => r.errors)
        .join(),
    ).toMatch(/no region runs jobs of this config and no region is recorded active .*failover --to REGION/);
    expect(runnable(primary) || runnable(secondary)).toBe(false);
    expectInvariant(setup);
    // Re-running the failover completes it.
    const promoted = await failover(setup, 'secondary');
    expect(failoverExitCode(promoted, 'secondary')).toBe(0);
    expect(runnable(secondary)).toBe(true);
    expect(runnable(primary)).toBe(false);
    expect(exitCodeOf(await deploy(setup))).toBe(0);
  });

  it('a read-only old primary: failover exits 1 naming it, and nothing failed is shown applied', async () => {
    setup = await twoRegions();
    const [primary, secondary] = setup.emulator.workspaces;
    await deploy(setup);
    primary.setReadOnly(true);

    const result = await failover(setup, 'secondary');
    expect(failoverExitCode(result, 'secondary')).toBe(1);
    expect(result.regions.primary).toMatchObject({ status: 'failed', unfenced: true });
    expect(result.regions.primary.changes.filter((c) => c.status === 'applied')).toEqual([]);
    expect(result.regions.primary.changes.some((c) => c.kind === 'region')).toBe(false);
    expect(result.regions.primary.errors.join()).toMatch(/region primary still runs jobs .* NOT fenced/);
    // The primary could not be stopped: both run, and the command says so instead of exiting 0.
    expect(runnable(primary)).toBe(true);
    expect(runnable(secondary)).toBe(true);

    // Writable again: the next failover fences it.
    primary.setReadOnly(false);
    const again = await failover(setup, 'secondary');
    expect(failoverExitCode(again, 'secondary')).toBe(0);
    expectInvariant(setup);
    expect(runnable(secondary)).toBe(true);
  });
});
