import { ContractRegistry } from '../schema/contract-registry';
import { ContractViolationError } from '../schema/validator';
import { identityEventContracts, subjectLoginFailed } from './identity.events';

describe('identity event contracts', () => {
  const registry = new ContractRegistry(identityEventContracts);

  it('accepts well-formed identity events', () => {
    expect(() => registry.validate('data-account.opened', 1, { uscc: '91110000600037341L', openedAt: '2026-11-24T05:00:00Z', challengeId: 'c1' })).not.toThrow();
  });

  it('rejects an invalid USCC, an unknown reason and extra fields such as an ID number', () => {
    const failed = { challengeId: 'c1', uscc: '91110000600037341L', reason: 'WRONG_CODE', failedAttempts: 1, at: '2026-11-24T05:00:00Z' };
    expect(() => subjectLoginFailed.validate(failed)).not.toThrow();
    expect(() => subjectLoginFailed.validate({ ...failed, uscc: '91110000600037341M' })).toThrow(ContractViolationError);
    expect(() => subjectLoginFailed.validate({ ...failed, reason: 'BAD_NAME' })).toThrow(ContractViolationError);
    expect(() => subjectLoginFailed.validate({ ...failed, legalRepIdNumber: '11010519491231002X' })).toThrow(ContractViolationError);
  });
});
