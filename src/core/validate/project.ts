/**
 * Validates a whole repository (the config, every definition its globs match, the notebooks, and
 * the rules across files, per region) or a list of single files without a config.
 */

import { statSync } from 'node:fs';
import path from 'node:path';
import { cloudOfKeyVault, cloudOfWorkspace } from '../clouds.js';
import {
  configFromDocument,
  DEFAULT_CONFIG_FILE,
  isLoopbackHost,
  repositoryPathProblem,
} from '../config/load.js';
import type { DrConfig, RegionConfig } from '../config/types.js';
import { type Diagnostic, ValidationError } from '../errors.js';
import { duplicateJsonKeys, parseSource, readSourceText, type SourceDocument } from '../source.js';
import { closest, didYouMean } from '../suggest.js';
import { hasReference, type Reference } from '../variables.js';
import { DiagnosticSet, validateDocument } from './document.js';
import {
  displayPath,
  expandPattern,
  kindFromContent,
  kindFromPath,
  realRoot,
  resolvesInside,
} from './files.js';
import { type Issue, isObject, issue, toDiagnostic } from './issues.js';
import { allTasks } from './job-rules.js';
import { hasDuplicateKeys } from './json-keys.js';
import { type NotebookEntry, scanNotebooks } from './notebooks.js';
import { schemaIssues } from './schema-messages.js';
import { type DefinitionKind, schemaErrors } from './schemas.js';
import type {
  Definition,
  ProjectDefinitions,
  ValidateFilesOptions,
  ValidateProjectOptions,
  ValidationReport,
} from './types.js';

type DefinitionFileKind = Exclude<DefinitionKind, 'config'>;

interface Loaded {
  kind: DefinitionFileKind;
  file: string;
  path: string;
  doc: SourceDocument;
  /** Per region name ('' when references are unchecked). */
  values: Map<string, unknown>;
}

const NAME_FIELD: Record<DefinitionFileKind, string> = {
  job: 'name',
  cluster: 'cluster_name',
  pipeline: 'name',
  'secret-scope': 'scope',
};
const LISTS: Array<{ key: 'jobs' | 'clusters' | 'pipelines' | 'secret_scopes'; kind: DefinitionFileKind }> = [
  { key: 'jobs', kind: 'job' },
  { key: 'clusters', kind: 'cluster' },
  { key: 'pipelines', kind: 'pipeline' },
  { key: 'secret_scopes', kind: 'secret-scope' },
];

/** A document whose positions name the file as the user sees it. */
function shownAs(doc: SourceDocument, shown: string): SourceDocument {
  if (doc.file === shown) return doc;
  return { ...doc, file: shown, position: (p, t) => ({ ...doc.position(p, t), file: shown }) };
}

function atStart(file: string, message: string, severity: 'error' | 'warning' = 'error'): Diagnostic {
  return { file, line: 1, column: 1, severity, message, pointer: '' };
}

/** Reads and parses a file; syntax errors and unreadable files go into `set`. */
function readDocument(abs: string, shown: string, set: DiagnosticSet): SourceDocument | undefined {
  try {
    return shownAs(parseSource(abs, readSourceText(abs, shown)), shown);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    for (const d of err.diagnostics) set.add({ ...d, file: shown });
    return undefined;
  }
}

function outsideMessage(shown: string, pattern: string, root: string): string {
  const via = shown === pattern ? '' : ` (matched by "${pattern}")`;
  return `${shown}${via} resolves outside the repository through a symbolic link; nothing outside ${root} is read: replace the link with the files themselves`;
}

function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return ds.sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      cmp(a.region ?? '', b.region ?? '') ||
      cmp(a.message, b.message),
  );
}

// ---------------------------------------------------------------------------------------------
// The config

interface ConfigResult {
  doc?: SourceDocument;
  config?: DrConfig;
  unknownFields: 'error' | 'warn';
}

