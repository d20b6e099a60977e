/**
 * Hostile input to validation: paths out of the repository (lexically or through symbolic links),
 * notebook targets, reserved and control-character keys, names with control characters,
 * non-UTF-8 files, size, nesting and alias limits. Every case is a file:line:col diagnostic, no
 * exception, and no file content quoted.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config/load.js';
import { ValidationError } from '../../src/core/errors.js';
import { MAX_SOURCE_BYTES } from '../../src/core/source.js';
import { validateFiles, validateProject } from '../../src/core/validate/index.js';
import { clusterFile, config, lines, tree } from './helpers.js';

const outsideDirs: string[] = [];
afterAll(() => {
  for (const d of outsideDirs) rmSync(d, { recursive: true, force: true });
});

/** A folder outside every repository of the test, holding a "private key". */
function outside(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dr-outside-'));
  outsideDirs.push(dir);
  writeFileSync(path.join(dir, 'id_rsa.py'), '# Databricks notebook source\nPRIVATE-KEY-Distinctive-2718\n');
  writeFileSync(path.join(dir, 'job.json'), '{"name": "PRIVATE-KEY-Distinctive-2718"}');
  writeFileSync(path.join(dir, 'environ'), 'TOKEN=dapi-Distinctive-1618\0HOME=/root');
  return dir;
}

const project = (files: Record<string, string | Buffer>, extra = '') =>
  tree({ 'databricks-dr.yml': config(extra), 'clusters/c.json': clusterFile(), ...files });

const validate = (dir: string) => validateProject('databricks-dr.yml', { cwd: dir });

function expectNoLeak(text: string): void {
  expect(text).not.toContain('Distinctive');
}

describe('the repository is the boundary', () => {
  it('refuses patterns that are absolute or climb out, at the line and column of the pattern', () => {
    const out = outside();
    const dir = tree({
      'databricks-dr.yml': config().replace(
        'jobs: [jobs/*.json]',
        `jobs: [jobs/*.json, ../../x/*.json, ${path.join(out, 'environ')}]`,
      ),
      'clusters/c.json': clusterFile(),
    });
    const r = lines(validate(dir));
    const at = (needle: string) => r.find((l) => l.includes(needle)) ?? r.join('\n');
    expect(at('../../x/*.json')).toMatch(
      /^databricks-dr\.yml:16:21: jobs pattern "..\/..\/x\/\*\.json" leaves the repository/,
    );
    expect(at('environ')).toMatch(/^databricks-dr\.yml:16:37: jobs pattern ".*environ" is an absolute path/);
    expectNoLeak(r.join('\n'));
  });

  it('refuses a notebooks source outside the repository, and one that is a link out of it', () => {
    const out = outside();
    const dir = tree({
      'databricks-dr.yml': config().replace('source: notebooks', 'source: ../elsewhere'),
      'clusters/c.json': clusterFile(),
    });
    expect(lines(validate(dir))).toContain(
      `databricks-dr.yml:15:15: notebooks source "../elsewhere" leaves the repository: nothing outside the config's folder (${dir}) is read (/notebooks/0/source)`,
    );
    const linked = project({});
    symlinkSync(out, path.join(linked, 'notebooks'));
    const r = validate(linked);
    expect(lines(r).join('\n')).toContain(
      'databricks-dr.yml:15:15: notebooks resolves outside the repository through a symbolic link',
    );
    expect(r.project?.notebooks ?? []).toEqual([]);
    expectNoLeak(lines(r).join('\n'));
  });

  it('refuses links out of the repository inside a notebooks folder and among glob matches, by name', () => {
    const out = outside();
    const dir = project({ 'notebooks/a.py': '# Databricks notebook source\n1\n' });
    symlinkSync(out, path.join(dir, 'notebooks/keys'));
    symlinkSync(path.join(out, 'id_rsa.py'), path.join(dir, 'notebooks/key.py'));
    symlinkSync(path.join(out, 'job.json'), path.join(dir, 'jobs-link.json'));
    writeFileSync(path.join(dir, 'databricks-dr.yml'), config().replace('jobs/*.json', '"*.json"'));
    const r = lines(validate(dir));
    expect(r).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^databricks-dr\.yml:15:15: notebooks\/key\.py is a symbolic link that leaves the repository/,
        ),
        expect.stringMatching(
          /^databricks-dr\.yml:15:15: notebooks\/keys is a symbolic link that leaves the repository/,
        ),
        expect.stringMatching(
          /^databricks-dr\.yml:16:8: jobs-link\.json \(matched by "\*\.json"\) resolves outside the repository/,
        ),
      ]),
    );
    expectNoLeak(r.join('\n'));
  });

  it('follows links that stay inside the repository; a loop is named in a warning and not followed', () => {
    const dir = project({
      'shared/util.py': '# Databricks notebook source\n1\n',
      'notebooks/a.py': 'x = 1\n',
    });
    symlinkSync(path.join(dir, 'shared'), path.join(dir, 'notebooks/shared'));
    symlinkSync(path.join(dir, 'notebooks'), path.join(dir, 'notebooks/loop'));
    const r = validate(dir);
    expect(lines(r).filter((l) => !l.includes('warning'))).toEqual([]);
    expect(
      lines(r).filter((l) => l.includes('notebooks/loop leads back into a folder it is inside')),
    ).toHaveLength(1);
    expect(r.project?.notebooks.map((n) => n.workspacePath)).toEqual([
      '/Shared/app/a.py',
      '/Shared/app/shared/util',
    ]);
  });

  it('walks a link to a folder it has walked under another name, so its files deploy at both paths', () => {
    const dir = project({
      'notebooks/common/util.py': '# Databricks notebook source\n1\n',
      'notebooks/a.py': 'x = 1\n',
    });
    symlinkSync(path.join(dir, 'notebooks/common'), path.join(dir, 'notebooks/shared'));
    const r = validate(dir);
    expect(lines(r).filter((l) => !l.includes('warning'))).toEqual([]);
    expect(lines(r).filter((l) => l.includes('symbolic link'))).toEqual([]);
    expect(r.project?.notebooks.map((n) => n.workspacePath)).toEqual([
      '/Shared/app/a.py',
      '/Shared/app/common/util',
      '/Shared/app/shared/util',
    ]);
  });

  it('stops links that branch into each other at 100,000 folders, with or without files, with an error', () => {
    // 20 folders, each with two links to the next: 2^20 paths to walk, none of them a loop.
    const dir = project({ 'notebooks/a.py': 'x = 1\n' });
    for (let i = 0; i < 20; i++) {
      mkdirSync(path.join(dir, `chain/d${i}`), { recursive: true });
      if (i > 0) for (const l of ['x', 'y']) symlinkSync(`../d${i}`, path.join(dir, `chain/d${i - 1}`, l));
    }
    symlinkSync('../chain/d0', path.join(dir, 'notebooks/chain'));
    expect(lines(validate(dir))).toContain(
      'databricks-dr.yml:15:15: notebooks holds more than 100,000 files or folders (symbolic links followed): map a smaller folder, or replace links that lead into each other with the files themselves (/notebooks/0/source)',
    );
  }, 60_000);

  it('names a symbolic link to nothing inside a notebooks folder', () => {
    const dir = project({ 'notebooks/a.py': 'x = 1\n' });
    symlinkSync(path.join(dir, 'gone.py'), path.join(dir, 'notebooks/dangling.py'));
    expect(lines(validate(dir))).toContain(
      'databricks-dr.yml:15:15: notebooks/dangling.py is a symbolic link to nothing: remove it or restore its target (/notebooks/0/source)',
    );
  });

  it('never quotes a listed file that is not JSON or YAML', () => {
    const dir = project({ 'jobs/environ': 'TOKEN=dapi-Distinctive-1618\0HOME=/root' });
    writeFileSync(path.join(dir, 'databricks-dr.yml'), config().replace('jobs/*.json', 'jobs/*'));
    const r = lines(validate(dir));
    expect(r.join('\n')).toContain('jobs/environ:1:1:');
    expectNoLeak(r.join('\n'));
  });
});

