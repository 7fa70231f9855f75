import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { usccCheckCharacter, validateStatisticsRecord, type FundAccount, type StatisticsRecord } from '@cfc/contracts';
import { generateDemoEnterprises } from '../../../../../apps/identity/src/domain/demo/demo-data.generator';
import { addMonths, monthOfYear, periodRange } from '../periods';
import { generateAccountMonth } from './account-month.generator';
import { PROFILE_NAMES, profileOf, type ProfileName } from './enterprise.profiles';
import { recordProblems } from './statistics.invariants';

const LAST = '2026-10';
const MONTHS = periodRange(addMonths(LAST, -35), LAST);

/** A valid USCC per index, for enterprises beyond the demo dozen. */
function uscc(i: number): string {
  const first17 = `9133010${String(i).padStart(10, '0')}`;
  return first17 + usccCheckCharacter(first17);
}
const account = (i: number, type: FundAccount['type'] = 'BASIC'): FundAccount => ({ number: `6222${String(i * 7919).padStart(15, '0')}`, type });
const series = (subject: string, acct: FundAccount, months = MONTHS, revision = 1) =>
  months.map((period) => generateAccountMonth({ account: acct, subject, period, revision }));
const supplied = (records: Array<StatisticsRecord | undefined>) => records.filter((r): r is StatisticsRecord => r !== undefined);
const inflowOf = (records: Array<StatisticsRecord | undefined>) => supplied(records).reduce((n, r) => n + r.inflow.amount, 0);

/** The first `count` synthetic enterprises with that profile. */
function enterprisesWith(profile: ProfileName, count = 8): string[] {
  const found: string[] = [];
  for (let i = 1; found.length < count; i++) if (profileOf(uscc(i)).name === profile) found.push(uscc(i));
  return found;
}

