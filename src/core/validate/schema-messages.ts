/**
 * Turns Ajv's errors into one useful message per problem: what is wrong and how to fix it, at the
 * value (wrong type, enum, range), the key (unknown field) or the owning object (missing field).
 *
 * oneOf/anyOf noise is collapsed: the schemas use `oneOf` only for field groups ("exactly one of"
 * / "at most one of"), which get one message each; any other composite is reduced to the errors
 * of the branch whose type matched, or to one "must be X or Y" message.
 */
import { parsePointer } from '../source.js';
import { closest, didYouMean } from '../suggest.js';
import { type Issue, isObject, issue, oneOfWords, show, valueAt } from './issues.js';
import type { DefinitionKind, SchemaError } from './schemas.js';

export interface MessageOptions {
  kind: DefinitionKind;
  /** Severity of unknown fields (config `validation.unknown_fields`). */
  unknownFields: 'error' | 'warn';
  /** The references each whole-reference string came from (for "got … (from ${var.x})"). */
  whole?: ReadonlyMap<string, string>;
}

const KIND_LABEL: Record<DefinitionKind, string> = {
  job: 'the job',
  cluster: 'the cluster',
  pipeline: 'the pipeline',
  'secret-scope': 'the secret scope',
  config: 'the config',
};

/** How to fill in a missing required field. */
const REQUIRED_HINTS: Record<string, string> = {
  name: 'the job is matched by name in every region',
  cluster_name: 'the cluster is matched by name in every region',
  spark_version: 'a Databricks Runtime version such as "15.4.x-scala2.12"',
  task_key: 'give every task a unique task_key',
  quartz_cron_expression: 'e.g. "0 0 2 * * ?" (02:00 every day)',
  timezone_id: 'a Java time-zone id such as "UTC"',
  warehouse_id: 'the id of a SQL warehouse',
  notebook_path: 'e.g. "/Shared/sales/etl/ingest"',
  python_file: 'a workspace path or a cloud URI of the script',
  scope: 'the name of the secret scope',
  env: 'the environment variable that holds the secret value at deploy time',
  keyvault: 'an azure_keyvault scope needs {"resource_id": …, "dns_name": …}',
  resource_id:
    'the Key Vault resource id /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>',
  dns_name: 'the vault URI https://<name>.vault.azure.net/',
  enabled: 'true or false',
  new_cluster: 'the cluster specification of this job cluster',
  job_cluster_key: 'a key tasks refer to in job_cluster_key',
  version: 'write version: 1',
  regions: 'a mapping of region name to {host, role, auth}',
  role: 'active or passive',
  principal: 'a user, group or service principal',
  permission: 'READ, WRITE or MANAGE',
};

const TYPE_WORDS: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

/** A display name for the field at a pointer, e.g. `num_workers`, `tags.team`, `tasks[2]`. */
export function fieldName(pointer: string, schemaPath?: string): string {
  const segs = parsePointer(pointer);
  if (segs.length === 0) return 'the document';
  const last = segs[segs.length - 1];
  const parent = segs.length > 1 ? segs[segs.length - 2] : undefined;
  if (/^\d+$/.test(last)) return `${parent ?? ''}[${last}]`;
  // A map entry (its schema is the map's additionalProperties): name it parent.key.
  if (parent !== undefined && schemaPath && /\/additionalProperties\/[^/]+$/.test(schemaPath)) {
    return /^[\w-]+$/.test(last) ? `${parent}.${last}` : `${parent}["${last}"]`;
  }
  return last;
}

