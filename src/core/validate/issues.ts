/**
 * An `Issue` is a problem found in one document, addressed by JSON pointer; the validator turns it
 * into a `Diagnostic` (file:line:column) with the document's positions.
 */
import type { Diagnostic } from '../errors.js';
import { formatPointer, parsePointer, type SourceDocument } from '../source.js';

export interface Issue {
  pointer: string;
  message: string;
  severity: 'error' | 'warning';
  /** `key` points at the property name (unknown fields, reserved keys); default: the value. */
  target?: 'value' | 'key';
  /** The schema keyword behind it, for schema findings. */
  keyword?: string;
}

export function issue(
  pointer: string | ReadonlyArray<string | number>,
  message: string,
  options: { severity?: 'error' | 'warning'; target?: 'value' | 'key' } = {},
): Issue {
  return {
    pointer: typeof pointer === 'string' ? pointer : formatPointer(pointer),
    message,
    severity: options.severity ?? 'error',
    target: options.target,
  };
}

export function toDiagnostic(doc: SourceDocument, i: Issue, region?: string): Diagnostic {
  const pos = doc.position(i.pointer, i.target ?? 'value');
  const d: Diagnostic = { ...pos, severity: i.severity, message: i.message, pointer: i.pointer };
  if (region !== undefined) d.region = region;
  return d;
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  let v: unknown = root;
  for (const seg of parsePointer(pointer)) {
    if (Array.isArray(v)) v = v[Number(seg)];
    else if (v !== null && typeof v === 'object') v = (v as Record<string, unknown>)[seg];
    else return undefined;
  }
  return v;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short JSON rendering of a value for messages ("got …"). */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (isObject(v)) return 'an object';
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…"` : s;
}

/** Joins names as `a, b or c`. */
export function oneOfWords(values: readonly string[], last = 'or'): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${last} ${values[values.length - 1]}`;
}

/** A diagnostic about a whole file, placed at its start. */
export function atStart(file: string, message: string, severity: 'error' | 'warning' = 'error'): Diagnostic {
  return { file, line: 1, column: 1, severity, message, pointer: '' };
}