function checkConfig(abs: string, shown: string, env: NodeJS.ProcessEnv, set: DiagnosticSet): ConfigResult {
  const doc = readDocument(abs, shown, set);
  if (!doc) return { unknownFields: 'error' };
  if (doc.format === 'json' && hasDuplicateKeys(doc.text)) set.addAll(duplicateJsonKeys(doc));
  const raw = doc.value;
  const unknownFields =
    isObject(raw) && isObject(raw.validation) && raw.validation.unknown_fields === 'warn' ? 'warn' : 'error';

  // The loader's own checks (semantic: one active region, hosts, auth keys…), then the schema's;
  // where both found the same problem, the loader's message is kept.
  let config: DrConfig | undefined;
  const loaderPointers = new Set<string>();
  try {
    // The loader resolves the config's folder from the document's file name: give it the real path.
    config = configFromDocument({ ...doc, file: abs }, { env });
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    for (const d of err.diagnostics) {
      loaderPointers.add(d.pointer);
      set.add({ ...d, file: shown });
    }
  }
  const issues = schemaIssues(schemaErrors('config', raw), raw, { kind: 'config', unknownFields });
  for (const i of issues) {
    const parent = i.pointer.slice(0, i.pointer.lastIndexOf('/'));
    const duplicate =
      i.target !== 'key' &&
      (loaderPointers.has(i.pointer) || (i.keyword === 'required' && loaderPointers.has(parent)));
    if (!duplicate) set.add(toDiagnostic(doc, i));
  }
  return { doc, config, unknownFields };
}

// ---------------------------------------------------------------------------------------------
// validateProject

/**
 * Validates the repository of `configFile`: the config, every file its `jobs`, `clusters` and
 * `secret_scopes` patterns match (substituted per region), the notebooks, and the rules across
 * files. Reads files only; makes no request.
 */
export function validateProject(
  configFile: string = DEFAULT_CONFIG_FILE,
  options: ValidateProjectOptions = {},
): ValidationReport {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const set = new DiagnosticSet();
  const configAbs = path.resolve(cwd, configFile);
  const baseDir = path.dirname(configAbs);
  const show = (abs: string) => displayPath(abs, cwd, baseDir);
  // The repository is the config's folder: nothing whose real path lies outside it is read.
  const root = realRoot(baseDir);
  const configShown = show(configAbs);

  const { doc: configDoc, config, unknownFields } = checkConfig(configAbs, configShown, env, set);
  if (!configDoc) return { diagnostics: sortDiagnostics(set.result([])), files: 0 };
  const raw = isObject(configDoc.value) ? configDoc.value : {};
  const regions: RegionConfig[] | undefined = config?.regions;
  const regionNames = regions ? regions.map((r) => r.name) : [''];
  let files = 1;

  // --- definition files
  const loaded: Loaded[] = [];
  for (const { key, kind } of LISTS) {
    const patterns = config
      ? config[key]
      : Array.isArray(raw[key])
        ? raw[key].filter((p) => typeof p === 'string')
        : [];
    const seen = new Set<string>();
    patterns.forEach((pattern, i) => {
      // The loader reported it; without a config (other errors), the raw pattern must not be read either.
      if (repositoryPathProblem(pattern, configAbs)) return;
      const match = expandPattern(pattern, baseDir);
      if (match.missing) {
        set.add(
          toDiagnostic(
            configDoc,
            issue(`/${key}/${i}`, `"${pattern}" does not exist (paths are relative to ${configShown})`),
          ),
        );
      } else if (match.files.length === 0) {
        set.add(
          toDiagnostic(
            configDoc,
            issue(`/${key}/${i}`, `"${pattern}" matches no file`, { severity: 'warning' }),
          ),
        );
      }
      for (const file of match.files) {
        if (seen.has(file)) continue;
        seen.add(file);
        files++;
        const shown = show(file);
        if (!resolvesInside(root, file)) {
          set.add(toDiagnostic(configDoc, issue(`/${key}/${i}`, outsideMessage(shown, pattern, root))));
          continue;
        }
        const doc = readDocument(file, shown, set);
        if (!doc) continue;
        const result = validateDocument(doc, { kind, regions, unknownFields }, set);
        for (const u of result.unresolved) reportUnresolved(doc, u.ref, u.regions, regions ?? [], set);
        loaded.push({ kind, file, path: shown, doc, values: result.values });
      }
    });
  }

  // --- notebooks
  const notebooks: NotebookEntry[] = [];
  if (config) {
    const targets: Array<{ target: string; index: number }> = [];
    config.notebooks.forEach((m, i) => {
      const sourceAbs = path.resolve(baseDir, m.source);
      let isDir = false;
      try {
        isDir = statSync(sourceAbs).isDirectory();
      } catch {
        isDir = false;
      }
      const clash = targets.find(
        (t) =>
          t.target === m.target || m.target.startsWith(`${t.target}/`) || t.target.startsWith(`${m.target}/`),
      );
      if (clash) {
        set.add(
          toDiagnostic(
            configDoc,
            issue(
              `/notebooks/${i}/target`,
              `target "${m.target}" overlaps notebooks[${clash.index}].target "${config.notebooks[clash.index].target}": give each source its own workspace folder`,
            ),
          ),
        );
      }
      targets.push({ target: m.target, index: i });
      if (!isDir) {
        set.add(
          toDiagnostic(
            configDoc,
            issue(
              `/notebooks/${i}/source`,
              `notebooks source "${m.source}" is not a folder (paths are relative to ${configShown})`,
            ),
          ),
        );
        return;
      }
      if (!resolvesInside(root, sourceAbs)) {
        set.add(
          toDiagnostic(configDoc, issue(`/notebooks/${i}/source`, outsideMessage(m.source, m.source, root))),
        );
        return;
      }
      const scan = scanNotebooks(sourceAbs, m.target, i, show, root);
      notebooks.push(...scan.entries);
      set.addAll(scan.problems);
      for (const refused of scan.refused)
        set.add(toDiagnostic(configDoc, issue(`/notebooks/${i}/source`, refused)));
    });
    files += notebooks.length;
    const byPath = new Map<string, NotebookEntry>();
    for (const n of notebooks) {
      const first = byPath.get(n.workspacePath);
      if (first)
        set.add(
          atStart(
            n.path,
            `${n.path} and ${first.path} both deploy to ${n.workspacePath}: rename one of them`,
          ),
        );
      else byPath.set(n.workspacePath, n);
    }
  }

  // --- rules across files
  crossFileRules(loaded, regionNames, set);
  if (config) projectRules(loaded, config, notebooks, set);

  const diagnostics = sortDiagnostics(set.result(regionNames));
  const report: ValidationReport = { diagnostics, files };
  if (config) {
    report.config = config;
    report.project = buildProject(config, loaded, notebooks);
  }
  return report;
}

