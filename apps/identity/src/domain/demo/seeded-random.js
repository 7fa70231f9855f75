"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.seededRandom = seededRandom;
/** A PRNG whose whole sequence is fixed by `seed`. */
function seededRandom(seed) {
    let a = seed >>> 0;
    const next = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (min, max) => min + Math.floor(next() * (max - min + 1));
    return {
        next,
        int,
        pick: (items) => items[int(0, items.length - 1)],
        digits: (length) => Array.from({ length }, () => String(int(0, 9))).join(''),
    };
}
//# sourceMappingURL=seeded-random.js.map