/**
 * The schemas know every field of the official Go SDK's Jobs and Compute models
 * (schemas/inventory/*.json, written by `npm run inventory`; see scripts/sdk-inventory.mjs), and
 * accept every value of the SDK's enums where the schema restricts a field to a list. A field added
 * to the API then fails here after one regeneration, instead of in a user's `validate`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

type Json = Record<string, unknown>;
interface Field {
  type: string;
  enum?: string[];
}
interface Inventory {
  source: { version: string; commit: string };
  schema: string;
  root: string;
  types: Record<string, { fields: Record<string, Field> }>;
}

const SCHEMAS = path.resolve(import.meta.dirname, '../../schemas');
const read = (file: string) => JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8'));

/**
 * Inventory fields the schemas deliberately leave out, by the Go type that holds them, each with
 * its reason: read-only (the server sets it and ignores or refuses it on write) or owned by the
 * service rather than by a job file. Empty today: every field of SDK v0.175.0's JobSettings and
 * create spec is accepted. An entry that no longer excludes anything fails the test below.
 * Example: `'jobs.GitSource': { git_snapshot: 'read-only: the commit a run used' }`.
 */
const EXCLUDED: Record<string, Record<string, string>> = {
  'pipelines.CreatePipeline': {
    dry_run: 'a switch of the create request (validate only), not a setting of the pipeline',
    allow_duplicate_names: 'a switch of the request; databricks-dr matches pipelines by name',
    id: 'assigned by the workspace; ids differ per region',
  },
};

/** The properties a node (after $ref, and across allOf/oneOf/anyOf/if-then-else) declares. */
function propertiesOf(schema: Json, node: Json | undefined): Map<string, Json> {
  const out = new Map<string, Json>();
  const visit = (n: unknown) => {
    if (typeof n !== 'object' || n === null) return;
    const o = resolve(schema, n as Json);
    for (const [k, v] of Object.entries((o.properties as Json | undefined) ?? {})) out.set(k, v as Json);
    for (const key of ['allOf', 'oneOf', 'anyOf']) for (const b of (o[key] as unknown[]) ?? []) visit(b);
    visit(o.then);
    visit(o.else);
  };
  visit(node);
  return out;
}

function resolve(schema: Json, node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const name = ref.replace('#/$defs/', '');
  return resolve(schema, (schema.$defs as Json)[name] as Json);
}

/** The schema node for an element of `wrap` (`[]` → items, `map.` → additionalProperties). */
function unwrap(schema: Json, node: Json, fieldType: string): Json | undefined {
  let n: Json | undefined = resolve(schema, node);
  let rest = fieldType;
  while (n && (rest.startsWith('[]') || rest.startsWith('map.'))) {
    const list = rest.startsWith('[]');
    rest = rest.slice(list ? 2 : 4);
    const next: unknown = list ? n.items : n.additionalProperties;
    n = typeof next === 'object' && next !== null ? resolve(schema, next as Json) : undefined;
  }
  return n;
}

function enumOf(schema: Json, node: Json | undefined): string[] | undefined {
  if (!node) return undefined;
  const values = new Set<string>();
  let restricted = false;
  const visit = (n: Json) => {
    const o = resolve(schema, n);
    if (Array.isArray(o.enum)) {
      restricted = true;
      for (const v of o.enum) values.add(String(v));
    }
    for (const b of (o.anyOf as Json[]) ?? []) visit(b);
    for (const b of (o.oneOf as Json[]) ?? []) visit(b);
  };
  visit(node);
  return restricted ? [...values] : undefined;
}

/** Every inventory field the schema does not know, and every SDK enum value it refuses. */
function gaps(inv: Inventory): { unknown: string[]; enums: string[]; excluded: Set<string> } {
  const schema = read(inv.schema);
  const unknown: string[] = [];
  const enums: string[] = [];
  const excluded = new Set<string>();
  const seen = new Map<Json, Set<string>>();
  const walk = (type: string, node: Json, at: string) => {
    const done = seen.get(node) ?? new Set<string>();
    if (done.has(type)) return;
    done.add(type);
    seen.set(node, done);
    const props = propertiesOf(schema, node);
    for (const [name, field] of Object.entries(inv.types[type]?.fields ?? {})) {
      const where = `${at}${name}`;
      const sub = props.get(name);
      if (!sub) {
        if (EXCLUDED[type]?.[name]) excluded.add(`${type}.${name}`);
        else unknown.push(`${where} (${type}.${name})`);
        continue;
      }
      const element = unwrap(schema, sub, field.type);
      const allowed = enumOf(schema, element);
      if (field.enum && allowed)
        for (const v of field.enum) if (!allowed.includes(v)) enums.push(`${where}: ${v}`);
      const named = field.type.replace(/^(\[\]|map\.)+/, '');
      if (inv.types[named] && element)
        walk(named, element, `${where}${field.type.startsWith('[]') ? '[]' : ''}.`);
    }
  };
  walk(inv.root, schema, '');
  return { unknown, enums, excluded };
}

describe.each(['jobs.json', 'compute.json', 'pipelines.json'])('SDK inventory %s', (file) => {
  const inv = read(`inventory/${file}`) as Inventory;

  test('names the SDK version and commit it came from', () => {
    expect(inv.source.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(inv.source.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  test('every field is known to the schema (or excluded with a reason)', () => {
    expect(gaps(inv).unknown).toEqual([]);
  });

  test('every enum value of the SDK is accepted where the schema lists values', () => {
    expect(gaps(inv).enums).toEqual([]);
  });
});

test('every exclusion excludes a field of the inventory that the schemas lack', () => {
  const used = new Set(
    ['jobs.json', 'compute.json', 'pipelines.json'].flatMap((f) => [
      ...gaps(read(`inventory/${f}`) as Inventory).excluded,
    ]),
  );
  const listed = Object.entries(EXCLUDED).flatMap(([type, fields]) =>
    Object.keys(fields).map((f) => `${type}.${f}`),
  );
  expect(listed.filter((e) => !used.has(e))).toEqual([]);
});

test('the check itself fails on a field the schema lacks', () => {
  const inv = read('inventory/jobs.json') as Inventory;
  const extra = structuredClone(inv);
  extra.types[inv.root].fields.no_such_field_in_any_schema = { type: 'string' };
  expect(gaps(extra).unknown).toContain(
    'no_such_field_in_any_schema (jobs.JobSettings.no_such_field_in_any_schema)',
  );
});

test('schemas/pipeline.schema.json is what scripts/pipeline-schema.mjs makes of the inventory', () => {
  const script = path.resolve(import.meta.dirname, '../../scripts/pipeline-schema.mjs');
  expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
});
