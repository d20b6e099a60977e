/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY, end to end: the CLI (from the sources, in a fresh process,
 * since the proxy variables are read from the process environment) deploys the example repository
 * through a real forward proxy (the npm package `proxy`) started here, with the workspaces, the
 * Entra authority and GitHub's ID-token endpoint all behind it; NO_PROXY takes a host out; a proxy
 * that refuses stops the run with a message that names it (never its credentials), before anything
 * is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type TwoRegions, twoRegions } from '../helpers/project.js';
import { cli, hostPort, startProxy, type TestProxy } from '../helpers/proxy.js';

let setup: TwoRegions | undefined;
let proxy: TestProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await setup?.emulator.stop();
  proxy = undefined;
  setup = undefined;
});

describe('through an HTTP proxy', () => {
  it('deploys with every workspace request through HTTP_PROXY; NO_PROXY takes the secondary out', async () => {
    setup = await twoRegions();
    proxy = await startProxy();
    const [primary, secondary] = setup.emulator.workspaces;
    const env = { ...setup.env, http_proxy: proxy.url, NO_PROXY: `example.com, ${hostPort(secondary.url)}` };

    const deploy = await cli(['deploy'], setup.dir, env);
    expect(deploy.code, deploy.output).toBe(0);
    const viaProxy = proxy.seen.filter((r) => r.includes(hostPort(primary.url)));
    // Every request the primary received came through the proxy, and nothing for the secondary did.
    expect(viaProxy.length).toBe(primary.requests().length);
    expect(viaProxy.length).toBeGreaterThan(10);
    expect(proxy.seen.filter((r) => r.includes(hostPort(secondary.url)))).toEqual([]);
    expect(secondary.requests().length).toBeGreaterThan(10);

    const plan = await cli(['plan'], setup.dir, { ...env, NO_PROXY: '' });
    expect(plan.code, plan.output).toBe(0);
    expect(proxy.seen.some((r) => r.includes(hostPort(secondary.url)))).toBe(true);
  }, 120_000);

  it('reaches the Entra authority and GitHub’s ID-token endpoint through HTTPS_PROXY (CONNECT)', async () => {
    setup = await twoRegions();
    proxy = await startProxy();
    const entra = setup.emulator.entra!;
    const config = path.join(setup.dir, 'databricks-dr.yml');
    const oidc = `auth: { type: azure-oidc, tenant_id: ${entra.tenantId}, client_id: ${entra.clientId} }`;
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace(/auth: \{ type: pat, token_env: DATABRICKS_TOKEN_\w+ \}/g, oidc),
    );
    const env = { ...setup.env, ...entra.env(), HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url };

    const plan = await cli(['plan'], setup.dir, env);
    expect(plan.code, plan.output).toBe(0);
    const authority = hostPort(entra.authorityHost);
    expect(proxy.seen).toContain(`CONNECT ${authority}`);
    // The ID token (GitHub's endpoint) and the Entra token were both asked for, through the tunnel.
    const asked = entra.requests().map((r) => r.path);
    expect(asked.some((p) => p.startsWith('/_github/idtoken'))).toBe(true);
    expect(asked.some((p) => p.endsWith('/oauth2/v2.0/token'))).toBe(true);
    expect(
      proxy.seen.filter((r) => r.includes(hostPort(setup!.emulator.workspaces[0].url))).length,
    ).toBeGreaterThan(0);
  }, 120_000);

  it('a proxy that refuses stops the run with its address (no credentials), and nothing is written', async () => {
    setup = await twoRegions();
    proxy = await startProxy({ refuse: true });
    const withCredentials = proxy.url.replace('://', '://svc-dr:pr0xy-Distinctive-3141@');
    const env = { ...setup.env, HTTP_PROXY: withCredentials, HTTPS_PROXY: withCredentials };

    const deploy = await cli(['deploy'], setup.dir, env);
    expect(deploy.code).not.toBe(0);
    expect(deploy.output).toContain(`the proxy ${proxy.url} refused the request (HTTP 407`);
    expect(deploy.output).not.toContain('pr0xy-Distinctive-3141');
    expect(deploy.output).not.toContain('svc-dr');
    expect(deploy.output).not.toMatch(/\n\s+at /); // no stack trace
    for (const ws of setup.emulator.workspaces) expect(ws.requests()).toEqual([]);
    expect(proxy.seen.length).toBeGreaterThan(0);
  }, 120_000);

  it('a refused CONNECT to the Entra authority fails the token request, naming the proxy', async () => {
    setup = await twoRegions();
    proxy = await startProxy({ refuse: true });
    const entra = setup.emulator.entra!;
    const config = path.join(setup.dir, 'databricks-dr.yml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace(
        /auth: \{ type: pat, token_env: DATABRICKS_TOKEN_\w+ \}/g,
        `auth: { type: azure-oidc, tenant_id: ${entra.tenantId}, client_id: ${entra.clientId} }`,
      ),
    );
    // Only HTTPS goes through the proxy: the workspaces (http://127.0.0.1) are reached directly.
    const env = { ...setup.env, ...entra.env(), HTTPS_PROXY: proxy.url };
    const plan = await cli(['plan'], setup.dir, env);
    expect(plan.code).not.toBe(0);
    expect(plan.output).toContain(`the proxy ${proxy.url} refused the request (HTTP 407`);
    expect(plan.output).toContain('ID-token endpoint');
    expect(proxy.seen).toContain(`CONNECT ${hostPort(entra.authorityHost)}`);
    expect(entra.requests()).toEqual([]);
  }, 120_000);
});
