/**
 * The validators are generated from schemas/*.json at build time (scripts/compile-schemas.mjs):
 * a schema edited without regenerating them fails here with the command that fixes it, and the
 * generated code rejects what Ajv compiling the schema at run time would reject, with the same
 * verbose errors the messages are written from.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../../src/core/validate/schemas.js';
import { ROOT } from '../helpers/runner.js';

const SCRIPT = path.join(ROOT, 'scripts/compile-schemas.mjs');

describe('generated schema validators', () => {
  it('are up to date with schemas/ (fix: node scripts/compile-schemas.mjs)', () => {
    const r = spawnSync(process.execPath, [SCRIPT, '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('report the same errors as Ajv compiling the schema at run time', () => {
    const ajv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
      inlineRefs: false,
    });
    ajv.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
    const compiled = ajv.compile(
      JSON.parse(readFileSync(path.join(ROOT, 'schemas/job.schema.json'), 'utf8')),
    );
    const bad = {
      name: 'nightly',
      max_concurent_runs: 1,
      tasks: [{ task_key: 'bad key!', notebook_task: { notebook_path: '' }, run_if: 'SOMETIMES' }],
      schedule: { quartz_cron_expression: 5 },
    };
    expect(compiled(bad)).toBe(false);
    const errors = schemaErrors('job', bad);
    expect(errors.length).toBeGreaterThan(3);
    expect(errors).toEqual(compiled.errors);
    // What the messages read: the failing value, the schema and its parent (x-hint, properties).
    const pattern = errors.find((e) => e.keyword === 'pattern');
    expect(pattern?.data).toBe('bad key!');
    expect(pattern?.parentSchema?.['x-hint']).toMatch(/letters, digits/);
    expect(
      schemaErrors('job', { name: 'ok', tasks: [{ task_key: 'a', notebook_task: { notebook_path: '/x' } }] }),
    ).toEqual([]);
  });
});