describe('notebook targets', () => {
  it.each([
    ['Shared/app', 'must be an absolute workspace path'],
    ['/Shared/../Users/someone', 'has a "." or ".." segment'],
    ['/Shared/./app', 'has a "." or ".." segment'],
    ['/Shared//app', 'has an empty segment'],
    ['/Shared/.databricks-dr', 'is inside /Shared/.databricks-dr/'],
    ['/Workspace/Shared/.databricks-dr/other/x', 'is inside /Shared/.databricks-dr/'],
    ['"/Shared/a\\u202eb"', 'contains a control or bidi character'],
  ])('refuses %s at the target', (target, message) => {
    const dir = project({ 'notebooks/a.py': '1' });
    writeFileSync(
      path.join(dir, 'databricks-dr.yml'),
      config().replace('target: /Shared/app', `target: ${target}`),
    );
    const r = lines(validate(dir)).filter((l) => l.includes('/notebooks/0/target'));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatch(/^databricks-dr\.yml:15:\d+: /);
    expect(r[0]).toContain(message);
  });
});

describe('keys and names', () => {
  it('a __proto__ key in a JSON config is refused at its position and never takes effect', () => {
    const dir = tree({
      'databricks-dr.json':
        '{\n  "version": 1,\n  "name": "test-platform",\n  "__proto__": { "prune": { "jobs": true } }\n}\n',
    });
    const r = validateProject('databricks-dr.json', { cwd: dir });
    expect(lines(r)).toEqual([
      'databricks-dr.json:4:3: "__proto__" is not allowed as a key (it would change how every object behaves): rename or remove it (/)',
    ]);
    expect(r.config).toBeUndefined();
    expect(() => loadConfig(path.join(dir, 'databricks-dr.json'))).toThrow(ValidationError);
    expect(({} as Record<string, unknown>).prune).toBeUndefined();
  });

  it.each(['__proto__', 'constructor', 'prototype'])('%s is refused in YAML and JSON definitions', (key) => {
    const dir = tree({
      'jobs/a.json': `{\n  "name": "a",\n  "tags": { "${key}": "x" }\n}`,
      'clusters/b.yml': `cluster_name: b\n${key}:\n  num_workers: 1\n`,
    });
    expect(lines(validateFiles(['jobs/a.json', 'clusters/b.yml'], { cwd: dir }))).toEqual([
      `clusters/b.yml:2:1: "${key}" is not allowed as a key (it would change how every object behaves): rename or remove it (/)`,
      `jobs/a.json:3:13: "${key}" is not allowed as a key (it would change how every object behaves): rename or remove it (/)`,
    ]);
  });

  it('refuses control and bidi characters in job and cluster names and in keys', () => {
    const dir = tree({
      'jobs/a.json': '{\n  "name": "nightly\\n##vso[task.setvariable variable=X]v",\n  "tasks": []\n}',
      'clusters/b.json':
        '{\n  "cluster_name": "etl\\u202egnp.exe",\n  "spark_version": "15.4.x-scala2.12",\n  "num_workers": 1\n}',
      'clusters/c.json': '{\n  "cluster_name": "c",\n  "custom_tags": { "a\\u0000b": "x" }\n}',
    });
    const r = lines(validateFiles(['jobs/a.json', 'clusters/b.json', 'clusters/c.json'], { cwd: dir }));
    expect(r).toEqual(
      expect.arrayContaining([
        'jobs/a.json:2:11: name "nightly\\n##vso[task.setvariable variable=X]v" contains a control or bidi character (newline, NUL, escape, direction override…): use plain text (/name)',
        'clusters/b.json:2:19: cluster_name "etl\\u202egnp.exe" contains a control or bidi character (newline, NUL, escape, direction override…): use plain text (/cluster_name)',
        'clusters/c.json:3:20: key "a\\u0000b" contains a control or bidi character: use plain text (/)',
      ]),
    );
  });

  it('refuses a notebook file whose name holds a control character, at the mapping in the config', () => {
    const dir = project({
      'notebooks/a\n##vso[task.setvariable variable=X]v\n.py': '# Databricks notebook source\n1\n',
    });
    const r = lines(validate(dir));
    expect(r).toContain(
      'databricks-dr.yml:15:15: "notebooks/a\\n##vso[task.setvariable variable=X]v\\n.py" has a control or bidi character in its name: rename it (names are printed in logs and become workspace paths) (/notebooks/0/source)',
    );
  });
});

