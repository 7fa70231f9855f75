import { slidingWindow } from './sliding-window';

describe('sliding window rate limit', () => {
  it('allows `limit` hits per window and says when the next one is allowed', () => {
    let history: number[] = [];
    for (const t of [0, 100, 200]) {
      const d = slidingWindow(history, t, 3, 1000);
      expect(d.allowed).toBe(true);
      history = d.history;
    }
    const refused = slidingWindow(history, 500, 3, 1000);
    expect(refused).toMatchObject({ allowed: false, retryAfterMs: 500 });
    expect(slidingWindow(refused.history, 1000, 3, 1000).allowed).toBe(true);
  });
});
