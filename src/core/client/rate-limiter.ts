/**
 * The client's own pacing: bounded concurrency per workspace and a per-family token bucket, so a
 * run stays under the documented rate limits instead of collecting 429s (reference/databricks-api.md
 * §2 "Limits").
 */
import type { ClientRateLimits, SleepReason } from './options.js';
import { type ApiFamily, DEFAULT_RATE_LIMITS } from './rate-limits.js';
import type { ClientStats } from './request-stats.js';

/**
 * A token bucket holding at most one second of requests (at least one). `take` answers how long
 * to wait before the request may go (0: now) and books the slot.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  readonly capacity: number;

  constructor(
    readonly ratePerSecond: number,
    now: number = Date.now(),
    capacity?: number,
  ) {
    this.capacity = capacity ?? Math.max(1, ratePerSecond);
    this.tokens = this.capacity;
    this.last = now;
  }

  private refill(now: number) {
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
      this.last = now;
    }
  }

  /** Books one request; returns the milliseconds to wait before sending it. */
  take(now: number = Date.now()): number {
    this.refill(now);
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.ratePerSecond) * 1000);
  }
}

/**
 * The client's burst for a family: less than the server's bucket (src/emulator/limits.ts:
 * max(1, rate)). The spare tokens absorb the jitter between our send and the server's receive —
 * requests whose timers fire together after the event loop was busy (a scrypt check, hashing
 * files) — which at exactly the same rate would otherwise turn into the occasional 429. Two spare
 * from 10/s up (measured: one left 2–3 429s per 10%-changed redeploy in bench scenario 3).
 */
export function clientBurst(ratePerSecond: number): number {
  return Math.max(1, ratePerSecond - (ratePerSecond >= 10 ? 2 : 1));
}

/** A FIFO semaphore: slots are handed over in arrival order, so no caller starves. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  get inUse(): number {
    return this.active;
  }

  async acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `active` stays the same.
    if (next) next();
    else this.active--;
  }
}

interface FamilyLimiter {
  bucket: TokenBucket;
  /** Set by a 429 so the family's other requests hold off too instead of collecting 429s. */
  pausedUntil: number;
}

/** The rates a client paces itself with: the defaults, 'off', or overrides on top of the defaults. */
export function resolveRates(
  option: 'default' | 'off' | ClientRateLimits | undefined,
): Partial<Record<ApiFamily, number>> {
  const rates: Partial<Record<ApiFamily, number>> = {};
  if (option === 'off') return rates;
  for (const [family, rate] of Object.entries(DEFAULT_RATE_LIMITS) as [ApiFamily, number | undefined][]) {
    if (rate !== undefined) rates[family] = rate;
  }
  if (option === undefined || option === 'default') return rates;
  for (const [family, rate] of Object.entries(option) as [ApiFamily, number | 'off' | undefined][]) {
    if (rate === 'off' || rate === undefined) delete rates[family];
    else if (Number.isFinite(rate) && rate > 0) rates[family] = rate;
    else throw new TypeError(`rate limit for ${family} must be a positive number or 'off'`);
  }
  return rates;
}

/**
 * Admits requests: a concurrency slot first, then the family's rate. Counts in-flight requests and
 * limiter waits into the client's stats.
 */
export class RequestGate {
  private readonly slots: Semaphore;
  private readonly limiters = new Map<ApiFamily, FamilyLimiter>();

  constructor(
    maxConcurrency: number,
    private readonly rates: Partial<Record<ApiFamily, number>>,
    private readonly counters: ClientStats,
    private readonly now: () => number,
    private readonly sleep: (ms: number, reason: SleepReason) => Promise<void>,
  ) {
    this.slots = new Semaphore(maxConcurrency);
  }

  /** The rate for a family (requests per second), or undefined when unlimited. */
  rateLimit(family: ApiFamily): number | undefined {
    return this.rates[family];
  }

  /**
   * Waits for a concurrency slot, then for the family's rate limiter. The rate wait happens while
   * holding the slot so the send goes out at exactly the booked time: booking first and queueing
   * for a slot afterwards could release several booked requests at once, a burst the server would
   * answer with 429s. Every admit is followed by one `release`.
   */
  async admit(family: ApiFamily): Promise<void> {
    await this.slots.acquire();
    this.counters.inFlight++;
    this.counters.maxInFlight = Math.max(this.counters.maxInFlight, this.counters.inFlight);
    const limiter = this.limiter(family);
    if (!limiter) return;
    try {
      const paused = limiter.pausedUntil - this.now();
      if (paused > 0) await this.waitForRate(paused);
      const wait = limiter.bucket.take(this.now());
      if (wait > 0) await this.waitForRate(wait);
    } catch (e) {
      this.release();
      throw e;
    }
  }

  release(): void {
    this.counters.inFlight--;
    this.slots.release();
  }

  /** After a 429 with Retry-After: the family's other requests hold off as long. */
  pause(family: ApiFamily, ms: number): void {
    const limiter = this.limiter(family);
    if (limiter) limiter.pausedUntil = Math.max(limiter.pausedUntil, this.now() + ms);
  }

  private async waitForRate(ms: number): Promise<void> {
    this.counters.rateLimitWaits++;
    this.counters.rateLimitWaitMs += ms;
    await this.sleep(ms, 'rate-limit');
  }

  private limiter(family: ApiFamily): FamilyLimiter | undefined {
    const rate = this.rates[family];
    if (rate === undefined) return undefined;
    let limiter = this.limiters.get(family);
    if (!limiter) {
      limiter = { bucket: new TokenBucket(rate, this.now(), clientBurst(rate)), pausedUntil: 0 };
      this.limiters.set(family, limiter);
    }
    return limiter;
  }
}
