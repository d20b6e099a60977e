/** Progress in CI logs: at most one line per 10% per region and kind, the first and last always. */
import { describe, expect, it } from 'vitest';
import { ProgressThrottle } from '../../src/core/reporter.js';

function printed(total: number, region = 'primary', kind = 'notebooks', throttle = new ProgressThrottle()) {
  const done: number[] = [];
  for (let i = 1; i <= total; i++) if (throttle.shouldPrint({ region, kind, done: i, total })) done.push(i);
  return done;
}

describe('ProgressThrottle', () => {
  it('prints at most every 10% of a big kind, and its last item', () => {
    const lines = printed(1000);
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(lines[0]).toBe(1);
    expect(lines.at(-1)).toBe(1000);
    for (let i = 1; i < lines.length; i++)
      expect(Math.floor(lines[i] / 10) - Math.floor(lines[i - 1] / 10)).toBeGreaterThanOrEqual(10);
  });

  it('prints every item of a small kind, and counts each region and kind apart', () => {
    expect(printed(3)).toEqual([1, 2, 3]);
    const throttle = new ProgressThrottle();
    expect(printed(50, 'primary', 'jobs', throttle).length).toBeLessThanOrEqual(11);
    expect(printed(50, 'secondary', 'jobs', throttle)[0]).toBe(1);
  });

  it('prints a repeated final update once', () => {
    const throttle = new ProgressThrottle();
    const u = { region: 'p', kind: 'jobs', done: 5, total: 5 };
    expect(throttle.shouldPrint(u)).toBe(true);
    expect(throttle.shouldPrint(u)).toBe(false);
  });
});
