/**
 * Issue 21: the young generation stays small on every Node.js major the tool supports, and setting
 * it prints nothing (V8 prints an error line for a flag it does not know). Each run is a real Node
 * process of that major; the control run without the call shows the young generation growing.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepYoungGenerationSmall } from '../../src/core/heap.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODES: Record<number, string> = {
  24: path.join(ROOT, 'node_modules/node/bin/node'),
  22: path.join(ROOT, 'test/package/node22/node_modules/node/bin/node'),
};

/** Allocates fast while keeping some objects alive, then prints the young generation's size. */
function youngGenerationMb(node: string, keepSmall: boolean): { mb: number; output: string; set: string } {
  const script = `
    import v8 from 'node:v8';
    import { keepYoungGenerationSmall } from ${JSON.stringify(path.join(ROOT, 'src/core/heap.ts'))};
    const set = ${keepSmall} ? keepYoungGenerationSmall() : 'control';
    const keep = [];
    for (let i = 0; i < 2e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 200000) keep.length = 0; }
    const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    console.log(JSON.stringify({ mb: young.space_size / 1048576, set }));`;
  const run = spawnSync(node, ['--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8' });
  const lines = run.stdout.trim().split('\n');
  const last = JSON.parse(lines.pop() ?? '{}') as { mb: number; set: unknown };
  return { mb: last.mb, set: String(last.set), output: lines.join('\n') + run.stderr };
}

describe('keepYoungGenerationSmall', () => {
  for (const [major, node] of Object.entries(NODES)) {
    it(`keeps the young generation at its initial size on Node.js ${major}, silently`, () => {
      const control = youngGenerationMb(node, false);
      const small = youngGenerationMb(node, true);
      expect(control.mb).toBeGreaterThan(8);
      expect(small.set).toBe('true');
      expect(small.mb).toBeLessThanOrEqual(4);
      expect(small.output).toBe('');
    });
  }

  it('leaves V8 alone on a Node.js major it was not tested on', () => {
    expect(keepYoungGenerationSmall('26.0.0')).toBe(false);
    expect(keepYoungGenerationSmall('20.19.0')).toBe(false);
  });
});
