/**
 * Parses JSON and YAML files while keeping where every value came from, so that any error found
 * later (by the config loader, the schemas or the cross-file rules) points at file:line:column.
 */
import { readFileSync } from 'node:fs';
import {
  findNodeAtLocation,
  type Node as JsonNode,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { type Diagnostic, type SourcePosition, ValidationError } from './errors.js';

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

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function offsetToPosition(file: string, starts: number[], offset: number): SourcePosition {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { file, line: lo + 1, column: offset - starts[lo] + 1 };
}

export function inferFormat(file: string, text: string): SourceFormat {
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  if (/\.json$/i.test(file)) return 'json';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

function syntaxError(file: string, position: SourcePosition, message: string): Diagnostic {
  return { ...position, file, severity: 'error', message, pointer: '' };
}

function parseJson(file: string, text: string): SourceDocument {
  const starts = lineStarts(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  if (errors.length > 0 || !root) {
    const diagnostics = errors.map((e) =>
      syntaxError(
        file,
        offsetToPosition(file, starts, e.offset),
        `invalid JSON: ${describeJsonError(printParseErrorCode(e.error))}`,
      ),
    );
    if (diagnostics.length === 0)
      diagnostics.push(syntaxError(file, { file, line: 1, column: 1 }, 'invalid JSON: empty file'));
    // The first error is the real one; the parser's recovery produces follow-on noise.
    throw new ValidationError(diagnostics.slice(0, 1));
  }
  const value = jsonValue(root);
  return {
    file,
    format: 'json',
    text,
    value,
    position(pointer, target = 'value') {
      const segments = parsePointer(pointer);
      for (let n = segments.length; n >= 0; n--) {
        const path = segments
          .slice(0, n)
          .map((s, i) => (isArrayAt(root, segments.slice(0, i)) ? Number(s) : s));
        const node = findNodeAtLocation(root, path);
        if (!node) continue;
        const at =
          target === 'key' && n === segments.length && node.parent?.type === 'property' ? node.parent : node;
        return offsetToPosition(file, starts, at.offset);
      }
      return { file, line: 1, column: 1 };
    },
  };
}

function isArrayAt(root: JsonNode, path: string[]): boolean {
  const node = findNodeAtLocation(
    root,
    path.map((s, i) => (isArrayAt(root, path.slice(0, i)) ? Number(s) : s)),
  );
  return node?.type === 'array';
}

/** Builds the value from the tree; unlike JSON.parse, a repeated key is reported, not silently dropped. */
function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) out[k.value as string] = jsonValue(v);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(jsonValue);
    default:
      return node.value;
  }
}

/** Keys that appear twice in one JSON object: JSON.parse keeps the last silently, which hides mistakes. */
export function duplicateJsonKeys(doc: SourceDocument): Diagnostic[] {
  if (doc.format !== 'json') return [];
  const root = parseTree(doc.text);
  const out: Diagnostic[] = [];
  const starts = lineStarts(doc.text);
  const walk = (node: JsonNode, path: Array<string | number>) => {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k) continue;
        const key = k.value as string;
        if (seen.has(key)) {
          out.push({
            ...offsetToPosition(doc.file, starts, k.offset),
            severity: 'error',
            message: `duplicate key "${key}": only the last value would be used; remove one`,
            pointer: formatPointer([...path, key]),
          });
        }
        seen.add(key);
        if (v) walk(v, [...path, key]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((c, i) => {
        walk(c, [...path, i]);
      });
    }
  };
  if (root) walk(root, []);
  return out;
}

function describeJsonError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'expected a property name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: "expected ':'",
    CommaExpected: "expected ',' or a closing bracket",
    CloseBraceExpected: "expected '}'",
    CloseBracketExpected: "expected ']'",
    EndOfFileExpected: 'unexpected content after the end of the document',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string',
  };
  return words[code] ?? code;
}

function parseYaml(file: string, text: string): SourceDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ValidationError([
      syntaxError(file, { file, line: pos.line, column: pos.col }, `invalid YAML: ${message}`),
    ]);
  }
  const toPos = (offset: number): SourcePosition => {
    const p = lineCounter.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  return {
    file,
    format: 'yaml',
    text,
    value: doc.toJS({ maxAliasCount: 100 }),
    position(pointer, target = 'value') {
      const segments = parsePointer(pointer);
      let node: unknown = doc.contents;
      let best: SourcePosition = toPos((doc.contents as YamlNode | null)?.range?.[0] ?? 0);
      for (let i = 0; i < segments.length; i++) {
        const seg = segments[i];
        const last = i === segments.length - 1;
        if (isMap(node)) {
          const pair = node.items.find(
            (p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === seg,
          );
          if (!pair) return best;
          if (last && target === 'key' && isScalar(pair.key) && pair.key.range)
            return toPos(pair.key.range[0]);
          node = pair.value;
          const range = (pair.value as YamlNode | null)?.range ?? (pair.key as YamlNode | null)?.range;
          if (range) best = toPos(range[0]);
        } else if (isSeq(node)) {
          const item = node.items[Number(seg)] as YamlNode | undefined;
          if (!item) return best;
          node = item;
          if (item.range) best = toPos(item.range[0]);
        } else {
          return best;
        }
      }
      return best;
    },
  };
}

export function parseSource(
  file: string,
  text: string,
  format: SourceFormat = inferFormat(file, text),
): SourceDocument {
  const stripped = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return format === 'json' ? parseJson(file, stripped) : parseYaml(file, stripped);
}

export function readSource(file: string, format?: SourceFormat): SourceDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ValidationError([
      syntaxError(
        file,
        { file, line: 1, column: 1 },
        code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`,
      ),
    ]);
  }
  return parseSource(file, text, format);
}
