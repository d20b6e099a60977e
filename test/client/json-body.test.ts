/** The pre-encoded JSON body of a directory import: byte for byte what JSON.stringify would send. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jsonWithBase64 } from '../../src/core/client/json-body.js';

describe('jsonWithBase64', () => {
  // Around the 48 KiB slice: no padding inside, padding (0, 1, 2 '=') only at the very end.
  const sizes = [0, 1, 2, 3, 49_151, 49_152, 49_153, 49_154, 3 * 49_152 + 2, 1_000_003];
  for (const size of sizes)
    it(`encodes ${size} bytes as JSON.stringify would`, () => {
      const bytes = randomBytes(size);
      const fields = { path: '/Shared/sales/"quoted" ünïcode', format: 'SOURCE' };
      const expected = JSON.stringify({ ...fields, content: bytes.toString('base64') });
      expect(jsonWithBase64(fields, 'content', bytes).toString('utf8')).toBe(expected);
    });

  it('takes a view into a larger buffer as just its bytes', () => {
    const whole = randomBytes(1000);
    const view = whole.subarray(100, 400);
    expect(JSON.parse(jsonWithBase64({}, 'content', view).toString('utf8'))).toEqual({
      content: view.toString('base64'),
    });
  });
});
