import { isValidUscc, usccCheckCharacter, usccProblem } from '@cfc/contracts';

// Identity's known-good and known-bad codes, run against the shared implementation in @cfc/contracts.
describe('USCC check character (GB 32100-2015)', () => {
  it.each(['91110000600037341L', '91350100M000100Y43', '91110108551385082Q', '91440300708461136T', '914403001922038216'])(
    'accepts the known-good code %s',
    (code) => expect(isValidUscc(code)).toBe(true),
  );

  it.each([
    ['91110000600037341K', 'CHECK_CHARACTER'],
    ['91110000600037342L', 'CHECK_CHARACTER'],
    ['91110108551385082A', 'CHECK_CHARACTER'],
    ['91110000600037341', 'FORMAT'],
    ['91110000600037341LL', 'FORMAT'],
    ['9111000060003734IL', 'FORMAT'], // I is not in the charset
    ['91110000600037341l', 'FORMAT'],
  ])('rejects %s with %s', (code, problem) => expect(usccProblem(code)).toBe(problem));

  it('maps a computed 31 to the character 0', () => {
    expect(usccCheckCharacter('91440300192203821')).toBe('6');
    // find a prefix whose sum is divisible by 31 by varying the last character
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const zero = [...charset].map((c) => `9144030019220382${c}`).find((p) => usccCheckCharacter(p) === '0');
    expect(zero).toBeDefined();
    expect(isValidUscc(`${zero}0`)).toBe(true);
  });
});
