/**
 * The JSON Schemas themselves, and a corpus of real-world-shaped definitions: every valid file is
 * accepted; every invalid one is rejected with an error at the line of its defect.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { type DefinitionKind, validateFiles } from '../../src/core/validate/index.js';
import { lines } from './helpers.js';

const KINDS: DefinitionKind[] = ['job', 'cluster', 'secret-scope', 'config'];
const CORPUS = path.resolve(import.meta.dirname, '../fixtures/validate/corpus');

type Json = Record<string, unknown>;

const schemaFor = (kind: DefinitionKind): Json =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../schemas/${kind}.schema.json`), 'utf8'));

function walk(node: unknown, at: string, visit: (n: Json, at: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => {
      walk(n, `${at}/${i}`, visit);
    });
  } else if (node !== null && typeof node === 'object') {
    visit(node as Json, at);
    for (const [k, v] of Object.entries(node)) walk(v, `${at}/${k}`, visit);
  }
}

describe('schemas', () => {
  test.each(KINDS)('%s.schema.json is a valid draft 2020-12 schema', (kind) => {
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validateSchema(schemaFor(kind))).toBe(true);
    expect((schemaFor(kind) as Json).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  test.each(KINDS)('every object with properties in %s.schema.json forbids unknown fields', (kind) => {
    const open: string[] = [];
    walk(schemaFor(kind), '#', (n, at) => {
      // if/then/else hold conditions and partial schemas of an object described around them.
      if (n.properties && n.additionalProperties !== false && !/\/(properties|if|then|else)$/.test(at))
        open.push(at);
    });
    // The auth base object is closed by the if/then branch of its type.
    expect(open.filter((p) => !p.endsWith('$defs/Auth'))).toEqual([]);
  });

  test('the cluster spec in job.schema.json is the one in cluster.schema.json', () => {
    const job = (schemaFor('job') as { $defs: Json }).$defs;
    const cluster = schemaFor('cluster') as { $defs: Json; properties: Json };
    for (const [name, def] of Object.entries(cluster.$defs)) expect(job[name], name).toEqual(def);
    const spec = (cluster.$defs.ClusterSpec as { properties: Json }).properties;
    for (const [field, def] of Object.entries(spec)) {
      if (field === 'cluster_name') continue; // required and non-empty in a cluster file
      expect(cluster.properties[field], field).toEqual(def);
    }
  });
});

describe('corpus', () => {
  const valid = ['jobs', 'clusters'].flatMap((d) =>
    readdirSync(path.join(CORPUS, 'valid', d)).map((f) => `${d}/${f}`),
  );
  test.each(valid)('accepts valid/%s', (file) => {
    const r = validateFiles([file], { cwd: path.join(CORPUS, 'valid') });
    expect(lines(r)).toEqual([]);
  });

  const expected = JSON.parse(readFileSync(path.join(CORPUS, 'invalid/expected.json'), 'utf8')) as Record<
    string,
    { line: number; contains: string }
  >;
  test.each(Object.entries(expected))('rejects invalid/%s at its line', (file, { line, contains }) => {
    const r = validateFiles([file], { cwd: path.join(CORPUS, 'invalid') });
    const errorsAtLine = r.diagnostics.filter((d) => d.severity === 'error' && d.line === line);
    expect(errorsAtLine.length, lines(r).join('\n')).toBeGreaterThan(0);
    expect(
      errorsAtLine.some((d) => d.message.includes(contains)),
      lines(r).join('\n'),
    ).toBe(true);
    // Nothing unrelated is reported elsewhere in the file.
    expect(
      r.diagnostics.filter((d) => d.line !== line),
      lines(r).join('\n'),
    ).toEqual([]);
  });

  test('every invalid file has an expectation', () => {
    const files = ['jobs', 'clusters'].flatMap((d) =>
      readdirSync(path.join(CORPUS, 'invalid', d)).map((f) => `${d}/${f}`),
    );
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });
});
