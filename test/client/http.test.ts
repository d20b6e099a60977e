import { describe, expect, it } from 'vitest';
import { patProvider } from '../../src/core/auth/pat.js';
import {
  DatabricksClient,
  encodeQuery,
  isNonIdempotent,
  parseRetryAfter,
} from '../../src/core/client/index.js';

describe('encodeQuery', () => {
  it('drops undefined, repeats arrays and dots nested objects (as the SDKs do)', () => {
    expect(
      encodeQuery({
        path: '/Shared/a b',
        limit: 20,
        expand_tasks: true,
        page_token: undefined,
        filter_by: { cluster_sources: ['API', 'UI'], is_pinned: false, policy_id: undefined },
      }),
    ).toBe(
      '?path=%2FShared%2Fa+b&limit=20&expand_tasks=true&filter_by.cluster_sources=API&filter_by.cluster_sources=UI&filter_by.is_pinned=false',
    );
    expect(encodeQuery({})).toBe('');
    expect(encodeQuery(undefined)).toBe('');
  });
});

describe('parseRetryAfter', () => {
  it('reads integer seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(' 0 ')).toBe(0);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2026-08-01T00:00:00Z');
    expect(parseRetryAfter('Sat, 01 Aug 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sat, 01 Aug 2026 00:00:00 GMT', now + 1000)).toBe(0);
  });
});

describe('isNonIdempotent', () => {
  it('flags the creates a retry could duplicate, in any API version', () => {
    expect(isNonIdempotent('POST', '/api/2.2/jobs/create')).toBe(true);
    expect(isNonIdempotent('POST', '/api/2.1/jobs/create')).toBe(true);
    expect(isNonIdempotent('POST', '/api/2.1/clusters/create')).toBe(true);
    expect(isNonIdempotent('POST', '/api/2.0/secrets/scopes/create')).toBe(true);
    expect(isNonIdempotent('POST', '/api/2.2/jobs/run-now', { job_id: 1 })).toBe(true);
    expect(isNonIdempotent('POST', '/api/2.2/jobs/run-now', { job_id: 1, idempotency_token: 'x' })).toBe(
      false,
    );
    expect(isNonIdempotent('POST', '/api/2.2/jobs/reset', {})).toBe(false);
    expect(isNonIdempotent('POST', '/api/2.0/secrets/put', {})).toBe(false);
    expect(isNonIdempotent('GET', '/api/2.2/jobs/get')).toBe(false);
  });
});

describe('DatabricksClient construction', () => {
  it('keeps only the origin of the host and rejects non-http URLs', () => {
    const c = new DatabricksClient({
      region: 'primary',
      host: 'https://adb-1111111111111111.11.azuredatabricks.net/some/path/',
      tokenProvider: patProvider('x'),
    });
    expect(c.host).toBe('https://adb-1111111111111111.11.azuredatabricks.net');
    expect(c.region).toBe('primary');
    c.close();
    expect(
      () => new DatabricksClient({ region: 'r', host: 'ftp://x', tokenProvider: patProvider('x') }),
    ).toThrow(/must be an http\(s\) URL/);
    expect(
      () => new DatabricksClient({ region: 'r', host: 'not a url', tokenProvider: patProvider('x') }),
    ).toThrow(/not a URL/);
    expect(
      () =>
        new DatabricksClient({
          region: 'r',
          host: 'https://h',
          tokenProvider: patProvider('x'),
          rateLimits: { jobs: 0 },
        }),
    ).toThrow(/positive number or 'off'/);
  });
});
