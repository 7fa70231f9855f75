import { LoginRateLimiter } from './login-rate.limiter';

describe('LoginRateLimiter', () => {
  it('keeps a USCC limit while a flood of addresses overflows the address scope', () => {
    const limiter = new LoginRateLimiter(60_000, 100);
    expect(limiter.hit('uscc', 'U1', 2, 0).allowed).toBe(true);
    expect(limiter.hit('uscc', 'U1', 2, 1).allowed).toBe(true);
    for (let i = 0; i < 1000; i++) expect(limiter.hit('address', `10.0.${i >> 8}.${i & 255}`, 5, 2 + i).allowed).toBe(true);
    expect(limiter.hit('uscc', 'U1', 2, 2000)).toMatchObject({ allowed: false });
    expect(limiter.size('address')).toBe(100);
  });

  it('evicts expired keys first, then the least recently hit, never the whole scope', () => {
    const limiter = new LoginRateLimiter(1000, 3);
    limiter.hit('address', 'a', 1, 0);
    limiter.hit('address', 'b', 1, 500);
    limiter.hit('address', 'c', 1, 900);
    limiter.hit('address', 'd', 1, 1200); // 'a' expired: only it goes
    expect(limiter.size('address')).toBe(3);
    expect(limiter.check('address', 'a', 1, 1200).allowed).toBe(true);
    expect(limiter.check('address', 'b', 1, 1200).allowed).toBe(false);
    limiter.hit('address', 'e', 1, 1300); // 'b' is the least recently hit of b, c, d
    expect(limiter.size('address')).toBe(3);
    expect(limiter.check('address', 'b', 1, 1300).allowed).toBe(true);
    expect(limiter.check('address', 'c', 1, 1300).allowed).toBe(false);
    expect(limiter.check('address', 'd', 1, 1300).allowed).toBe(false);
  });

  it('check does not record a hit; a refused hit reports the wait', () => {
    const limiter = new LoginRateLimiter(1000);
    expect(limiter.check('mismatch', 'x', 1, 0).allowed).toBe(true);
    expect(limiter.hit('mismatch', 'x', 1, 0).allowed).toBe(true);
    expect(limiter.hit('mismatch', 'x', 1, 400)).toEqual({ allowed: false, retryAfterMs: 600 });
  });
});
