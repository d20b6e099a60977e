/**
 * Where the platform packages may be imported: every @actions/core and @actions/github import of
 * the source lives in src/platform/github/ (the engine and the command layer never know which
 * platform runs them, and the CLI bundle carries no GitHub code), and src/core imports nothing
 * from the platforms, the CLI or the actions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|js|mjs)$/.test(e.name) ? [full] : [];
  });
}

/** Every module specifier a file imports: static, type-only, re-exported, dynamic or required. */
function importedModules(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^;]*?\sfrom\s*['"]([^'"]+)['"]/gms,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) found.push(m[1]);
  return found;
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

describe('platform imports', () => {
  it('the detector finds each form of import, and not a mention in a comment', () => {
    const text = [
      "import * as core from '@actions/core';",
      "import type { getOctokit } from '@actions/github';",
      "export { context } from '@actions/github';",
      "import {\n  a,\n  b,\n} from '../platform/github/reporter.js';",
      "const lazy = await import('@actions/core');",
      "import '@actions/core/lib/side-effect';",
      ' * implemented here rather than through `@actions/core` (a comment)',
    ].join('\n');
    expect(importedModules(text)).toEqual(
      expect.arrayContaining([
        '@actions/core',
        '@actions/github',
        '../platform/github/reporter.js',
        '@actions/core/lib/side-effect',
      ]),
    );
    expect(importedModules(text).filter((m) => m === '@actions/core')).toHaveLength(2);
    expect(importedModules(' * through `@actions/core` (src/core never imports it)')).toEqual([]);
  });

  it('every @actions/core and @actions/github import is under src/platform/github/', () => {
    const importers: string[] = [];
    const outside: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const modules = importedModules(readFileSync(file, 'utf8')).filter((m) =>
        /^@actions\/(core|github)(\/|$)/.test(m),
      );
      if (modules.length === 0) continue;
      importers.push(relative(file));
      if (!relative(file).startsWith('src/platform/github/'))
        outside.push(`${relative(file)}: ${modules.join(', ')}`);
    }
    expect(outside).toEqual([]);
    // The GitHub platform does import them: the scan looked at the right files.
    expect(importers).toContain('src/platform/github/reporter.ts');
  });

  it('src/core imports nothing from the platforms, the CLI or the actions', () => {
    const wrong: string[] = [];
    for (const file of sourceFiles(path.join(SRC, 'core'))) {
      for (const m of importedModules(readFileSync(file, 'utf8'))) {
        if (!m.startsWith('.')) continue;
        const target = relative(path.resolve(path.dirname(file), m));
        if (/^src\/(platform|cli|actions)\//.test(target)) wrong.push(`${relative(file)} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
