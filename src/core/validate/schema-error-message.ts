/**
 * The message of one Ajv error: what is wrong and how to fix it, at the value (wrong type, enum,
 * range), the key (unknown field) or the owning object (missing field), with display names for
 * fields and objects as the user wrote them.
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

export const TYPE_WORDS: Record<string, string> = {
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

function describeKind(v: unknown): string {
  return v === null ? 'null' : typeof v === 'string' ? 'text' : `a ${typeof v}`;
}

/** The issue of one error that is not a composite; undefined where another error says it. */
export function errorMessage(e: SchemaError, root: unknown, opts: MessageOptions): Issue | undefined {
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
    case 'additionalProperties':
      return unknownFieldIssue(e, root, opts);
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
    case 'enum':
      return enumIssue(e, name, from);
    case 'const':
      return issue(p, `${name} must be ${JSON.stringify(e.params.allowedValue)}, ${got}`);
    case 'pattern':
      return patternIssue(e, name, hint, from);
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
      return issue(p, limitMessage(e, name, got) ?? `${name}: ${e.message ?? 'is not valid'}`);
  }
}

/** An unknown field, with the known field it probably means; a warning under `unknown_fields: warn`. */
function unknownFieldIssue(e: SchemaError, root: unknown, opts: MessageOptions): Issue {
  const p = e.instancePath;
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

function enumIssue(e: SchemaError, name: string, from: string | undefined): Issue {
  const allowed = (e.params.allowedValues as unknown[]).map(String);
  const value = e.data;
  const near =
    typeof value === 'string'
      ? (allowed.find((a) => a.toLowerCase() === value.toLowerCase()) ?? closest(value, allowed))
      : undefined;
  const suffix = near ? ` — did you mean "${near}"? (values are case-sensitive)` : '';
  return issue(
    e.instancePath,
    `${show(value)} is not a valid ${name}: use one of ${allowed.join(', ')}${suffix}${from ? ` (from ${from})` : ''}`,
  );
}

/** A value (or, under propertyNames, a key) that does not match its pattern; the schema's hint says why. */
function patternIssue(
  e: SchemaError,
  name: string,
  hint: string | undefined,
  from: string | undefined,
): Issue {
  const p = e.instancePath;
  const why = hint ? `: ${hint}` : `: it must match ${e.params.pattern}`;
  if (e.propertyName !== undefined) {
    return issue(
      `${p}/${escapeSegment(e.propertyName)}`,
      `${name} key "${e.propertyName}" is not valid${why}`,
      {
        target: 'key',
      },
    );
  }
  return issue(p, `${name} ${show(e.data)} is not valid${why}${from ? ` (from ${from})` : ''}`);
}

/** The message of a numeric, length, item-count or entry-count limit; undefined for other keywords. */
function limitMessage(e: SchemaError, name: string, got: string): string | undefined {
  const limit = e.params.limit;
  switch (e.keyword) {
    case 'maximum':
      return `${name} must be at most ${limit}, ${got}`;
    case 'minimum':
      return `${name} must be at least ${limit}, ${got}`;
    case 'exclusiveMaximum':
      return `${name} must be less than ${limit}, ${got}`;
    case 'exclusiveMinimum':
      return `${name} must be greater than ${limit}, ${got}`;
    case 'minLength':
      return Number(limit) === 1
        ? `${name} must not be empty`
        : `${name} must be at least ${limit} characters long`;
    case 'maxLength':
      return `${name} must be at most ${limit} characters, got ${String(e.data).length}`;
    case 'minItems':
      return `${name} needs at least ${limit} item${Number(limit) === 1 ? '' : 's'}`;
    case 'maxItems':
      return `${name} may have at most ${limit} items, got ${(e.data as unknown[]).length}`;
    case 'minProperties':
      return `${name} needs at least ${limit} entries`;
    case 'maxProperties':
      return `${name} may have at most ${limit} entries, got ${Object.keys(e.data as object).length}`;
    default:
      return undefined;
  }
}

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
