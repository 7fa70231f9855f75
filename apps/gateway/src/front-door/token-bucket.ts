// Token buckets per key as a pure function: `capacity` requests at once, refilled at `perSecond`.
export interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface BucketDecision {
  allowed: boolean;
  bucket: Bucket;
  /** Seconds until one request would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

/** Takes one token from the bucket if it has one, after refilling for the time passed (ms). */
export function takeToken(bucket: Bucket | undefined, now: number, capacity: number, perSecond: number): BucketDecision {
  const current = bucket ?? { tokens: capacity, updatedAt: now };
  const tokens = Math.min(capacity, current.tokens + ((now - current.updatedAt) / 1000) * perSecond);
  if (tokens >= 1) return { allowed: true, bucket: { tokens: tokens - 1, updatedAt: now }, retryAfterSeconds: 0 };
  return { allowed: false, bucket: { tokens, updatedAt: now }, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perSecond)) };
}
