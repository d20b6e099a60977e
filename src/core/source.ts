/**
 * Parses JSON and YAML files while keeping where every value came from, so that any error found
 * later (by the config loader, the schemas or the cross-file rules) points at file:line:column.
 */
import { readFileSync, statSync } from 'node:fs';
import { type SourcePosition, ValidationError } from './errors.js';
import {
  lineStarts,
  offsetToPosition,
  type SourceDocument,
  type SourceFormat,
  syntaxError,
} from './source-document.js';
import { parseJson } from './source-json.js';
import { MAX_SOURCE_BYTES } from './source-limits.js';
import { parseYaml } from './source-yaml.js';

export {
  formatPointer,
  parsePointer,
  type SourceDocument,
  type SourceFormat,
} from './source-document.js';
export { duplicateJsonKeys } from './source-json.js';
export {
  CONTROL_CHARACTERS,
  MAX_NESTING_DEPTH,
  MAX_SOURCE_BYTES,
  MAX_YAML_ALIASES,
  printable,
  RESERVED_KEYS,
} from './source-limits.js';

export function inferFormat(file: string, text: string): SourceFormat {
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  if (/\.json$/i.test(file)) return 'json';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
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
