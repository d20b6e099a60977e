/**
 * The regions of a config: each one's host (or its DATABRICKS_DR_HOST_<REGION> override), role,
 * auth and variables. Hosts must be https, except loopback emulated workspaces.
 */

import { isObject, type Report } from './report.js';
import { AUTH_TYPES, type AuthConfig, type RegionConfig, type Role } from './types.js';

/** The keys each auth type needs besides its type. */
const REQUIRED_AUTH_KEYS: Record<AuthConfig['type'], string[]> = {
  pat: [],
  'azure-client-secret': ['tenant_id', 'client_id', 'client_secret_env'],
  'azure-oidc': ['tenant_id', 'client_id'],
  'azure-cli': [],
  'azure-pipelines': ['tenant_id', 'client_id', 'service_connection_id'],
  'azure-msi': [],
  'databricks-oidc': ['client_id'],
};

/** The environment variable that overrides a region's host: DATABRICKS_DR_HOST_<REGION>. */
export function hostOverrideVariable(region: string): string {
  return `DATABRICKS_DR_HOST_${region.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export function isLoopbackHost(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** Checks a host URL; returns a message when it is not acceptable. */
export function checkHost(host: string): string | undefined {
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    return `"${host}" is not a URL; write it as https://adb-<workspace-id>.<n>.azuredatabricks.net`;
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackHost(url)) return undefined;
  return `host must use https:// (plain http is accepted only for loopback emulated workspaces), got "${host}"`;
}

export function parseRegion(
  name: string,
  raw: unknown,
  env: NodeJS.ProcessEnv,
  report: Report,
): RegionConfig | undefined {
  const at = (...rest: Array<string | number>) => ['regions', name, ...rest];
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) {
    report(at(), `region name "${name}" may use letters, digits, "-" and "_" only`, 'key');
  }
  if (!isObject(raw)) {
    report(at(), `region ${name} must be a mapping with host, role and auth`);
    return undefined;
  }
  let ok = true;

  const override = env[hostOverrideVariable(name)];
  let host = typeof raw.host === 'string' ? raw.host : '';
  if (override) {
    const problem = checkHost(override);
    if (problem) {
      report(at('host'), `${hostOverrideVariable(name)}: ${problem}`);
      ok = false;
    }
    host = override;
  } else if (typeof raw.host !== 'string') {
    report(at('host'), `region ${name} needs host (or set ${hostOverrideVariable(name)})`);
    ok = false;
  } else {
    const problem = checkHost(raw.host);
    if (problem) {
      report(at('host'), problem);
      ok = false;
    }
  }
  host = host.replace(/\/+$/, '');

  const role = raw.role as Role;
  if (role !== 'active' && role !== 'passive') {
    report(at('role'), `role must be "active" or "passive", got ${JSON.stringify(raw.role ?? null)}`);
    ok = false;
  }

  const auth = parseAuth(raw.auth, (rest, m) => report(at('auth', ...rest), m));
  if (!auth) ok = false;

  const variables: Record<string, string> = {};
  if (raw.variables !== undefined) {
    if (!isObject(raw.variables)) {
      report(at('variables'), 'variables must be a mapping of name to value');
      ok = false;
    } else {
      for (const [k, v] of Object.entries(raw.variables)) {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
          variables[k] = String(v);
        else {
          report(at('variables', k), `variable ${k} must be a string, number or boolean`);
          ok = false;
        }
      }
    }
  }
  return ok && auth ? { name, host, role, auth, variables } : undefined;
}

function parseAuth(
  raw: unknown,
  report: (segments: string[], message: string) => void,
): AuthConfig | undefined {
  if (raw === undefined) return { type: 'pat', token_env: 'DATABRICKS_TOKEN' };
  if (!isObject(raw) || typeof raw.type !== 'string') {
    report(['type'], `auth needs a type: one of ${AUTH_TYPES.join(', ')}`);
    return undefined;
  }
  const type = raw.type as AuthConfig['type'];
  if (!AUTH_TYPES.includes(type)) {
    report(['type'], `unknown auth type "${raw.type}": use one of ${AUTH_TYPES.join(', ')}`);
    return undefined;
  }
  let ok = true;
  for (const key of REQUIRED_AUTH_KEYS[type]) {
    if (typeof raw[key] !== 'string' || raw[key] === '') {
      report([key], `auth type ${type} needs ${key}`);
      ok = false;
    }
  }
  for (const [k, v] of Object.entries(raw)) {
    if (v !== undefined && typeof v !== 'string') {
      report([k], `auth.${k} must be a string`);
      ok = false;
    }
  }
  if (!ok) return undefined;
  if (type === 'pat')
    return { type, token_env: typeof raw.token_env === 'string' ? raw.token_env : 'DATABRICKS_TOKEN' };
  return { ...(raw as Record<string, string>), type } as AuthConfig;
}
