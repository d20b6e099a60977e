/**
 * YAML sources: parsed with the yaml package's document model so every node keeps its range;
 * keys, nesting and aliases are checked before the value is built.
 */
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
import { type SourcePosition, ValidationError } from './errors.js';
import { parsePointer, type SourceDocument, syntaxError } from './source-document.js';
import { keyProblem, MAX_NESTING_DEPTH, MAX_YAML_ALIASES, nestingMessage } from './source-limits.js';

export function parseYaml(file: string, text: string): SourceDocument {
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
