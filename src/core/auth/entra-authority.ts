/**
 * Which Entra authority a region signs in at (config `authority_host`, AZURE_AUTHORITY_HOST, the
 * workspace's cloud, else the public one).
 */
import { AZURE_PUBLIC, cloudOfWorkspace } from '../clouds.js';
import { ConfigurationError } from '../errors.js';
import type { EntraAuthConfig } from './entra-credentials.js';

export const PUBLIC_AUTHORITY_HOST = AZURE_PUBLIC.authorityHost;
/** Hosts MSAL's instance discovery knows (public, US Government, China). */
const KNOWN_AUTHORITY_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);

export interface AuthorityHost {
  /** Origin without a trailing slash. */
  host: string;
  /** True for anything but a cloud MSAL knows: instance discovery is then turned off. */
  custom: boolean;
}

/**
 * `authority_host` from the config, else AZURE_AUTHORITY_HOST, else the authority of the cloud the
 * workspace host is in, else the public cloud's.
 */
export function resolveAuthorityHost(
  region: string,
  auth: EntraAuthConfig,
  env: NodeJS.ProcessEnv,
  workspaceHost = '',
): AuthorityHost {
  const fromConfig = auth.authority_host?.trim();
  const fromEnv = env.AZURE_AUTHORITY_HOST?.trim();
  const cloud = cloudOfWorkspace(workspaceHost);
  const raw = fromConfig || fromEnv || cloud?.authorityHost || PUBLIC_AUTHORITY_HOST;
  const origin = fromConfig
    ? 'authority_host'
    : fromEnv
      ? 'AZURE_AUTHORITY_HOST'
      : cloud
        ? `the ${cloud.label} authority`
        : 'the default';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(`region ${region} (auth ${auth.type}): ${origin} '${raw}' is not a URL`);
  }
  if (url.protocol !== 'https:')
    throw new ConfigurationError(
      `region ${region} (auth ${auth.type}): ${origin} '${raw}' must be an https:// URL (MSAL refuses any other authority)`,
    );
  return { host: url.origin, custom: !KNOWN_AUTHORITY_HOSTS.has(url.hostname.toLowerCase()) };
}
