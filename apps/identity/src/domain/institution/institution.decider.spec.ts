import { decideInstitution, evolveInstitution, initialInstitutionState, InstitutionRuleViolation, type InstitutionCommand, type InstitutionState } from './institution.decider';

const now = '2026-11-24T05:00:00.000Z';
function given(commands: InstitutionCommand[]): InstitutionState {
  return commands.reduce((state, c) => decideInstitution(c, state).reduce(evolveInstitution, state), initialInstitutionState());
}
const provider: InstitutionCommand = { type: 'RegisterInstitution', institutionId: 'B0001', name: '示范商业银行', roles: ['PROVIDER'], now };
const lender: InstitutionCommand = { type: 'RegisterInstitution', institutionId: 'L0001', name: '示范小贷', roles: ['USER'], now };
const key = (keyId: string, pem = `pem-${keyId}`): InstitutionCommand => ({ type: 'RegisterProviderKey', keyId, publicKeyPem: pem, now });

describe('institution decider', () => {
  it('registers once, idempotently, and validates the id', () => {
    const state = given([provider]);
    expect(state).toMatchObject({ institutionId: 'B0001', roles: ['PROVIDER'] });
    expect(decideInstitution(provider, state)).toEqual([]);
    expect(() => decideInstitution({ ...provider, institutionId: 'b1' } as InstitutionCommand, initialInstitutionState())).toThrow(InstitutionRuleViolation);
  });

  it('keeps several provider keys active and refuses to revive a revoked one', () => {
    const state = given([provider, key('k1'), key('k2'), { type: 'RevokeProviderKey', keyId: 'k1', now }]);
    expect(state.keys).toEqual({ k1: { publicKeyPem: 'pem-k1', status: 'REVOKED' }, k2: { publicKeyPem: 'pem-k2', status: 'ACTIVE' } });
    expect(() => decideInstitution(key('k1'), state)).toThrow(/revoked/);
    expect(() => decideInstitution(key('k2', 'other'), state)).toThrow(/taken/);
    expect(decideInstitution(key('k2'), state)).toEqual([]);
  });

  it('gives keys only to providers and clients only to lenders and regulators', () => {
    expect(() => decideInstitution(key('k1'), given([lender]))).toThrow(/only providers/);
    expect(() => decideInstitution({ type: 'RegisterClient', clientId: 'c', secretId: 's1', now }, given([provider]))).toThrow(/lenders and regulators/);
    const withClient = given([lender, { type: 'RegisterClient', clientId: 'l0001-demo', secretId: 's1', now }]);
    expect(withClient.clients).toEqual({ 'l0001-demo': 's1' });
    expect(decideInstitution({ type: 'RegisterClient', clientId: 'l0001-demo', secretId: 's1', now }, withClient)).toEqual([]);
    expect(decideInstitution({ type: 'RegisterClient', clientId: 'l0001-demo', secretId: 's2', now }, withClient)).toHaveLength(1);
  });
});
