/**
 * Validates one parsed document: per region when it holds `${…}` references (each region's
 * substituted document is checked, whole references typed where the schema wants a number or a
 * boolean), once otherwise. Problems go into a `DiagnosticSet`, which folds identical findings of
 * all regions into one diagnostic and marks the others with their region.
 */
import type { Diagnostic } from '../errors.js';
import type { SourceDocument } from '../source.js';
import { CONTROL_CHARACTERS, duplicateJsonKeys, parsePointer, printable } from '../source.js';
import {
  coerceWhole,
  documentHasReferences,
  hasReference,
  type Reference,
  type RegionContext,
  substitute,
} from '../variables.js';
import { clusterFileIssues } from './cluster-rules.js';
import { type Issue, isObject, issue, toDiagnostic, valueAt } from './issues.js';
import { jobIssues } from './job-rules.js';
import { hasDuplicateKeys } from './json-keys.js';
import { pipelineIssues } from './pipeline-rules.js';
import { schemaIssues } from './schema-messages.js';
import { type DefinitionKind, type SchemaError, schemaErrors } from './schemas.js';
import { scopeIssues } from './scope-rules.js';

/** Diagnostics of all regions, identical ones folded together. */
export class DiagnosticSet {
  private readonly entries = new Map<string, { d: Diagnostic; regions: Set<string> | 'all' }>();

  /** Adds a finding; `region` undefined means it holds in every region. */
  add(d: Diagnostic, region?: string): void {
    const key = [d.file, d.line, d.column, d.severity, d.pointer, d.message].join('\u0000');
    const e = this.entries.get(key);
    if (!e) {
      this.entries.set(key, { d, regions: region === undefined ? 'all' : new Set([region]) });
    } else if (e.regions !== 'all') {
      if (region === undefined) e.regions = 'all';
      else e.regions.add(region);
    }
  }

  addAll(ds: Iterable<Diagnostic>): void {
    for (const d of ds) this.add(d);
  }

  /** The diagnostics: one per finding, with `region` set when not every region has it. */
  result(regions: readonly string[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { d, regions: rs } of this.entries.values()) {
      if (rs === 'all' || regions.every((r) => rs.has(r))) out.push(d);
      else for (const r of regions) if (rs.has(r)) out.push({ ...d, region: r });
    }
    return out;
  }
}

export interface DocumentOptions {
  kind: DefinitionKind;
  /** The regions to substitute for; undefined: `${…}` references are left unchecked. */
  regions?: readonly RegionContext[];
  unknownFields: 'error' | 'warn';
}

/** The free-text names objects are matched and printed by (scopes and task keys have patterns). */
const FREE_TEXT_NAMES: Partial<Record<DefinitionKind, string>> = {
  job: 'name',
  cluster: 'cluster_name',
  pipeline: 'name',
};

/** A name with a control or bidi character: printed in every log, it could forge lines or commands. */
function nameIssues(kind: DefinitionKind, value: unknown): Issue[] {
  const field = FREE_TEXT_NAMES[kind];
  const name = field && isObject(value) ? value[field] : undefined;
  if (typeof name !== 'string' || !CONTROL_CHARACTERS.test(name)) return [];
  return [
    issue(
      `/${field}`,
      `${field} "${printable(name)}" contains a control or bidi character (newline, NUL, escape, direction override…): use plain text`,
    ),
  ];
}

/** The per-kind rules a schema cannot express (config rules live in the project validator). */
export function ruleIssues(kind: DefinitionKind, value: unknown): Issue[] {
  switch (kind) {
    case 'job':
      return [...nameIssues(kind, value), ...jobIssues(value)];
    case 'cluster':
      return [...nameIssues(kind, value), ...clusterFileIssues(value)];
    case 'pipeline':
      return [...nameIssues(kind, value), ...pipelineIssues(value)];
    case 'secret-scope':
      return scopeIssues(value);
    default:
      return [];
  }
}

