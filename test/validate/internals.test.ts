/** Building blocks: the composite-error collapse, the region folding, the duplicate-key pre-check. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/core/errors.js';
import { DiagnosticSet } from '../../src/core/validate/document.js';
import { hasErrors } from '../../src/core/validate/index.js';
import { hasDuplicateKeys } from '../../src/core/validate/json-keys.js';
import { schemaIssues } from '../../src/core/validate/schema-messages.js';

describe('schemaIssues', () => {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false });
  const validate = ajv.compile({
    type: 'object',
    properties: {
      size: {
        oneOf: [
          { type: 'integer', minimum: 1 },
          { type: 'string', pattern: '^[0-9]+x$' },
        ],
      },
      spec: {
        anyOf: [
          { type: 'string' },
          {
            type: 'object',
            properties: { n: { type: 'integer' } },
            required: ['n'],
            additionalProperties: false,
          },
        ],
      },
    },
    additionalProperties: false,
  });
  const issues = (value: unknown) => {
    validate(value);
    return schemaIssues(validate.errors ?? [], value, { kind: 'job', unknownFields: 'error' }).map(
      (i) => `${i.pointer} ${i.message}`,
    );
  };

  test('a composite whose types all fail becomes one "must be X or Y"', () => {
    expect(issues({ size: true })).toEqual(['/size size must be an integer or a string, got true']);
  });

  test('a composite where one branch has the right type reports that branch only', () => {
    expect(issues({ size: 0 })).toEqual(['/size size must be at least 1, got 0']);
    expect(issues({ spec: { other: 1 } })).toEqual([
      '/spec/n spec is missing required field "n"',
      '/spec/other unknown field "other": spec has no such field; remove it or check the spelling',
    ]);
    // A misspelling of the missing field is reported once, as the misspelling.
    expect(issues({ spec: { m: 1 } })).toEqual(['/spec/m unknown field "m" — did you mean "n"?']);
  });
});

describe('DiagnosticSet', () => {
  const d = (message: string, line = 1): Diagnostic => ({
    file: 'a.json',
    line,
    column: 1,
    severity: 'error',
    message,
    pointer: '',
  });

  test('a finding in every region is reported once without a region; others carry theirs', () => {
    const set = new DiagnosticSet();
    set.add(d('everywhere'), 'primary');
    set.add(d('everywhere'), 'secondary');
    set.add(d('only secondary', 2), 'secondary');
    set.add(d('region-agnostic', 3));
    expect(
      set.result(['primary', 'secondary']).map((x) => `${x.message}${x.region ? ` @${x.region}` : ''}`),
    ).toEqual(['everywhere', 'only secondary @secondary', 'region-agnostic']);
  });

  test('hasErrors ignores warnings', () => {
    expect(hasErrors({ diagnostics: [{ ...d('w'), severity: 'warning' }] })).toBe(false);
    expect(hasErrors({ diagnostics: [d('e')] })).toBe(true);
  });
});

describe('hasDuplicateKeys', () => {
  test.each([
    ['{"a": 1, "b": {"a": 2}}', false],
    ['{"a": 1, "a": 2}', true],
    ['{"a": {"x": 1, "y": [1, {"x": 2}], "x": 3}}', true],
    ['[{"a": 1}, {"a": 1}]', false],
    ['{"a": "b", "b": "a"}', false],
    ['{"k\\u0061": 1, "ka": 2}', true],
    ['{"s": "a \\" \\"b\\": 1", "b": 2}', false],
    ['{"a": [], "b": {}, "c": [[], {}], "a": 0}', true],
  ])('%s → %s', (text, dup) => {
    expect(hasDuplicateKeys(text)).toBe(dup);
  });
});
