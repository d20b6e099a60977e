/**
 * The JSON Schemas in `schemas/` and their validators. The validators are generated from the
 * schemas at build time (scripts/compile-schemas.mjs → generated/validators.js): compiling them with
 * Ajv at start-up cost ~200 ms of every action's cold start; loading the generated code costs ~10 ms.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as generated from './generated/validators.js';

export type DefinitionKind = 'job' | 'cluster' | 'pipeline' | 'secret-scope' | 'config';

export type SchemaError = ErrorObject;

const VALIDATORS: Record<DefinitionKind, ValidateFunction> = {
  job: generated.job,
  cluster: generated.cluster,
  pipeline: generated.pipeline,
  'secret-scope': generated.secretScope,
  config: generated.config,
};

/** Validates a value; returns the schema errors (empty when valid). */
export function schemaErrors(kind: DefinitionKind, value: unknown): SchemaError[] {
  const validate = VALIDATORS[kind];
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
