/**
 * The engine rewrites a region's state file when the walk wrote there: a change applied (the
 * result says so) or a stage's records changed without a change of its own (the stage reports
 * it). A record lost by hand is restored by the next deploy with one write, and nothing else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatedWorkspace } from '../../src/emulator/index.js';
import { deployProject, type TwoRegions, twoRegions, writesBesideLocks } from '../helpers/project.js';
import { putFile, STATE_PATH } from '../state/helpers.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

type State = {
  jobs: Record<string, { job_id: number }>;
  pipelines?: Record<string, { pipeline_id: string }>;
};

function stateOf(ws: EmulatedWorkspace): State {
  const file = ws.state().objects[STATE_PATH];
  return JSON.parse(Buffer.from(file.content!, 'base64').toString()) as State;
}

describe('the state file after a walk', () => {
  it('is written again when only a stage’s records changed, and not when nothing did', async () => {
    setup = await twoRegions();
    await deployProject(setup);
    await new Promise((r) => setTimeout(r, 100));
    const [primary, secondary] = setup.emulator.workspaces;
    const before = stateOf(primary);
    const lost = structuredClone(before);
    delete lost.jobs['daily-sales-etl'];
    delete lost.pipelines?.['orders-silver'];
    await putFile(primary, STATE_PATH, JSON.stringify(lost, null, 2));
    for (const ws of setup.emulator.workspaces) ws.clearRequests();

    const again = await deployProject(setup);
    for (const [name, r] of Object.entries(again.regions)) {
      expect(r.status, `${name}: ${r.errors}`).toBe('ok');
      expect(r.changes).toEqual([]);
    }
    expect(writesBesideLocks(primary).map((w) => [w.path, w.object])).toEqual([
      ['/api/2.0/workspace/import', STATE_PATH],
    ]);
    expect(writesBesideLocks(secondary)).toEqual([]);
    const after = stateOf(primary);
    expect(after.jobs['daily-sales-etl']).toEqual(before.jobs['daily-sales-etl']);
    expect(after.pipelines?.['orders-silver']).toEqual(before.pipelines?.['orders-silver']);

    primary.clearRequests();
    await deployProject(setup);
    expect(writesBesideLocks(primary)).toEqual([]);
  });
});
