/**
 * The files of a project as validation reads them: a definition or config file parsed into a
 * document that names the file as the user sees it, the config checked by the loader and the
 * schema together, the rule that names are unique per kind across files, and the order in which
 * diagnostics are reported.
 */

import { configFromDocument } from '../config/load.js';
import type { DrConfig } from '../config/types.js';
import { type Diagnostic, ValidationError } from '../errors.js';
import { duplicateJsonKeys, parseSource, readSourceText, type SourceDocument } from '../source.js';
import type { DiagnosticSet } from './document.js';
import { isObject, issue, toDiagnostic } from './issues.js';
import { hasDuplicateKeys } from './json-keys.js';
import { schemaIssues } from './schema-messages.js';
import { type DefinitionKind, schemaErrors } from './schemas.js';

export type DefinitionFileKind = Exclude<DefinitionKind, 'config'>;

/** One definition file, read and validated: its value per region. */
export interface Loaded {
  kind: DefinitionFileKind;
  file: string;
  path: string;
  doc: SourceDocument;
  /** Per region name ('' when references are unchecked). */
  values: Map<string, unknown>;
}

export const NAME_FIELD: Record<DefinitionFileKind, string> = {
  job: 'name',
  cluster: 'cluster_name',
  pipeline: 'name',
  'secret-scope': 'scope',
};
/** A document whose positions name the file as the user sees it. */
function shownAs(doc: SourceDocument, shown: string): SourceDocument {
  if (doc.file === shown) return doc;
  return { ...doc, file: shown, position: (p, t) => ({ ...doc.position(p, t), file: shown }) };
}

/** Reads and parses a file; syntax errors and unreadable files go into `set`. */
export function readDocument(abs: string, shown: string, set: DiagnosticSet): SourceDocument | undefined {
  try {
    return shownAs(parseSource(abs, readSourceText(abs, shown)), shown);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    for (const d of err.diagnostics) set.add({ ...d, file: shown });
    return undefined;
  }
}

export function outsideMessage(shown: string, pattern: string, root: string): string {
  const via = shown === pattern ? '' : ` (matched by "${pattern}")`;
  return `${shown}${via} resolves outside the repository through a symbolic link; nothing outside ${root} is read: replace the link with the files themselves`;
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
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

interface ConfigResult {
  doc?: SourceDocument;
  config?: DrConfig;
  unknownFields: 'error' | 'warn';
}

/** Checks the config file; its document and (when it loads) the config, and its unknown-field policy. */
export function checkConfig(
  abs: string,
  shown: string,
  env: NodeJS.ProcessEnv,
  set: DiagnosticSet,
): ConfigResult {
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

/** Names unique per kind (jobs case-insensitively, as the tool matches them). */
export function crossFileRules(
  loaded: readonly Loaded[],
  regionNames: readonly string[],
  set: DiagnosticSet,
): void {
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
