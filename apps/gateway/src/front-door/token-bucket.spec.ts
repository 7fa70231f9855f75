import { takeToken, type Bucket } from './token-bucket';

describe('token bucket', () => {
  it('allows a burst of `capacity`, then refuses with the wait, then refills', () => {
    let bucket: Bucket | undefined;
    for (let i = 0; i < 3; i++) {
      const d = takeToken(bucket, 0, 3, 1);
      expect(d.allowed).toBe(true);
      bucket = d.bucket;
    }
    const refused = takeToken(bucket, 0, 3, 1);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(takeToken(refused.bucket, 500, 3, 1).allowed).toBe(false);
    expect(takeToken(refused.bucket, 1000, 3, 1).allowed).toBe(true);
    expect(takeToken(refused.bucket, 60_000, 3, 1).bucket.tokens).toBe(2);
  });

  it('says how long to wait at slow refill rates', () => {
    const empty = { tokens: 0, updatedAt: 0 };
    expect(takeToken(empty, 0, 10, 0.1).retryAfterSeconds).toBe(10);
  });
});
