export interface SeededRandom {
    /** A float in [0, 1). */
    next(): number;
    /** An integer in [min, max]. */
    int(min: number, max: number): number;
    /** One element of a non-empty list. */
    pick<T>(items: readonly T[]): T;
    /** A string of `length` decimal digits. */
    digits(length: number): string;
}
/** A PRNG whose whole sequence is fixed by `seed`. */
export declare function seededRandom(seed: number): SeededRandom;