describe('encoding and limits', () => {
  it('refuses a Latin-1 definition and a Latin-1 notebook at the line and column of the first bad byte', () => {
    const dir = project({
      'jobs/a.json': Buffer.concat([
        Buffer.from('{\n  "name": "caf'),
        Buffer.from([0xe9]),
        Buffer.from('"\n}'),
      ]),
      'notebooks/n.py': Buffer.concat([
        Buffer.from('# Databricks notebook source\nprint("caf'),
        Buffer.from([0xe9]),
        Buffer.from('")\n'),
      ]),
    });
    const r = lines(validate(dir));
    expect(r).toContain(
      'jobs/a.json:2:15: the file is not UTF-8 (byte 0xe9 at offset 16): save it as UTF-8 (/)',
    );
    expect(r).toContain(
      'notebooks/n.py:2:11: the file is not UTF-8 (byte 0xe9 at offset 39): save it as UTF-8 (/)',
    );
  });

  it('refuses a definition over the size limit before parsing it', () => {
    const big = `{"name": "a", "description": "${'x'.repeat(MAX_SOURCE_BYTES)}"}`;
    const dir = tree({ 'jobs/big.json': big });
    expect(lines(validateFiles(['jobs/big.json'], { cwd: dir }))).toEqual([
      'jobs/big.json:1:1: the file is 10.0 MB; config and definition files may be at most 10 MB (/)',
    ]);
  });

  it('bounds JSON and YAML nesting and YAML alias expansion with file:line:col, no stack trace', () => {
    const bomb = [
      'name: bomb',
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const dir = tree({
      'jobs/deep.json': `{"name": "deep",\n "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      'jobs/deep.yml': `name: deep\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
      'jobs/bomb.yml': bomb,
    });
    const r = lines(validateFiles(['jobs/deep.json', 'jobs/deep.yml', 'jobs/bomb.yml'], { cwd: dir }));
    expect(r).toEqual([
      'jobs/bomb.yml:3:8: YAML aliases expand to too many nodes (more than 100 per document): write the values out instead of nesting aliases (/)',
      'jobs/deep.json:2:70: nested more than 64 levels deep: flatten the structure (/)',
      expect.stringMatching(
        /^jobs\/deep\.yml:2:\d+: nested more than 64 levels deep: flatten the structure \(\/\)$/,
      ),
    ]);
  });
});
