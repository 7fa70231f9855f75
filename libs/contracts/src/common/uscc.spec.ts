import { isValidUscc } from './uscc';

describe('isValidUscc', () => {
  it('accepts codes whose check character matches (GB 32100-2015)', () => {
    expect(isValidUscc('91110000600037341L')).toBe(true);
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });

  it('rejects a wrong check character, bad charset and wrong length', () => {
    expect(isValidUscc('91110000600037341M')).toBe(false);
    expect(isValidUscc('9111000060003734IL')).toBe(false);
    expect(isValidUscc('91110000600037341')).toBe(false);
    expect(isValidUscc('91110000600037341l')).toBe(false);
  });
});