function reportUnresolved(
  doc: SourceDocument,
  ref: Reference,
  missingIn: string[],
  regions: readonly RegionConfig[],
  set: DiagnosticSet,
): void {
  if (ref.kind === 'region') {
    set.add(
      toDiagnostic(
        doc,
        issue(
          ref.pointer,
          `${ref.expression} is not a region property: use \${region.name} or \${region.host}`,
        ),
      ),
    );
    return;
  }
  if (missingIn.length === regions.length) {
    const known = new Set(regions.flatMap((r) => Object.keys(r.variables)));
    set.add(
      toDiagnostic(
        doc,
        issue(
          ref.pointer,
          `${ref.expression} is not defined in any region${didYouMean(ref.name, known) || `: add ${ref.name} to the variables of every region in the config`}`,
        ),
      ),
    );
    return;
  }
  for (const name of missingIn) {
    const region = regions.find((r) => r.name === name);
    const hint = region ? didYouMean(ref.name, Object.keys(region.variables)) : '';
    set.add(
      toDiagnostic(
        doc,
        issue(
          ref.pointer,
          `${ref.expression} is not defined for region ${name}${hint || `: add ${ref.name} under regions.${name}.variables`}`,
        ),
      ),
      name,
    );
  }
}

/** Names unique per kind (jobs case-insensitively, as the tool matches them). */
function crossFileRules(loaded: readonly Loaded[], regionNames: readonly string[], set: DiagnosticSet): void {
  for (const region of regionNames) {
    const seen = new Map<string, Loaded>();
    for (const l of loaded) {
      const value = l.values.get(region);
      const field = NAME_FIELD[l.kind];
      const name = isObject(value) ? value[field] : undefined;
      if (typeof name !== 'string' || name === '') continue;
      const key = `${l.kind}\u0000${l.kind === 'cluster' ? name : name.toLowerCase()}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, l);
        continue;
      }
      const at = first.doc.position(`/${field}`);
      const where = `${at.file}:${at.line}:${at.column}`;
      const message =
        l.kind === 'job'
          ? `job name "${name}" is also used by ${where}: job names must be unique (they are compared case-insensitively)`
          : l.kind === 'cluster'
            ? `cluster_name "${name}" is also used by ${where}: cluster names must be unique`
            : l.kind === 'pipeline'
              ? `pipeline name "${name}" is also used by ${where}: pipeline names must be unique`
              : `scope "${name}" is also defined in ${where}: define each scope once`;
      set.add(toDiagnostic(l.doc, issue(`/${field}`, message)), region === '' ? undefined : region);
    }
  }
}

const HEADER_LINE: Record<string, string> = {
  '.py': '# Databricks notebook source',
  '.r': '# Databricks notebook source',
  '.scala': '// Databricks notebook source',
  '.sql': '-- Databricks notebook source',
};

/** Rules that need the config: cluster names, notebook paths, Key Vault scopes, cluster ids. */
function projectRules(
  loaded: readonly Loaded[],
  config: DrConfig,
  notebooks: readonly NotebookEntry[],
  set: DiagnosticSet,
): void {
  const byPath = new Map(notebooks.map((n) => [n.workspacePath, n]));
  const targets = config.notebooks.map((m) => m.target);
  const normalize = (p: string) => p.replace(/^\/Workspace(?=\/)/, '').replace(/(.)\/+$/, '$1');
  const underTarget = (p: string) => targets.find((t) => t === '/' || p === t || p.startsWith(`${t}/`));

  for (const region of config.regions) {
    const r = region.name;
    const clusterNames = new Set<string>(config.external_clusters);
    for (const l of loaded) {
      const v = l.values.get(r);
      if (l.kind === 'cluster' && isObject(v) && typeof v.cluster_name === 'string')
        clusterNames.add(v.cluster_name);
    }
    for (const l of loaded) {
      const value = l.values.get(r);
      if (!isObject(value)) continue;
      const add = (i: Issue) => set.add(toDiagnostic(l.doc, i), r);

      if (l.kind === 'secret-scope' && value.backend === 'azure_keyvault') {
        let loopback = false;
        try {
          loopback = isLoopbackHost(new URL(region.host));
        } catch {
          loopback = false;
        }
        if ((region.auth.type === 'pat' || region.auth.type === 'databricks-oidc') && !loopback) {
          add(
            issue(
              '/backend',
              `an azure_keyvault scope needs an Entra ID auth type (azure-*) in region ${r}, which uses ${region.auth.type}: Databricks creates Key Vault-backed scopes only with an Entra ID token`,
            ),
          );
        }
        const vault =
          isObject(value.keyvault) && typeof value.keyvault.dns_name === 'string'
            ? value.keyvault.dns_name
            : '';
        const vaultCloud = cloudOfKeyVault(vault);
        const regionCloud = cloudOfWorkspace(region.host);
        // Databricks reads the vault with the workspace's Entra token, which only its own cloud accepts.
        if (vaultCloud && regionCloud && vaultCloud !== regionCloud) {
          add(
            issue(
              '/keyvault/dns_name',
              `the Key Vault ${vault} is in ${vaultCloud.label}, but region ${r} (${region.host}) is in ${regionCloud.label}: use a vault of the workspace's cloud (https://<name>${regionCloud.keyVaultSuffix}/)`,
            ),
          );
        }
      }
      if (l.kind === 'pipeline') {
        pipelineLibraryIssues(value, byPath, underTarget, normalize).forEach(add);
        continue;
      }
      if (l.kind !== 'job') continue;

      const gitJob = isObject(value.git_source);
      for (const ref of allTasks(value)) {
        const t = ref.task;
        if (typeof t.existing_cluster_name === 'string' && !clusterNames.has(t.existing_cluster_name)) {
          const name = t.existing_cluster_name;
          add(
            issue(
              `${ref.pointer}/existing_cluster_name`,
              `existing_cluster_name "${name}" is not a cluster of this repository: define it in a cluster file (cluster_name) or list it in external_clusters${didYouMean(name, clusterNames)}`,
            ),
          );
        }
        const nb = t.notebook_task;
        if (isObject(nb) && typeof nb.notebook_path === 'string' && nb.notebook_path.startsWith('/')) {
          const fromGit = nb.source === 'GIT' || (nb.source === undefined && gitJob);
          const p = normalize(nb.notebook_path);
          const target = fromGit ? undefined : underTarget(p);
          const entry = byPath.get(p);
          if (target !== undefined && entry?.objectType !== 'NOTEBOOK') {
            add(
              issue(
                `${ref.pointer}/notebook_task/notebook_path`,
                missingNotebookMessage(nb.notebook_path, p, target, byPath),
              ),
            );
          }
        }
        const py = t.spark_python_task;
        if (
          isObject(py) &&
          typeof py.python_file === 'string' &&
          py.python_file.startsWith('/') &&
          py.source !== 'GIT'
        ) {
          const p = normalize(py.python_file);
          const target = underTarget(p);
          if (target !== undefined && !byPath.has(p)) {
            const near = closestPath(p, byPath.keys());
            add(
              issue(
                `${ref.pointer}/spark_python_task/python_file`,
                `python_file "${py.python_file}" is not deployed by this repository (it is under the notebooks target ${target})${near ? ` — did you mean "${near}"?` : ''}`,
              ),
            );
          }
        }
      }
    }
  }

  // A literal cluster id names a cluster of one workspace only.
  for (const l of loaded) {
    if (l.kind !== 'job') continue;
    for (const ref of allTasks(l.doc.value)) {
      const id = ref.task.existing_cluster_id;
      if (typeof id === 'string' && !hasReference(id)) {
        set.add(
          toDiagnostic(
            l.doc,
            issue(
              `${ref.pointer}/existing_cluster_id`,
              `existing_cluster_id "${id}" names a cluster of one workspace; the other regions have other ids: use existing_cluster_name (or a \${var.X} per region)`,
              { severity: 'warning' },
            ),
          ),
        );
      }
    }
  }
}

