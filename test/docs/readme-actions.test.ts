/**
 * The README's per-action reference is generated from the action.yml files
 * (scripts/readme-actions.mjs) and kept in sync: a stale section fails here with the command that
 * fixes it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/runner.js';

const SCRIPT = path.join(ROOT, 'scripts/readme-actions.mjs');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });

function section(text: string): string {
  return text.slice(text.indexOf('<!-- actions:start -->'), text.indexOf('<!-- actions:end -->'));
}

describe('README actions section', () => {
  it('is up to date with the action.yml files (fix: node scripts/readme-actions.mjs)', () => {
    const r = run('--check');
    expect(r.status, r.stderr).toBe(0);
  });

  it('documents every input and output of every action, with a uses line at @v1', () => {
    const readme = section(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
    const dirs = ['.', ...readdirSync(path.join(ROOT, 'actions')).map((d) => `actions/${d}`)];
    for (const dir of dirs) {
      const action = parse(readFileSync(path.join(ROOT, dir, 'action.yml'), 'utf8')) as {
        inputs?: Record<string, unknown>;
        outputs?: Record<string, unknown>;
      };
      const uses =
        dir === '.' ? 'your-org/databricks-dr-actions@v1' : `your-org/databricks-dr-actions/${dir}@v1`;
      expect(readme).toContain(`- uses: ${uses}`);
      const block = readme.slice(readme.indexOf(`- uses: ${uses}\n`));
      const own = block.slice(0, block.indexOf('\n### ') > 0 ? block.indexOf('\n### ') : undefined);
      const row = (name: string) => new RegExp(`^\\| \`${name}\` +\\|`, 'm');
      for (const name of Object.keys(action.inputs ?? {}))
        expect(own, `${dir} input ${name}`).toMatch(row(name));
      for (const name of Object.keys(action.outputs ?? {}))
        expect(own, `${dir} output ${name}`).toMatch(row(name));
    }
  });

  it('--check fails on a stale copy and the writer fixes it, touching nothing outside the markers', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'readme-'));
    const copy = path.join(dir, 'README.md');
    copyFileSync(path.join(ROOT, 'README.md'), copy);
    const original = readFileSync(copy, 'utf8');
    expect(run('--readme', copy).status).toBe(0);
    const fixed = readFileSync(copy, 'utf8');
    const outside = (t: string) => t.replace(/<!-- actions:start -->[\s\S]*<!-- actions:end -->/, '');
    expect(outside(fixed)).toBe(outside(original));
    writeFileSync(copy, fixed.replace(/\| `config` +\|[^\n]*\n/, ''));
    expect(run('--check', '--readme', copy).status).toBe(1);
    expect(run('--readme', copy).status).toBe(0);
    expect(readFileSync(copy, 'utf8')).toBe(fixed);
    expect(run('--check', '--readme', copy).status).toBe(0);
  });
});
