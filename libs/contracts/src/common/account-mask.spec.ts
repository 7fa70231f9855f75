import { maskAccountNumber } from './account-mask';

describe('maskAccountNumber', () => {
  it('keeps the first and last four digits', () => {
    expect(maskAccountNumber('6222020200112233445')).toBe('6222***********3445');
    expect(maskAccountNumber('622202023445')).toBe('6222****3445');
  });
  it('keeps only the last four of short numbers', () => {
    expect(maskAccountNumber('12345678')).toBe('****5678');
  });
});