/**
 * A pipeline's notebook and file libraries under a notebooks target are deployed by this
 * repository (a notebook library must be a notebook, a file library any deployed file).
 */
function pipelineLibraryIssues(
  pipeline: Record<string, unknown>,
  byPath: ReadonlyMap<string, NotebookEntry>,
  underTarget: (p: string) => string | undefined,
  normalize: (p: string) => string,
): Issue[] {
  const out: Issue[] = [];
  const libraries = Array.isArray(pipeline.libraries) ? pipeline.libraries : [];
  libraries.forEach((lib, i) => {
    if (!isObject(lib)) return;
    for (const key of ['notebook', 'file'] as const) {
      const holder = lib[key];
      if (!isObject(holder) || typeof holder.path !== 'string' || !holder.path.startsWith('/')) continue;
      const p = normalize(holder.path);
      const target = underTarget(p);
      if (target === undefined) continue;
      const entry = byPath.get(p);
      const pointer = `/libraries/${i}/${key}/path`;
      if (key === 'notebook' && entry?.objectType !== 'NOTEBOOK')
        out.push(
          issue(
            pointer,
            missingNotebookMessage(holder.path, p, target, byPath).replace(
              /^notebook_path /,
              'notebook library ',
            ),
          ),
        );
      else if (key === 'file' && !entry) {
        const near = closestPath(p, byPath.keys());
        out.push(
          issue(
            pointer,
            `file "${holder.path}" is not deployed by this repository (it is under the notebooks target ${target})${near ? ` — did you mean "${near}"?` : ''}`,
          ),
        );
      }
    }
  });
  return out;
}

