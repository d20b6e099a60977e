/**
 * What a config or definition file may contain, whatever its format: its size and nesting, and
 * which keys and characters are refused (source-json.ts and source-yaml.ts apply these).
 */

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

/** What is wrong with a key of a mapping, if anything. */
export function keyProblem(key: string): string | undefined {
  if (RESERVED_KEYS.has(key))
    return `"${key}" is not allowed as a key (it would change how every object behaves): rename or remove it`;
  if (CONTROL_CHARACTERS.test(key))
    return `key "${printable(key)}" contains a control or bidi character: use plain text`;
  return undefined;
}

export function nestingMessage(): string {
  return `nested more than ${MAX_NESTING_DEPTH} levels deep: flatten the structure`;
}
