/**
 * Why an Entra sign-in failed, in words that say what to fix: AADSTS codes (./errors.ts), the
 * Azure CLI's and managed identity's own failures, and an authority that cannot be reached.
 */
import { ConfigurationError } from '../errors.js';
import type { AssertionSource } from './entra-credentials.js';
import { CredentialError, type EntraErrorContext, explainAadsts, scrub } from './errors.js';
import { type AuthHttpOptions, authRequest, jsonObject } from './fetch.js';
import { transportError } from './id-tokens.js';

/** The error to throw for `e`, which `credential.getToken` threw. */
export async function explainEntraError(
  e: unknown,
  context: () => EntraErrorContext,
  assertions: AssertionSource | undefined,
  http: AuthHttpOptions,
): Promise<Error> {
  // Our own errors from the assertion callback, which MSAL hands back wrapped.
  const own = assertions?.takeError();
  if (own instanceof Error) return own;
  if (e instanceof ConfigurationError || e instanceof CredentialError) return e;
  const { region, type, tenantId, clientId, authorityHost, secrets } = context();
  const at = `region ${region} (auth ${type}): `;
  const message = e instanceof Error ? e.message : String(e);
  const mapped = explainAadsts(message, context());
  if (mapped) return mapped;
  if (type === 'azure-cli') return explainCli(at, message, secrets);
  if (type === 'azure-msi') return explainMsi(at, clientId, message, secrets);
  if (
    /endpoints_resolution_error|ENOTFOUND|ECONNREFUSED|certificate|self.signed/i.test(message) &&
    tenantId
  ) {
    // MSAL reduces a failed discovery to "endpoints_resolution_error", hiding whether the tenant
    // is unknown or the host unreachable/untrusted; ask the discovery document ourselves.
    const probed = await probeAuthority(authorityHost, tenantId, context(), http);
    if (probed) return probed;
  }
  return new CredentialError(`${at}could not get an Entra ID token: ${scrub(message, secrets)}`);
}

async function probeAuthority(
  host: string,
  tenantId: string,
  ctx: EntraErrorContext,
  http: AuthHttpOptions,
): Promise<Error | undefined> {
  const at = `region ${ctx.region} (auth ${ctx.type}): `;
  try {
    const res = await authRequest(
      `${host}/${encodeURIComponent(tenantId)}/v2.0/.well-known/openid-configuration`,
      { method: 'GET' },
      { ...http, attempts: 1 },
    );
    const description = jsonObject(res.text)?.error_description;
    if (typeof description === 'string') return explainAadsts(description, ctx);
    if (res.status !== 200)
      return new ConfigurationError(
        `${at}the authority host ${host} answered HTTP ${res.status} for tenant ${tenantId}'s OpenID configuration: check authority_host / AZURE_AUTHORITY_HOST and tenant_id`,
      );
    return undefined;
  } catch (e) {
    return transportError(ctx, `the Entra authority ${host}`, e);
  }
}

function explainCli(at: string, message: string, secrets: Iterable<string>): Error {
  if (/Azure CLI could not be found/i.test(message))
    return new ConfigurationError(
      `${at}the Azure CLI (az) is not on PATH. In Azure DevOps run the command inside an AzureCLI@2 task with a workload-identity service connection; on a laptop install the Azure CLI and run \`az login\`.`,
    );
  if (/az login/i.test(message))
    return new ConfigurationError(
      `${at}the Azure CLI is not signed in. Run \`az login\` (on a laptop), or run the command inside an AzureCLI@2 task, which signs in with its service connection.`,
    );
  return new CredentialError(`${at}the Azure CLI could not get a token: ${scrub(message, secrets)}`);
}

function explainMsi(
  at: string,
  clientId: string | undefined,
  message: string,
  secrets: Iterable<string>,
): Error {
  // MSAL pads missing fields with "Not Available", so match the phrases of real outcomes only.
  if (/identity not found/i.test(message))
    return new ConfigurationError(
      clientId
        ? `${at}no managed identity with client_id ${clientId} is assigned to this machine: assign it, or fix client_id (leave it out for the system-assigned identity).`
        : `${at}this machine has no system-assigned managed identity: enable it, or give the client_id of a user-assigned one.`,
    );
  if (
    /network unreachable|endpoint, but it is not available|ENETUNREACH|EHOSTUNREACH|ECONNREFUSED|timed? ?out/i.test(
      message,
    )
  )
    return new ConfigurationError(
      `${at}no managed identity endpoint is reachable from this machine. azure-msi works only where Azure provides one (a VM or scale set, App Service, Container Apps, or a self-hosted agent on them); elsewhere use another auth type.`,
    );
  return new CredentialError(`${at}the managed identity could not get a token: ${scrub(message, secrets)}`);
}