function missingNotebookMessage(
  written: string,
  p: string,
  target: string,
  byPath: ReadonlyMap<string, NotebookEntry>,
): string {
  const entry = byPath.get(p);
  if (entry) {
    const ext = path.extname(entry.file).toLowerCase();
    return `notebook_path "${written}" is a file, not a notebook: ${entry.path} ${HEADER_LINE[ext] ? `needs "${HEADER_LINE[ext]}" as its first line` : 'is not a notebook type (.py, .sql, .scala, .r with the Databricks header, or .ipynb)'}`;
  }
  for (const ext of Object.keys(HEADER_LINE)) {
    const file = byPath.get(`${p}${ext}`);
    if (file)
      return `notebook_path "${written}" is not a notebook: ${file.path} has no "${HEADER_LINE[ext]}" first line, so it deploys as the file ${file.workspacePath}; add the header`;
  }
  const candidates = [...byPath.values()]
    .filter((n) => n.objectType === 'NOTEBOOK')
    .map((n) => n.workspacePath);
  const stem = p.replace(/\.(py|r|scala|sql|ipynb)$/i, '');
  const near = stem !== p && byPath.get(stem)?.objectType === 'NOTEBOOK' ? stem : closestPath(p, candidates);
  return `notebook_path "${written}" is not a notebook of this repository (the notebooks target is ${target})${near ? ` — did you mean "${near}"?` : ': check the path; notebooks deploy without their extension'}`;
}

