import { RateLimiter } from './rate-limiter';

function clock(start = 0): { now: () => number; set: (ms: number) => void } {
  let t = start;
  return { now: () => t, set: (ms) => (t = ms) };
}

function flood(limiter: RateLimiter, prefix: string, count: number, every?: { n: number; then: () => void }): void {
  for (let i = 0; i < count; i++) {
    limiter.take(`${prefix}:${i}`);
    if (every && i % every.n === 0) every.then();
  }
}

describe('RateLimiter memory bound', () => {
  it('evicts buckets that have refilled to capacity first, keeping an older throttled one', () => {
    const c = clock();
    const limiter = new RateLimiter(2, 1, c.now);
    limiter.take('victim');
    limiter.take('victim');
    expect(limiter.take('victim').allowed).toBe(false);
    c.set(500);
    flood(limiter, 'flood', 99_999); // with the victim, exactly at the bound; each at one of two tokens: full again at 1.5 s
    c.set(1600);
    limiter.take('newcomer'); // over the bound: the refilled flood buckets go, the victim (1.6 tokens) stays
    expect(limiter.size).toBeLessThanOrEqual(100_000);
    expect(limiter.take('victim').allowed).toBe(true);
    expect(limiter.take('victim').allowed).toBe(false);
  });

  it('under a flood of fresh keys, a throttled key that keeps trying stays throttled and memory stays bounded', () => {
    const c = clock();
    const limiter = new RateLimiter(2, 0.001, c.now);
    limiter.take('abuser');
    limiter.take('abuser');
    const refusals: boolean[] = [];
    flood(limiter, 'addr', 250_000, { n: 5_000, then: () => refusals.push(!limiter.take('abuser').allowed) });
    expect(refusals.every(Boolean)).toBe(true);
    expect(limiter.size).toBeLessThanOrEqual(100_000);
    expect(limiter.size).toBeGreaterThanOrEqual(90_000); // trimmed, never wiped
  });

  it('honours a smaller bound given to the constructor', () => {
    const c = clock();
    const limiter = new RateLimiter(5, 1, c.now, 1_000);
    flood(limiter, 'k', 5_000);
    expect(limiter.size).toBeLessThanOrEqual(1_000);
  });
});