/** A display name for the object at a pointer: `the job`, `task "ingest"`, `notebook_task`. */
export function objectName(kind: DefinitionKind, root: unknown, pointer: string): string {
  const segs = parsePointer(pointer);
  if (segs.length === 0) return KIND_LABEL[kind];
  const last = segs[segs.length - 1];
  const parent = segs.length > 1 ? segs[segs.length - 2] : undefined;
  if (/^\d+$/.test(last)) {
    if (parent === 'tasks' || (parent === 'task' && segs[segs.length - 3] === 'for_each_task')) {
      const v = valueAt(root, pointer);
      if (isObject(v) && typeof v.task_key === 'string' && v.task_key !== '') return `task "${v.task_key}"`;
    }
    return `${parent ?? ''}[${last}]`;
  }
  if (last === 'task' && parent === 'for_each_task') {
    const v = valueAt(root, pointer);
    if (isObject(v) && typeof v.task_key === 'string' && v.task_key !== '') return `task "${v.task_key}"`;
  }
  if (parent === 'regions' && kind === 'config') return `region ${last}`;
  return last;
}

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
  let remaining = [...errors];
  const out: Issue[] = [];

  // A misspelt field ("notebok_path") also makes the real one missing. When the unknown field is an
  // error, its "did you mean" says it all: the "missing field" findings for that name are dropped.
  const meant = new Map<string, Set<string>>();
  if (opts.unknownFields === 'error') {
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
  }
  remaining = remaining.filter(
    (e) => !(e.keyword === 'required' && meant.get(e.instancePath)?.has(String(e.params.missingProperty))),
  );

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
    const data = valueAt(root, c.instancePath);
    const group = c.keyword === 'oneOf' ? fieldGroup(c.schema) : undefined;
    if (group) {
      if (!isObject(data)) continue; // the type error says it already
      const present = Object.keys(data).filter((k) => group.fields.includes(k)); // in source order
      const where = objectName(opts.kind, root, c.instancePath);
      if (present.length === 0) {
        if (group.fields.some((f) => meant.get(c.instancePath)?.has(f))) continue;
        out.push(issue(c.instancePath, `${where} needs one of ${oneOfWords(group.fields)}`));
      } else if (present.length > 1) {
        const second = present[1];
        out.push(
          issue(
            `${c.instancePath}/${second}`,
            `${where} takes only one of ${oneOfWords(group.fields)}, but has ${oneOfWords(present, 'and')}: keep one`,
            { target: 'key' },
          ),
        );
      }
      continue;
    }
    // A generic composite: report the branch whose type matched, else "must be X or Y".
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
    if (typed.length > 0) {
      const best = typed.sort((a, b) => a.length - b.length)[0];
      remaining.push(...best);
    } else {
      const types = [...branches.values()]
        .flatMap((list) =>
          list.filter((e) => e.keyword === 'type').map((e) => e.params.type as string | string[]),
        )
        .flat();
      const words = [...new Set(types)].map((t) => TYPE_WORDS[t] ?? t);
      out.push(
        issue(
          c.instancePath,
          `${fieldName(c.instancePath, c.schemaPath)} must be ${oneOfWords(words)}, got ${show(data)}`,
        ),
      );
    }
  }

  for (const e of remaining) {
    const m = message(e, root, opts);
    if (m) out.push({ ...m, keyword: e.keyword });
  }
  return out;
}

function describeKind(v: unknown): string {
  return v === null ? 'null' : typeof v === 'string' ? 'text' : `a ${typeof v}`;
}

