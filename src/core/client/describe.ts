/** Client errors as a sentence names them: for results, warnings and messages about a region. */
import { DatabricksError, isOutcomeUnknown } from './index.js';

export function describeError(err: unknown): string {
  if (err instanceof DatabricksError) return err.userMessage ?? err.message;
  if (isOutcomeUnknown(err)) return (err as Error).message;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Why a region could not be read, as a clause to quote inside a sentence about that region: no
 * "Region X:" prefix and no final period. A connection failure names scheme://host:port.
 */
export function unreachableReason(err: unknown): string {
  if (err instanceof DatabricksError) {
    const what =
      err.status === 0 ? err.serverMessage : `${err.errorCode} (HTTP ${err.status}): ${err.serverMessage}`;
    return `${what}${err.attempts > 1 ? ` after ${err.attempts} attempts` : ''}`;
  }
  return describeError(err).replace(/\.$/, '');
}
