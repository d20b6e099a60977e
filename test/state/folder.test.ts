/** preflight reports who besides the admins and the deployers can write the state folder (issue 14). */
import { afterEach, describe, expect, it } from 'vitest';
import { runPreflight } from '../../src/core/preflight/command.js';
import { type TwoRegions, twoRegions } from '../helpers/project.js';
import { common, deploy } from './helpers.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

const folderCheck = (result: Awaited<ReturnType<typeof runPreflight>>, region: string) =>
  result.regions[region].checks?.find((c) => c.check === 'state folder protected');

describe('state folder protection', () => {
  it('before the first deploy the folder does not exist; after it, preflight names every user as a writer under /Shared', async () => {
    setup = await twoRegions();
    const before = await runPreflight(common(setup));
    expect(folderCheck(before, 'primary')).toMatchObject({ status: 'ok' });
    expect(folderCheck(before, 'primary')?.detail).toMatch(/does not exist yet/);

    await deploy(setup);
    const after = await runPreflight(common(setup));
    const check = folderCheck(after, 'primary');
    expect(check?.status).toBe('warn');
    expect(check?.detail).toMatch(/group:users \(CAN_MANAGE inherited from \/directories\/\d+\)/);
    expect(check?.fix).toMatch(/cannot protect this folder/);
    // A warning, not a failure: the regions are still ready.
    expect(after.regions.primary.status).toBe('ok');
  });

  it('on the Standard tier (no folder ACLs) preflight says the folder cannot be protected', async () => {
    setup = await twoRegions();
    await deploy(setup);
    for (const ws of setup.emulator.workspaces) ws.setTier('standard');
    const result = await runPreflight(common(setup));
    expect(folderCheck(result, 'secondary')).toMatchObject({ status: 'warn' });
    expect(folderCheck(result, 'secondary')?.fix).toMatch(/Premium plan/);
  });
});
