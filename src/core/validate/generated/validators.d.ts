// Types of validators.js, which scripts/compile-schemas.mjs generates from schemas/*.json.
import type { ValidateFunction } from 'ajv';

export declare const job: ValidateFunction;
export declare const cluster: ValidateFunction;
export declare const pipeline: ValidateFunction;
export declare const secretScope: ValidateFunction;
export declare const config: ValidateFunction;