describe('account-month statistics generator', () => {
  const demo = generateDemoEnterprises();

  it('gives every demo account 36 months that pass the contract schema and the cross-field rules, at any revision', () => {
    let checked = 0;
    for (const enterprise of demo) {
      for (const acct of enterprise.accounts) {
        for (const revision of [1, 2]) {
          for (const record of supplied(series(enterprise.uscc, acct, MONTHS, revision))) {
            expect(validateStatisticsRecord.check(record).ok).toBe(true);
            expect(recordProblems(record)).toEqual([]);
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1700);
  });

  it('holds together for a hundred more enterprises and accounts of every type', () => {
    for (let i = 1; i <= 120; i++) {
      const type = (['BASIC', 'GENERAL', 'PAYMENT'] as const)[i % 3];
      for (const record of supplied(series(uscc(i), account(i, type), periodRange('2025-01', '2026-12')))) {
        const result = validateStatisticsRecord.check(record);
        expect(result.ok ? [] : result.error.message).toEqual([]);
        expect(recordProblems(record)).toEqual([]);
      }
    }
  });

  it('is deterministic: the same account-month gives the same record; another revision gives other figures', () => {
    const [e] = demo;
    const input = { account: e.accounts[0], subject: e.uscc, period: LAST, revision: 1 };
    expect(generateAccountMonth(input)).toEqual(generateAccountMonth({ ...input }));
    const corrected = generateAccountMonth({ ...input, revision: 2 });
    expect(corrected?.revision).toBe(2);
    expect(corrected?.inflow.amount).not.toBe(generateAccountMonth(input)?.inflow.amount);
  });

  it("lists the demo enterprises' profiles in the README as they are", () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| (\S+有限公司) \| `([0-9A-Z]{18})` \| ([a-z-]+) \| (.+) \|$/gm)].map((m) => [m[1], m[2], m[3], m[4]]);
    expect(rows).toEqual(demo.map((e) => [e.name, e.uscc, profileOf(e.uscc).name, e.accounts.map((a) => `${a.provider} ${a.type}`).join(', ')]));
  });

  it('gives each profile to two of the twelve demo enterprises', () => {
    const counts = Object.fromEntries(PROFILE_NAMES.map((p) => [p, demo.filter((e) => profileOf(e.uscc).name === p).length]));
    expect(counts).toEqual(Object.fromEntries(PROFILE_NAMES.map((p) => [p, 2])));
  });

  it('growing: the last 12 months bring in well over the first 12, and headcount grows', () => {
    for (const subject of enterprisesWith('growing')) {
      const records = series(subject, account(subject.length + Number(subject.slice(7, 17))));
      expect(inflowOf(records.slice(24))).toBeGreaterThan(1.3 * inflowOf(records.slice(0, 12)));
      const payroll = (r: StatisticsRecord | undefined) => r?.counterparties?.find((c) => c.type === 'INDIVIDUAL')?.outflow.count ?? 0;
      expect(payroll(records[35])).toBeGreaterThanOrEqual(payroll(records[0]));
    }
  });

  it('declining: the last 12 months bring in well under the first 12, with months of net outflow and days at zero', () => {
    for (const subject of enterprisesWith('declining')) {
      const records = supplied(series(subject, account(Number(subject.slice(7, 17)))));
      expect(inflowOf(records.slice(24))).toBeLessThan(0.75 * inflowOf(records.slice(0, 12)));
      expect(records.filter((r) => r.outflow.amount > r.inflow.amount).length).toBeGreaterThanOrEqual(6);
      expect(records.some((r) => (r.features?.zeroBalanceDays ?? 0) > 0)).toBe(true);
    }
  });

  it('steady: year on year within 15 %, tax and payroll paid every month', () => {
    for (const subject of enterprisesWith('steady')) {
      const records = supplied(series(subject, account(Number(subject.slice(7, 17)))));
      expect(Math.abs(inflowOf(records.slice(24)) / inflowOf(records.slice(0, 12)) - 1)).toBeLessThan(0.15);
      for (const type of ['GOVERNMENT', 'INDIVIDUAL'] as const) {
        expect(records.every((r) => (r.counterparties?.find((c) => c.type === type)?.outflow.amount ?? 0) > 0)).toBe(true);
      }
    }
  });

  it('seasonal: the year-end peak months bring in far more operating inflow (loans aside) than the summer months', () => {
    const operating = (r: StatisticsRecord) => r.inflow.amount - (r.counterparties?.find((c) => c.type === 'FINANCIAL_INSTITUTION')?.inflow.amount ?? 0);
    for (const subject of enterprisesWith('seasonal')) {
      const records = supplied(series(subject, account(Number(subject.slice(7, 17)))));
      const mean = (months: number[]) => {
        const inMonths = records.filter((r) => months.includes(monthOfYear(r.period)));
        return inMonths.reduce((n, r) => n + operating(r), 0) / inMonths.length;
      };
      expect(mean([10, 11, 12])).toBeGreaterThan(2 * mean([4, 5, 6]));
    }
  });

  it('cash-heavy: cash is a third or more of inflow every month, where steady is a few percent; payment accounts take no cash', () => {
    const cashShare = (r: StatisticsRecord) => (r.cash?.deposit.amount ?? 0) / r.inflow.amount;
    for (const subject of enterprisesWith('cash-heavy')) {
      const acct = account(Number(subject.slice(7, 17)));
      expect(supplied(series(subject, acct)).every((r) => cashShare(r) > 0.33)).toBe(true);
      const payment = supplied(series(subject, { ...acct, type: 'PAYMENT' }));
      expect(payment.every((r) => r.cash?.deposit.amount === 0 && r.cash.withdrawal.amount === 0)).toBe(true);
    }
    for (const subject of enterprisesWith('steady')) {
      expect(supplied(series(subject, account(Number(subject.slice(7, 17))))).every((r) => cashShare(r) < 0.1)).toBe(true);
    }
  });

  it('gaps: every 36-month window of a gaps enterprise misses months; no other profile misses any', () => {
    for (const subject of enterprisesWith('gaps')) {
      const acct = account(Number(subject.slice(7, 17)));
      for (const last of ['2025-06', LAST, '2028-01']) {
        const missing = series(subject, acct, periodRange(addMonths(last, -35), last)).filter((r) => r === undefined).length;
        expect(missing).toBeGreaterThanOrEqual(5);
        expect(missing).toBeLessThan(18);
      }
    }
    for (const profile of PROFILE_NAMES.filter((p) => p !== 'gaps')) {
      for (const subject of enterprisesWith(profile, 3)) expect(series(subject, account(7)).every((r) => r !== undefined)).toBe(true);
    }
  });

  it('draws loans from financial institutions on a schedule and repays them monthly', () => {
    for (const subject of enterprisesWith('growing', 4)) {
      const records = supplied(series(subject, account(Number(subject.slice(7, 17)), 'GENERAL')));
      const fi = records.map((r) => r.counterparties?.find((c) => c.type === 'FINANCIAL_INSTITUTION'));
      expect(fi.filter((c) => (c?.inflow.amount ?? 0) > 0)).toHaveLength(12); // every third month
      expect(fi.every((c) => (c?.outflow.amount ?? 0) > 0)).toBe(true);
    }
  });

  it('lets each month-end balance follow from the last: end - previous end = inflow - outflow', () => {
    for (const subject of enterprisesWith('steady', 4)) {
      const records = supplied(series(subject, account(Number(subject.slice(7, 17)))));
      for (let i = 1; i < records.length; i++) {
        expect(records[i].balance.end - records[i - 1].balance.end).toBe(records[i].inflow.amount - records[i].outflow.amount);
      }
    }
  });
});
