// Exact arithmetic for report figures: inputs are integers (fen, counts, days), intermediate products
// are BigInt so nothing overflows or drifts, and each figure is rounded once, half away from zero.
// Same statistics in, same digits out, on every machine.

export type Int = number | bigint;

const TEN = 10n;

/** A safe integer as BigInt; throws on fractions and on numbers past 2^53 (already imprecise). */
export function big(value: Int): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  return BigInt(value);
}

/** Σ of safe integers, refused when the total leaves the exactly representable range. */
export function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  if (!Number.isSafeInteger(total)) throw new RangeError(`sum out of the safe integer range: ${total}`);
  return total;
}

/**
 * ⌊a / b⌋ of non-negative safe integers with a safe product check, exactly, without BigInt; undefined
 * when an intermediate could leave the exact range (the caller then takes the BigInt path).
 */
function floorQuotient(a: number, b: number): number | undefined {
  if (a > Number.MAX_SAFE_INTEGER || b > Number.MAX_SAFE_INTEGER) return undefined;
  let q = Math.floor(a / b); // the float quotient may round across an integer: correct by one either way
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q * b <= Number.MAX_SAFE_INTEGER ? q : undefined;
}

/** round(num / den) half away from zero as a number, on the exact fast path where it applies. */
function roundedNumber(num: number, den: number): number | undefined {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) return undefined;
  const magnitude = floorQuotient(2 * Math.abs(num) + den, 2 * den);
  return magnitude === undefined ? undefined : num < 0 && magnitude > 0 ? -magnitude : magnitude; // never -0
}

/** round(num / den), half away from zero; den must be positive. */
export function roundedQuotient(num: Int, den: Int): bigint {
  const n = big(num);
  const d = big(den);
  if (d <= 0n) throw new RangeError('denominator must be positive');
  const magnitude = (2n * (n < 0n ? -n : n) + d) / (2n * d);
  return n < 0n ? -magnitude : magnitude;
}

/** round(num / den) as a number (amounts in fen, means of counts). */
export function roundedInteger(num: Int, den: Int): number {
  const fast = typeof num === 'number' && typeof den === 'number' ? roundedNumber(num, den) : undefined;
  return fast ?? toSafeNumber(roundedQuotient(num, den));
}

/** num / den rounded once to `decimals` places (ratios: 4, days: 1). */
export function fixed(num: Int, den: Int, decimals: number): number {
  const scale = 10 ** decimals;
  const fast = typeof num === 'number' && typeof den === 'number' && Number.isSafeInteger(num) ? roundedNumber(num * scale, den) : undefined;
  return (fast ?? toSafeNumber(roundedQuotient(big(num) * TEN ** BigInt(decimals), den))) / scale;
}

/** ⌊√n⌋ of a non-negative BigInt (Newton's method). */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('square root of a negative number');
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n)))) + 1n; // close start, then exact iterations
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

/**
 * √(num / den) rounded once to `decimals` places, exactly: with Q = num·10^(2d)/den and m = ⌊√(4Q)⌋,
 * round(√Q) = ⌊(m + 1) / 2⌋ (√Q lies in [m/2, (m+1)/2), whose half-point is a rounding boundary).
 */
export function sqrtOfQuotient(num: bigint, den: bigint, decimals: number): number {
  if (num < 0n || den <= 0n) throw new RangeError('sqrtOfQuotient needs num ≥ 0 and den > 0');
  const m = isqrt((4n * num * TEN ** BigInt(2 * decimals)) / den);
  return toSafeNumber((m + 1n) >> 1n) / 10 ** decimals;
}

/** n·Σx² − (Σx)² of integer values: n² times their population variance, exactly. */
export function scaledVariance(values: readonly number[]): bigint {
  let total = 0n;
  let squares = 0n;
  for (const v of values) {
    const b = big(v);
    total += b;
    squares += b * b;
  }
  return BigInt(values.length) * squares - total * total;
}

function toSafeNumber(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`figure out of the safe integer range: ${value}`);
  return n;
}
