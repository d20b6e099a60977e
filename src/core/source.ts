/**
 * Parses JSON and YAML files while keeping where every value came from, so that any error found
 * later (by the config loader, the schemas or the cross-file rules) points at file:line:column.
 */
import { readFileSync, statSync } from 'node:fs';
import {
  findNodeAtLocation,
  type Node as JsonNode,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser';
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document as YamlDocument,
  type Node as YamlNode,
} from 'yaml';
import { type Diagnostic, type SourcePosition, ValidationError } from './errors.js';

export type SourceFormat = 'json' | 'yaml';

/** Config and definition files larger than this are refused before they are parsed. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;
/** Deeper nesting than any real definition has; bounds the parsers' recursion. */
export const MAX_NESTING_DEPTH = 64;
/** YAML aliases resolved per document: enough for anchors reused by hand, too few for an alias bomb. */
export const MAX_YAML_ALIASES = 100;
/** Keys that would reach an object's prototype when a parsed value is used as a plain object. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * Characters refused in names and keys: C0 and C1 controls (newline, NUL, escape…) and the bidi
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make a name read differently from
 * what it is, and can start a CI log command on a line of its own.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A name with its control characters shown as escapes (`\n`, `\u202e`), for messages. */
export function printable(name: string): string {
  return name.replace(
    new RegExp(CONTROL_CHARACTERS.source, 'g'),
    (c) =>
      ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

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

/** What is wrong with a key of a mapping, if anything. */
function keyProblem(key: string): string | undefined {
  if (RESERVED_KEYS.has(key))
    return `"${key}" is not allowed as a key (it would change how every object behaves): rename or remove it`;
  if (CONTROL_CHARACTERS.test(key))
    return `key "${printable(key)}" contains a control or bidi character: use plain text`;
  return undefined;
}

/** Where a JSON text opens its (MAX_NESTING_DEPTH + 1)th level, if it does: checked before parsing. */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 123 || c === 91 /* { [ */) {
      if (++depth > MAX_NESTING_DEPTH) return i;
    } else if (c === 125 || c === 93 /* } ] */) {
      depth--;
    }
  }
  return undefined;
}

function nestingMessage(): string {
  return `nested more than ${MAX_NESTING_DEPTH} levels deep: flatten the structure`;
}

function parseJson(file: string, text: string): SourceDocument {
  const starts = lineStarts(text);
  const deep = tooDeepAt(text);
  if (deep !== undefined)
    throw new ValidationError([syntaxError(file, offsetToPosition(file, starts, deep), nestingMessage())]);
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
  const keyProblems: Diagnostic[] = [];
  const value = jsonValue(root, (key, offset) => {
    const problem = keyProblem(key);
    if (problem) keyProblems.push(syntaxError(file, offsetToPosition(file, starts, offset), problem));
  });
  if (keyProblems.length > 0) throw new ValidationError(keyProblems);
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

/**
 * Builds the value from the tree; `checkKey` sees every key with its offset. A reserved key is
 * never assigned (assigning `__proto__` would set the object's prototype).
 */
function jsonValue(node: JsonNode, checkKey: (key: string, offset: number) => void): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        const key = k.value as string;
        checkKey(key, k.offset);
        if (!RESERVED_KEYS.has(key)) out[key] = jsonValue(v, checkKey);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map((c) => jsonValue(c, checkKey));
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
  const toPos = (offset: number): SourcePosition => {
    const p = lineCounter.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    // The parser recurses per flow level: a stack overflow there is nesting, not a bug.
    const message = /call stack|stack overflow/i.test(e.message)
      ? nestingMessage()
      : `invalid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
    throw new ValidationError([syntaxError(file, toPos(e.pos[0]), message)]);
  }
  const problems = yamlStructureProblems(doc).map(([offset, message]) =>
    syntaxError(file, toPos(offset), message),
  );
  if (problems.length > 0) throw new ValidationError(problems);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    // toJS throws for an alias bomb and for an alias without its anchor (`jobs: [*.json]`).
    const message = /excessive alias/i.test(err.message)
      ? `YAML aliases expand to too many nodes (more than ${MAX_YAML_ALIASES} per document): write the values out instead of nesting aliases`
      : `invalid YAML: ${err.message.split('\n')[0]}; a value starting with * is an alias: quote it ("*.json")`;
    throw new ValidationError([syntaxError(file, toPos(firstAliasOffset(doc.contents) ?? 0), message)]);
  }
  return {
    file,
    format: 'yaml',
    text,
    value,
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

/** Keys that are reserved or not plain text, and nesting past the limit, as [offset, message]. */
function yamlStructureProblems(doc: YamlDocument): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  const walk = (node: unknown, depth: number) => {
    if (!isMap(node) && !isSeq(node)) return;
    if (depth > MAX_NESTING_DEPTH) {
      out.push([node.range?.[0] ?? 0, nestingMessage()]);
      return;
    }
    if (isSeq(node)) {
      for (const item of node.items) walk(item, depth + 1);
      return;
    }
    for (const pair of node.items) {
      if (isScalar(pair.key)) {
        const problem = keyProblem(String(pair.key.value));
        if (problem) out.push([pair.key.range?.[0] ?? 0, problem]);
      }
      walk(pair.value, depth + 1);
    }
  };
  walk(doc.contents, 1);
  return out;
}

function firstAliasOffset(node: unknown): number | undefined {
  if (isAlias(node)) return node.range?.[0];
  const children = isMap(node) ? node.items.map((p) => p.value) : isSeq(node) ? node.items : [];
  for (const c of children) {
    const at = firstAliasOffset(c);
    if (at !== undefined) return at;
  }
  return undefined;
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
  return parseSource(file, readSourceText(file), format);
}

/**
 * A config or definition file's text: refused (ValidationError naming `shown`) when it cannot be
 * read, is larger than MAX_SOURCE_BYTES (checked before reading it) or is not UTF-8.
 */
export function readSourceText(file: string, shown: string = file): string {
  const fail = (message: string, at: SourcePosition = { file: shown, line: 1, column: 1 }): never => {
    throw new ValidationError([syntaxError(shown, at, message)]);
  };
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_SOURCE_BYTES)
      fail(
        `the file is ${(size / 1024 / 1024).toFixed(1)} MB; config and definition files may be at most ${MAX_SOURCE_BYTES / 1024 / 1024} MB`,
      );
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof ValidationError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'file not found' : `cannot read the file (${code})`);
  }
  return decodeUtf8(bytes, shown);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of `bytes`, or a ValidationError at the line and column of the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, shown: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, bad));
    const starts = lineStarts(before);
    const at = offsetToPosition(shown, starts, before.length);
    throw new ValidationError([
      syntaxError(
        shown,
        at,
        `the file is not UTF-8 (byte 0x${bytes[bad].toString(16).padStart(2, '0')} at offset ${bad}): save it as UTF-8`,
      ),
    ]);
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      strictUtf8.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return i;
}
