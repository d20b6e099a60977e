/**
 * One cached, self-refreshing token. The HTTP client asks for a token before every attempt, and a
 * deploy runs dozens of requests at once for longer than a token lives, so:
 *
 * - a token is reused until `refreshMarginMs` (default 5 min) before it expires, then replaced
 *   while still valid, so no request ever leaves with a token about to lapse mid-flight;
 * - the margin is capped at half the token's lifetime: a short-lived token (an emulator's, or a
 *   policy's) would otherwise be "due" the moment it arrives and be fetched for every request;
 * - all callers share one in-flight refresh, so 50 concurrent requests at expiry make one call to
 *   the token endpoint, not 50 (which an identity provider would throttle);
 * - a failed refresh while the old token is still good returns the old token and waits a little
 *   before trying again: a blip at Entra five minutes before expiry must not fail a deploy.
 */

export interface IssuedToken {
  token: string;
  /** When the token stops working (epoch ms). */
  expiresAt: number;
  /** When the issuer suggests refreshing (epoch ms), e.g. MSAL's `refreshAfterTimestamp`. */
  refreshAfter?: number;
}

export interface RefreshOptions {
  now?: () => number;
  /** How long before expiry to refresh. Default 5 minutes. */
  refreshMarginMs?: number;
  /** Told about a refresh that failed while the old token was still used. */
  onStaleRefreshError?: (error: unknown) => void;
}

export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000;
/** A failed early refresh is retried after this long (the old token keeps serving meanwhile). */
const RETRY_AFTER_FAILURE_MS = 10_000;
/** An old token this close to expiry is not handed out after a failed refresh. */
const MIN_REMAINING_MS = 30_000;

interface Current {
  token: string;
  expiresAt: number;
  refreshAt: number;
}

export class RefreshingToken {
  private current: Current | undefined;
  private inFlight: Promise<string> | undefined;
  private readonly now: () => number;
  private readonly marginMs: number;
  /** Counts fetches, for tests and diagnostics. */
  fetches = 0;

  constructor(
    private readonly fetchToken: () => Promise<IssuedToken>,
    private readonly options: RefreshOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.marginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    if (!Number.isFinite(this.marginMs) || this.marginMs < 0)
      throw new TypeError('refreshMarginMs must be a non-negative number');
  }

  async get(): Promise<string> {
    const current = this.current;
    if (current && this.now() < current.refreshAt) return current.token;
    this.inFlight ??= this.refresh().finally(() => {
      this.inFlight = undefined;
    });
    try {
      return await this.inFlight;
    } catch (error) {
      if (current && this.now() < current.expiresAt - MIN_REMAINING_MS) {
        // Keep serving the old token; try again shortly rather than on every request.
        current.refreshAt = Math.min(
          this.now() + RETRY_AFTER_FAILURE_MS,
          current.expiresAt - MIN_REMAINING_MS,
        );
        this.options.onStaleRefreshError?.(error);
        return current.token;
      }
      throw error;
    }
  }

  /** Forgets the cached token, so the next `get` fetches a new one. */
  invalidate(): void {
    this.current = undefined;
  }

  private async refresh(): Promise<string> {
    this.fetches++;
    const obtainedAt = this.now();
    const issued = await this.fetchToken();
    const lifetime = Math.max(0, issued.expiresAt - obtainedAt);
    let refreshAt = issued.expiresAt - Math.min(this.marginMs, lifetime / 2);
    if (issued.refreshAfter !== undefined && issued.refreshAfter > obtainedAt)
      refreshAt = Math.min(refreshAt, issued.refreshAfter);
    this.current = { token: issued.token, expiresAt: issued.expiresAt, refreshAt };
    return issued.token;
  }
}
