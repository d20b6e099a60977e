/**
 * Every REST path lives in src/core/client (DEVELOPERS.md): the rest of the engine calls typed
 * client methods, so retries, pacing and request counts cover every call and one place says which
 * endpoints the tool uses. The emulator serves the paths, so it names them too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');
const ALLOWED = [join('src', 'core', 'client'), join('src', 'emulator')];

/** A Databricks REST path: `/api/<version>/…` (SCIM included: `/api/2.0/preview/scim/v2/…`). */
const REST_PATH = /\/api\/\d+\.\d+\/[\w./{}$-]*/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** `file:line: path` for every REST path in the files. */
function restPaths(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const m of line.matchAll(REST_PATH)) found.push(`${relative(ROOT, file)}:${i + 1}: ${m[0]}`);
    });
  }
  return found;
}

const allowed = (file: string) => ALLOWED.some((dir) => relative(ROOT, file).startsWith(dir + sep));

describe('REST paths', () => {
  it('appear under src/ only in src/core/client and the emulator', () => {
    const outside = sourceFiles(SRC).filter((f) => !allowed(f));
    expect(outside.length).toBeGreaterThan(50);
    expect(restPaths(outside)).toEqual([]);
  });

  it('are found where they are (the scan is not blind)', () => {
    const client = sourceFiles(join(SRC, 'core', 'client'));
    const paths = restPaths(client).map((line) => line.replace(/^.*: /, ''));
    // A template path, a SCIM path and a plain one: the pattern matches each shape in use.
    expect(paths).toEqual(
      expect.arrayContaining(['/api/2.0/permissions', '/api/2.0/preview/scim/v2', '/api/2.2/jobs']),
    );
  });
});
