/**
 * Moved to the client (src/core/client/rate-limits.ts, rate-limiter.ts); kept until the emulator
 * has its own table of the documented limits.
 */

export { TokenBucket } from './client/rate-limiter.js';
export { type ApiFamily, apiFamily, DEFAULT_RATE_LIMITS, type RateLimits } from './client/rate-limits.js';
