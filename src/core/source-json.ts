/**
 * JSON sources: parsed with jsonc-parser's tree so every value keeps its offset; nesting is
 * bounded before parsing and keys are checked while the value is built.
 */
import {
  findNodeAtLocation,
  type Node as JsonNode,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser';
import { type Diagnostic, ValidationError } from './errors.js';
import {
  formatPointer,
  lineStarts,
  offsetToPosition,
  parsePointer,
  type SourceDocument,
  syntaxError,
} from './source-document.js';
import { keyProblem, MAX_NESTING_DEPTH, nestingMessage, RESERVED_KEYS } from './source-limits.js';

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

export function parseJson(file: string, text: string): SourceDocument {
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
