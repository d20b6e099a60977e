/**
 * Tokens are cached, refreshed before they expire, and fetched once for many concurrent requests;
 * first with a fake clock (the rules), then with short-lived tokens from the emulator through the
 * real MSAL code and the Databricks exchange (the emulator rejects expired tokens, so a provider
 * that did not refresh would fail these).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IssuedToken, RefreshingToken, tokenProviderFor } from '../../src/core/auth/index.js';
import { type AuthHarness, authHarness, claims, clientFor, recordingMask, region } from './helpers.js';

const MIN = 60_000;

function clock(start = 1_700_000_000_000) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** A fetcher that issues `token-N` valid for `lifetimeMs`, counting calls. */
function issuer(c: ReturnType<typeof clock>, lifetimeMs: number) {
  let n = 0;
  const fetch = async (): Promise<IssuedToken> => {
    n++;
    await new Promise((r) => setTimeout(r, 5)); // a real round trip, so callers overlap
    return { token: `token-${n}`, expiresAt: c.now() + lifetimeMs };
  };
  return { fetch, calls: () => n };
}

describe('RefreshingToken', () => {
  it('reuses a token until 5 minutes before expiry, then replaces it while still valid', async () => {
    const c = clock();
    const source = issuer(c, 60 * MIN);
    const cache = new RefreshingToken(source.fetch, { now: c.now });
    expect(await cache.get()).toBe('token-1');
    c.advance(54 * MIN);
    expect(await cache.get()).toBe('token-1');
    c.advance(1 * MIN + 1); // 55 min + 1 ms: inside the 5-minute margin
    expect(await cache.get()).toBe('token-2');
    expect(source.calls()).toBe(2);
  });

  it('caps the margin at half the lifetime, so short-lived tokens are not fetched per request', async () => {
    const c = clock();
    const source = issuer(c, 4 * MIN); // shorter than the 5-minute margin
    const cache = new RefreshingToken(source.fetch, { now: c.now });
    await cache.get();
    c.advance(2 * MIN - 1);
    expect(await cache.get()).toBe('token-1');
    c.advance(1);
    expect(await cache.get()).toBe('token-2');
  });

  it('honours a custom margin and the issuer’s refresh-after hint', async () => {
    const c = clock();
    let n = 0;
    const cache = new RefreshingToken(
      async () => ({ token: `t${++n}`, expiresAt: c.now() + 60 * MIN, refreshAfter: c.now() + 30 * MIN }),
      { now: c.now, refreshMarginMs: 1 * MIN },
    );
    await cache.get();
    c.advance(30 * MIN);
    expect(await cache.get()).toBe('t2');
  });

  it('shares one in-flight refresh among concurrent callers (no stampede)', async () => {
    const c = clock();
    const source = issuer(c, 60 * MIN);
    const cache = new RefreshingToken(source.fetch, { now: c.now });
    const first = await Promise.all(Array.from({ length: 50 }, () => cache.get()));
    expect(new Set(first)).toEqual(new Set(['token-1']));
    c.advance(56 * MIN);
    const second = await Promise.all(Array.from({ length: 50 }, () => cache.get()));
    expect(new Set(second)).toEqual(new Set(['token-2']));
    expect(source.calls()).toBe(2);
  });

  it('keeps serving a still-valid token when an early refresh fails, and retries later', async () => {
    const c = clock();
    let fail = false;
    let n = 0;
    const warnings: unknown[] = [];
    const cache = new RefreshingToken(
      async () => {
        n++;
        if (fail) throw new Error('Entra is having a moment');
        return { token: `t${n}`, expiresAt: c.now() + 60 * MIN };
      },
      { now: c.now, onStaleRefreshError: (e) => warnings.push(e) },
    );
    expect(await cache.get()).toBe('t1');
    fail = true;
    c.advance(56 * MIN);
    expect(await cache.get()).toBe('t1'); // refresh failed, old token still has 4 minutes
    expect(warnings).toHaveLength(1);
    expect(await cache.get()).toBe('t1'); // no new attempt on every request…
    expect(n).toBe(2);
    c.advance(10_001); // …but again after a short pause
    fail = false;
    expect(await cache.get()).toBe('t3');
  });

  it('fails when the refresh fails and the old token is (nearly) expired', async () => {
    const c = clock();
    let fail = false;
    const cache = new RefreshingToken(
      async () => {
        if (fail) throw new Error('down');
        return { token: 't', expiresAt: c.now() + 60 * MIN };
      },
      { now: c.now },
    );
    await cache.get();
    fail = true;
    c.advance(60 * MIN - 10_000);
    await expect(cache.get()).rejects.toThrow('down');
  });
});

