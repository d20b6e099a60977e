/**
 * Secret fingerprints (state file `scopes.<scope>.secrets`): a run writes the same fingerprint for
 * a value in every region, so the next run checks each value once (one scrypt) for all regions,
 * and a no-change redeploy rewrites no secret.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deployProject, type TwoRegions, twoRegions, writesBesideLocks } from '../helpers/project.js';
import { fileText, STATE_PATH } from '../state/helpers.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

type State = { scopes: Record<string, { secrets?: Record<string, string> }> };

describe('secret fingerprints across regions', () => {
  it('are the same in both regions after one deploy, and a redeploy writes no secret', async () => {
    setup = await twoRegions();
    await deployProject(setup);
    const [primary, secondary] = setup.emulator.workspaces;
    const p = JSON.parse(fileText(primary, STATE_PATH)!) as State;
    const s = JSON.parse(fileText(secondary, STATE_PATH)!) as State;
    const secrets = (st: State) =>
      Object.fromEntries(Object.entries(st.scopes).map(([k, v]) => [k, v.secrets ?? {}]));
    const count = Object.values(secrets(p)).reduce((n, v) => n + Object.keys(v).length, 0);
    expect(count).toBeGreaterThan(0);
    expect(secrets(s)).toEqual(secrets(p));
    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    await deployProject(setup);
    for (const ws of setup.emulator.workspaces) expect(writesBesideLocks(ws)).toEqual([]);
  }, 60_000);
});
