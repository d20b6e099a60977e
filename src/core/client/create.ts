/**
 * The one way a create that is not idempotent (jobs/create, clusters/create, secrets/scopes/create)
 * is made: an attempt whose outcome is unknown — a 5xx with or without a body, a timeout, a reset;
 * the HTTP layer throws OutcomeUnknownError for those and never retries them itself — is "maybe
 * applied", so the object is looked up (by name and ownership tag, or in the scope list) and
 * created again only when it is absent. A second create after an applied one would be a duplicate:
 * two jobs whose schedules both fire.
 */
import { isAlreadyExists, isOutcomeUnknown } from './errors.js';

export interface AtMostOnce<T> {
  /** Sends the create once. */
  create: () => Promise<T>;
  /** Finds the object an earlier attempt may have made (undefined when there is none). */
  lookUp: () => Promise<T | undefined>;
  /** Attempts in all (default 4): a server failing every create ends in its last error. */
  attempts?: number;
  /** How long to wait before attempt n + 1 (default 250 ms · 2^(n-1), at most 4 s). */
  backoffMs?: (n: number) => number;
}

/**
 * The create, at most once: an attempt that may have been applied is looked up, and only an
 * absent object is created again (after a backoff: the server was failing a moment ago).
 */
export async function createAtMostOnce<T>({
  create,
  lookUp,
  attempts = 4,
  backoffMs = (n) => Math.min(250 * 2 ** (n - 1), 4000),
}: AtMostOnce<T>): Promise<T> {
  let maybeApplied = false;
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (err) {
      // "Already exists" after a maybe-applied attempt is that attempt's object, found late.
      const ours = isOutcomeUnknown(err) || (maybeApplied && isAlreadyExists(err));
      if (!ours) throw err;
      maybeApplied = true;
      const found = await lookUp();
      if (found !== undefined) return found;
      if (attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
}
