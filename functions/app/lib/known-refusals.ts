/**
 * Rate-limit counters the database has already refused for the rest of their window. A limit
 * that never gives hits back (feedback, searches; not sign-in, which refunds a success) only
 * counts up within its window, so once one request was refused every later one in that window
 * will be: it is answered 429 at once, without a write. A flood from one client then costs
 * the database one refusal per window instead of one write per request. The database stays
 * the only one that allows; this only remembers what it refused (`refusedUntilWindowEnds` in
 * limiter.ts tells it).
 */
export interface KnownRefusals {
  /** Whether `bucket` was refused for a window that has not ended at `now`. */
  has(bucket: string, now: number): boolean;
  /** The database refused `bucket` at `now`, for its window ending at `until` (epoch ms). */
  remember(bucket: string, now: number, until: number): void;
}

/** Bounded: when full, ended windows go first, and if none has ended it starts over. */
export function knownRefusals(capacity = 10_000): KnownRefusals {
  const refusedUntil = new Map<string, number>();
  return {
    has(bucket, now) {
      const until = refusedUntil.get(bucket);
      if (until === undefined) return false;
      if (now < until) return true;
      refusedUntil.delete(bucket);
      return false;
    },
    remember(bucket, now, until) {
      if (refusedUntil.size >= capacity) {
        for (const [key, end] of refusedUntil) if (end <= now) refusedUntil.delete(key);
        if (refusedUntil.size >= capacity) refusedUntil.clear();
      }
      refusedUntil.set(bucket, until);
    },
  };
}
