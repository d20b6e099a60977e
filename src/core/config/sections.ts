/**
 * The optional sections of a config, each with its defaults: passive-region behaviour, the
 * validation policy, the failover drill, the deploy lock, and `adopt:` (the existing
 * objects an import found, per region).
 */
import type { AdoptedObjects, DrConfig } from './types.js';

/** A mapping of boolean switches under `key`, each defaulting as given. */
export function parseFlags<T extends Record<string, boolean>>(
  root: Record<string, unknown>,
  key: string,
  defaults: T,
  report: Report,
): T {
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
}

/** `passive:` how jobs and clusters are held in a passive region. */
export function parsePassive(raw: unknown, report: Report): DrConfig['passive'] {
  const passiveRaw = isObject(raw) ? raw : {};
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
  const { pause_schedules, terminate_clusters } = parseFlags(
    { passive: raw },
    'passive',
    { pause_schedules: true, terminate_clusters: true },
    report,
  );
  return { max_concurrent_runs: maxRuns, pause_schedules, terminate_clusters };
}

/** `validation:` whether unknown fields are errors or warnings. */
export function parseValidation(raw: unknown, report: Report): DrConfig['validation'] {
  const validationRaw = isObject(raw) ? raw : {};
  const unknownFields = validationRaw.unknown_fields ?? 'error';
  if (unknownFields !== 'error' && unknownFields !== 'warn')
    report(['validation', 'unknown_fields'], 'validation.unknown_fields must be "error" or "warn"');
  return { unknown_fields: unknownFields === 'warn' ? 'warn' : 'error' };
}

/** `drill:` the job a failover drill runs as its smoke test, and how long it may take. */
export function parseDrill(raw: unknown, report: Report): DrConfig['drill'] {
  if (raw === undefined) return undefined;
  const d = raw;
  if (!isObject(d) || typeof d.job !== 'string' || d.job === '') {
    report(['drill'], 'drill needs job: the name of a job of this config to run as the smoke test');
    return undefined;
  }
  if (
    d.timeout_minutes !== undefined &&
    (typeof d.timeout_minutes !== 'number' || !Number.isInteger(d.timeout_minutes) || d.timeout_minutes < 1)
  ) {
    report(
      ['drill', 'timeout_minutes'],
      'drill.timeout_minutes must be a whole number of minutes, at least 1',
    );
    return undefined;
  }
  return { job: d.job, timeout_minutes: (d.timeout_minutes as number | undefined) ?? 60 };
}

import { isObject, type Report } from './report.js';

/** `lock: { wait_seconds, lease_seconds }`: whole seconds, within a day. */
export function parseLock(raw: unknown, report: Report): DrConfig['lock'] {
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

/** `adopt:` (written by import): per region, the jobs, clusters and pipelines by name → id, scopes, notebook targets. */
export function parseAdopt(
  raw: unknown,
  regionNames: string[],
  report: Report,
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
