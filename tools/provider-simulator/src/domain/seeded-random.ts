import { createHash } from 'node:crypto';

// A small deterministic PRNG (mulberry32, as the demo registry uses): the same account and month give the
// same figures on every machine and every run, so tests and a README can predict them.
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** A float in [-1, 1): symmetric noise. */
  signed(): number;
}

/** A PRNG whose whole sequence is fixed by the given parts (hashed together). */
export function seededRandom(...parts: Array<string | number>): SeededRandom {
  let a = seedOf(...parts);
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max) => min + next() * (max - min),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    signed: () => next() * 2 - 1,
  };
}

/** 32 bits of SHA-256 over the parts: a seed that differs for every distinct input. */
export function seedOf(...parts: Array<string | number>): number {
  return createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0);
}
