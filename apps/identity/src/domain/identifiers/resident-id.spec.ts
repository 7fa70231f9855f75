import { isValidResidentId, residentIdCheckCharacter, residentIdProblem } from './resident-id';

describe('resident ID number check character (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it.each(['11010519491231002X', '440524188001010014', '110101199003074477'])('accepts the known-good number %s', (id) =>
    expect(isValidResidentId(id)).toBe(true),
  );

  it.each([
    ['110105194912310021', 'CHECK_CHARACTER'],
    ['440524188001010015', 'CHECK_CHARACTER'],
    ['11010519491231002x', 'FORMAT'],
    ['1101051949123100X2', 'FORMAT'],
    ['11010519491231002', 'FORMAT'],
    ['110105194902300020', 'BIRTH_DATE'],
  ])('rejects %s with %s', (id, problem) => expect(residentIdProblem(id)).toBe(problem));

  it('uses X for a remainder of 2 (value 10)', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
  });
});
