/**
 * The little SQL the emulator evaluates for the Statement Execution API: one SELECT without FROM
 * whose items are literals ('text', 42, 1.5, true, null), current_date(), current_timestamp()
 * (or now()), or one explode(sequence(a, b[, step])) generator, each optionally aliased. That is
 * what connectivity checks and the SDK's examples run; anything else is refused with a message
 * that says so, never answered with made-up rows.
 *
 * Names and types follow Spark SQL: a literal's column is named by its text, explode's `col`;
 * integers are INT (BIGINT past 32 bits), decimals DECIMAL(p,s). Values are JSON_ARRAY strings.
 */
export interface Column {
  name: string;
  type_name: string;
  type_text: string;
  position: number;
  type_precision?: number;
  type_scale?: number;
}

export interface Evaluated {
  columns: Column[];
  rows: (string | null)[][];
}

type Item = { name: string; type: string; text: string; precision?: number; scale?: number } & (
  | { values: (string | null)[] }
  | { value: string | null }
);

const IDENT = /^(?:[A-Za-z_][A-Za-z0-9_]*|`[^`]+`)$/;
const MAX_GENERATED_ROWS = 100_000;

export class UnsupportedSql extends Error {}

/** Splits on commas outside quotes and parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

/** `expr AS alias`, `expr alias` or `expr`. */
function splitAlias(item: string): { expr: string; alias?: string } {
  const m = /^(.*?)\s+(?:as\s+)?([A-Za-z_][A-Za-z0-9_]*|`[^`]+`)$/is.exec(item);
  if (m && !/^(?:as)$/i.test(m[2]) && (/\bas\s+\S+$/i.test(item) || /['")\d]$/.test(m[1])))
    return { expr: m[1].trim(), alias: m[2].replace(/^`|`$/g, '') };
  return { expr: item };
}

const int = (s: string): number | undefined => (/^-?\d+$/.test(s.trim()) ? Number(s.trim()) : undefined);

function evaluate(expr: string, now: Date): Item {
  const e = expr.trim();
  const str = /^'((?:[^']|'')*)'$/.exec(e) ?? /^"((?:[^"]|"")*)"$/.exec(e);
  if (str) {
    const value = str[1].replace(/''/g, "'").replace(/""/g, '"');
    return { name: value, type: 'STRING', text: 'STRING', value };
  }
  if (/^-?\d+$/.test(e)) {
    const big = Math.abs(Number(e)) > 2_147_483_647;
    return { name: e, type: big ? 'LONG' : 'INT', text: big ? 'BIGINT' : 'INT', value: String(BigInt(e)) };
  }
  const dec = /^-?(\d*)\.(\d+)$/.exec(e);
  if (dec) {
    const precision = Math.max(dec[1].replace(/^0+/, '').length + dec[2].length, dec[2].length, 1);
    const scale = dec[2].length;
    const text = `DECIMAL(${precision},${scale})`;
    return { name: e, type: 'DECIMAL', text, precision, scale, value: e };
  }
  if (/^(true|false)$/i.test(e))
    return { name: e.toLowerCase(), type: 'BOOLEAN', text: 'BOOLEAN', value: e.toLowerCase() };
  if (/^null$/i.test(e)) return { name: 'NULL', type: 'NULL', text: 'VOID', value: null };
  if (/^(current_timestamp|now)\s*\(\s*\)$/i.test(e) || /^current_timestamp$/i.test(e))
    return { name: 'current_timestamp()', type: 'TIMESTAMP', text: 'TIMESTAMP', value: now.toISOString() };
  if (/^current_date\s*\(\s*\)$/i.test(e) || /^current_date$/i.test(e))
    return { name: 'current_date()', type: 'DATE', text: 'DATE', value: now.toISOString().slice(0, 10) };
  const gen = /^explode\s*\(\s*sequence\s*\((.*)\)\s*\)$/is.exec(e);
  if (gen) {
    const args = splitTopLevel(gen[1]).map(int);
    const [from, to] = args;
    const step = args.length === 3 ? args[2] : (to ?? 0) >= (from ?? 0) ? 1 : -1;
    if (
      from === undefined ||
      to === undefined ||
      step === undefined ||
      args.length > 3 ||
      step === 0 ||
      Math.sign(to - from) * step < 0
    )
      throw new UnsupportedSql(`explode(sequence(…)) needs integer bounds and a step towards the end: ${e}`);
    const count = Math.floor((to - from) / step) + 1;
    if (count > MAX_GENERATED_ROWS) throw new UnsupportedSql(`sequence of ${count} elements is too long`);
    const values = Array.from({ length: count }, (_, i) => String(from + i * step));
    return { name: 'col', type: 'INT', text: 'INT', values };
  }
  throw new UnsupportedSql(`the emulator does not evaluate the expression ${e}`);
}

/**
 * Evaluates `statement`, or throws UnsupportedSql saying what the emulator cannot evaluate.
 * `now` is the statement's clock reading.
 */
export function evaluateSql(statement: string, now: Date): Evaluated {
  const text = statement.trim().replace(/;\s*$/, '');
  const select = /^select\s+(.+)$/is.exec(text);
  if (!select)
    throw new UnsupportedSql('the emulator evaluates only SELECT statements (without FROM) of literals');
  const items = splitTopLevel(select[1]);
  if (items.some((i) => i === '')) throw new UnsupportedSql('empty select item');
  if (items.some((i) => /\sfrom\s/i.test(i.replace(/'(?:[^']|'')*'/g, "''"))))
    throw new UnsupportedSql('the emulator has no tables: SELECT … FROM is not evaluated');
  const evaluated = items.map((raw) => {
    const { expr, alias } = splitAlias(raw);
    const item = evaluate(expr, now);
    if (alias !== undefined && !IDENT.test(alias)) throw new UnsupportedSql(`bad alias ${alias}`);
    return alias === undefined ? item : { ...item, name: alias };
  });
  const generators = evaluated.filter((i) => 'values' in i);
  if (generators.length > 1) throw new UnsupportedSql('only one generator is allowed in a SELECT clause');
  const count = generators.length === 1 && 'values' in generators[0] ? generators[0].values.length : 1;
  const rows = Array.from({ length: count }, (_, r) =>
    evaluated.map((i) => ('values' in i ? i.values[r] : i.value)),
  );
  const columns = evaluated.map((i, position) => ({
    name: i.name,
    type_name: i.type,
    type_text: i.text,
    position,
    ...(i.precision !== undefined ? { type_precision: i.precision, type_scale: i.scale } : {}),
  }));
  return { columns, rows };
}
