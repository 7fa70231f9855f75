import { ContractRegistry } from '../schema/contract-registry';
import { ContractViolationError } from '../schema/validator';
import { challengeRefOf } from './challenge-ref';
import { identityEventContracts, subjectLoginFailed } from './identity.events';

describe('identity event contracts', () => {
  const registry = new ContractRegistry(identityEventContracts);
  const ref = challengeRefOf('3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7');

  it('accepts well-formed identity events, version 2 naming the challenge by its reference', () => {
    expect(() => registry.validate('data-account.opened', 2, { uscc: '91110000600037341L', openedAt: '2026-11-24T05:00:00Z', challengeRef: ref })).not.toThrow();
    expect(registry.latestVersion('subject.logged-in')).toBe(2);
    // Rows written before version 2 still validate as version 1.
    expect(() => registry.validate('data-account.opened', 1, { uscc: '91110000600037341L', openedAt: '2026-11-24T05:00:00Z', challengeId: 'c1' })).not.toThrow();
  });

  it('refuses a challenge id where version 2 wants its reference', () => {
    const opened = { uscc: '91110000600037341L', openedAt: '2026-11-24T05:00:00Z' };
    expect(() => registry.validate('data-account.opened', 2, { ...opened, challengeId: '3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7' })).toThrow(ContractViolationError);
    expect(() => registry.validate('data-account.opened', 2, { ...opened, challengeRef: '3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7' })).toThrow(ContractViolationError);
  });

  it('rejects an invalid USCC, an unknown reason and extra fields such as an ID number', () => {
    const failed = { challengeRef: ref, uscc: '91110000600037341L', reason: 'WRONG_CODE', fromRequestingClient: true, failedAttempts: 1, otherClientFailedAttempts: 0, at: '2026-11-24T05:00:00Z' };
    expect(() => subjectLoginFailed.validate(failed)).not.toThrow();
    expect(() => subjectLoginFailed.validate({ ...failed, uscc: '91110000600037341M' })).toThrow(ContractViolationError);
    expect(() => subjectLoginFailed.validate({ ...failed, reason: 'BAD_NAME' })).toThrow(ContractViolationError);
    expect(() => subjectLoginFailed.validate({ ...failed, legalRepIdNumber: '11010519491231002X' })).toThrow(ContractViolationError);
  });

  it('derives a reference that is not the id and is the same for the same id', () => {
    expect(ref).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ref).toBe(challengeRefOf('3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7'));
    expect(ref).not.toBe(challengeRefOf('3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c8'));
  });
});
