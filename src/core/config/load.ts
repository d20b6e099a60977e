/**
 * Loads `databricks-dr.yml` (or JSON) into a typed config. Every problem is collected with its
 * file position and reported at once; full JSON Schema validation layers on top of this.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../errors.js';
import { UsageError, ValidationError } from '../errors.js';
import { CONTROL_CHARACTERS, formatPointer, printable, readSource, type SourceDocument } from '../source.js';
import {
  type AdoptedObjects,
  AUTH_TYPES,
  type AuthConfig,
  type DrConfig,
  type NotebookMapping,
  type RegionConfig,
  type Role,
} from './types.js';

export const DEFAULT_CONFIG_FILE = 'databricks-dr.yml';
/**
 * The config a command works on, as an absolute path (`given` is relative to `cwd`). A config that
 * does not exist is a usage error naming the absolute path, so a mistyped `--config` (or a
 * command run from the wrong folder) says where it looked.
 */
export function resolveConfigFile(cwd: string, given: string | undefined): string {
  const file = path.resolve(cwd, given || DEFAULT_CONFIG_FILE);
  if (!existsSync(file))
    throw new UsageError(
      `config file not found: ${file}`,
      given
        ? 'Check the path given as the config (relative to the working directory).'
        : `Run in the folder that holds ${DEFAULT_CONFIG_FILE}, or name the config with --config FILE.`,
    );
  return file;
}

export const NAME_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

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

/** The folder where the tool keeps its state in every workspace; no notebook target may be inside it. */
export const STATE_FOLDER = '/Shared/.databricks-dr';

/** What is wrong with a notebooks target, if anything. */
export function notebookTargetProblem(target: string): string | undefined {
  const shown = `"${printable(target)}"`;
  if (CONTROL_CHARACTERS.test(target))
    return `target ${shown} contains a control or bidi character: use a plain workspace path`;
  if (!target.startsWith('/'))
    return `target must be an absolute workspace path (e.g. /Shared/sales), got ${shown}`;
  const segments = target.replace(/\/+$/, '').split('/').slice(1);
  if (segments.some((s) => s === '.' || s === '..'))
    return `target ${shown} has a "." or ".." segment: write the workspace path it means`;
  if (target.length > 1 && segments.some((s) => s === ''))
    return `target ${shown} has an empty segment ("//"): write the workspace path it means`;
  const plain = target.replace(/^\/Workspace(?=\/)/, '').replace(/\/+$/, '');
  if (plain === STATE_FOLDER || plain.startsWith(`${STATE_FOLDER}/`))
    return `target ${shown} is inside ${STATE_FOLDER}/, where databricks-dr keeps its state: choose another folder`;
  return undefined;
}

/**
 * Why a path or glob pattern from the config would leave the repository (the config's folder), if
 * it would: absolute paths and `..` that climbs out are refused before anything is read.
 */
export function repositoryPathProblem(pattern: string, configFile: string): string | undefined {
  const shown = `"${printable(pattern)}"`;
  if (CONTROL_CHARACTERS.test(pattern)) return `${shown} contains a control or bidi character`;
  const root = path.dirname(path.resolve(configFile));
  if (path.isAbsolute(pattern) || /^[a-zA-Z]:/.test(pattern))
    return `${shown} is an absolute path: write it relative to the config's folder, inside the repository (${root})`;
  const rel = path.relative(root, path.resolve(root, pattern));
  if (rel === '..' || rel.startsWith(`..${path.sep}`))
    return `${shown} leaves the repository: nothing outside the config's folder (${root}) is read`;
  return undefined;
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
}

export function loadConfig(file: string = DEFAULT_CONFIG_FILE, options: LoadConfigOptions = {}): DrConfig {
  const doc = readSource(file);
  return configFromDocument(doc, options);
}

