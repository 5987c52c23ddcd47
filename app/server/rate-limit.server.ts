/**
 * In-memory rate limits (fixed windows). Keys are keyed hashes made by server.js, never IP addresses, and
 * nothing here is written to disk: a restart forgets them, which is acceptable for a single process.
 */
type Bucket = { count: number; resetAt: number };

export class RateLimiter {
  private buckets = new Map<string, Bucket>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts a hit; false when the key is over its limit in this window. */
  hit(key: string, now = Date.now()): boolean {
    const b = this.buckets.get(key);
    if (!b || b.resetAt <= now) {
      this.buckets.set(key, { count: 1, resetAt: now + this.windowMs });
      if (this.buckets.size > 50_000) this.sweep(now);
      return true;
    }
    b.count++;
    return b.count <= this.limit;
  }

  reset(key: string) {
    this.buckets.delete(key);
  }

  private sweep(now: number) {
    for (const [k, b] of this.buckets) if (b.resetAt <= now) this.buckets.delete(k);
  }
}
