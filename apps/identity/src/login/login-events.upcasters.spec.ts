import { challengeRefOf, identityEventContracts, ContractRegistry } from '@cfc/contracts';
import { Upcasters } from '@cfc/eventing';
import { loginEventUpcasters } from './login-events.upcasters';

describe('login event upcasters (v1 challengeId -> v2 challengeRef)', () => {
  const upcasters = new Upcasters(loginEventUpcasters);
  const contracts = new ContractRegistry(identityEventContracts);
  const id = '3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7';
  const v1 = {
    'login-challenge.issued': { challengeId: id, uscc: '91110108551385082Q', issuedAt: '2026-11-24T05:00:00.000Z', expiresAt: '2026-11-24T05:05:00.000Z' },
    'subject.login-failed': { challengeId: id, uscc: '91110108551385082Q', reason: 'WRONG_CODE', failedAttempts: 2, at: '2026-11-24T05:01:00.000Z' },
    'login-challenge.locked': { challengeId: id, uscc: '91110108551385082Q', at: '2026-11-24T05:01:00.000Z' },
    'subject.logged-in': { challengeId: id, uscc: '91110108551385082Q', at: '2026-11-24T05:01:00.000Z' },
    'data-account.opened': { uscc: '91110108551385082Q', openedAt: '2026-11-24T05:01:00.000Z', challengeId: id },
  };

  it('writes login events at version 2', () => {
    for (const type of Object.keys(v1)) expect(upcasters.currentVersion(type)).toBe(2);
  });

  it.each(Object.entries(v1))('lifts %s to a valid version 2 without the challenge id', (type, data) => {
    contracts.validate(type, 1, data);
    const lifted = upcasters.upcast(type, 1, data);
    expect(lifted.schemaVersion).toBe(2);
    expect(() => contracts.validate(type, 2, lifted.data)).not.toThrow();
    expect(lifted.data.challengeRef).toBe(challengeRefOf(id));
    expect(JSON.stringify(lifted.data)).not.toContain(id);
  });

  it('counts a v1 failed login against the requesting client', () => {
    expect(upcasters.upcast('subject.login-failed', 1, v1['subject.login-failed']).data).toMatchObject({ fromRequestingClient: true, failedAttempts: 2, otherClientFailedAttempts: 0 });
  });
});
