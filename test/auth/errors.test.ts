/**
 * Error messages say what to change and never carry a secret. The Entra failures come from the
 * emulated authority through the real MSAL code (the AADSTS text MSAL wraps is what users see).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialError, checkKeyVaultAuth, tokenProviderFor } from '../../src/core/auth/index.js';
import type { AuthConfig } from '../../src/core/config/types.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { type AuthHarness, authHarness, caught, recordingMask, region } from './helpers.js';

let h: AuthHarness;
beforeAll(async () => {
  h = await authHarness({
    entra: { federatedSubjects: ['repo:example-org/example-repo:environment:production'] },
  });
});
afterAll(() => h.close());

const secretAuth = (
  over: Partial<Extract<AuthConfig, { type: 'azure-client-secret' }>> = {},
): AuthConfig => ({
  type: 'azure-client-secret',
  tenant_id: h.entra.tenantId,
  client_id: h.entra.clientId,
  client_secret_env: 'DR_SECRET',
  authority_host: h.entra.authorityHost,
  ...over,
});

/** The error of the first token request, plus everything that was masked on the way. */
async function firstTokenError(auth: AuthConfig, env: NodeJS.ProcessEnv, ca: string | null = h.entra.caCert) {
  const { mask, masked } = recordingMask();
  const provider = await tokenProviderFor(region(h.primary, auth), env, { ca: ca ?? undefined, mask });
  const error = await caught(() => provider.token());
  return { error, masked };
}

function expectNoSecret(message: string, secrets: string[]): void {
  for (const s of secrets) expect(message).not.toContain(s);
}

