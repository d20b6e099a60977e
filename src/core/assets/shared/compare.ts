/**
 * Compares what the repo wants with what a workspace reports, ignoring what the server fills in by
 * itself, so an unchanged object is never rewritten and never shows as drift forever.
 */

type Json = unknown;

export interface CompareOptions {
  /**
   * Values the server fills when a field is absent, by path pattern ('*' matches one array index or
   * key): an absent desired field equals an actual field holding this value.
   */
  defaults?: Record<string, Json>;
  /** Path patterns of read-only or server-owned fields, never compared. */
  ignore?: readonly string[];
  /** Arrays whose elements are matched by this key, not by position (the server may reorder them). */
  keyedArrays?: Record<string, string>;
}

/** Whether a path matches a pattern of CompareOptions ("*" matches one array index or key). */
export function matches(pattern: string, path: string): boolean {
  const p = pattern.split('/');
  const s = path.split('/');
  return p.length === s.length && p.every((seg, i) => seg === '*' || seg === s[i]);
}

function lookup<T>(table: Record<string, T> | undefined, path: string): T | undefined {
  if (!table) return undefined;
  for (const [pattern, value] of Object.entries(table)) if (matches(pattern, path)) return value;
  return undefined;
}

function isEmpty(v: Json): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function equivalent(desired: Json, actual: Json, options: CompareOptions = {}, path = ''): boolean {
  if (options.ignore?.some((p) => matches(p, path))) return true;
  if (desired === undefined) {
    if (isEmpty(actual)) return true;
    const d = lookup(options.defaults, path);
    return d !== undefined && equivalent(d, actual, options, path);
  }
  if (actual === undefined) {
    if (isEmpty(desired)) return true;
    const d = lookup(options.defaults, path);
    return d !== undefined && equivalent(desired, d, options, path);
  }
  if (Array.isArray(desired) || Array.isArray(actual)) {
    if (!Array.isArray(desired) || !Array.isArray(actual) || desired.length !== actual.length) return false;
    const key = lookup(options.keyedArrays, path);
    if (key) {
      const byKey = new Map(actual.filter(isObject).map((a) => [a[key], a]));
      return desired.every(
        (d) => isObject(d) && byKey.has(d[key]) && equivalent(d, byKey.get(d[key]), options, `${path}/*`),
      );
    }
    return desired.every((d, i) => equivalent(d, actual[i], options, `${path}/${i}`));
  }
  if (isObject(desired) || isObject(actual)) {
    if (!isObject(desired) || !isObject(actual)) return false;
    const keys = new Set([...Object.keys(desired), ...Object.keys(actual)]);
    for (const k of keys)
      if (!equivalent(desired[k], actual[k], options, path ? `${path}/${k}` : k)) return false;
    return true;
  }
  return desired === actual;
}

/** The top-level fields that differ: what a plan, a summary and drift report (never the values). */
export function differingFields(
  desired: Record<string, Json>,
  actual: Record<string, Json>,
  options: CompareOptions = {},
): string[] {
  const keys = new Set([...Object.keys(desired), ...Object.keys(actual)]);
  return [...keys].filter((k) => !equivalent(desired[k], actual[k], options, k)).sort();
}
