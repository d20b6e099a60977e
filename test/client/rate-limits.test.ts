/**
 * The client's pacing defaults against Databricks' documented limits, as the emulator keeps them
 * (src/emulator/limits.ts, its own table with sources): for every endpoint the emulator serves,
 * a documented limit must be paced by the client at or under that rate. The two tables are
 * separate, so a default raised past the documented limit — or an endpoint the client files under
 * an unpaced family — fails here.
 */
import { describe, expect, it } from 'vitest';
import { patProvider } from '../../src/core/auth/pat.js';
import { apiFamily, DEFAULT_RATE_LIMITS, HttpClient } from '../../src/core/client/index.js';
import { DOCUMENTED_LIMITS, DOCUMENTED_RATE_LIMITS, limitFamily } from '../../src/emulator/limits.js';
import { servedRoutes } from '../../src/emulator/routes.js';

/** `GET /api/2.0/permissions/jobs/*` → a concrete request the route would answer. */
function concrete(route: string): { method: string; path: string } {
  const [method, path] = route.split(' ');
  return { method, path: path.replace(/\*/g, '123') };
}

describe("the client's default rates", () => {
  it('keep at or under the documented limit of every endpoint the emulator serves', () => {
    const api = servedRoutes()
      .map(concrete)
      .filter((r) => r.path.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(50);
    const over: string[] = [];
    let limited = 0;
    for (const { method, path } of api) {
      const server = limitFamily(method, path);
      const documented = server === undefined ? undefined : DOCUMENTED_RATE_LIMITS[server];
      if (documented === undefined) continue;
      limited++;
      const family = apiFamily(method, path);
      const paced = DEFAULT_RATE_LIMITS[family];
      if (paced === undefined || paced > documented)
        over.push(
          `${method} ${path}: client ${family} ${paced ?? 'unpaced'}/s, documented ${server} ${documented}/s`,
        );
    }
    expect(limited).toBeGreaterThan(30);
    expect(over).toEqual([]);
  });

  it('are what a client paces with when given no rateLimits option', () => {
    const http = new HttpClient({
      region: 'r',
      host: 'http://127.0.0.1:9',
      tokenProvider: patProvider('dapi-test'),
    });
    for (const [family, rate] of Object.entries(DEFAULT_RATE_LIMITS))
      expect(http.rateLimit(family as keyof typeof DEFAULT_RATE_LIMITS)).toBe(rate);
    http.close();
  });
});

describe("the emulator's table of documented limits", () => {
  it('gives every limit a source, what the page says, and a positive rate', () => {
    expect(DOCUMENTED_LIMITS.length).toBeGreaterThan(5);
    for (const limit of DOCUMENTED_LIMITS) {
      expect(limit.source, limit.family).toMatch(
        /^https:\/\/(learn\.microsoft\.com|docs\.databricks\.com)\//,
      );
      expect(limit.documented, limit.family).not.toBe('');
      expect(limit.perSecond, limit.family).toBeGreaterThan(0);
      // A limit the page does not state is marked as modelled, with how.
      if (limit.documented === 'none') expect(limit.modelled, limit.family).toBeTruthy();
    }
    expect(new Set(DOCUMENTED_LIMITS.map((l) => l.family)).size).toBe(DOCUMENTED_LIMITS.length);
  });

  it('files requests under the documented groups', () => {
    expect(limitFamily('POST', '/api/2.0/workspace/delete')).toBe('workspace-delete');
    expect(limitFamily('POST', '/api/2.2/jobs/update')).toBe('jobs-delete-update');
    expect(limitFamily('GET', '/api/2.2/jobs/runs/get')).toBe('jobs-runs');
    expect(limitFamily('PUT', '/api/2.0/permissions/jobs/1')).toBe('permissions-write');
    expect(limitFamily('GET', '/api/2.1/clusters/list')).toBeUndefined();
    expect(DOCUMENTED_RATE_LIMITS.secrets).toBeCloseTo(1100 / 60);
  });
});
