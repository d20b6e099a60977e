/**
 * The emulator's identity services on the wire: the HTTPS authority (discovery, token grants,
 * refusals), the GitHub and Azure DevOps stand-ins, which tokens workspaces accept, and the
 * `--json` ready line that hands all of it to scripts.
 */

import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEmulatorCommand } from '../../src/emulator/command.js';
import { AZURE_DATABRICKS_APP_ID, startEmulator } from '../../src/emulator/index.js';
import { type AuthHarness, authHarness, claims } from './helpers.js';

let h: AuthHarness;
beforeAll(async () => {
  h = await authHarness();
});
afterAll(() => h.close());

interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: replies are probed field by field
  body: any;
}

/** An HTTPS call to the authority, trusting its CA. */
function call(
  method: string,
  path: string,
  options: { form?: Record<string, string>; token?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
    const headers: Record<string, string> = {};
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const req = request(`${h.entra.authorityHost}${path}`, { method, headers, ca: h.entra.caCert }, (res) => {
      let text = '';
      res.on('data', (c) => {
        text += c;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const tenantPath = () => `/${h.entra.tenantId}`;
const secretGrant = (extra: Record<string, string> = {}) => ({
  grant_type: 'client_credentials',
  client_id: h.entra.clientId,
  client_secret: h.entra.clientSecret,
  scope: `${AZURE_DATABRICKS_APP_ID}/.default`,
  ...extra,
});

describe('Entra authority', () => {
  it('serves a certificate for 127.0.0.1 and localhost, signed by the CA in caFile', () => {
    const pem = readFileSync(h.entra.caFile, 'utf8');
    expect(pem).toBe(h.entra.caCert);
    const ca = new X509Certificate(pem);
    expect(ca.ca).toBe(true);
    expect(h.entra.authorityHost).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the OpenID configuration MSAL reads first', async () => {
    const r = await call('GET', `${tenantPath()}/v2.0/.well-known/openid-configuration`);
    expect(r.status).toBe(200);
    const base = `${h.entra.authorityHost}${tenantPath()}`;
    expect(r.body).toMatchObject({
      token_endpoint: `${base}/oauth2/v2.0/token`,
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      response_types_supported: expect.arrayContaining(['code']),
    });
    const keys = await call('GET', `${tenantPath()}/discovery/v2.0/keys`);
    expect(keys.body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
  });

  it('answers an unknown tenant with AADSTS90002 and a malformed one with AADSTS900023', async () => {
    const unknown = await call(
      'GET',
      '/22222222-2222-2222-2222-222222222222/v2.0/.well-known/openid-configuration',
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] });
    const malformed = await call('POST', '/not_a_tenant/oauth2/v2.0/token', { form: secretGrant() });
    expect(malformed.body.error_codes).toEqual([900023]);
  });

  it('issues v2 and v1 tokens for the requested resource', async () => {
    const v2 = await call('POST', `${tenantPath()}/oauth2/v2.0/token`, { form: secretGrant() });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    expect(claims(v2.body.access_token)).toMatchObject({
      aud: AZURE_DATABRICKS_APP_ID,
      iss: `https://sts.windows.net/${h.entra.tenantId}/`,
      appid: h.entra.clientId,
    });
    const { scope: _, ...v1form } = secretGrant({ resource: AZURE_DATABRICKS_APP_ID });
    const v1 = await call('POST', `${tenantPath()}/oauth2/token`, { form: v1form });
    expect(v1.body).toMatchObject({ resource: AZURE_DATABRICKS_APP_ID, expires_in: '3599' });
  });

  it('refuses wrong credentials with the AADSTS codes Entra sends', async () => {
    const secret = await call('POST', `${tenantPath()}/oauth2/v2.0/token`, {
      form: secretGrant({ client_secret: 'nope' }),
    });
    expect(secret.status).toBe(401);
    expect(secret.body.error_description).toMatch(/^AADSTS7000215: Invalid client secret provided/);
    const client = await call('POST', `${tenantPath()}/oauth2/v2.0/token`, {
      form: secretGrant({ client_id: 'x' }),
    });
    expect(client.body.error_codes).toEqual([700016]);
    const scope = await call('POST', `${tenantPath()}/oauth2/v2.0/token`, {
      form: secretGrant({ scope: 'openid' }),
    });
    expect(scope.body.error).toBe('invalid_scope');
  });

  it('accepts only assertions its stand-ins signed, for api://AzureADTokenExchange', async () => {
    const assertionGrant = (assertion: string) => ({
      grant_type: 'client_credentials',
      client_id: h.entra.clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      scope: `${AZURE_DATABRICKS_APP_ID}/.default`,
    });
    const good = await call('POST', `${tenantPath()}/oauth2/v2.0/token`, {
      form: assertionGrant(h.entra.issueIdToken('api://AzureADTokenExchange')),
    });
    expect(good.status).toBe(200);
    const wrongAud = await call('POST', `${tenantPath()}/oauth2/v2.0/token`, {
      form: assertionGrant(h.entra.issueIdToken('https://github.com/example-org')),
    });
    expect(wrongAud.body.error_codes).toEqual([700212]);
    const [head, body] = h.entra.issueIdToken('api://AzureADTokenExchange').split('.');
    const forged = await call('POST', `${tenantPath()}/oauth2/v2.0/token`, {
      form: assertionGrant(`${head}.${body}.${Buffer.from('not a signature').toString('base64url')}`),
    });
    expect(forged.body.error_codes).toEqual([700211]);
  });
});

describe('CI stand-ins', () => {
  it('GitHub: an ID token for the requested audience, only with the request token', async () => {
    const path = `${new URL(h.entra.idTokenRequestUrl).pathname}?api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange`;
    expect((await call('GET', path)).status).toBe(401);
    expect((await call('GET', path, { token: 'wrong' })).status).toBe(401);
    const r = await call('GET', path, { token: h.entra.idTokenRequestToken });
    expect(r.status).toBe(200);
    expect(claims(r.body.value)).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'api://AzureADTokenExchange',
      sub: 'repo:example-org/example-repo:environment:production',
      environment: 'production',
      repository: 'example-org/example-repo',
    });
  });

  it('Azure DevOps: an ID token for the service connection, only with System.AccessToken', async () => {
    const path = '/_ado/oidctoken?api-version=7.1&serviceConnectionId=sc-9';
    expect((await call('POST', path, { token: 'wrong' })).status).toBe(401);
    const r = await call('POST', path, { token: h.entra.systemAccessToken });
    expect(claims(r.body.oidcToken)).toMatchObject({
      aud: 'api://AzureADTokenExchange',
      sub: 'sc://example-org/example-project/sc-9',
    });
  });
});

describe('tokens at the workspaces', () => {
  const status = async (url: string, token: string) =>
    (await fetch(`${url}/api/2.0/secrets/scopes/list`, { headers: { authorization: `Bearer ${token}` } }))
      .status;

  it('accept an AzureDatabricks token at every workspace, but not a management token or a GitHub token', async () => {
    const databricks = await call('POST', `${tenantPath()}/oauth2/v2.0/token`, { form: secretGrant() });
    expect(await status(h.primary.url, databricks.body.access_token)).toBe(200);
    expect(await status(h.secondary.url, databricks.body.access_token)).toBe(200);
    const management = await call('POST', `${tenantPath()}/oauth2/v2.0/token`, {
      form: secretGrant({ scope: 'https://management.core.windows.net//.default' }),
    });
    expect(await status(h.primary.url, management.body.access_token)).toBe(403);
    expect(await status(h.primary.url, h.entra.issueIdToken(`${h.primary.url}/oidc/v1/token`))).toBe(403);
  });

  it('with entra: false there is no authority and only the PAT works', async () => {
    const emulator = await startEmulator({ workspaces: [{ name: 'w' }], rateLimits: 'off', entra: false });
    try {
      expect(emulator.entra).toBeUndefined();
      expect(emulator.authorityHost).toBeUndefined();
      const ws = emulator.workspace('w');
      expect(await status(ws.url, ws.token)).toBe(200);
      const oidc = await fetch(`${ws.url}/oidc/v1/token`, { method: 'POST' });
      expect(oidc.status).toBe(404);
    } finally {
      await emulator.stop();
    }
  });
});

describe('emulator --json', () => {
  it('adds the authority, its CA file and the credentials it accepts to the ready line', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    stdout.on('data', (c) => {
      out += c;
    });
    stderr.resume();
    const abort = new AbortController();
    const done = runEmulatorCommand(['--workspace', 'primary=0', '--json'], { stdout, stderr }, abort.signal);
    const deadline = Date.now() + 10_000;
    while (!out.includes('\n') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const ready = JSON.parse(out);
    expect(ready).toMatchObject({
      authority_host: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/),
      ca_file: expect.stringMatching(/ca\.pem$/),
      tenant_id: '00000000-0000-0000-0000-000000000000',
      client_id: 'dr-deployer',
      client_secret: 'emulator-secret',
      actions_id_token_request_url: expect.stringContaining('/_github/idtoken?api-version=2.0'),
      actions_id_token_request_token: expect.any(String),
      system_oidcrequesturi: expect.stringContaining('/_ado/oidctoken'),
      system_accesstoken: expect.any(String),
    });
    expect(readFileSync(ready.ca_file, 'utf8')).toContain('BEGIN CERTIFICATE');
    abort.abort();
    await expect(done).resolves.toBe(0);
    // The CA file goes with the emulator.
    expect(existsSync(ready.ca_file)).toBe(false);
  });
});
