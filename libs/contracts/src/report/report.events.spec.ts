import { queryPerformed, type QueryPerformedData } from './report.events';

const institution: QueryPerformedData = {
  queryId: '0b0f4f0e-6f57-4a53-9d2c-1f1f8b0c8a11',
  reportId: '9a7c3d52-1b7e-4d0c-8f5e-2a6c0a9b7e21',
  kind: 'INSTITUTION',
  subject: '91110000600037341L',
  requester: { kind: 'institution', id: 'L0001' },
  authorizationId: 'auth-1',
  product: 'CREDIT_REPORT',
  accounts: [{ bindingId: 'b-1', provider: 'B0001', accountType: 'BASIC', accountNumber: '6222***********3445' }],
  period: { from: '2023-11', to: '2026-10', months: 36 },
  reportSha256: 'a'.repeat(64),
  reportBytes: 1234,
  schemaVersion: 1,
  catalogueVersion: 1,
  performedAt: '2026-11-24T08:00:00.000Z',
};

describe('query.performed', () => {
  it('accepts an institution query with its authorisation and a self-query without one', () => {
    expect(queryPerformed.validate.check(institution).ok).toBe(true);
    const { authorizationId: _a, ...self } = { ...institution, kind: 'SELF' as const, requester: { kind: 'enterprise' as const, id: '91110000600037341L' } };
    expect(queryPerformed.validate.check(self).ok).toBe(true);
  });

  it('refuses an institution query without authorisation, a self-query with one, and full account numbers', () => {
    const { authorizationId: _a, ...noAuthorization } = institution;
    expect(queryPerformed.validate.check(noAuthorization).ok).toBe(false);
    expect(queryPerformed.validate.check({ ...institution, kind: 'SELF' }).ok).toBe(false);
    const unmasked = { ...institution, accounts: [{ ...institution.accounts[0], accountNumber: '6222020200112233445' }] };
    expect(queryPerformed.validate.check(unmasked).ok).toBe(false);
  });
});
