import { agreementInForce, type AgreementVersion } from './agreement';

const version = (v: string, effectiveFrom: string): AgreementVersion => ({ version: v, title: 't', effectiveFrom, text: v, sha256: v.padEnd(64, '0') });

describe('agreement in force', () => {
  const versions = [version('1.0', '2026-01-01T00:00:00Z'), version('2.0', '2027-03-01T00:00:00Z'), version('1.1', '2026-06-01T00:00:00Z')];

  it('is the latest version that has taken effect, whatever the order listed', () => {
    expect(agreementInForce(versions, new Date('2026-05-31T23:59:59Z')).version).toBe('1.0');
    expect(agreementInForce(versions, new Date('2026-06-01T00:00:00Z')).version).toBe('1.1');
    expect(agreementInForce(versions, new Date('2027-03-01T00:00:00Z')).version).toBe('2.0');
  });

  it('does not exist before the first version takes effect', () => {
    expect(() => agreementInForce(versions, new Date('2025-12-31T00:00:00Z'))).toThrow(/no entrustment agreement/);
  });
});
