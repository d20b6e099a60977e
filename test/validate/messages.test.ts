/** The messages the issue asks for, word for word, and the unknown-field switch on definitions. */
import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/core/errors.js';
import { validateFiles, validateProject } from '../../src/core/validate/index.js';
import { clusterFile, config, find, tree } from './helpers.js';

describe('messages', () => {
  test('what is wrong and how to fix it', () => {
    const dir = tree({
      'jobs/a.json': `{
  "name": "a",
  "max_concurrent_runs": 5000,
  "tasks": [{ "task_key": "t", "existing_cluster_name": "c", "notebok_task": { "notebook_path": "/a" } }]
}`,
    });
    const r = validateFiles(['jobs/a.json'], { cwd: dir });
    expect(formatDiagnostic(find(r, 'max_concurrent_runs'))).toBe(
      'jobs/a.json:3:26: max_concurrent_runs must be at most 1000, got 5000 (/max_concurrent_runs)',
    );
    expect(find(r, 'notebok_task').message).toBe(
      'unknown field "notebok_task" — did you mean "notebook_task"?',
    );
  });

  test('validation.unknown_fields: warn turns unknown fields in definitions into warnings', () => {
    const job = `{
  "name": "a",
  "brand_new_setting": true,
  "tasks": [{ "task_key": "t", "existing_cluster_name": "shared", "notebook_task": { "notebook_path": "/Shared/app/a" } }]
}`;
    const files = {
      'notebooks/a.py': '# Databricks notebook source\n',
      'clusters/shared.json': clusterFile('shared'),
      'secret-scopes/app.json': '{ "scope": "app" }',
      'jobs/a.json': job,
    };
    const strict = validateProject('databricks-dr.yml', {
      cwd: tree({ 'databricks-dr.yml': config(), ...files }),
    });
    expect(find(strict, 'brand_new_setting').severity).toBe('error');
    const lenient = validateProject('databricks-dr.yml', {
      cwd: tree({ 'databricks-dr.yml': config('validation: { unknown_fields: warn }\n'), ...files }),
    });
    const d = find(lenient, 'brand_new_setting');
    expect(d.severity).toBe('warning');
    expect(formatDiagnostic(d)).toBe(
      'jobs/a.json:3:3: warning: unknown field "brand_new_setting": the job has no such field; remove it or check the spelling (allowed by validation.unknown_fields: warn; it is deployed as written to every region, the passive ones too: if it starts runs by itself, they are not paused there) (/brand_new_setting)',
    );
    // The field is kept for the deploy engine: it is newer than the schemas, not wrong.
    expect(lenient.project?.jobs[0].byRegion.primary.brand_new_setting).toBe(true);
  });
});
