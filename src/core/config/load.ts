/**
 * Loads `databricks-dr.yml` (or JSON) into a typed config. Every problem is collected with its
 * file position and reported at once; full JSON Schema validation layers on top of this.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, UsageError, ValidationError } from '../errors.js';
import { CONTROL_CHARACTERS, formatPointer, printable, readSource, type SourceDocument } from '../source.js';
import { parseRegion } from './regions.js';
import { isObject, type Report } from './report.js';
import { parseAdopt, parseDrill, parseFlags, parseLock, parsePassive, parseValidation } from './sections.js';
import type { DrConfig, NotebookMapping, RegionConfig } from './types.js';

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
  const report: Report = (segments, message, target = 'value') => {
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

  const regions = parseRegions(root.regions, env, report);
  const notebooks = parseNotebooks(root.notebooks, doc.file, report);
  const globs = (key: string) => parseGlobs(root, key, doc.file, report);
  const passive = parsePassive(root.passive, report);
  const validation = parseValidation(root.validation, report);
  const drill = parseDrill(root.drill, report);
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
    prune: parseFlags(
      root,
      'prune',
      { jobs: false, clusters: false, pipelines: false, secret_scopes: false },
      report,
    ),
    passive,
    validation,
    adopt,
    drill,
    ...(lock ? { lock } : {}),
    ...(deploy ? { deploy } : {}),
  };
  if (diagnostics.length > 0) throw new ValidationError(diagnostics);
  return config;
}

/** `regions:` two or more, exactly one of them active. */
function parseRegions(raw: unknown, env: NodeJS.ProcessEnv, report: Report): RegionConfig[] {
  const regions: RegionConfig[] = [];
  if (!isObject(raw)) {
    report(['regions'], 'regions is required: a mapping of region name to {host, role, auth}');
    return regions;
  }
  for (const [regionName, value] of Object.entries(raw)) {
    const region = parseRegion(regionName, value, env, report);
    if (region) regions.push(region);
  }
  if (Object.keys(raw).length < 2)
    report(['regions'], 'at least two regions are needed (a primary and a secondary)');
  const active = regions.filter((r) => r.role === 'active');
  if (regions.length === Object.keys(raw).length && active.length !== 1)
    report(['regions'], `exactly one region must have role: active (found ${active.length})`);
  return regions;
}

/** `notebooks:` repository folders and the workspace folders they deploy to. */
function parseNotebooks(raw: unknown, configFile: string, report: Report): NotebookMapping[] {
  const notebooks: NotebookMapping[] = [];
  if (raw === undefined) return notebooks;
  if (!Array.isArray(raw)) {
    report(['notebooks'], 'notebooks must be a list of {source, target}');
    return notebooks;
  }
  raw.forEach((n, i) => {
    if (!isObject(n) || typeof n.source !== 'string' || typeof n.target !== 'string') {
      report(
        ['notebooks', i],
        'each notebooks entry needs source (a repo folder) and target (a workspace path)',
      );
      return;
    }
    const targetProblem = notebookTargetProblem(n.target);
    if (targetProblem) report(['notebooks', i, 'target'], targetProblem);
    const sourceProblem = repositoryPathProblem(n.source, configFile);
    if (sourceProblem) report(['notebooks', i, 'source'], `notebooks source ${sourceProblem}`);
    notebooks.push({
      source: n.source,
      target: n.target.replace(/\/+$/, '') || '/',
      delete_orphans: n.delete_orphans === true,
    });
  });
  return notebooks;
}

/** A list of file paths or glob patterns inside the repository (`external_clusters`: names). */
function parseGlobs(
  root: Record<string, unknown>,
  key: string,
  configFile: string,
  report: Report,
): string[] {
  const v = root[key];
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    report([key], `${key} must be a list of file paths or glob patterns`);
    return [];
  }
  if (key === 'external_clusters') return v as string[];
  return (v as string[]).filter((pattern, i) => {
    const problem = repositoryPathProblem(pattern, configFile);
    if (problem) report([key, i], `${key} pattern ${problem}`);
    return !problem;
  });
}
