/**
 * A small, strict expander for the Azure Pipelines template features our templates use, so tests
 * can turn a job template plus parameters into the concrete steps the agent would run — and run
 * their scripts. It implements: typed `parameters` with defaults and `values`, `${{ }}`
 * compile-time expressions (parameters.*, each-loop variables, eq, ne, and, or, not, coalesce,
 * format, join, length), `${{ if }}` and `${{ each }}` insertions in mappings and sequences, and
 * `template:` references (steps and jobs) relative to the including file. Anything else is an
 * error, so a template using a feature this does not know fails loudly instead of passing. There
 * is no offline Azure Pipelines parser; this is the substitute (docs/azure-devops.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
type Scope = Record<string, Value>;

export const PARAMETER_TYPES = [
  'string',
  'number',
  'boolean',
  'object',
  'step',
  'stepList',
  'job',
  'jobList',
  'deployment',
  'deploymentList',
  'stage',
  'stageList',
] as const;

export interface ParameterDef {
  name: string;
  type: (typeof PARAMETER_TYPES)[number];
  default?: Value;
  values?: Value[];
}

export function loadYaml(file: string): Record<string, Value> {
  return parse(readFileSync(file, 'utf8')) as Record<string, Value>;
}

export function parameterDefs(doc: Record<string, Value>, file: string): ParameterDef[] {
  const raw = doc.parameters;
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new Error(`${file}: parameters must be a list of typed parameters`);
  return raw.map((p) => {
    const def = p as unknown as ParameterDef;
    if (typeof def.name !== 'string' || !PARAMETER_TYPES.includes(def.type))
      throw new Error(`${file}: parameter ${JSON.stringify(p)} needs a name and one of the types`);
    return def;
  });
}

function checkType(def: ParameterDef, value: Value, file: string): void {
  const ok =
    def.type === 'string'
      ? typeof value === 'string'
      : def.type === 'number'
        ? typeof value === 'number'
        : def.type === 'boolean'
          ? typeof value === 'boolean'
          : value !== null && typeof value === 'object';
  if (!ok) throw new Error(`${file}: parameter ${def.name} is ${def.type}, got ${JSON.stringify(value)}`);
  if (def.values && !def.values.includes(value))
    throw new Error(`${file}: parameter ${def.name} must be one of ${def.values.join(', ')}, got ${value}`);
}

/** Parameters with defaults applied and types checked, as the pipeline compiler does. */
export function bindParameters(
  defs: ParameterDef[],
  given: Record<string, Value>,
  file: string,
): Record<string, Value> {
  for (const key of Object.keys(given))
    if (!defs.some((d) => d.name === key)) throw new Error(`${file}: unexpected parameter ${key}`);
  const out: Record<string, Value> = {};
  for (const def of defs) {
    const value = key(given, def.name) ? given[def.name] : def.default;
    if (value === undefined) throw new Error(`${file}: parameter ${def.name} is required`);
    checkType(def, value, file);
    out[def.name] = value;
  }
  return out;
}

function key(o: object, k: string): boolean {
  return Object.hasOwn(o, k);
}

// ---- expressions ---------------------------------------------------------------------------

