/**
 * `npm run demo` when its output is not a terminal (a CI log, a pipe): it runs to the end and keeps
 * to about 150 lines — no per-item progress, each region's change list cut short — while still
 * telling the whole story (issue 22).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/runner.js';

const BUILT = existsSync(path.join(ROOT, 'dist/cli/index.js'));

function demo(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/demo.mjs')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += String(d);
    });
    child.stderr.on('data', (d) => {
      output += String(d);
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('npm run demo, not on a terminal', () => {
  it.runIf(BUILT)('runs to the end in at most 150 lines', { timeout: 120_000 }, async () => {
    const { code, output } = await demo();
    expect(code, output.slice(-3000)).toBe(0);
    const lines = output.trimEnd().split('\n');
    expect(lines.length, output).toBeLessThanOrEqual(150);
    expect(output).not.toMatch(/^\S+: [\w ]+ \d+\/\d+ \(\d+%\)$/m);
    for (const step of ['▶ 1.', '▶ 3.', '▶ 7.', '▶ 9.', '▶ 12.']) expect(output).toContain(step);
    expect(output).toMatch(/… and \d+ more/);
    expect(output).toMatch(/secondary accepted runs \d+ ms after the start/);
    expect(output).toContain('fenced');
    expect(output.trimEnd().endsWith('Done.')).toBe(true);
  });
});