function message(e: SchemaError, root: unknown, opts: MessageOptions): Issue | undefined {
  const p = e.instancePath;
  const name = fieldName(p, e.schemaPath);
  const hint =
    isObject(e.parentSchema) && typeof e.parentSchema['x-hint'] === 'string'
      ? e.parentSchema['x-hint']
      : undefined;
  const from = opts.whole?.get(p);
  // A whole file that is not the expected format (a mapping) is never quoted: it may be anything
  // the pattern matched, and its first characters can be a secret.
  const shown = p === '' && !isObject(e.data) && !Array.isArray(e.data) ? describeKind(e.data) : show(e.data);
  const got = `got ${shown}${from ? ` (from ${from})` : ''}`;
  switch (e.keyword) {
    case 'additionalProperties': {
      const field = String(e.params.additionalProperty);
      const known =
        isObject(e.parentSchema) && isObject(e.parentSchema.properties)
          ? Object.keys(e.parentSchema.properties)
          : [];
      const suggestion = didYouMean(
        field,
        known.filter((k) => k !== '$schema'),
      );
      const where = objectName(opts.kind, root, p);
      const fix = suggestion || `: ${where} has no such field; remove it or check the spelling`;
      const warn = opts.unknownFields === 'warn';
      // A job field this version does not know may be a new way for the job to start by itself,
      // which the passive form cannot pause: say so where it is let through.
      const passive =
        opts.kind === 'job' && p === ''
          ? '; it is deployed as written to every region, the passive ones too: if it starts runs by itself, they are not paused there'
          : '';
      return issue(
        `${p}/${escapeSegment(field)}`,
        `unknown field "${field}"${fix}${warn ? ` (allowed by validation.unknown_fields: warn${passive})` : ''}`,
        {
          target: 'key',
          severity: warn ? 'warning' : 'error',
        },
      );
    }
    case 'required': {
      const field = String(e.params.missingProperty);
      const where = objectName(opts.kind, root, p);
      const why = REQUIRED_HINTS[field];
      return issue(
        `${p}/${escapeSegment(field)}`,
        `${where} is missing required field "${field}"${why ? `: ${why}` : ''}`,
      );
    }
    case 'type': {
      const t = e.params.type as string | string[];
      const words = (Array.isArray(t) ? t : String(t).split(',')).map((x) => TYPE_WORDS[x] ?? x);
      const quoted = typeof e.data === 'string' && /^-?\d+(\.\d+)?$|^(true|false)$/.test(e.data) && !from;
      return issue(p, `${name} must be ${oneOfWords(words)}, ${got}${quoted ? ': remove the quotes' : ''}`);
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const value = e.data;
      const near =
        typeof value === 'string'
          ? (allowed.find((a) => a.toLowerCase() === value.toLowerCase()) ?? closest(value, allowed))
          : undefined;
      const suffix = near ? ` — did you mean "${near}"? (values are case-sensitive)` : '';
      return issue(
        p,
        `${show(value)} is not a valid ${name}: use one of ${allowed.join(', ')}${suffix}${from ? ` (from ${from})` : ''}`,
      );
    }
    case 'const':
      return issue(p, `${name} must be ${JSON.stringify(e.params.allowedValue)}, ${got}`);
    case 'maximum':
      return issue(p, `${name} must be at most ${e.params.limit}, ${got}`);
    case 'minimum':
      return issue(p, `${name} must be at least ${e.params.limit}, ${got}`);
    case 'exclusiveMaximum':
      return issue(p, `${name} must be less than ${e.params.limit}, ${got}`);
    case 'exclusiveMinimum':
      return issue(p, `${name} must be greater than ${e.params.limit}, ${got}`);
    case 'minLength':
      return Number(e.params.limit) === 1
        ? issue(p, `${name} must not be empty`)
        : issue(p, `${name} must be at least ${e.params.limit} characters long`);
    case 'maxLength':
      return issue(p, `${name} must be at most ${e.params.limit} characters, got ${String(e.data).length}`);
    case 'minItems':
      return issue(
        p,
        `${name} needs at least ${e.params.limit} item${Number(e.params.limit) === 1 ? '' : 's'}`,
      );
    case 'maxItems':
      return issue(
        p,
        `${name} may have at most ${e.params.limit} items, got ${(e.data as unknown[]).length}`,
      );
    case 'minProperties':
      return issue(p, `${name} needs at least ${e.params.limit} entries`);
    case 'maxProperties':
      return issue(
        p,
        `${name} may have at most ${e.params.limit} entries, got ${Object.keys(e.data as object).length}`,
      );
    case 'pattern': {
      if (e.propertyName !== undefined) {
        return issue(
          `${p}/${escapeSegment(e.propertyName)}`,
          `${name} key "${e.propertyName}" is not valid${hint ? `: ${hint}` : `: it must match ${e.params.pattern}`}`,
          { target: 'key' },
        );
      }
      return issue(
        p,
        `${name} ${show(e.data)} is not valid${hint ? `: ${hint}` : `: it must match ${e.params.pattern}`}${from ? ` (from ${from})` : ''}`,
      );
    }
    case 'propertyNames':
      return undefined; // the inner error (with propertyName) says it
    case 'not': {
      const last = parsePointer(p).pop() ?? '';
      return issue(p, `"${last}" is not allowed here${hint ? `: ${hint}` : ''}`, { target: 'key' });
    }
    case 'if':
      return undefined; // the failing `then`/`else` branch reports the real problem
    case 'false schema':
      return issue(p, `"${parsePointer(p).pop() ?? ''}" is not allowed here`, { target: 'key' });
    case 'uniqueItems':
      return issue(p, `${name} has duplicate items`);
    default:
      return issue(p, `${name}: ${e.message ?? 'is not valid'}`);
  }
}

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