describe('short-lived tokens from the emulator', () => {
  let h: AuthHarness;
  beforeAll(async () => {
    // Long enough that a cold start on a loaded machine stays inside the first half of the lifetime.
    h = await authHarness({ entra: { tokenLifetimeSeconds: 8 } });
  });
  afterAll(() => h.close());
  const tokenRequests = () => h.entra.requests().filter((r) => r.path.endsWith('/oauth2/v2.0/token')).length;

  it('Entra (MSAL): one token for many concurrent requests, a new one before expiry, masked each time', async () => {
    h.entra.clearRequests();
    const { mask, masked } = recordingMask();
    const provider = await tokenProviderFor(
      region(h.primary, {
        type: 'azure-oidc',
        tenant_id: h.entra.tenantId,
        client_id: h.entra.clientId,
        authority_host: h.entra.authorityHost,
      }),
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: h.entra.idTokenRequestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: h.entra.idTokenRequestToken,
      },
      { ca: h.entra.caCert, mask },
    );
    const client = clientFor(h.primary, provider);
    try {
      // 30 requests at once on a cold cache: one token request, one GitHub ID token.
      await Promise.all(Array.from({ length: 30 }, () => client.secrets.listScopes()));
      expect(tokenRequests()).toBe(1);
      expect(h.entra.requests().filter((r) => r.path === '/_github/idtoken')).toHaveLength(1);
      const first = await provider.token();
      const lifetime = (claims(first).exp as number) - (claims(first).iat as number);
      expect(lifetime).toBe(8);

      // Past half the lifetime the provider refreshes (before expiry); requests keep working.
      await new Promise((r) => setTimeout(r, 4200));
      await Promise.all(Array.from({ length: 30 }, () => client.secrets.listScopes()));
      expect(tokenRequests()).toBe(2);
      const second = await provider.token();
      expect(second).not.toBe(first);
      // A fresh GitHub ID token for the new Entra token, not the old one again.
      expect(h.entra.requests().filter((r) => r.path === '/_github/idtoken')).toHaveLength(2);
      expect(masked).toContain(first);
      expect(masked).toContain(second);

      // The first token is now expired, and the workspace refuses it: refreshing was necessary.
      await new Promise((r) => setTimeout(r, 4200));
      const res = await fetch(`${h.primary.url}/api/2.0/secrets/scopes/list`, {
        headers: { authorization: `Bearer ${first}` },
      });
      expect(res.status).toBe(403);
      await expect(client.secrets.listScopes()).resolves.toBeInstanceOf(Array);
    } finally {
      client.close();
    }
  });

  it('Databricks OIDC: the exchange is repeated before the workspace token expires', async () => {
    h.primary.clearRequests();
    const { mask, masked } = recordingMask();
    const provider = await tokenProviderFor(
      region(h.primary, { type: 'databricks-oidc', client_id: h.entra.databricksClientId }),
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: h.entra.idTokenRequestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: h.entra.idTokenRequestToken,
      },
      { ca: h.entra.caCert, mask },
    );
    const exchanges = () => h.primary.requests().filter((r) => r.path === '/oidc/v1/token').length;
    const client = clientFor(h.primary, provider);
    try {
      await Promise.all(Array.from({ length: 20 }, () => client.jobs.list().next()));
      expect(exchanges()).toBe(1);
      const first = await provider.token();
      await new Promise((r) => setTimeout(r, 4200));
      await Promise.all(Array.from({ length: 20 }, () => client.jobs.list().next()));
      expect(exchanges()).toBe(2);
      const second = await provider.token();
      expect(second).not.toBe(first);
      expect(masked).toEqual(expect.arrayContaining([h.entra.idTokenRequestToken, first, second]));
    } finally {
      client.close();
    }
  });
});
