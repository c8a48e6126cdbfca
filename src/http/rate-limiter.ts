/**
 * Per-API-key token buckets: `perSecond` sustained, `burst` at once. In-process state, so with N api
 * processes the effective limit is N× (documented in CONFIGURATION.md); good enough to protect a
 * self-hosted instance, and it never touches the database on the hot path.
 */
import type { Clock } from "../shared/clock.ts";

export interface RateLimiter {
  /** 0 when the request may proceed, else seconds until a token is available. */
  take(key: string): number;
}

export function createRateLimiter(perSecond: number, burst: number, clock: Clock): RateLimiter {
  if (perSecond <= 0) return { take: () => 0 };
  const buckets = new Map<string, { tokens: number; updatedAt: number }>();
  return {
    take(key) {
      const now = clock.now();
      const bucket = buckets.get(key) ?? { tokens: burst, updatedAt: now };
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * perSecond);
      bucket.updatedAt = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return (1 - bucket.tokens) / perSecond;
    },
  };
}
