import { describe, expect, it } from 'vitest';
import { patFromEnv, patProvider } from '../../src/core/auth/pat.js';
import { ConfigurationError } from '../../src/core/errors.js';

describe('patFromEnv', () => {
  it('reads the named variable, trimming a pasted newline', async () => {
    const p = patFromEnv('DATABRICKS_TOKEN_SECONDARY', { DATABRICKS_TOKEN_SECONDARY: 'dapi123\n' });
    expect(p.kind).toBe('pat');
    expect(p.source).toBe('environment variable DATABRICKS_TOKEN_SECONDARY');
    expect(await p.token()).toBe('dapi123');
    expect(p.headers).toBeUndefined();
  });

  it('defaults to DATABRICKS_TOKEN', async () => {
    expect(await patFromEnv(undefined, { DATABRICKS_TOKEN: 'dapiA' }).token()).toBe('dapiA');
  });

  it('names a missing or empty variable in a ConfigurationError', () => {
    expect(() => patFromEnv('DATABRICKS_TOKEN_PRIMARY', {})).toThrow(ConfigurationError);
    expect(() => patFromEnv('DATABRICKS_TOKEN_PRIMARY', {})).toThrow(/DATABRICKS_TOKEN_PRIMARY is not set/);
    expect(() => patFromEnv('DATABRICKS_TOKEN_PRIMARY', { DATABRICKS_TOKEN_PRIMARY: '  ' })).toThrow(
      /DATABRICKS_TOKEN_PRIMARY is empty/,
    );
  });

  it('never echoes the value, even a malformed one', () => {
    const value = 'dapi-secret part2';
    let message = '';
    try {
      patFromEnv('T', { T: value });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigurationError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/T contains whitespace/);
    expect(message).not.toContain('dapi-secret');
  });

  it('wraps a token in hand', async () => {
    const p = patProvider('x');
    expect(await p.token()).toBe('x');
    expect(p.kind).toBe('pat');
  });
});
