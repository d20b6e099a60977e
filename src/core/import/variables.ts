/**
 * Per-region differences become variables: where the same object holds different values in the two
 * workspaces (a metastore JDBC URL, a storage account, a Key Vault, a worker count), the definition
 * gets `${var.X}` and each region's config gets its own value.
 */

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Scalar = string | number | boolean;

function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Arrays whose items are matched by a key, not by position. */
const KEYS = ['task_key', 'job_cluster_key', 'environment_key', 'name', 'key'];

/** Well-known settings get the names a person would give them. */
const KNOWN_NAMES: Array<[RegExp, string]> = [
  [/javax\.jdo\.option\.ConnectionURL$/, 'metastore_jdbc_url'],
  [/javax\.jdo\.option\.ConnectionUserName$/, 'metastore_user'],
  [/\.dfs\.core\.windows\.net$/, 'storage_account_key_setting'],
];

export class VariableTable {
  /** Variable name → value per region. */
  readonly values = new Map<string, Record<string, Scalar>>();
  /** Where a definition could not take a variable (shapes differ), for the summary. */
  readonly structural: string[] = [];

  constructor(private readonly regions: [string, string]) {}

  /** A variable for this pair of values, reusing one that already holds exactly them. */
  variable(hint: string, a: Scalar, b: Scalar): string {
    const [ra, rb] = this.regions;
    // The same two texts (a JDBC URL, a vault) are one setting; equal numbers are a coincidence.
    if (typeof a === 'string')
      for (const [name, v] of this.values) if (v[ra] === a && v[rb] === b) return name;
    const base = slug(hint);
    let name = base;
    for (let i = 2; this.values.has(name); i++) name = `${base}_${i}`;
    this.values.set(name, { [ra]: a, [rb]: b });
    return name;
  }

  /** A variable with one region's value only (the other region did not hold the object). */
  single(name: string, region: string, value: Scalar): string {
    const existing = this.values.get(name) ?? {};
    existing[region] = value;
    this.values.set(name, existing);
    return name;
  }
}

function slug(text: string): string {
  const s = text
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  return /^[a-z_]/.test(s) ? s : `v_${s}`;
}

function nameFor(objectName: string, path: string[]): string {
  const last = path[path.length - 1] ?? 'value';
  for (const [pattern, name] of KNOWN_NAMES) if (pattern.test(last)) return name;
  const meaningful = path.filter((p) => !/^\d+$/.test(p) && !KEYS.includes(p));
  return `${objectName}_${meaningful.slice(-2).join('_')}`;
}

function keyOf(item: unknown): string | undefined {
  if (!isObject(item)) return undefined;
  for (const k of KEYS) if (typeof item[k] === 'string') return `${k}=${item[k]}`;
  return undefined;
}

/**
 * Replaces, in `a`, every scalar that differs from `b` with `${var.X}` (in place), recording both
 * values. Where the shapes differ (a field only one side has, lists of different lengths) the
 * imported region's value stays and the place is listed.
 */
export function liftDifferences(
  objectName: string,
  a: Json,
  b: Json,
  table: VariableTable,
  where: string,
  path: string[] = [],
): void {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const at = [...path, key];
    const va = a[key];
    const vb = b[key];
    if (JSON.stringify(va) === JSON.stringify(vb)) continue;
    if (isScalar(va) && isScalar(vb)) {
      a[key] = `\${var.${table.variable(nameFor(objectName, at), va, vb)}}`;
    } else if (isObject(va) && isObject(vb)) {
      liftDifferences(objectName, va, vb, table, where, at);
    } else if (Array.isArray(va) && Array.isArray(vb) && va.length === vb.length) {
      const byKey = new Map(vb.map((item) => [keyOf(item), item]));
      va.forEach((item, i) => {
        const other = keyOf(item) !== undefined ? byKey.get(keyOf(item)) : vb[i];
        const name = keyOf(item)?.split('=')[1] ?? String(i);
        if (isObject(item) && isObject(other))
          liftDifferences(objectName, item, other, table, where, [...at, name]);
        else if (isScalar(item) && isScalar(other) && item !== other)
          va[i] = `\${var.${table.variable(nameFor(objectName, [...at, name]), item, other)}}`;
        else if (JSON.stringify(item) !== JSON.stringify(other))
          table.structural.push(`${where}: ${[...at, name].join('.')}`);
      });
    } else {
      table.structural.push(`${where}: ${at.join('.')}`);
    }
  }
}
