/**
 * Validates a whole repository (the config, every definition its globs match, the notebooks, and
 * the rules across files, per region) or a list of single files without a config.
 */

import { statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG_FILE, repositoryPathProblem } from '../config/load.js';
import type { DrConfig, RegionConfig } from '../config/types.js';
import type { SourceDocument } from '../source.js';
import { didYouMean } from '../suggest.js';
import type { Reference } from '../variables.js';
import { DiagnosticSet, validateDocument } from './document.js';
import {
  displayPath,
  expandPattern,
  kindFromContent,
  kindFromPath,
  realRoot,
  resolvesInside,
} from './files.js';
import { atStart, isObject, issue, toDiagnostic } from './issues.js';
import { type NotebookEntry, scanNotebooks } from './notebooks.js';
import {
  checkConfig,
  crossFileRules,
  type DefinitionFileKind,
  type Loaded,
  NAME_FIELD,
  outsideMessage,
  readDocument,
  sortDiagnostics,
} from './project-files.js';
import { projectRules } from './project-rules.js';
import type {
  Definition,
  ProjectDefinitions,
  ValidateFilesOptions,
  ValidateProjectOptions,
  ValidationReport,
} from './types.js';

const LISTS: Array<{ key: 'jobs' | 'clusters' | 'pipelines' | 'secret_scopes'; kind: DefinitionFileKind }> = [
  { key: 'jobs', kind: 'job' },
  { key: 'clusters', kind: 'cluster' },
  { key: 'pipelines', kind: 'pipeline' },
  { key: 'secret_scopes', kind: 'secret-scope' },
];

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
  const set = new DiagnosticSet();
  const configAbs = path.resolve(cwd, configFile);
  const baseDir = path.dirname(configAbs);
  const show = (abs: string) => displayPath(abs, cwd, baseDir);
  const configShown = show(configAbs);

  const checked = checkConfig(configAbs, configShown, options.env ?? process.env, set);
  if (!checked.doc) return { diagnostics: sortDiagnostics(set.result([])), files: 0 };
  const { config } = checked;
  const scan: ProjectScan = {
    set,
    configAbs,
    configShown,
    configDoc: checked.doc,
    config,
    unknownFields: checked.unknownFields,
    baseDir,
    // The repository is the config's folder: nothing whose real path lies outside it is read.
    root: realRoot(baseDir),
    show,
  };
  const regionNames = config ? config.regions.map((r) => r.name) : [''];
  const { loaded, files: definitionFiles } = loadDefinitions(scan);
  const notebooks = config ? loadNotebooks(scan, config) : [];

  crossFileRules(loaded, regionNames, set);
  if (config) projectRules(loaded, config, notebooks, set);

  const diagnostics = sortDiagnostics(set.result(regionNames));
  const report: ValidationReport = { diagnostics, files: 1 + definitionFiles + notebooks.length };
  if (config) {
    report.config = config;
    report.project = buildProject(config, loaded, notebooks);
  }
  return report;
}

/** What validating one repository has found so far, and where its files are. */
interface ProjectScan {
  set: DiagnosticSet;
  configAbs: string;
  configShown: string;
  configDoc: SourceDocument;
  /** Absent when the config has errors: definitions are then checked without regions. */
  config?: DrConfig;
  unknownFields: 'error' | 'warn';
  baseDir: string;
  root: string;
  show: (abs: string) => string;
}

/** Every file the config's patterns match, read and validated per region (files counted once). */
function loadDefinitions(scan: ProjectScan): { loaded: Loaded[]; files: number } {
  const { set, config, configDoc } = scan;
  const raw = isObject(configDoc.value) ? configDoc.value : {};
  const regions: RegionConfig[] | undefined = config?.regions;
  const loaded: Loaded[] = [];
  let files = 0;
  for (const { key, kind } of LISTS) {
    const patterns = config
      ? config[key]
      : Array.isArray(raw[key])
        ? raw[key].filter((p) => typeof p === 'string')
        : [];
    const seen = new Set<string>();
    patterns.forEach((pattern, i) => {
      const pointer = `/${key}/${i}`;
      for (const file of patternFiles(scan, pattern, pointer)) {
        if (seen.has(file)) continue;
        seen.add(file);
        files++;
        const shown = scan.show(file);
        if (!resolvesInside(scan.root, file)) {
          set.add(toDiagnostic(configDoc, issue(pointer, outsideMessage(shown, pattern, scan.root))));
          continue;
        }
        const doc = readDocument(file, shown, set);
        if (!doc) continue;
        const result = validateDocument(doc, { kind, regions, unknownFields: scan.unknownFields }, set);
        for (const u of result.unresolved) reportUnresolved(doc, u.ref, u.regions, regions ?? [], set);
        loaded.push({ kind, file, path: shown, doc, values: result.values });
      }
    });
  }
  return { loaded, files };
}

/** The files one config pattern matches; a pattern matching nothing is reported at its place. */
function patternFiles(scan: ProjectScan, pattern: string, pointer: string): string[] {
  // The loader reported it; without a config (other errors), the raw pattern must not be read either.
  if (repositoryPathProblem(pattern, scan.configAbs)) return [];
  const match = expandPattern(pattern, scan.baseDir);
  if (match.missing) {
    scan.set.add(
      toDiagnostic(
        scan.configDoc,
        issue(pointer, `"${pattern}" does not exist (paths are relative to ${scan.configShown})`),
      ),
    );
  } else if (match.files.length === 0) {
    scan.set.add(
      toDiagnostic(scan.configDoc, issue(pointer, `"${pattern}" matches no file`, { severity: 'warning' })),
    );
  }
  return match.files;
}

/** The notebooks and files of every `notebooks` mapping; two deploying to one path are reported. */
function loadNotebooks(scan: ProjectScan, config: DrConfig): NotebookEntry[] {
  const { set, configDoc } = scan;
  const notebooks: NotebookEntry[] = [];
  const targets: Array<{ target: string; index: number }> = [];
  config.notebooks.forEach((m, i) => {
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
    const sourceAbs = path.resolve(scan.baseDir, m.source);
    const problem = !isDirectory(sourceAbs)
      ? `notebooks source "${m.source}" is not a folder (paths are relative to ${scan.configShown})`
      : !resolvesInside(scan.root, sourceAbs)
        ? outsideMessage(m.source, m.source, scan.root)
        : undefined;
    if (problem) {
      set.add(toDiagnostic(configDoc, issue(`/notebooks/${i}/source`, problem)));
      return;
    }
    const found = scanNotebooks(sourceAbs, m.target, i, scan.show, scan.root);
    notebooks.push(...found.entries);
    set.addAll(found.problems);
    for (const refused of found.refused)
      set.add(toDiagnostic(configDoc, issue(`/notebooks/${i}/source`, refused)));
    for (const loop of found.loops)
      set.add(toDiagnostic(configDoc, issue(`/notebooks/${i}/source`, loop, { severity: 'warning' })));
  });
  const byPath = new Map<string, NotebookEntry>();
  for (const n of notebooks) {
    const first = byPath.get(n.workspacePath);
    if (first)
      set.add(
        atStart(n.path, `${n.path} and ${first.path} both deploy to ${n.workspacePath}: rename one of them`),
      );
    else byPath.set(n.workspacePath, n);
  }
  return notebooks;
}

function isDirectory(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
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
