/**
 * Databricks' own federation (auth `databricks-oidc`) against the emulated workspaces' `/oidc/v1/token`,
 * and the Key Vault rule: only an Entra token creates a Key Vault-backed scope, so `pat` and
 * `databricks-oidc` regions are stopped by checkKeyVaultAuth before any request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CredentialError,
  checkKeyVaultAuth,
  databricksOidcAudience,
  tokenProviderFor,
} from '../../src/core/auth/index.js';
import { DatabricksError } from '../../src/core/client/index.js';
import type { AuthConfig } from '../../src/core/config/types.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { EMULATOR_ACCOUNT_ID } from '../../src/emulator/index.js';
import {
  type AuthHarness,
  authHarness,
  caught,
  claims,
  clientFor,
  KEYVAULT,
  recordingMask,
  region,
} from './helpers.js';

type DatabricksOidcAuth = Extract<AuthConfig, { type: 'databricks-oidc' }>;

let h: AuthHarness;
beforeAll(async () => {
  h = await authHarness();
});
afterAll(() => h.close());

const githubEnv = (extra: Record<string, string> = {}) => ({
  ACTIONS_ID_TOKEN_REQUEST_URL: h.entra.idTokenRequestUrl,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: h.entra.idTokenRequestToken,
  ...extra,
});
const oidc = (extra: Partial<DatabricksOidcAuth> = {}): DatabricksOidcAuth => ({
  type: 'databricks-oidc',
  client_id: h.entra.databricksClientId,
  ...extra,
});

describe('databricks-oidc', () => {
  it('exchanges a GitHub ID token for a workspace token (audience: the token endpoint URL by default)', async () => {
    h.primary.clearRequests();
    h.entra.clearRequests();
    const { mask, masked } = recordingMask();
    const r = region(h.primary, oidc());
    expect(databricksOidcAudience(r, oidc(), {})).toBe(`${h.primary.url}/oidc/v1/token`);
    const provider = await tokenProviderFor(r, githubEnv(), { ca: h.entra.caCert, mask });
    expect(provider.kind).toBe('databricks-oidc');
    expect(provider.source).toBe('Databricks service principal dr-deployer (GitHub OIDC federation)');
    const token = await provider.token();
    expect(claims(token)).toMatchObject({ iss: `${h.primary.url}/oidc`, scope: 'all-apis' });
    expect(h.primary.requests().map((q) => `${q.method} ${q.path} ${q.status}`)).toEqual([
      'POST /oidc/v1/token 200',
    ]);
    const idToken = masked.find((s) => s !== token && s !== h.entra.idTokenRequestToken) ?? '';
    expect(claims(idToken).aud).toBe(`${h.primary.url}/oidc/v1/token`);
    expect(masked).toEqual(expect.arrayContaining([h.entra.idTokenRequestToken, idToken, token]));

    const client = clientFor(h.primary, provider);
    try {
      await expect(client.jobs.list().next()).resolves.toBeDefined();
    } finally {
      client.close();
    }
    // A workspace token is good only at its own workspace.
    const elsewhere = await fetch(`${h.secondary.url}/api/2.2/jobs/list`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(elsewhere.status).toBe(403);
  });

  it('uses the config audience, else DATABRICKS_TOKEN_AUDIENCE (e.g. the account id a default policy expects)', async () => {
    const fromConfig = await tokenProviderFor(
      region(h.primary, oidc({ audience: EMULATOR_ACCOUNT_ID })),
      githubEnv(),
      {
        ca: h.entra.caCert,
      },
    );
    await expect(fromConfig.token()).resolves.toMatch(/^eyJ/);
    const r = region(h.primary, oidc());
    const env = githubEnv({ DATABRICKS_TOKEN_AUDIENCE: EMULATOR_ACCOUNT_ID });
    expect(databricksOidcAudience(r, oidc(), env)).toBe(EMULATOR_ACCOUNT_ID);
    const fromEnv = await tokenProviderFor(r, env, { ca: h.entra.caCert });
    await expect(fromEnv.token()).resolves.toMatch(/^eyJ/);
  });

  it('explains a refused exchange with the token claims the policy must match', async () => {
    const { mask, masked } = recordingMask();
    const provider = await tokenProviderFor(
      region(h.primary, oidc({ audience: 'some-other-account' })),
      githubEnv(),
      {
        ca: h.entra.caCert,
        mask,
      },
    );
    const e = await caught(() => provider.token());
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toContain(
      'region primary (auth databricks-oidc): Databricks refused to exchange the GitHub ID token for client_id dr-deployer (HTTP 401: invalid_client:',
    );
    expect(e.message).toContain("subject 'repo:example-org/example-repo:environment:production'");
    expect(e.message).toContain("audience 'some-other-account'");
    expect(e.message).toContain('set `audience` (or DATABRICKS_TOKEN_AUDIENCE)');
    for (const s of masked) expect(e.message).not.toContain(s);

    const wrongClient = await tokenProviderFor(
      region(h.primary, oidc({ client_id: 'someone-else' })),
      githubEnv(),
      {
        ca: h.entra.caCert,
      },
    );
    const e2 = await caught(() => wrongClient.token());
    expect(e2.message).toContain("No service principal federation policy matches client_id 'someone-else'");
  });

  it('an unreachable workspace is a CredentialError naming the endpoint', async () => {
    h.secondary.setOutage(true);
    try {
      const provider = await tokenProviderFor(region(h.secondary, oidc()), githubEnv(), {
        ca: h.entra.caCert,
        timeoutMs: 2000,
      });
      const e = await caught(() => provider.token());
      expect(e).toBeInstanceOf(CredentialError);
      expect(e.message).toContain(
        `could not reach the workspace's token endpoint ${h.secondary.url}/oidc/v1/token`,
      );
    } finally {
      h.secondary.setOutage(false);
    }
  });

  it('serves the authorization-server metadata', async () => {
    const res = await fetch(`${h.primary.url}/oidc/.well-known/oauth-authorization-server`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      token_endpoint: `${h.primary.url}/oidc/v1/token`,
      authorization_endpoint: `${h.primary.url}/oidc/v1/authorize`,
    });
  });
});

describe('Key Vault-backed scopes need an Entra token', () => {
  const createKv = {
    scope: 'kv-x',
    scope_backend_type: 'AZURE_KEYVAULT' as const,
    backend_azure_keyvault: KEYVAULT,
  };

  it('pat: checkKeyVaultAuth stops the deploy before any request', async () => {
    const r = region(h.secondary, { type: 'pat', token_env: 'DATABRICKS_TOKEN_SECONDARY' });
    const provider = await tokenProviderFor(r, { DATABRICKS_TOKEN_SECONDARY: h.secondary.token });
    const client = clientFor(h.secondary, provider);
    h.secondary.clearRequests();
    try {
      const e = await caught(async () => {
        checkKeyVaultAuth(r, ['kv-x']);
        await client.secrets.createScope(createKv);
      });
      expect(e).toBeInstanceOf(ConfigurationError);
      expect(e.message).toContain("cannot create Key Vault-backed secret scope 'kv-x' with auth type pat");
      expect(h.secondary.requests()).toEqual([]);
      expect(client.stats().requests).toBe(0);

      // What happens without the check: the workspace's own refusal (the emulator as Databricks).
      const raw = await caught(() => client.secrets.createScope(createKv));
      expect(raw).toBeInstanceOf(DatabricksError);
      expect(raw.message).toContain('Scope with Azure KeyVault must have userAADToken defined!');
    } finally {
      client.close();
    }
  });

  it('databricks-oidc: refused by the check, and by the workspace (not an Entra token)', async () => {
    const r = region(h.primary, oidc());
    expect(() => checkKeyVaultAuth(r, ['kv-x'])).toThrow(/auth type databricks-oidc/);
    const provider = await tokenProviderFor(r, githubEnv(), { ca: h.entra.caCert });
    const client = clientFor(h.primary, provider);
    try {
      const raw = await caught(() => client.secrets.createScope(createKv));
      expect(raw.message).toContain('Scope with Azure KeyVault must have userAADToken defined!');
    } finally {
      client.close();
    }
  });
});