export function configFromDocument(doc: SourceDocument, options: LoadConfigOptions = {}): DrConfig {
  const env = options.env ?? process.env;
  const diagnostics: Diagnostic[] = [];
  const report = (segments: Array<string | number>, message: string, target: 'value' | 'key' = 'value') => {
    const pointer = formatPointer(segments);
    diagnostics.push({ ...doc.position(pointer, target), severity: 'error', message, pointer });
  };

  const root = doc.value;
  if (!isObject(root)) {
    report([], 'the config must be a mapping with version, name and regions');
    throw new ValidationError(diagnostics);
  }

  if (root.version !== 1)
    report(['version'], `version must be 1, got ${JSON.stringify(root.version ?? null)}`);

  const name = typeof root.name === 'string' ? root.name : '';
  if (typeof root.name !== 'string')
    report(['name'], 'name is required: a short id of lowercase letters, digits and hyphens');
  else if (!NAME_PATTERN.test(name) || name.length > 64)
    report(['name'], `name "${name}" must be lowercase letters, digits and hyphens (e.g. sales-platform)`);

  const regions: RegionConfig[] = [];
  if (!isObject(root.regions)) {
    report(['regions'], 'regions is required: a mapping of region name to {host, role, auth}');
  } else {
    for (const [regionName, raw] of Object.entries(root.regions)) {
      const region = parseRegion(regionName, raw, env, report);
      if (region) regions.push(region);
    }
    if (Object.keys(root.regions).length < 2)
      report(['regions'], 'at least two regions are needed (a primary and a secondary)');
    const active = regions.filter((r) => r.role === 'active');
    if (regions.length === Object.keys(root.regions).length && active.length !== 1)
      report(['regions'], `exactly one region must have role: active (found ${active.length})`);
  }

  const notebooks: NotebookMapping[] = [];
  if (root.notebooks !== undefined) {
    if (!Array.isArray(root.notebooks)) report(['notebooks'], 'notebooks must be a list of {source, target}');
    else
      root.notebooks.forEach((n, i) => {
        if (!isObject(n) || typeof n.source !== 'string' || typeof n.target !== 'string') {
          report(
            ['notebooks', i],
            'each notebooks entry needs source (a repo folder) and target (a workspace path)',
          );
          return;
        }
        const targetProblem = notebookTargetProblem(n.target);
        if (targetProblem) report(['notebooks', i, 'target'], targetProblem);
        const sourceProblem = repositoryPathProblem(n.source, doc.file);
        if (sourceProblem) report(['notebooks', i, 'source'], `notebooks source ${sourceProblem}`);
        notebooks.push({
          source: n.source,
          target: n.target.replace(/\/+$/, '') || '/',
          delete_orphans: n.delete_orphans === true,
        });
      });
  }

  const globs = (key: string): string[] => {
    const v = root[key];
    if (v === undefined) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      report([key], `${key} must be a list of file paths or glob patterns`);
      return [];
    }
    if (key === 'external_clusters') return v as string[];
    return (v as string[]).filter((pattern, i) => {
      const problem = repositoryPathProblem(pattern, doc.file);
      if (problem) report([key, i], `${key} pattern ${problem}`);
      return !problem;
    });
  };

  const flags = <T extends Record<string, boolean>>(key: string, defaults: T): T => {
    const v = root[key];
    if (v === undefined) return defaults;
    if (!isObject(v)) {
      report([key], `${key} must be a mapping`);
      return defaults;
    }
    const out: Record<string, boolean> = { ...defaults };
    for (const k of Object.keys(defaults)) {
      if (v[k] === undefined) continue;
      if (typeof v[k] !== 'boolean') report([key, k], `${key}.${k} must be true or false`);
      else out[k] = v[k] as boolean;
    }
    return out as T;
  };

  const passiveRaw = isObject(root.passive) ? root.passive : {};
  let maxRuns = 0;
  if (passiveRaw.max_concurrent_runs !== undefined) {
    const v = passiveRaw.max_concurrent_runs;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1000)
      report(
        ['passive', 'max_concurrent_runs'],
        'passive.max_concurrent_runs must be an integer from 0 to 1000 (0 keeps passive jobs from running)',
      );
    else maxRuns = v;
  }
  const { pause_schedules, terminate_clusters } = flags('passive', {
    pause_schedules: true,
    terminate_clusters: true,
  });

  const validationRaw = isObject(root.validation) ? root.validation : {};
  const unknownFields = validationRaw.unknown_fields ?? 'error';
  if (unknownFields !== 'error' && unknownFields !== 'warn')
    report(['validation', 'unknown_fields'], 'validation.unknown_fields must be "error" or "warn"');

  let drill: DrConfig['drill'];
  if (root.drill !== undefined) {
    const d = root.drill;
    if (!isObject(d) || typeof d.job !== 'string' || d.job === '') {
      report(['drill'], 'drill needs job: the name of a job of this config to run as the smoke test');
    } else if (
      d.timeout_minutes !== undefined &&
      (typeof d.timeout_minutes !== 'number' || !Number.isInteger(d.timeout_minutes) || d.timeout_minutes < 1)
    ) {
      report(
        ['drill', 'timeout_minutes'],
        'drill.timeout_minutes must be a whole number of minutes, at least 1',
      );
    } else {
      drill = { job: d.job, timeout_minutes: (d.timeout_minutes as number | undefined) ?? 60 };
    }
  }

  const lock = parseLock(root.lock, report);
  const deploy =
    isObject(root.deploy) && typeof root.deploy.archive === 'boolean'
      ? { archive: root.deploy.archive }
      : undefined;
  const adopt = parseAdopt(root.adopt, Object.keys(isObject(root.regions) ? root.regions : {}), report);

  const config: DrConfig = {
    version: 1,
    name,
    file: path.resolve(doc.file),
    baseDir: path.dirname(path.resolve(doc.file)),
    regions,
    notebooks,
    jobs: globs('jobs'),
    clusters: globs('clusters'),
    pipelines: globs('pipelines'),
    secret_scopes: globs('secret_scopes'),
    external_clusters: globs('external_clusters'),
    prune: flags('prune', { jobs: false, clusters: false, pipelines: false, secret_scopes: false }),
    passive: { max_concurrent_runs: maxRuns, pause_schedules, terminate_clusters },
    validation: { unknown_fields: unknownFields === 'warn' ? 'warn' : 'error' },
    adopt,
    drill,
    ...(lock ? { lock } : {}),
    ...(deploy ? { deploy } : {}),
  };
  if (diagnostics.length > 0) throw new ValidationError(diagnostics);
  return config;
}