describe('Entra refusals in plain words', () => {
  it('wrong client secret (AADSTS7000215) names the variable, not the value', async () => {
    const { error, masked } = await firstTokenError(secretAuth(), { DR_SECRET: 'not-the-secret-value' });
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(
      /^region primary \(auth azure-client-secret\): the client secret in environment variable DR_SECRET is not a valid secret of client_id dr-deployer/,
    );
    expect(error.message).toContain("Store the secret's Value");
    expect(error.message).toContain('(AADSTS7000215)');
    expect(masked).toContain('not-the-secret-value');
    expectNoSecret(error.message, masked);
  });

  it('unknown client id (AADSTS700016)', async () => {
    const { error } = await firstTokenError(secretAuth({ client_id: 'nobody' }), {
      DR_SECRET: h.entra.clientSecret,
    });
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain(`client_id nobody is not an application in tenant ${h.entra.tenantId}`);
    expect(error.message).toContain('"Application (client) ID", not its object ID');
    expectNoSecret(error.message, [h.entra.clientSecret]);
  });

  it('unknown tenant (AADSTS90002), which MSAL reduces to endpoints_resolution_error', async () => {
    const tenant = '11111111-2222-3333-4444-555555555555';
    const { error } = await firstTokenError(secretAuth({ tenant_id: tenant }), {
      DR_SECRET: h.entra.clientSecret,
    });
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain(`tenant_id ${tenant} was not found at ${h.entra.authorityHost}`);
    expect(error.message).toContain('(AADSTS90002)');
  });

  it('a tenant id that is no tenant id fails before any request', async () => {
    const e = await caught(() =>
      tokenProviderFor(region(h.primary, secretAuth({ tenant_id: 'my tenant!' })), { DR_SECRET: 'x' }),
    );
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toContain(`tenant_id 'my tenant!' is not a tenant ID`);
  });

  it('a GitHub token whose subject no federated credential matches (AADSTS700213) shows the claims to add', async () => {
    const e = await caught(async () => {
      // An emulator whose GitHub stand-in issues tokens for a branch, not the environment.
      const other = await authHarness({
        entra: {
          githubSubject: 'repo:example-org/example-repo:ref:refs/heads/main',
          federatedSubjects: ['repo:example-org/example-repo:environment:production'],
        },
      });
      try {
        const provider = await tokenProviderFor(
          region(other.primary, {
            type: 'azure-oidc',
            tenant_id: other.entra.tenantId,
            client_id: other.entra.clientId,
            authority_host: other.entra.authorityHost,
          }),
          {
            ACTIONS_ID_TOKEN_REQUEST_URL: other.entra.idTokenRequestUrl,
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: other.entra.idTokenRequestToken,
          },
          { ca: other.entra.caCert },
        );
        await provider.token();
      } finally {
        await other.close();
      }
    });
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toContain(
      "no federated credential of client_id dr-deployer matches this run's ID token",
    );
    expect(e.message).toContain("subject 'repo:example-org/example-repo:ref:refs/heads/main'");
    expect(e.message).toContain("issuer 'https://token.actions.githubusercontent.com'");
    expect(e.message).toContain("audience 'api://AzureADTokenExchange'");
    expect(e.message).toContain("'repo:ORG/REPO:environment:NAME'");
    expect(e.message).toContain('(AADSTS700213)');
    expect(e.message).not.toMatch(/eyJ[\w-]+\.eyJ/); // no JWT
  });

  it('an untrusted authority certificate says how to trust it', async () => {
    const { error } = await firstTokenError(secretAuth(), { DR_SECRET: h.entra.clientSecret }, null);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain(
      `the TLS certificate of the Entra authority ${h.entra.authorityHost} is not trusted`,
    );
    expect(error.message).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('an unreachable authority is a CredentialError (not the config), without secrets', async () => {
    const { error } = await firstTokenError(secretAuth({ authority_host: 'https://127.0.0.1:1' }), {
      DR_SECRET: h.entra.clientSecret,
    });
    expect(error).toBeInstanceOf(CredentialError);
    expect(error.message).toContain('could not reach the Entra authority https://127.0.0.1:1');
    expectNoSecret(error.message, [h.entra.clientSecret]);
  });
});

describe('configuration checked before any request', () => {
  it('a missing client secret variable is named', async () => {
    const e = await caught(() => tokenProviderFor(region(h.primary, secretAuth()), {}));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toBe(
      'region primary (auth azure-client-secret): environment variable DR_SECRET is not set: it must hold the client secret of client_id dr-deployer (set it from a CI secret).',
    );
    const empty = await caught(() => tokenProviderFor(region(h.primary, secretAuth()), { DR_SECRET: ' ' }));
    expect(empty.message).toContain('environment variable DR_SECRET is empty');
  });

  it('an http:// authority host is refused (MSAL accepts only https)', async () => {
    const e = await caught(() =>
      tokenProviderFor(region(h.primary, secretAuth({ authority_host: 'http://127.0.0.1:8443' })), {
        DR_SECRET: 'x',
      }),
    );
    expect(e.message).toContain("authority_host 'http://127.0.0.1:8443' must be an https:// URL");
    const fromEnv = await caught(() =>
      tokenProviderFor(region(h.primary, { type: 'azure-cli' }), { AZURE_AUTHORITY_HOST: 'login.example' }),
    );
    expect(fromEnv.message).toContain("AZURE_AUTHORITY_HOST 'login.example' is not a URL");
  });

  it('a malformed workspace_resource_id is refused', async () => {
    const e = await caught(() =>
      tokenProviderFor(region(h.primary, secretAuth({ workspace_resource_id: 'adb-primary' })), {
        DR_SECRET: 'x',
      }),
    );
    expect(e.message).toContain(
      "workspace_resource_id 'adb-primary' is not a workspace's Azure resource ID: expected /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Databricks/workspaces/<name>",
    );
  });

  it('azure-pipelines names the missing agent variables', async () => {
    const auth: AuthConfig = {
      type: 'azure-pipelines',
      tenant_id: h.entra.tenantId,
      client_id: h.entra.clientId,
      service_connection_id: 'sc-1',
      authority_host: h.entra.authorityHost,
    };
    const noUri = await caught(() => tokenProviderFor(region(h.primary, auth), { SYSTEM_ACCESSTOKEN: 'x' }));
    expect(noUri.message).toContain(
      'SYSTEM_OIDCREQUESTURI is not set: auth type azure-pipelines works only inside an Azure Pipelines job',
    );
    const noToken = await caught(() =>
      tokenProviderFor(region(h.primary, auth), { SYSTEM_OIDCREQUESTURI: h.entra.oidcRequestUri }),
    );
    expect(noToken.message).toContain('SYSTEM_ACCESSTOKEN is not set. Map it into the step');
    expect(noToken.message).toContain('$(System.AccessToken)');
  });

  it('azure-pipelines with a System.AccessToken the agent refuses says what to map', async () => {
    const provider = await tokenProviderFor(
      region(h.primary, {
        type: 'azure-pipelines',
        tenant_id: h.entra.tenantId,
        client_id: h.entra.clientId,
        service_connection_id: 'sc-1',
        authority_host: h.entra.authorityHost,
      }),
      { SYSTEM_OIDCREQUESTURI: h.entra.oidcRequestUri, SYSTEM_ACCESSTOKEN: 'stale-access-token' },
      { ca: h.entra.caCert },
    );
    const e = await caught(() => provider.token());
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toContain('Azure DevOps refused SYSTEM_ACCESSTOKEN (HTTP 401)');
    expect(e.message).not.toContain('stale-access-token');
  });

  it('databricks-oidc without id-token: write names the permission', async () => {
    const e = await caught(() =>
      tokenProviderFor(region(h.primary, { type: 'databricks-oidc', client_id: 'sp' }), {
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://example.invalid/x?api-version=2.0',
      }),
    );
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toContain(
      'region primary (auth databricks-oidc): ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set',
    );
    expect(e.message).toContain(
      'Add `permissions: id-token: write` to the job (and to the caller of a reusable workflow)',
    );
  });
});

describe('checkKeyVaultAuth', () => {
  it('refuses pat and databricks-oidc, naming the scopes and the fix', () => {
    const pat = { name: 'secondary', auth: { type: 'pat', token_env: 'T' } as AuthConfig };
    expect(() => checkKeyVaultAuth(pat, ['kv-hive'])).toThrow(ConfigurationError);
    expect(() => checkKeyVaultAuth(pat, ['kv-hive'])).toThrow(
      "region secondary: cannot create Key Vault-backed secret scope 'kv-hive' with auth type pat: Azure Databricks creates Key Vault-backed scopes only for a Microsoft Entra ID token, and this region authenticates with a personal access token. Use an Entra auth type for this region (azure-oidc, azure-client-secret, azure-pipelines, azure-cli or azure-msi), or make the scope `backend: databricks`.",
    );
    const oidc = { name: 'primary', auth: { type: 'databricks-oidc', client_id: 'x' } as AuthConfig };
    expect(() => checkKeyVaultAuth(oidc, ['a', 'b'])).toThrow(
      /scopes 'a', 'b' with auth type databricks-oidc: .*a Databricks OAuth token \(databricks-oidc\), not an Entra ID token/,
    );
  });

  it('accepts every Entra type', () => {
    for (const auth of [
      { type: 'azure-oidc', tenant_id: 't', client_id: 'c' },
      { type: 'azure-client-secret', tenant_id: 't', client_id: 'c', client_secret_env: 'S' },
      { type: 'azure-cli' },
      { type: 'azure-pipelines', tenant_id: 't', client_id: 'c', service_connection_id: 's' },
      { type: 'azure-msi' },
    ] as AuthConfig[]) {
      expect(() => checkKeyVaultAuth({ name: 'r', auth }, ['kv'])).not.toThrow();
    }
  });
});
