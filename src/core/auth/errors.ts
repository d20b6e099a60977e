/**
 * Turning identity-provider failures into messages that say what to change. Entra answers with
 * AADSTS codes whose descriptions are written for the portal; a deploy log needs "client_id X is
 * not in tenant Y: check client_id". Mapped failures are ConfigurationErrors (the user fixes the
 * config or the identity setup); anything unrecognised is a CredentialError that keeps the
 * provider's own words. Neither ever contains a secret: messages are built from config values and
 * token *claims* (issuer, subject, audience — what a federated credential must match), and text
 * from a server is scrubbed of every secret the provider knows before it is quoted.
 */

import type { AuthType } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import { redactSecrets } from '../redact.js';

/** Authentication failed for a reason that is not (clearly) the configuration's: kept verbatim. */
export class CredentialError extends Error {
  override name = 'CredentialError';
}

export type Claims = Record<string, unknown>;

/** The payload of a compact JWT, without verifying it (for messages only). */
export function decodeJwtClaims(token: string): Claims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Claims) : undefined;
  } catch {
    return undefined;
  }
}

/** "issuer 'i', subject 's', audience 'a'" — what a federated credential or policy must match. */
export function describeClaims(claims: Claims | undefined): string {
  if (!claims) return 'an ID token that could not be decoded';
  const aud = Array.isArray(claims.aud) ? claims.aud.join(',') : String(claims.aud ?? '');
  const parts = [
    `issuer '${String(claims.iss ?? '')}'`,
    `subject '${String(claims.sub ?? '')}'`,
    `audience '${aud}'`,
  ];
  if (typeof claims.job_workflow_ref === 'string')
    parts.push(`job_workflow_ref '${claims.job_workflow_ref}'`);
  return parts.join(', ');
}

/**
 * A mask that also remembers the last 32 distinct secrets it hid, so that server text quoted in an
 * error can be scrubbed of them (`scrub(text, seen)`).
 */
export function rememberingMask(onMask: ((secret: string) => void) | undefined): {
  mask: (secret: string) => void;
  seen: string[];
} {
  const seen: string[] = [];
  const mask = (secret: string) => {
    if (secret === '') return;
    if (!seen.includes(secret)) {
      seen.push(secret);
      if (seen.length > 32) seen.splice(0, seen.length - 32);
    }
    onMask?.(secret);
  };
  return { mask, seen };
}

/**
 * Replaces every known secret, in every form (redact.ts), in text from a server (which may echo
 * what it was sent).
 */
export function scrub(text: string, secrets: Iterable<string>): string {
  return redactSecrets(text, secrets);
}

export interface EntraErrorContext {
  region: string;
  type: AuthType;
  tenantId?: string;
  clientId?: string;
  authorityHost: string;
  /** The variable holding the client secret (azure-client-secret). */
  secretEnv?: string;
  /** Claims of the most recent client assertion sent (federated types). */
  assertionClaims?: Claims;
  /** Every secret the provider has seen, to scrub from quoted server text. */
  secrets: Iterable<string>;
}

const GITHUB_FIC_HINT =
  "For GitHub Actions add a federated credential (app registration → Certificates & secrets → Federated credentials) with issuer 'https://token.actions.githubusercontent.com', audience 'api://AzureADTokenExchange' and exactly the subject above (a job with `environment: NAME` has subject 'repo:ORG/REPO:environment:NAME').";
const ADO_FIC_HINT =
  "For Azure DevOps the service connection's federated credential must carry the issuer and subject shown on the service connection's page; recreate or re-verify the connection if they differ.";

/** First sentence-ish of an AADSTS description, without the trace/correlation ids and timestamps. */
function aadDescription(text: string, code: string): string {
  const m = new RegExp(`AADSTS${code}:\\s*(.*?)(?:\\s+Trace ID:|$)`, 's').exec(text);
  return (m ? m[1] : text).trim();
}

/** The message of an Entra refusal, or undefined when `text` holds no AADSTS code we map. */
export function explainAadsts(
  text: string,
  ctx: EntraErrorContext,
): ConfigurationError | CredentialError | undefined {
  const m = /AADSTS(\d+)/.exec(text);
  if (!m) return undefined;
  const code = m[1];
  const at = `region ${ctx.region} (auth ${ctx.type}): `;
  const tenant = ctx.tenantId ?? '(the CLI/identity default)';
  const client = ctx.clientId ?? '(the default identity)';
  const fic = ctx.type === 'azure-pipelines' ? ADO_FIC_HINT : GITHUB_FIC_HINT;
  const say = (message: string) => new ConfigurationError(`${at}${message} (AADSTS${code})`);
  switch (code) {
    case '700016':
      return say(
        `client_id ${client} is not an application in tenant ${tenant}. Check client_id — the app registration's "Application (client) ID", not its object ID — and that tenant_id is the tenant the app is registered in.`,
      );
    case '90002':
      return say(
        `tenant_id ${tenant} was not found at ${ctx.authorityHost}. Check tenant_id (the "Directory (tenant) ID") and that authority_host / AZURE_AUTHORITY_HOST is the cloud the tenant lives in.`,
      );
    case '900023':
      return say(`tenant_id '${tenant}' is neither a tenant ID (a GUID) nor a verified domain of a tenant.`);
    case '7000215':
      return say(
        `the client secret in ${ctx.secretEnv ?? 'the configured variable'} is not a valid secret of client_id ${client}. Store the secret's Value (shown once at creation), not its Secret ID, and check that client_id is the app the secret belongs to.`,
      );
    case '7000222':
      return say(
        `the client secret in ${ctx.secretEnv ?? 'the configured variable'} has expired. Create a new secret for client_id ${client} and update the CI secret.`,
      );
    case '700211':
    case '700212':
    case '700213':
    case '70021':
      return say(
        `no federated credential of client_id ${client} matches this run's ID token (${describeClaims(ctx.assertionClaims)}). ${fic}`,
      );
    case '700024':
      return say(
        `the ID token used as client assertion was not within its valid time range (${describeClaims(ctx.assertionClaims)}); check the machine's clock.`,
      );
    case '7000112':
    case '7000111':
      return say(
        `the application ${client} is disabled in tenant ${tenant}. Enable it, or use another service principal.`,
      );
    case '500011':
      return say(
        `the AzureDatabricks resource (2ff814a6-3304-4ab8-85cb-cd0e6f879c1d) does not exist in tenant ${tenant}. Check tenant_id: it must be the tenant of the Databricks workspace.`,
      );
    case '53003':
      return say(
        `a Conditional Access policy in tenant ${tenant} blocks sign-in for client_id ${client}. Ask the tenant administrator to exclude this workload identity or allow the runner's network.`,
      );
    case '7000218':
      return say('the token request carried neither a client secret nor a client assertion.');
    default:
      return new CredentialError(
        `${at}Entra ID refused a token for client_id ${client} in tenant ${tenant}: AADSTS${code}: ${scrub(aadDescription(text, code), ctx.secrets)}`,
      );
  }
}
