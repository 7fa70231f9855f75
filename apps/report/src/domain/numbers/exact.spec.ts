import { fixed, isqrt, roundedInteger, scaledVariance, sqrtOfQuotient, sum } from './exact';

describe('exact figures', () => {
  it('rounds quotients once, half away from zero', () => {
    expect(roundedInteger(5, 2)).toBe(3); // 2.5 -> 3
    expect(roundedInteger(-5, 2)).toBe(-3); // -2.5 -> -3
    expect(roundedInteger(7, 3)).toBe(2); // 2.33
    expect(roundedInteger(-7, 3)).toBe(-2);
    expect(fixed(1, 3, 4)).toBe(0.3333);
    expect(fixed(2, 3, 4)).toBe(0.6667);
    expect(fixed(1, 8, 4)).toBe(0.125);
    expect(fixed(1, 20000, 4)).toBe(0.0001); // 0.00005 -> 0.0001
    expect(fixed(-1, 20000, 4)).toBe(-0.0001);
    expect(fixed(455, 10, 1)).toBe(45.5);
  });

  it('keeps large amounts exact where floating point would drift', () => {
    // 9,007,199,254,740,991 fen (2^53 - 1) over 3: 3,002,399,751,580,330.33 -> ...330
    expect(roundedInteger(Number.MAX_SAFE_INTEGER, 3)).toBe(3002399751580330);
    // 0.1 + 0.2 style drift cannot happen: 1,000,000,000,001 / 3,000,000,000,000 = 0.33333333333366 -> 0.3333
    expect(fixed(1_000_000_000_001, 3_000_000_000_000, 4)).toBe(0.3333);
  });

  it('gives the same digits as exact BigInt rounding, halves and huge values included', () => {
    // reference: round half away from zero of n·10^d / den, in BigInt, written independently here
    const reference = (n: number, den: number, d: number) => {
      const num = BigInt(n) * 10n ** BigInt(d);
      const m = (2n * (num < 0n ? -num : num) + BigInt(den)) / (2n * BigInt(den));
      return m > BigInt(Number.MAX_SAFE_INTEGER) ? 'out of range' : Number(num < 0n ? -m : m) / 10 ** d;
    };
    const actual = (work: () => number) => {
      try {
        return work();
      } catch (error) {
        return /safe integer range/.test((error as Error).message) ? 'out of range' : String(error);
      }
    };
    let seed = 42;
    const random = (max: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * max;
    const cases: Array<[number, number]> = [[1, 2], [-1, 2], [3, 2], [5, 10], [-5, 10], [2 ** 40 + 1, 2 ** 41 + 2], [Number.MAX_SAFE_INTEGER, 7], [Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER]];
    for (let i = 0; i < 2000; i++) cases.push([Math.floor(random(2 ** 52)) * (i % 2 ? 1 : -1), 1 + Math.floor(random(2 ** (i % 52)))]);
    for (const [n, den] of cases) {
      for (const d of [0, 1, 4]) expect([n, den, d, actual(() => fixed(n, den, d))]).toEqual([n, den, d, reference(n, den, d)]);
      expect(actual(() => roundedInteger(n, den))).toBe(reference(n, den, 0));
    }
  });

  it('refuses fractions and sums past 2^53', () => {
    expect(() => fixed(1.5, 2, 4)).toThrow(/safe integer/);
    expect(() => sum([Number.MAX_SAFE_INTEGER, 2])).toThrow(/safe integer range/);
    expect(sum([1, 2, 3])).toBe(6);
  });

  it('takes exact integer square roots', () => {
    expect([0n, 1n, 2n, 3n, 4n, 15n, 16n, 17n].map(isqrt)).toEqual([0n, 1n, 1n, 1n, 2n, 3n, 4n, 4n]);
    const big = 12345678901234567890n;
    const r = isqrt(big * big + 5n);
    expect(r).toBe(big);
  });

  it('rounds square roots of quotients once: sqrt(2) = 1.41421356 -> 1.4142, sqrt(1/4) = 0.5', () => {
    expect(sqrtOfQuotient(2n, 1n, 4)).toBe(1.4142);
    expect(sqrtOfQuotient(1n, 4n, 4)).toBe(0.5);
    expect(sqrtOfQuotient(0n, 7n, 4)).toBe(0);
    // sqrt(0.00000025) = 0.0005 exactly: a half-point at 4 decimals rounds up to 0.0005 (not 0.0004)
    expect(sqrtOfQuotient(25n, 100_000_000n, 4)).toBe(0.0005);
    // sqrt(2.25) = 1.5 at 0 decimals -> 2 (half away from zero)
    expect(sqrtOfQuotient(9n, 4n, 0)).toBe(2);
  });

  it('computes n·Σx² − (Σx)² exactly: values 2, 4, 4, 4, 5, 5, 7, 9 have population variance 4', () => {
    // Σx = 40, Σx² = 232, n = 8: 8 * 232 - 1600 = 256 = 8² * 4
    expect(scaledVariance([2, 4, 4, 4, 5, 5, 7, 9])).toBe(256n);
  });
});
