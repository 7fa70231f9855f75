import { validateChallengeRequest, validateLoginRequest } from './login-request.validation';

describe('login request validation', () => {
  const good = { uscc: '91110000600037341L', legalRepName: '王建国', legalRepIdNumber: '11010519491231002X' };

  it('accepts valid facts, trimmed', () => {
    expect(validateChallengeRequest({ ...good, uscc: ` ${good.uscc} ` })).toEqual({ ok: true, ...good });
  });

  it('names every invalid field with its own code', () => {
    const result = validateChallengeRequest({ uscc: '91110000600037341M', legalRepName: '', legalRepIdNumber: '110105194912310021' });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'uscc', code: 'USCC_CHECK_CHARACTER', message: 'check character is wrong' },
        { field: 'legalRepName', code: 'NAME_FORMAT', message: 'must be 1 to 60 characters' },
        { field: 'legalRepIdNumber', code: 'ID_NUMBER_CHECK_CHARACTER', message: 'check character is wrong' },
      ],
    });
    expect(validateChallengeRequest({ ...good, uscc: 12 })).toMatchObject({ ok: false, errors: [{ field: 'uscc', code: 'USCC_FORMAT' }] });
    expect(validateChallengeRequest(undefined)).toMatchObject({ ok: false });
  });

  it('checks the code submission shape', () => {
    expect(validateLoginRequest({ challengeId: '3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7', code: '042917' })).toMatchObject({ ok: true, code: '042917' });
    expect(validateLoginRequest({ challengeId: 'x', code: 42917 })).toMatchObject({ ok: false, errors: [{ field: 'challengeId' }, { field: 'code' }] });
  });
});
