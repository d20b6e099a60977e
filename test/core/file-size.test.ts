/**
 * Issue 17: no hand-written source file over 400 lines. The files still over it are listed with
 * their line counts as ceilings, so the list can only shrink: a listed file that grows fails, and
 * one that drops to 400 or fewer must leave the list. (None is left: the deploy engine, the last,
 * was split by concept into engine/run, preflight-gate, fencing and region.) Functions:
 * function-length.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAX_LINES = 400;
const OVER_LIMIT: Record<string, number> = {};

/** Hand-written TypeScript under src/ (declaration files are generated). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

function lineCount(file: string): number {
  const text = readFileSync(file, 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('source file size', () => {
  const sizes = new Map(
    sourceFiles(path.join(ROOT, 'src')).map((f) => [
      path.relative(ROOT, f).split(path.sep).join('/'),
      lineCount(f),
    ]),
  );

  it(`every file under src/ is at most ${MAX_LINES} lines, or within its listed ceiling`, () => {
    const over = [...sizes]
      .filter(([file, lines]) => lines > (OVER_LIMIT[file] ?? MAX_LINES))
      .map(([file, lines]) => `${file}: ${lines} lines (limit ${OVER_LIMIT[file] ?? MAX_LINES})`);
    expect(over).toEqual([]);
  });

  it('the list of files over the limit only names files that exist and are still over it', () => {
    const stale = Object.keys(OVER_LIMIT).filter((file) => (sizes.get(file) ?? 0) <= MAX_LINES);
    expect(stale).toEqual([]);
  });
});
