/**
 * `${var.NAME}`, `${region.name}` and `${region.host}` in job, cluster and secret-scope definitions
 * (DESIGN.md "Variables and references inside definitions"). Validation and deploy both call
 * `substitute` so that what is validated is exactly what is written to each region.
 *
 * Rules:
 * - A reference is `${var.NAME}` (NAME: letters, digits, `_`, `-`; first a letter or `_`),
 *   `${region.name}` or `${region.host}`. Anything else in `${…}` (Spark's `${env:X}`, a shell's
 *   `${HOME}`) is not ours and passes through untouched, as do Databricks' `{{secrets/scope/key}}`
 *   and `{{job.id}}`.
 * - `$${` escapes a literal `${`: `"$${var.x}"` becomes the text `${var.x}`.
 * - Substitution is string interpolation: `"jdbc:${var.url};x=1"` stays a string.
 * - A string that is exactly one reference (`"${var.workers}"`) is marked `whole`: its text is the
 *   variable's value, and validation turns it into a number or a boolean where the schema expects
 *   one and the text is a JSON number or `true`/`false` (`coerceWhole`). Everywhere else it stays
 *   a string, so `"spark.x": "${var.n}"` is the string "4" even when `n: 4`.
 * - Object keys are not substituted.
 * - A reference that cannot be resolved (unknown variable or region property) is left as written
 *   and reported in `unknown`, with the JSON pointer of the string that holds it.
 */
import type { RegionConfig } from './config/types.js';
import { formatPointer } from './source.js';

/** What a region contributes to substitution: its name, host and variables. */
export type RegionContext = Pick<RegionConfig, 'name' | 'host' | 'variables'>;

export interface Reference {
  /** JSON pointer of the string that holds the reference. */
  pointer: string;
  /** The reference as written, e.g. `${var.metastore_jdbc_url}`. */
  expression: string;
  kind: 'var' | 'region';
  /** Variable name, or the region property (`name`, `host`, or an unknown one). */
  name: string;
}

export interface SubstitutionResult<T = unknown> {
  /** A copy of the input with every resolvable reference replaced (the input is never modified). */
  value: T;
  /** References that could not be resolved in this region. */
  unknown: Reference[];
  /** Pointers of strings that were exactly one resolved reference, mapped to that reference. */
  whole: Map<string, string>;
  /** Whether anything was replaced. */
  changed: boolean;
}

const REFERENCE = /\$(\$?)\{(var|region)\.([A-Za-z_][A-Za-z0-9_-]*)\}/g;
const WHOLE_REFERENCE = /^\$\{(var|region)\.([A-Za-z_][A-Za-z0-9_-]*)\}$/;

/** Whether a string mentions `${var.…}` or `${region.…}` (escaped `$${` ones excluded). */
export function hasReference(text: string): boolean {
  if (!text.includes('${')) return false;
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) if (m[1] === '') return true;
  return false;
}

/** Whether a string needs substitution at all (a reference or an escaped `$${`). */
function needsWork(text: string): boolean {
  return text.includes('${');
}

/** Every reference in a document, in document order. */
export function findReferences(value: unknown): Reference[] {
  const out: Reference[] = [];
  walkStrings(value, [], (text, path) => {
    if (!needsWork(text)) return;
    REFERENCE.lastIndex = 0;
    for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) {
      if (m[1] !== '') continue;
      out.push({
        pointer: formatPointer(path),
        expression: m[0],
        kind: m[2] as 'var' | 'region',
        name: m[3],
      });
    }
  });
  return out;
}

/** Whether any string in a document needs substitution. Cheap: stops at the first one. */
export function documentHasReferences(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (needsWork(v)) return true;
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v !== null && typeof v === 'object') {
      for (const x of Object.values(v)) stack.push(x);
    }
  }
  return false;
}

function resolve(kind: string, name: string, region: RegionContext): string | undefined {
  if (kind === 'var') return Object.hasOwn(region.variables, name) ? region.variables[name] : undefined;
  if (name === 'name') return region.name;
  if (name === 'host') return region.host;
  return undefined;
}

/** Substitutes one string. `whole` is the reference when the string is exactly one resolved reference. */
export function substituteString(
  text: string,
  region: RegionContext,
): { text: string; unknown: Array<Omit<Reference, 'pointer'>>; whole?: string } {
  const unknown: Array<Omit<Reference, 'pointer'>> = [];
  if (!needsWork(text)) return { text, unknown };
  const whole = WHOLE_REFERENCE.exec(text);
  REFERENCE.lastIndex = 0;
  const out = text.replace(REFERENCE, (match: string, escaped: string, kind: string, name: string) => {
    if (escaped !== '') return match.slice(1);
    const v = resolve(kind, name, region);
    if (v === undefined) {
      unknown.push({ expression: match, kind: kind as 'var' | 'region', name });
      return match;
    }
    return v;
  });
  return { text: out, unknown, whole: whole && unknown.length === 0 ? text : undefined };
}

/**
 * Substitutes every reference in a document for one region. Returns a copy (strings replaced,
 * structure unchanged, so JSON pointers of the input address the same places in the output).
 */
export function substitute<T>(value: T, region: RegionContext): SubstitutionResult<T> {
  const unknown: Reference[] = [];
  const whole = new Map<string, string>();
  let changed = false;
  const path: Array<string | number> = [];
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!needsWork(v)) return v;
      const r = substituteString(v, region);
      const pointer = formatPointer(path);
      for (const u of r.unknown) unknown.push({ ...u, pointer });
      if (r.whole !== undefined) whole.set(pointer, r.whole);
      if (r.text !== v) changed = true;
      return r.text;
    }
    if (Array.isArray(v)) {
      return v.map((x, i) => {
        path.push(i);
        const out = visit(x);
        path.pop();
        return out;
      });
    }
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        path.push(k);
        out[k] = visit(x);
        path.pop();
      }
      return out;
    }
    return v;
  };
  return { value: visit(value) as T, unknown, whole, changed };
}

/**
 * The typed value a whole-reference string becomes where the schema expects `type`, or undefined
 * when the text does not parse as that type ("4" → 4 for integer/number; "true" → true for boolean).
 */
export function coerceWhole(
  text: string,
  type: 'integer' | 'number' | 'boolean',
): number | boolean | undefined {
  const t = text.trim();
  if (type === 'boolean') return t === 'true' ? true : t === 'false' ? false : undefined;
  if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  if (!Number.isFinite(n)) return undefined;
  if (type === 'integer' && !Number.isInteger(n)) return undefined;
  return n;
}

function walkStrings(
  value: unknown,
  path: Array<string | number>,
  fn: (text: string, path: Array<string | number>) => void,
): void {
  if (typeof value === 'string') fn(value, path);
  else if (Array.isArray(value))
    value.forEach((x, i) => {
      walkStrings(x, [...path, i], fn);
    });
  else if (value !== null && typeof value === 'object')
    for (const [k, x] of Object.entries(value)) walkStrings(x, [...path, k], fn);
}
