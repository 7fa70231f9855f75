import { ContractViolationError } from '../schema/validator';
import { providerOutboundTopic } from '../topics';
import { bindingEnded, bindingRequested, submissionAccepted, submissionRejected, validateProviderInbound, validateStatisticsRecord } from '.';

const record = {
  account: { number: '6222020200112233445', type: 'BASIC' },
  subject: '91110000600037341L',
  period: '2026-10',
  revision: 1,
  inflow: { amount: 12345600, count: 42 },
  outflow: { amount: 9876500, count: 37 },
  cash: { deposit: { amount: 300000, count: 3 }, withdrawal: { amount: 0, count: 0 } },
  counterparties: [{ type: 'ENTERPRISE', inflow: { amount: 10000000, count: 30 }, outflow: { amount: 6000000, count: 20 }, distinct: 14 }],
  balance: { end: 5400000, averageDaily: 4100000, min: 900000, max: 8800000 },
  features: { activeDays: 21, largestInflow: 2000000, largestOutflow: 1500000, zeroBalanceDays: 0, topCounterpartyShare: 0.31 },
};
const submitted = {
  type: 'statistics.submitted',
  schemaVersion: 1,
  submissionId: '3f1c1b9e-2a4d-4d7e-9a51-0c2f8e7b6a10',
  provider: 'B0001',
  sentAt: '2026-11-01T02:00:00Z',
  records: [record],
};

describe('provider inbound messages', () => {
  it('accepts the CONTRACT.md example of statistics.submitted and its record', () => {
    expect(validateProviderInbound(submitted)).toEqual(submitted);
    expect(validateStatisticsRecord(record)).toEqual(record);
  });

  it('accepts binding replies with and without schemaVersion', () => {
    expect(validateProviderInbound({ type: 'binding.confirmed', bindingId: 'b-1', provider: 'B0001' }).type).toBe('binding.confirmed');
    const rejected = { type: 'binding.rejected', schemaVersion: 1, bindingId: 'b-1', provider: 'B0001', reason: 'ACCOUNT_NOT_HELD_BY_SUBJECT' };
    expect(validateProviderInbound(rejected)).toEqual(rejected);
  });

  it.each([
    ['unknown type', { ...submitted, type: 'statistics.deleted' }],
    ['no records', { ...submitted, records: [] }],
    ['more than 1,000 records', { ...submitted, records: Array.from({ length: 1001 }, () => record) }],
    ['bad provider id', { ...submitted, provider: 'b1' }],
    ['submissionId not a uuid', { ...submitted, submissionId: '42' }],
    ['rejection without reason', { type: 'binding.rejected', bindingId: 'b-1', provider: 'B0001' }],
    ['not an object', 'statistics.submitted'],
  ])('rejects %s', (_why, value) => {
    expect(() => validateProviderInbound(value)).toThrow(ContractViolationError);
  });

  it.each([
    ['bad period', { period: '2026-13' }],
    ['fractional amount', { inflow: { amount: 1.5, count: 1 } }],
    ['negative count', { outflow: { amount: 1, count: -1 } }],
    ['unknown account type', { account: { number: '6222020200112233445', type: 'SAVINGS' } }],
    ['unknown counterparty type', { counterparties: [{ ...record.counterparties[0], type: 'ALIEN' }] }],
    ['share above 1', { features: { ...record.features, topCounterpartyShare: 1.2 } }],
    ['invalid subject', { subject: '91110000600037341M' }],
  ])('rejects a record with %s', (_why, patch) => {
    expect(validateStatisticsRecord.check({ ...record, ...patch }).ok).toBe(false);
  });
});

describe('provider outbound messages', () => {
  const account = { number: '6222020200112233445', type: 'BASIC' as const };
  it('accepts well-formed outbound messages', () => {
    const at = '2026-11-01T02:00:00Z';
    const sha256 = 'a'.repeat(64);
    expect(() => bindingRequested.validate({ type: 'binding.requested', schemaVersion: 1, bindingId: 'b-1', subject: '91110000600037341L', account, agreement: { version: '2026-01', sha256, acceptedAt: at } })).not.toThrow();
    expect(() => bindingEnded.validate({ type: 'binding.ended', schemaVersion: 1, bindingId: 'b-1', subject: '91110000600037341L', account, endedAt: at })).not.toThrow();
    expect(() => submissionAccepted.validate({ type: 'submission.accepted', schemaVersion: 1, submissionId: 's', provider: 'B0001', acceptedRecords: 3, at })).not.toThrow();
    expect(() => submissionRejected.validate({ type: 'submission.rejected', schemaVersion: 1, provider: 'B0001', reason: 'BAD_SIGNATURE', records: [], at })).not.toThrow();
  });

  it('rejects a binding request whose agreement hash is not SHA-256 hex, and per-record reasons without index', () => {
    const at = '2026-11-01T02:00:00Z';
    expect(bindingRequested.validate.check({ type: 'binding.requested', schemaVersion: 1, bindingId: 'b-1', subject: '91110000600037341L', account, agreement: { version: '1', sha256: 'xyz', acceptedAt: at } }).ok).toBe(false);
    expect(submissionRejected.validate.check({ type: 'submission.rejected', schemaVersion: 1, provider: 'B0001', records: [{ reason: 'UNBOUND_ACCOUNT' }], at }).ok).toBe(false);
  });

  it('names the outbound topic per provider and refuses malformed ids', () => {
    expect(providerOutboundTopic('B0001')).toBe('cfc.provider.B0001.outbound.v1');
    expect(() => providerOutboundTopic('../x')).toThrow();
  });
});
