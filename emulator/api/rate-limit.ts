// Token bucket per workspace on POST /v1/calls: `limit` tokens, refilled at `limit` per second.

type Bucket = { tokens: number; updated: number };

export type RateDecision = { allowed: boolean; limit: number; remaining: number; retryAfterSeconds: number };

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly limit: number) {}

  get enabled(): boolean {
    return this.limit > 0;
  }

  take(key: string, now: number = Date.now()): RateDecision {
    if (!this.enabled) return { allowed: true, limit: 0, remaining: 0, retryAfterSeconds: 0 };
    const bucket = this.buckets.get(key) ?? { tokens: this.limit, updated: now };
    bucket.tokens = Math.min(this.limit, bucket.tokens + ((now - bucket.updated) / 1000) * this.limit);
    bucket.updated = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, limit: this.limit, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
    }
    const wait = (1 - bucket.tokens) / this.limit;
    return { allowed: false, limit: this.limit, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
  }

  /** The current state without taking a token (for answers that end before dialling is considered). */
  peek(key: string, now: number = Date.now()): RateDecision {
    if (!this.enabled) return { allowed: true, limit: 0, remaining: 0, retryAfterSeconds: 0 };
    const bucket = this.buckets.get(key);
    const tokens = bucket
      ? Math.min(this.limit, bucket.tokens + ((now - bucket.updated) / 1000) * this.limit)
      : this.limit;
    return { allowed: tokens >= 1, limit: this.limit, remaining: Math.floor(tokens), retryAfterSeconds: 0 };
  }

  reset(): void {
    this.buckets.clear();
  }
}