/** `lock: { wait_seconds, lease_seconds }`: whole seconds, within a day. */
function parseLock(
  raw: unknown,
  report: (pointer: Array<string | number>, message: string) => void,
): DrConfig['lock'] {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) {
    report(['lock'], 'lock must be a mapping, e.g. lock: { wait_seconds: 300 }');
    return undefined;
  }
  const out: NonNullable<DrConfig['lock']> = {};
  for (const [key, min] of [
    ['wait_seconds', 0],
    ['lease_seconds', 1],
  ] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > 86_400)
      report(['lock', key], `lock.${key} must be a whole number of seconds from ${min} to 86400`);
    else out[key] = v;
  }
  return out;
}

/** `adopt:` (written by import): per region, the jobs and clusters by name → id, scopes, notebook targets. */
function parseAdopt(
  raw: unknown,
  regionNames: string[],
  report: (segments: Array<string | number>, message: string, target?: 'value' | 'key') => void,
): Record<string, AdoptedObjects> {
  const out: Record<string, AdoptedObjects> = {};
  if (raw === undefined) return out;
  if (!isObject(raw)) {
    report(['adopt'], 'adopt must map each region name to {jobs, clusters, pipelines, …}');
    return out;
  }
  for (const [region, entry] of Object.entries(raw)) {
    if (!regionNames.includes(region)) {
      report(['adopt', region], `adopt names region "${region}", which is not under regions`, 'key');
      continue;
    }
    const lists: AdoptedObjects = { jobs: {}, clusters: {}, pipelines: {}, secret_scopes: [], notebooks: [] };
    out[region] = lists;
    if (!isObject(entry)) {
      report(
        ['adopt', region],
        'each adopt entry is a mapping with jobs, clusters, pipelines, secret_scopes, notebooks',
      );
      continue;
    }
    for (const [key, value] of Object.entries(entry)) {
      const at = ['adopt', region, key];
      if (key === 'jobs' || key === 'clusters' || key === 'pipelines') {
        if (!isObject(value)) report(at, `adopt.${region}.${key} must map names to ids`);
        else
          for (const [name, id] of Object.entries(value)) {
            const [label, type] = key === 'jobs' ? ['job', 'number'] : [key.slice(0, -1), 'string'];
            if (key === 'jobs' ? !Number.isInteger(id) : typeof id !== 'string')
              report([...at, name], `the id of ${label} "${name}" must be a ${type} (its ${label}_id)`);
            else (lists[key] as Record<string, unknown>)[name] = id;
          }
      } else if (key === 'secret_scopes' || key === 'notebooks') {
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
          report(
            at,
            `adopt.${region}.${key} must be a list of ${key === 'notebooks' ? 'workspace folders' : 'scope names'}`,
          );
        else lists[key] = key === 'notebooks' ? value.map((v) => v.replace(/\/+$/, '') || '/') : value;
      } else {
        report(
          at,
          `unknown key "${key}" in adopt.${region}: use jobs, clusters, pipelines, secret_scopes or notebooks`,
          'key',
        );
      }
    }
  }
  return out;
}

function parseRegion(
  name: string,
  raw: unknown,
  env: NodeJS.ProcessEnv,
  report: (segments: Array<string | number>, message: string, target?: 'value' | 'key') => void,
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

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