type Token =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'id'; v: string }
  | { t: 'p'; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) i++;
    else if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated string in ${src}`);
        if (src[i] === "'" && src[i + 1] === "'") {
          s += "'";
          i += 2;
        } else if (src[i] === "'") {
          i++;
          break;
        } else s += src[i++];
      }
      out.push({ t: 'str', v: s });
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9.]+/.exec(src.slice(i))![0];
      out.push({ t: 'num', v: Number(m) });
      i += m.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.-]*/.exec(src.slice(i))![0];
      out.push({ t: 'id', v: m });
      i += m.length;
    } else if ('(),'.includes(c)) {
      out.push({ t: 'p', v: c });
      i++;
    } else throw new Error(`unexpected "${c}" in expression ${src}`);
  }
  return out;
}

export function toText(v: Value): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null) return '';
  if (typeof v === 'object') throw new Error(`cannot use ${JSON.stringify(v)} as a string`);
  return String(v);
}

function truthy(v: Value): boolean {
  if (typeof v === 'string') return v !== '';
  if (typeof v === 'number') return v !== 0;
  if (v === null) return false;
  return v !== false;
}

function loose(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === 'boolean' && typeof b === 'string') return toText(a).toLowerCase() === b.toLowerCase();
  if (typeof b === 'boolean' && typeof a === 'string') return loose(b, a);
  return a === b;
}

const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  eq: ([a, b]) => loose(a, b),
  ne: ([a, b]) => !loose(a, b),
  and: (args) => args.every(truthy),
  or: (args) => args.some(truthy),
  not: ([a]) => !truthy(a),
  coalesce: (args) => args.find((a) => a !== null && a !== '') ?? null,
  format: ([f, ...args]) => toText(f).replace(/\{(\d+)\}/g, (_, n: string) => toText(args[Number(n)])),
  join: ([sep, list]) => {
    if (!Array.isArray(list)) throw new Error('join needs an array');
    return list.map(toText).join(toText(sep));
  },
  length: ([a]) =>
    Array.isArray(a) ? a.length : typeof a === 'string' ? a.length : Object.keys(a ?? {}).length,
};

export function evaluate(src: string, scope: Scope): Value {
  const tokens = tokenize(src);
  let pos = 0;
  const next = () => tokens[pos++];
  const expr = (): Value => {
    const tok = next();
    if (!tok) throw new Error(`incomplete expression ${src}`);
    if (tok.t === 'str' || tok.t === 'num') return tok.v;
    if (tok.t !== 'id') throw new Error(`unexpected ${tok.v} in ${src}`);
    if (tokens[pos]?.t === 'p' && tokens[pos].v === '(') {
      pos++;
      const args: Value[] = [];
      while (!(tokens[pos]?.t === 'p' && tokens[pos].v === ')')) {
        args.push(expr());
        if (tokens[pos]?.t === 'p' && tokens[pos].v === ',') pos++;
      }
      pos++;
      const fn = FUNCTIONS[tok.v.toLowerCase()];
      if (!fn) throw new Error(`function ${tok.v} is not supported by the test expander (${src})`);
      return fn(args);
    }
    if (tok.v === 'true') return true;
    if (tok.v === 'false') return false;
    const [head, ...rest] = tok.v.split('.');
    if (!key(scope, head)) throw new Error(`unknown name ${head} in ${src}`);
    let v: Value = scope[head];
    for (const part of rest) {
      if (v === null || typeof v !== 'object' || Array.isArray(v) || !key(v, part)) {
        if (head === 'parameters') throw new Error(`unknown parameter ${tok.v} in ${src}`);
        return null;
      }
      v = v[part];
    }
    return v;
  };
  const value = expr();
  if (pos !== tokens.length) throw new Error(`trailing input in expression ${src}`);
  return value;
}

const WHOLE = /^\$\{\{\s*([\s\S]*?)\s*\}\}$/;
const PART = /\$\{\{\s*([\s\S]*?)\s*\}\}/g;
const IF = /^\$\{\{\s*if\s+([\s\S]*?)\s*\}\}$/;
const EACH = /^\$\{\{\s*each\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\s+([\s\S]*?)\s*\}\}$/;

function evalString(s: string, scope: Scope): Value {
  const whole = WHOLE.exec(s);
  if (whole && !IF.test(s) && !EACH.test(s)) return evaluate(whole[1], scope);
  return s.replace(PART, (_, e: string) => toText(evaluate(e, scope)));
}

// ---- documents -----------------------------------------------------------------------------

export interface Expansion {
  /** Every template file the expansion read. */
  files: Set<string>;
}

function expandNode(node: Value, scope: Scope, file: string, ctx: Expansion): Value {
  if (typeof node === 'string') return evalString(node, scope);
  if (Array.isArray(node)) {
    const out: Value[] = [];
    for (const item of node) {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const keys = Object.keys(item);
        const directive = keys.length === 1 ? keys[0] : undefined;
        const ifm = directive ? IF.exec(directive) : null;
        const eachm = directive ? EACH.exec(directive) : null;
        if (ifm) {
          if (truthy(evaluate(ifm[1], scope)))
            out.push(...asList(expandNode(item[directive!], scope, file, ctx)));
          continue;
        }
        if (eachm) {
          for (const v of iterate(evaluate(eachm[2], scope)))
            out.push(...asList(expandNode(item[directive!], { ...scope, [eachm[1]]: v }, file, ctx)));
          continue;
        }
        if (typeof item.template === 'string') {
          out.push(...includeTemplate(item, scope, file, ctx));
          continue;
        }
      }
      out.push(expandNode(item, scope, file, ctx));
    }
    return out;
  }
  if (node && typeof node === 'object') {
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(node)) {
      const ifm = IF.exec(k);
      const eachm = EACH.exec(k);
      if (ifm) {
        if (truthy(evaluate(ifm[1], scope))) Object.assign(out, asMap(expandNode(v, scope, file, ctx)));
      } else if (eachm) {
        for (const item of iterate(evaluate(eachm[2], scope)))
          Object.assign(out, asMap(expandNode(v, { ...scope, [eachm[1]]: item }, file, ctx)));
      } else {
        out[toText(evalString(k, scope))] = expandNode(v, scope, file, ctx);
      }
    }
    return out;
  }
  return node;
}

function iterate(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object') return Object.entries(v).map(([k, value]) => ({ key: k, value }));
  throw new Error(`cannot iterate over ${JSON.stringify(v)}`);
}

function asList(v: Value): Value[] {
  if (!Array.isArray(v)) throw new Error(`expected a list, got ${JSON.stringify(v)}`);
  return v;
}

function asMap(v: Value): Record<string, Value> {
  if (!v || typeof v !== 'object' || Array.isArray(v))
    throw new Error(`expected a mapping, got ${JSON.stringify(v)}`);
  return v;
}

function includeTemplate(item: Record<string, Value>, scope: Scope, file: string, ctx: Expansion): Value[] {
  const ref = toText(evalString(item.template as string, scope));
  if (ref.includes('@'))
    throw new Error(
      `${file}: a template inside the template repository must be referenced by relative path, got ${ref}`,
    );
  const target = path.resolve(path.dirname(file), ref);
  const params = item.parameters === undefined ? {} : asMap(expandNode(item.parameters, scope, file, ctx));
  const doc = expandTemplate(target, params, ctx);
  const body = doc.steps ?? doc.jobs;
  if (!Array.isArray(body)) throw new Error(`${target}: expected steps or jobs`);
  return body;
}

/** Expands one template file with the given parameters into its concrete document. */
export function expandTemplate(
  file: string,
  given: Record<string, Value> = {},
  ctx: Expansion = { files: new Set() },
): Record<string, Value> {
  ctx.files.add(file);
  const doc = loadYaml(file);
  const parameters = bindParameters(parameterDefs(doc, file), given, file);
  const { parameters: _, ...rest } = doc;
  return asMap(expandNode(rest, { parameters }, file, ctx));
}

/** Replaces runtime macros `$(Name)` with the given variables; unknown ones are an error. */
export function macros(text: string, variables: Record<string, string>): string {
  return text.replace(/\$\(([A-Za-z0-9_.]+)\)/g, (_, name: string) => {
    if (!key(variables, name)) throw new Error(`unknown variable $(${name})`);
    return variables[name];
  });
}
