/**
 * A parsed source file and the JSON-pointer and offset arithmetic that turns a place in its value
 * into file:line:column.
 */
import type { Diagnostic, SourcePosition } from './errors.js';

export type SourceFormat = 'json' | 'yaml';

export interface SourceDocument {
  file: string;
  format: SourceFormat;
  text: string;
  value: unknown;
  /**
   * Where the value at `pointer` is written. `key` asks for the property name instead of its value
   * (used for unknown fields). A pointer that does not exist maps to its nearest existing ancestor
   * (used for missing required fields: the owning object).
   */
  position(pointer: string, target?: 'value' | 'key'): SourcePosition;
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function formatPointer(segments: ReadonlyArray<string | number>): string {
  if (segments.length === 0) return '';
  return `/${segments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function offsetToPosition(file: string, starts: number[], offset: number): SourcePosition {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { file, line: lo + 1, column: offset - starts[lo] + 1 };
}

export function syntaxError(file: string, position: SourcePosition, message: string): Diagnostic {
  return { ...position, file, severity: 'error', message, pointer: '' };
}