/** A close path in the same folder (names compared, so long folders do not make everything "close"). */
function closestPath(p: string, candidates: Iterable<string>): string | undefined {
  const dir = p.slice(0, p.lastIndexOf('/') + 1);
  const names = [...candidates]
    .filter((c) => c.startsWith(dir) && !c.slice(dir.length).includes('/'))
    .map((c) => c.slice(dir.length));
  const name = closest(p.slice(dir.length), names);
  return name === undefined ? undefined : `${dir}${name}`;
}

function buildProject(
  config: DrConfig,
  loaded: readonly Loaded[],
  notebooks: NotebookEntry[],
): ProjectDefinitions {
  const regions = config.regions.map((r) => r.name);
  const out: ProjectDefinitions = {
    config,
    regions,
    jobs: [],
    clusters: [],
    pipelines: [],
    scopes: [],
    notebooks,
  };
  for (const l of loaded) {
    const byRegion: Record<string, Record<string, unknown>> = {};
    for (const r of regions) {
      const v = l.values.get(r);
      if (!isObject(v)) continue;
      // A shallow copy without "$schema"; regions share unchanged sub-objects: treat as read-only.
      const { $schema: _ignored, ...rest } = v;
      byRegion[r] = rest;
    }
    if (Object.keys(byRegion).length !== regions.length) continue;
    const first = byRegion[regions[0]][NAME_FIELD[l.kind]];
    const def: Definition = {
      kind: l.kind,
      file: l.file,
      path: l.path,
      name: typeof first === 'string' ? first : '',
      byRegion,
    };
    if (l.kind === 'job') out.jobs.push(def);
    else if (l.kind === 'cluster') out.clusters.push(def);
    else if (l.kind === 'pipeline') out.pipelines.push(def);
    else out.scopes.push(def);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// validateFiles

/**
 * Validates single files without a config: schemas and per-file rules, plus unique names among
 * the files given. `${var.X}` references are left unchecked (values holding them are not judged).
 */
export function validateFiles(
  fileList: readonly string[],
  options: ValidateFilesOptions = {},
): ValidationReport {
  const cwd = options.cwd ?? process.cwd();
  const set = new DiagnosticSet();
  const loaded: Loaded[] = [];
  let files = 0;
  for (const f of fileList) {
    const abs = path.resolve(cwd, f);
    const shown = displayPath(abs, cwd);
    files++;
    const byPath = options.kind ?? kindFromPath(abs);
    if (byPath === 'config') {
      checkConfig(abs, shown, options.env ?? process.env, set);
      continue;
    }
    const doc = readDocument(abs, shown, set);
    if (!doc) continue;
    const kind = byPath ?? kindFromContent(doc.value);
    if (!kind) {
      set.add(
        atStart(
          shown,
          'cannot tell whether this is a job, a cluster, a pipeline, a secret scope or a config: put it under jobs/, clusters/, pipelines/ or secret-scopes/, or pass --kind',
        ),
      );
      continue;
    }
    if (kind === 'config') {
      checkConfig(abs, shown, options.env ?? process.env, set);
      continue;
    }
    const result = validateDocument(doc, { kind, unknownFields: 'error' }, set);
    loaded.push({ kind, file: abs, path: shown, doc, values: result.values });
  }
  crossFileRules(loaded, [''], set);
  return { diagnostics: sortDiagnostics(set.result([''])), files };
}
