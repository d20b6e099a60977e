/**
 * The JSON Schemas in `schemas/`, compiled once per process with Ajv (draft 2020-12). Each
 * validator is built on first use and kept, so validating 1,000 files compiles nothing twice.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import clusterSchema from '../../../schemas/cluster.schema.json' with { type: 'json' };
import configSchema from '../../../schemas/config.schema.json' with { type: 'json' };
import jobSchema from '../../../schemas/job.schema.json' with { type: 'json' };
import scopeSchema from '../../../schemas/secret-scope.schema.json' with { type: 'json' };

export type DefinitionKind = 'job' | 'cluster' | 'secret-scope' | 'config';

export type SchemaError = ErrorObject;

const SCHEMAS: Record<DefinitionKind, object> = {
  job: jobSchema,
  cluster: clusterSchema,
  'secret-scope': scopeSchema,
  config: configSchema,
};

let ajv: Ajv2020 | undefined;
const compiled = new Map<DefinitionKind, ValidateFunction>();

function instance(): Ajv2020 {
  if (!ajv) {
    // verbose: errors carry the failing value and the schema that failed, which the messages use
    // (the expected enum values, the known properties for "did you mean …?").
    ajv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
      inlineRefs: false,
    });
    // Annotation only: a human description of a pattern, used in error messages.
    ajv.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
  }
  return ajv;
}

/** The compiled validator for a kind of file. */
export function validatorFor(kind: DefinitionKind): ValidateFunction {
  let v = compiled.get(kind);
  if (!v) {
    v = instance().compile(SCHEMAS[kind]);
    compiled.set(kind, v);
  }
  return v;
}

/** The raw schema of a kind of file (for tests and tooling). */
export function schemaFor(kind: DefinitionKind): object {
  return SCHEMAS[kind];
}

/** Validates a value; returns Ajv's errors (empty when valid). */
export function schemaErrors(kind: DefinitionKind, value: unknown): SchemaError[] {
  const validate = validatorFor(kind);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
