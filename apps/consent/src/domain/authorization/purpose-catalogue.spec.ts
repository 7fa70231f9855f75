import { PURPOSES } from '@cfc/contracts';
import { PURPOSE_CATALOGUE, purposeViolations } from './purpose-catalogue';

describe('purpose catalogue', () => {
  it('has one template per contract purpose, inside the contract bounds (365 days, 36 months)', () => {
    expect(PURPOSE_CATALOGUE.map((t) => t.purpose)).toEqual([...PURPOSES]);
    for (const t of PURPOSE_CATALOGUE) {
      expect(t.maxValidDays).toBeLessThanOrEqual(365);
      expect(t.maxMonths).toBeLessThanOrEqual(36);
      expect(t.queryLimit.count).toBeLessThanOrEqual(5);
    }
  });

  it('keeps underwriting short and monitoring at most 5 queries a month', () => {
    const [loan, review, monitoring] = PURPOSE_CATALOGUE;
    expect(loan.maxValidDays).toBeLessThanOrEqual(30);
    expect(review.maxValidDays).toBeLessThan(monitoring.maxValidDays);
    expect(monitoring.queryLimit).toEqual({ count: 5, perDays: 30 });
    expect(loan.queryLimit.count / loan.queryLimit.perDays).toBeLessThanOrEqual(4); // PSD2: 4 unattended accesses a day
  });

  it('accepts a lower cap (fewer queries, or a longer window) and refuses a looser one', () => {
    const base = { purpose: 'POST_LOAN_MANAGEMENT', validDays: 365, months: 12 } as const;
    expect(purposeViolations({ ...base, queryLimit: { count: 5, perDays: 30 } })).toEqual([]);
    expect(purposeViolations({ ...base, queryLimit: { count: 1, perDays: 90 } })).toEqual([]);
    expect(purposeViolations({ ...base, queryLimit: { count: 6, perDays: 30 } }).map((v) => v.rule)).toEqual(['PURPOSE_QUERY_LIMIT_EXCEEDED']);
    expect(purposeViolations({ ...base, queryLimit: { count: 1, perDays: 2 } }).map((v) => v.field)).toEqual(['queryLimit']);
  });
});