function setAt(root: unknown, pointer: string, v: unknown): void {
  const segs = parsePointer(pointer);
  const last = segs.pop();
  const parent = valueAt(root, segs.length ? `/${segs.join('/')}` : '');
  if (last === undefined || parent === null || typeof parent !== 'object') return;
  if (Array.isArray(parent)) parent[Number(last)] = v;
  else (parent as Record<string, unknown>)[last] = v;
}

/**
 * Schema-checks a value; where a whole `${var.X}` string sits where the schema wants a number or a
 * boolean and its text parses as one, the value is replaced (in place) and checked again.
 */
export function checkSchema(
  kind: DefinitionKind,
  value: unknown,
  whole: ReadonlyMap<string, string>,
): { value: unknown; errors: SchemaError[] } {
  let errors = schemaErrors(kind, value);
  if (whole.size === 0 || errors.length === 0) return { value, errors };
  let changed = false;
  for (const e of errors) {
    if (e.keyword !== 'type' || !whole.has(e.instancePath) || typeof e.data !== 'string') continue;
    for (const t of [e.params.type as string | string[]].flat()) {
      if (t !== 'integer' && t !== 'number' && t !== 'boolean') continue;
      const typed = coerceWhole(e.data, t);
      if (typed !== undefined) {
        setAt(value, e.instancePath, typed);
        changed = true;
        break;
      }
    }
  }
  if (changed) errors = schemaErrors(kind, value);
  return { value, errors };
}

/** All findings of one variant (one region, or the document as written). */
function variantIssues(
  kind: DefinitionKind,
  value: unknown,
  whole: ReadonlyMap<string, string>,
  unknownFields: 'error' | 'warn',
) {
  const checked = checkSchema(kind, value, whole);
  const issues = [
    ...schemaIssues(checked.errors, checked.value, { kind, unknownFields, whole }),
    ...ruleIssues(kind, checked.value),
  ];
  return { value: checked.value, issues };
}

export interface DocumentResult {
  /** The document for each region (substituted and typed); in unchecked mode one entry keyed ''. */
  values: Map<string, unknown>;
  /** References that some region cannot resolve, with the regions that cannot. */
  unresolved: Array<{ ref: Reference; regions: string[] }>;
}

/** Validates one document into `set`. */
export function validateDocument(
  doc: SourceDocument,
  opts: DocumentOptions,
  set: DiagnosticSet,
): DocumentResult {
  if (doc.format === 'json' && hasDuplicateKeys(doc.text)) set.addAll(duplicateJsonKeys(doc));
  const values = new Map<string, unknown>();
  const unresolved: DocumentResult['unresolved'] = [];
  const hasRefs = documentHasReferences(doc.value);

  if (opts.regions && hasRefs) {
    const missing = new Map<string, { ref: Reference; regions: string[] }>();
    for (const region of opts.regions) {
      const s = substitute(doc.value, region);
      for (const u of s.unknown) {
        const key = `${u.pointer}\u0000${u.expression}`;
        const m = missing.get(key) ?? { ref: u, regions: [] };
        m.regions.push(region.name);
        missing.set(key, m);
      }
      const { value, issues } = variantIssues(opts.kind, s.value, s.whole, opts.unknownFields);
      // A value holding an unknown reference is reported once, as that reference: not again for
      // what its unsubstituted text fails (a cascaded "must be an integer, got ${var.x}").
      const unresolvedAt = new Set(s.unknown.map((u) => u.pointer));
      for (const i of issues) {
        if (i.target !== 'key' && unresolvedAt.has(i.pointer)) continue;
        set.add(toDiagnostic(doc, i), region.name);
      }
      values.set(region.name, value);
    }
    unresolved.push(...missing.values());
    return { values, unresolved };
  }

  const { value, issues } = variantIssues(opts.kind, doc.value, new Map(), opts.unknownFields);
  for (const i of issues) {
    // Without regions, a value holding a reference cannot be judged: skip what it fails.
    if (!opts.regions && hasRefs && i.target !== 'key') {
      const v = valueAt(doc.value, i.pointer);
      if (typeof v === 'string' && hasReference(v)) continue;
    }
    set.add(toDiagnostic(doc, i));
  }
  if (opts.regions) for (const r of opts.regions) values.set(r.name, value);
  else values.set('', value);
  return { values, unresolved };
}
