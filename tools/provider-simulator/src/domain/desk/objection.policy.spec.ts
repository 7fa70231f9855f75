import { objectionOutcome } from './objection.policy';

describe('the objection answer rule', () => {
  it.each([
    ['0b7c1e52-3f0a-4d5e-9b21-6c8d7e9f0a10', 'CORRECTED'],
    ['0b7c1e52-3f0a-4d5e-9b21-6c8d7e9f0a1e', 'CORRECTED'], // e = 14
    ['0b7c1e52-3f0a-4d5e-9b21-6c8d7e9f0a13', 'UPHELD'],
    ['0b7c1e52-3f0a-4d5e-9b21-6c8d7e9f0a1f', 'UPHELD'], // f = 15
    ['OBJ-Z', 'UPHELD'], // z = 35
    ['obj_', 'UPHELD'], // "_" is code 95
  ] as const)('by-id answers %s with %s', (id, outcome) => {
    expect(objectionOutcome(id, 'by-id')).toBe(outcome);
  });

  it('corrects about half of random ids', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `id-${((i * 2654435761) % 4294967296).toString(16)}`);
    const corrected = ids.filter((id) => objectionOutcome(id, 'by-id') === 'CORRECTED').length;
    expect(corrected).toBeGreaterThan(120);
    expect(corrected).toBeLessThan(280);
  });

  it('follows a fixed policy whatever the id', () => {
    expect(objectionOutcome('x1', 'correct')).toBe('CORRECTED');
    expect(objectionOutcome('x2', 'uphold')).toBe('UPHELD');
    expect(objectionOutcome('x2', 'ignore')).toBeUndefined();
  });
});
