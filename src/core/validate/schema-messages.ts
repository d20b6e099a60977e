/**
 * Turns Ajv's errors into one useful message per problem: what is wrong and how to fix it, at the
 * value (wrong type, enum, range), the key (unknown field) or the owning object (missing field).
 *
 * oneOf/anyOf noise is collapsed: the schemas use `oneOf` only for field groups ("exactly one of"
 * / "at most one of"), which get one message each; any other composite is reduced to the errors
 * of the branch whose type matched, or to one "must be X or Y" message. The message of each
 * remaining error is schema-error-message.ts's.
 */
import { closest } from '../suggest.js';
import { type Issue, isObject, issue, oneOfWords, show, valueAt } from './issues.js';
import {
  errorMessage,
  fieldName,
  type MessageOptions,
  objectName,
  TYPE_WORDS,
} from './schema-error-message.js';
import type { SchemaError } from './schemas.js';

interface FieldGroup {
  fields: string[];
  /** true: exactly one is required; false: at most one is allowed. */
  required: boolean;
}

/** Recognizes the schemas' field-group idiom in a oneOf. */
function fieldGroup(schema: unknown): FieldGroup | undefined {
  if (!Array.isArray(schema) || schema.length === 0) return undefined;
  const fields: string[] = [];
  let required = true;
  for (const branch of schema) {
    if (!isObject(branch)) return undefined;
    const keys = Object.keys(branch);
    if (
      keys.length === 1 &&
      keys[0] === 'required' &&
      Array.isArray(branch.required) &&
      branch.required.length === 1
    ) {
      fields.push(String(branch.required[0]));
    } else if (
      keys.length === 1 &&
      keys[0] === 'not' &&
      isObject(branch.not) &&
      Array.isArray(branch.not.anyOf)
    ) {
      required = false;
    } else return undefined;
  }
  return { fields, required };
}

function isUnder(child: SchemaError, parent: SchemaError): boolean {
  if (child === parent) return false;
  const p = parent.instancePath;
  const c = child.instancePath;
  if (!(c === p || c.startsWith(`${p}/`))) return false;
  return child.schemaPath.startsWith(`${parent.schemaPath}/`);
}

/** Converts Ajv errors for one document into issues. */
export function schemaIssues(errors: readonly SchemaError[], root: unknown, opts: MessageOptions): Issue[] {
  const meant = meantFields(errors, opts);
  let remaining = errors.filter(
    (e) => !(e.keyword === 'required' && meant.get(e.instancePath)?.has(String(e.params.missingProperty))),
  );
  const out: Issue[] = [];

  // Composites first, deepest schema path first, so nested ones are collapsed before outer ones.
  const composites = remaining
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .sort(
      (a, b) => b.schemaPath.length - a.schemaPath.length || b.instancePath.length - a.instancePath.length,
    );
  for (const c of composites) {
    if (!remaining.includes(c)) continue;
    const subs = remaining.filter((e) => isUnder(e, c));
    remaining = remaining.filter((e) => e !== c && !subs.includes(e));
    const group = c.keyword === 'oneOf' ? fieldGroup(c.schema) : undefined;
    if (group) {
      const found = fieldGroupIssue(c, group, root, opts, meant);
      if (found) out.push(found);
      continue;
    }
    const collapsed = collapseComposite(c, subs, root);
    if (Array.isArray(collapsed)) remaining.push(...collapsed);
    else out.push(collapsed);
  }

  for (const e of remaining) {
    const m = errorMessage(e, root, opts);
    if (m) out.push({ ...m, keyword: e.keyword });
  }
  return out;
}

/**
 * A misspelt field ("notebok_path") also makes the real one missing. When the unknown field is an
 * error, its "did you mean" says it all: the fields it probably meant, by object, so the "missing
 * field" findings for those names can be dropped.
 */
function meantFields(errors: readonly SchemaError[], opts: MessageOptions): Map<string, Set<string>> {
  const meant = new Map<string, Set<string>>();
  if (opts.unknownFields !== 'error') return meant;
  for (const e of errors) {
    if (
      e.keyword !== 'additionalProperties' ||
      !isObject(e.parentSchema) ||
      !isObject(e.parentSchema.properties)
    )
      continue;
    const near = closest(String(e.params.additionalProperty), Object.keys(e.parentSchema.properties));
    if (near === undefined) continue;
    const set = meant.get(e.instancePath) ?? new Set<string>();
    set.add(near);
    meant.set(e.instancePath, set);
  }
  return meant;
}

/** A `oneOf` over a group of fields: none of them, or more than one. */
function fieldGroupIssue(
  c: SchemaError,
  group: { fields: string[] },
  root: unknown,
  opts: MessageOptions,
  meant: ReadonlyMap<string, Set<string>>,
): Issue | undefined {
  const data = valueAt(root, c.instancePath);
  if (!isObject(data)) return undefined; // the type error says it already
  const present = Object.keys(data).filter((k) => group.fields.includes(k)); // in source order
  const where = objectName(opts.kind, root, c.instancePath);
  if (present.length === 0) {
    if (group.fields.some((f) => meant.get(c.instancePath)?.has(f))) return undefined;
    return issue(c.instancePath, `${where} needs one of ${oneOfWords(group.fields)}`);
  }
  if (present.length === 1) return undefined;
  return issue(
    `${c.instancePath}/${present[1]}`,
    `${where} takes only one of ${oneOfWords(group.fields)}, but has ${oneOfWords(present, 'and')}: keep one`,
    { target: 'key' },
  );
}

/**
 * A generic composite: the errors of the branch whose type matched (reported in its place), or
 * else one "must be X or Y".
 */
function collapseComposite(
  c: SchemaError,
  subs: readonly SchemaError[],
  root: unknown,
): SchemaError[] | Issue {
  const branches = new Map<string, SchemaError[]>();
  for (const s of subs) {
    const branch = s.schemaPath.slice(c.schemaPath.length + 1).split('/')[0];
    const list = branches.get(branch) ?? [];
    list.push(s);
    branches.set(branch, list);
  }
  const typed = [...branches.values()].filter(
    (list) => !list.some((e) => e.keyword === 'type' && e.instancePath === c.instancePath),
  );
  if (typed.length > 0) return typed.sort((a, b) => a.length - b.length)[0];
  const types = [...branches.values()]
    .flatMap((list) =>
      list.filter((e) => e.keyword === 'type').map((e) => e.params.type as string | string[]),
    )
    .flat();
  const words = [...new Set(types)].map((t) => TYPE_WORDS[t] ?? t);
  const data = valueAt(root, c.instancePath);
  return issue(
    c.instancePath,
    `${fieldName(c.instancePath, c.schemaPath)} must be ${oneOfWords(words)}, got ${show(data)}`,
  );
}
