import { describe, expect, test } from 'vitest';
import {
  coerceWhole,
  documentHasReferences,
  findReferences,
  hasReference,
  substitute,
  substituteString,
} from '../../src/core/variables.js';

const primary = {
  name: 'primary',
  host: 'https://adb-1.1.azuredatabricks.net',
  variables: { url: 'jdbc:sqlserver://east', n: '4', flag: 'true' },
};

describe('substitute', () => {
  test('replaces ${var.X}, ${region.name} and ${region.host}, keeping the structure and the input', () => {
    const input = {
      spark_conf: { url: '${var.url}', where: 'region=${region.name};host=${region.host}' },
      list: ['a', '${var.n}'],
      num: 3,
    };
    const copy = structuredClone(input);
    const r = substitute(input, primary);
    expect(r.value).toEqual({
      spark_conf: {
        url: 'jdbc:sqlserver://east',
        where: 'region=primary;host=https://adb-1.1.azuredatabricks.net',
      },
      list: ['a', '4'],
      num: 3,
    });
    expect(input).toEqual(copy);
    expect(r.changed).toBe(true);
    expect(r.unknown).toEqual([]);
  });

  test('a string that is exactly one reference is marked whole; interpolation is not', () => {
    const r = substitute({ a: '${var.n}', b: 'x${var.n}', c: { d: '${region.name}' } }, primary);
    expect([...r.whole.entries()]).toEqual([
      ['/a', '${var.n}'],
      ['/c/d', '${region.name}'],
    ]);
  });

  test('Databricks references, other ${…} and escaped $${ pass through', () => {
    const r = substitute(
      {
        pw: '{{secrets/app/hive-password}}',
        id: '{{job.id}}',
        env: '${env:HOME} and ${SPARK_HOME}',
        escaped: '$${var.url} is literal',
      },
      primary,
    );
    expect(r.value).toEqual({
      pw: '{{secrets/app/hive-password}}',
      id: '{{job.id}}',
      env: '${env:HOME} and ${SPARK_HOME}',
      escaped: '${var.url} is literal',
    });
    expect(r.unknown).toEqual([]);
  });

  test('unknown variables and region properties are reported with their pointer and left as written', () => {
    const r = substitute({ tasks: [{ p: 'a ${var.missing} b' }], q: '${region.id}' }, primary);
    expect(r.value).toEqual({ tasks: [{ p: 'a ${var.missing} b' }], q: '${region.id}' });
    expect(r.unknown).toEqual([
      { pointer: '/tasks/0/p', expression: '${var.missing}', kind: 'var', name: 'missing' },
      { pointer: '/q', expression: '${region.id}', kind: 'region', name: 'id' },
    ]);
    expect(r.whole.size).toBe(0);
  });

  test('object keys are not substituted; pointers escape / and ~', () => {
    const r = substitute({ '${var.n}': 'x', 'a/b~c': '${var.nope}' }, primary);
    expect(r.value).toEqual({ '${var.n}': 'x', 'a/b~c': '${var.nope}' });
    expect(r.unknown[0].pointer).toBe('/a~1b~0c');
  });

  test('a document without references is returned unchanged', () => {
    const r = substitute({ a: 1, b: ['x'] }, primary);
    expect(r.changed).toBe(false);
    expect(documentHasReferences({ a: 1, b: ['x'] })).toBe(false);
    expect(documentHasReferences({ a: [{ b: '${var.x}' }] })).toBe(true);
  });
});

describe('helpers', () => {
  test('substituteString', () => {
    expect(substituteString('${var.n}', primary)).toEqual({ text: '4', unknown: [], whole: '${var.n}' });
    expect(substituteString('n=${var.n}', primary)).toEqual({ text: 'n=4', unknown: [] });
  });

  test('hasReference ignores escaped and foreign ${…}', () => {
    expect(hasReference('${var.x}')).toBe(true);
    expect(hasReference('x ${region.name}')).toBe(true);
    expect(hasReference('$${var.x}')).toBe(false);
    expect(hasReference('${env:X}')).toBe(false);
    expect(hasReference('{{secrets/a/b}}')).toBe(false);
  });

  test('findReferences lists every reference in document order', () => {
    expect(
      findReferences({ a: '${var.a} ${var.b}', b: ['${region.host}'] }).map(
        (r) => `${r.pointer} ${r.expression}`,
      ),
    ).toEqual(['/a ${var.a}', '/a ${var.b}', '/b/0 ${region.host}']);
  });

  test('coerceWhole types numbers and booleans, and only when the text parses', () => {
    expect(coerceWhole('4', 'integer')).toBe(4);
    expect(coerceWhole('-1', 'integer')).toBe(-1);
    expect(coerceWhole('2.5', 'integer')).toBeUndefined();
    expect(coerceWhole('2.5', 'number')).toBe(2.5);
    expect(coerceWhole('1e3', 'number')).toBe(1000);
    expect(coerceWhole('four', 'integer')).toBeUndefined();
    expect(coerceWhole('0x10', 'integer')).toBeUndefined();
    expect(coerceWhole('', 'number')).toBeUndefined();
    expect(coerceWhole('true', 'boolean')).toBe(true);
    expect(coerceWhole('false', 'boolean')).toBe(false);
    expect(coerceWhole('yes', 'boolean')).toBeUndefined();
  });
});
