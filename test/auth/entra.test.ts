/**
 * The Entra ID types through the real `@azure/identity` / MSAL code against the emulator's
 * authority: the client-secret grant, the client-assertion grant fed by the GitHub and Azure
 * DevOps stand-ins, the service-principal management headers, and a Key Vault-backed scope
 * created with the token (what a PAT cannot do).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AZURE_DATABRICKS_APP_ID, tokenProviderFor } from '../../src/core/auth/index.js';
import { ConfigurationError } from '../../src/core/errors.js';
import {
  type AuthHarness,
  authHarness,
  claims,
  clientFor,
  KEYVAULT,
  recordingMask,
  region,
  WORKSPACE_RESOURCE_ID,
} from './helpers.js';

let h: AuthHarness;
beforeAll(async () => {
  h = await authHarness();
});
afterAll(() => h.close());

const secretEnv = () => ({ DR_CLIENT_SECRET: h.entra.clientSecret });
const secretAuth = (extra: Record<string, string> = {}) => ({
  type: 'azure-client-secret' as const,
  tenant_id: h.entra.tenantId,
  client_id: h.entra.clientId,
  client_secret_env: 'DR_CLIENT_SECRET',
  authority_host: h.entra.authorityHost,
  ...extra,
});

describe('azure-client-secret', () => {
  it('gets an AzureDatabricks token through MSAL and creates a Key Vault-backed scope with it', async () => {
    h.entra.clearRequests();
    const { mask, masked } = recordingMask();
    const provider = await tokenProviderFor(region(h.primary, secretAuth()), secretEnv(), {
      ca: h.entra.caCert,
      mask,
    });
    expect(provider.kind).toBe('entra');
    expect(provider.source).toBe(
      'Entra ID service principal dr-deployer (client secret from DR_CLIENT_SECRET)',
    );
    expect(provider.headers).toBeUndefined();
    const token = await provider.token();
    expect(claims(token)).toMatchObject({
      aud: AZURE_DATABRICKS_APP_ID,
      tid: h.entra.tenantId,
      appid: h.entra.clientId,
    });
    // MSAL's two requests: the tenant's discovery document, then the client-credentials grant.
    expect(h.entra.requests()).toEqual([
      { method: 'GET', path: `/${h.entra.tenantId}/v2.0/.well-known/openid-configuration`, status: 200 },
      { method: 'POST', path: `/${h.entra.tenantId}/oauth2/v2.0/token`, status: 200, grant: 'client_secret' },
    ]);
    expect(masked).toContain(h.entra.clientSecret);
    expect(masked).toContain(token);

    const client = clientFor(h.primary, provider);
    try {
      await client.secrets.createScope({
        scope: 'kv-hive',
        scope_backend_type: 'AZURE_KEYVAULT',
        backend_azure_keyvault: KEYVAULT,
      });
      const scopes = await client.secrets.listScopes();
      expect(scopes.find((s) => s.name === 'kv-hive')).toMatchObject({
        backend_type: 'AZURE_KEYVAULT',
        keyvault_metadata: KEYVAULT,
      });
      // The same Entra token works at every workspace of the emulator (one tenant, one app).
      const other = clientFor(h.secondary, provider);
      await expect(other.jobs.list().next()).resolves.toBeDefined();
      other.close();
    } finally {
      client.close();
    }
    // The token is cached: the requests above asked for no other.
    expect(h.entra.requests().filter((r) => r.path.endsWith('/token'))).toHaveLength(1);
  });

  it('takes the authority host from AZURE_AUTHORITY_HOST when the config has none', async () => {
    const { authority_host: _, ...auth } = secretAuth();
    const provider = await tokenProviderFor(
      region(h.primary, auth),
      { ...secretEnv(), AZURE_AUTHORITY_HOST: h.entra.authorityHost },
      { ca: h.entra.caCert },
    );
    expect(claims(await provider.token()).aud).toBe(AZURE_DATABRICKS_APP_ID);
  });

  it('with workspace_resource_id sends the resource id and a management token on every request', async () => {
    const { mask, masked } = recordingMask();
    const provider = await tokenProviderFor(
      region(h.primary, secretAuth({ workspace_resource_id: WORKSPACE_RESOURCE_ID })),
      secretEnv(),
      { ca: h.entra.caCert, mask },
    );
    const headers = await provider.headers?.();
    expect(headers?.['X-Databricks-Azure-Workspace-Resource-Id']).toBe(WORKSPACE_RESOURCE_ID);
    const management = headers?.['X-Databricks-Azure-SP-Management-Token'] ?? '';
    expect(claims(management).aud).toBe('https://management.core.windows.net/');
    expect(masked).toContain(management);
    // The emulator ignores both headers, as the reference says Databricks admits them.
    const client = clientFor(h.primary, provider);
    try {
      await expect(client.secrets.listScopes()).resolves.toBeInstanceOf(Array);
    } finally {
      client.close();
    }
  });
});

describe('azure-oidc (GitHub Actions federated credential)', () => {
  const oidcAuth = () => ({
    type: 'azure-oidc' as const,
    tenant_id: h.entra.tenantId,
    client_id: h.entra.clientId,
    authority_host: h.entra.authorityHost,
  });
  const githubEnv = () => ({
    ACTIONS_ID_TOKEN_REQUEST_URL: h.entra.idTokenRequestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: h.entra.idTokenRequestToken,
  });

  it('exchanges a GitHub ID token (audience api://AzureADTokenExchange) through ClientAssertionCredential', async () => {
    h.entra.clearRequests();
    const { mask, masked } = recordingMask();
    const provider = await tokenProviderFor(region(h.primary, oidcAuth()), githubEnv(), {
      ca: h.entra.caCert,
      mask,
    });
    expect(provider.kind).toBe('entra');
    const token = await provider.token();
    expect(claims(token).aud).toBe(AZURE_DATABRICKS_APP_ID);
    const log = h.entra.requests();
    // One GitHub ID token per Entra token (MSAL asks for the assertion twice; it is reused).
    expect(log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /_github/idtoken 200',
      `GET /${h.entra.tenantId}/v2.0/.well-known/openid-configuration 200`,
      `POST /${h.entra.tenantId}/oauth2/v2.0/token 200`,
    ]);
    expect(log[2].grant).toBe('client_assertion');
    // Masked: the request token, the GitHub ID token (the assertion) and the access token.
    expect(masked).toContain(h.entra.idTokenRequestToken);
    const idToken = masked.find((s) => s !== token && s !== h.entra.idTokenRequestToken);
    expect(idToken && claims(idToken)).toMatchObject({
      aud: 'api://AzureADTokenExchange',
      iss: 'https://token.actions.githubusercontent.com',
      sub: 'repo:example-org/example-repo:environment:production',
    });
    expect(masked).toContain(token);

    const client = clientFor(h.primary, provider);
    try {
      await client.secrets.createScope({
        scope: 'kv-oidc',
        scope_backend_type: 'AZURE_KEYVAULT',
        backend_azure_keyvault: KEYVAULT,
      });
    } finally {
      client.close();
    }
  });

  it('refuses to start without id-token: write, naming the fix', async () => {
    const e = await tokenProviderFor(region(h.primary, oidcAuth()), {}, { ca: h.entra.caCert }).then(
      () => undefined,
      (err: unknown) => err as Error,
    );
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e?.message).toContain(
      'ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set',
    );
    expect(e?.message).toContain(
      'Add `permissions: id-token: write` to the job (and to the caller of a reusable workflow)',
    );
  });
});

describe('azure-pipelines (Azure DevOps workload-identity service connection)', () => {
  it('gets the service connection ID token with System.AccessToken and exchanges it', async () => {
    h.entra.clearRequests();
    const { mask, masked } = recordingMask();
    const provider = await tokenProviderFor(
      region(h.primary, {
        type: 'azure-pipelines',
        tenant_id: h.entra.tenantId,
        client_id: h.entra.clientId,
        service_connection_id: '7b0c1a5e-0000-4000-8000-000000000001',
        authority_host: h.entra.authorityHost,
      }),
      { SYSTEM_OIDCREQUESTURI: h.entra.oidcRequestUri, SYSTEM_ACCESSTOKEN: h.entra.systemAccessToken },
      { ca: h.entra.caCert, mask },
    );
    expect(provider.source).toContain('Azure DevOps service connection 7b0c1a5e-0000-4000-8000-000000000001');
    const token = await provider.token();
    expect(claims(token).aud).toBe(AZURE_DATABRICKS_APP_ID);
    expect(h.entra.requests().map((r) => r.path)).toContain('/_ado/oidctoken');
    expect(masked).toContain(h.entra.systemAccessToken);
    const assertion = masked.find((s) => s !== token && s !== h.entra.systemAccessToken);
    expect(assertion && claims(assertion).sub).toBe(
      'sc://example-org/example-project/7b0c1a5e-0000-4000-8000-000000000001',
    );
    const client = clientFor(h.primary, provider);
    try {
      await expect(client.secrets.listScopes()).resolves.toBeInstanceOf(Array);
    } finally {
      client.close();
    }
  });
});
