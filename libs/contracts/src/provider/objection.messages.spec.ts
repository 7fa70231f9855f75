import { objectionRaised, objectionResolved, validateProviderInbound } from '.';
import { providerSimulatorGroup } from '../consumer-groups';

const raised = {
  type: 'objection.raised',
  schemaVersion: 1,
  objectionId: 'obj-1',
  bindingId: 'b-1',
  account: { number: '6222020200112233445', type: 'BASIC' },
  period: '2026-10',
  fields: ['inflow', 'balance.end'],
  reason: '十月流入金额有误',
  dueBy: '2026-11-21T02:00:00Z',
};

describe('objection messages', () => {
  it('accepts an objection.raised with and without named fields', () => {
    expect(objectionRaised.validate(raised)).toEqual(raised);
    expect(objectionRaised.validate.check({ ...raised, fields: [] }).ok).toBe(true);
  });

  it.each([
    ['no reason', { reason: '' }],
    ['a bad period', { period: '2026-13' }],
    ['a field path with spaces', { fields: ['in flow'] }],
    ['no dueBy', { dueBy: undefined }],
  ])('rejects an objection.raised with %s', (_why, patch) => {
    expect(objectionRaised.validate.check(JSON.parse(JSON.stringify({ ...raised, ...patch }))).ok).toBe(false);
  });

  it('accepts the CONTRACT.md example of objection.resolved, and an upheld one with its note', () => {
    const corrected = { type: 'objection.resolved', objectionId: 'obj-1', provider: 'B0001', outcome: 'CORRECTED', note: '已更正', correctedRevision: 2 };
    expect(validateProviderInbound(corrected)).toEqual(corrected);
    const upheld = { type: 'objection.resolved', schemaVersion: 1, objectionId: 'obj-2', provider: 'B0001', outcome: 'UPHELD', note: '复核无误' };
    expect(validateProviderInbound(upheld)).toEqual(upheld);
  });

  it.each([
    ['a correction without its revision', { outcome: 'CORRECTED', note: 'x' }],
    ['an upheld answer without a note', { outcome: 'UPHELD' }],
    ['an upheld answer naming a revision', { outcome: 'UPHELD', note: 'x', correctedRevision: 2 }],
    ['revision 1 as a correction', { outcome: 'CORRECTED', correctedRevision: 1 }],
    ['an unknown outcome', { outcome: 'IGNORED', note: 'x' }],
  ])('rejects %s', (_why, patch) => {
    expect(objectionResolved.validate.check({ type: 'objection.resolved', objectionId: 'o', provider: 'B0001', ...patch }).ok).toBe(false);
  });

  it("names the simulator's group inside the provider's own group prefix", () => {
    expect(providerSimulatorGroup('B0001')).toBe('cfc.provider.B0001.simulator');
    expect(() => providerSimulatorGroup('b1')).toThrow();
  });
});
