import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import { duplicateJsonKeys, formatPointer, parsePointer, parseSource } from '../../src/core/source.js';

describe('parseSource', () => {
  const json = '{\n  "name": "etl",\n  "tasks": [\n    { "task_key": "a", "a/b": 1 }\n  ]\n}\n';

  it('maps JSON pointers to value and key positions', () => {
    const doc = parseSource('job.json', json);
    expect(doc.value).toEqual({ name: 'etl', tasks: [{ task_key: 'a', 'a/b': 1 }] });
    expect(doc.position('/name')).toEqual({ file: 'job.json', line: 2, column: 11 });
    expect(doc.position('/name', 'key')).toEqual({ file: 'job.json', line: 2, column: 3 });
    expect(doc.position('/tasks/0/task_key')).toEqual({ file: 'job.json', line: 4, column: 19 });
    expect(doc.position('/tasks/0/a~1b', 'key')).toEqual({ file: 'job.json', line: 4, column: 24 });
    // A missing member maps to the nearest existing ancestor: the owning object.
    expect(doc.position('/tasks/0/notebook_task')).toEqual({ file: 'job.json', line: 4, column: 5 });
  });

  it('maps YAML pointers the same way', () => {
    const doc = parseSource('c.yml', 'a:\n  b:\n    - x\n    - y: 1\n');
    expect(doc.position('/a/b/1/y')).toEqual({ file: 'c.yml', line: 4, column: 10 });
    expect(doc.position('/a/b/1/y', 'key')).toEqual({ file: 'c.yml', line: 4, column: 7 });
    expect(doc.position('/a/zzz')).toEqual({ file: 'c.yml', line: 2, column: 3 });
  });

  it('reports the first JSON syntax error at its exact position', () => {
    try {
      parseSource('bad.json', '{\n  "a": 1,\n  "b": tru\n}');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      const [d] = (err as ValidationError).diagnostics;
      expect([d.line, d.column, d.message]).toEqual([3, 8, 'invalid JSON: unexpected character']);
    }
  });

  it('finds duplicate JSON keys', () => {
    const doc = parseSource('d.json', '{"a": 1,\n "a": 2}');
    expect(duplicateJsonKeys(doc).map((d) => [d.line, d.column, d.pointer])).toEqual([[2, 2, '/a']]);
  });

  it('round-trips pointers with escapes', () => {
    expect(parsePointer(formatPointer(['a/b', 'c~d', 0]))).toEqual(['a/b', 'c~d', '0']);
  });
});
