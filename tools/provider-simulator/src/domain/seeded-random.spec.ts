import { seededRandom, seedOf } from './seeded-random';

describe('seeded random', () => {
  it('repeats its sequence for the same parts and differs for others', () => {
    const a = seededRandom('traits', '6222000000000001234');
    const b = seededRandom('traits', '6222000000000001234');
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(seededRandom('traits', '6222000000000001235').next()).not.toBe(first[0]);
    // parts are separated: ('ab', 'c') is not ('a', 'bc')
    expect(seedOf('ab', 'c')).not.toBe(seedOf('a', 'bc'));
  });

  it('keeps ints and ranges within their bounds', () => {
    const random = seededRandom('bounds');
    for (let i = 0; i < 1000; i++) {
      const n = random.int(2, 4);
      expect(n >= 2 && n <= 4 && Number.isInteger(n)).toBe(true);
      const x = random.between(0.3, 0.6);
      expect(x >= 0.3 && x < 0.6).toBe(true);
      const s = random.signed();
      expect(s >= -1 && s < 1).toBe(true);
    }
  });
});
