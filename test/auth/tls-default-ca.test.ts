/**
 * The third way to trust the emulator's CA in-process, without the `ca` option: Node's
 * `tls.setDefaultCACertificates` (Node 22.19+ and 24). It changes the default CA store of the whole
 * process, which `@azure/identity`'s HTTP client and node-fetch both use when given no `ca`, so
 * it lives in its own test file (Vitest runs each file in its own worker process).
 */
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AZURE_DATABRICKS_APP_ID, tokenProviderFor } from '../../src/core/auth/index.js';
import { type AuthHarness, authHarness, claims, region } from './helpers.js';

let h: AuthHarness;
let saved: string[] = [];
beforeAll(async () => {
  h = await authHarness();
  saved = tls.getCACertificates('default');
});
afterAll(async () => {
  tls.setDefaultCACertificates(saved);
  await h.close();
});

describe.runIf(typeof tls.setDefaultCACertificates === 'function')('tls.setDefaultCACertificates', () => {
  it('lets @azure/identity and the GitHub ID-token fetch trust the emulator with no ca option', async () => {
    tls.setDefaultCACertificates([...saved, h.entra.caCert]);
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
    );
    expect(claims(await provider.token()).aud).toBe(AZURE_DATABRICKS_APP_ID);
  });
});
