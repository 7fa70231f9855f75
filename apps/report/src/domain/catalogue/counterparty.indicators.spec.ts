import { monthsBetween } from '../period/period';
import { account, indicator, valueOf } from '../testing/statistics.fixture';

// Window 2026-01..2026-03. C takes in 1,000,000 a month: 600,000 from enterprises, 250,000 from
// individuals, 100,000 from a financial institution, 50,000 unclassified; pays out 800,000: 500,000 to
// enterprises, 200,000 to individuals, 60,000 to government, 40,000 to financial institutions. It deals
// with 12 + 30 + 2 + 1 = 45 distinct counterparties in month 0, and 12 + 30 + 2 + 1 + 5 = 50 after.
// Its provider reports a top counterparty share of 0.31, 0.4 and 0.25.
const FROM = '2026-01';
const TO = '2026-03';
const periods = monthsBetween(FROM, TO);
const shares = [0.31, 0.4, 0.25];
const c = account('C', periods, (i) => ({
  inflow: [1_000_000, 40],
  outflow: [800_000, 30],
  counterparties: {
    ENTERPRISE: { inflow: [600_000, 20], outflow: [500_000, 15], distinct: 12 },
    INDIVIDUAL: { inflow: [250_000, 15], outflow: [200_000, 10], distinct: 30 },
    GOVERNMENT: { outflow: [60_000, 2], distinct: 2 },
    FINANCIAL_INSTITUTION: { inflow: [100_000, 1], outflow: [40_000, 1], distinct: 1 },
    ...(i > 0 ? { OTHER: { distinct: 5 } } : {}),
  },
  features: { topCounterpartyShare: shares[i] },
}));
// D: a quarter of C's flows each month (250,000 in, 200,000 out), top share 0.9, all from one enterprise.
const d = account('D', periods, () => ({
  inflow: [250_000, 1],
  outflow: [200_000, 1],
  counterparties: { ENTERPRISE: { inflow: [250_000, 1], outflow: [200_000, 1], distinct: 1 } },
  features: { topCounterpartyShare: 0.9 },
}));

describe('counterparty structure (交易对手结构)', () => {
  it('splits inflow and outflow by counterparty type', () => {
    expect(valueOf('CP_ENTERPRISE_INFLOW_SHARE', FROM, TO, [c])).toBe(0.6); // 1,800,000 / 3,000,000
    expect(valueOf('CP_INDIVIDUAL_INFLOW_SHARE', FROM, TO, [c])).toBe(0.25);
    expect(valueOf('CP_GOVERNMENT_INFLOW_SHARE', FROM, TO, [c])).toBe(0);
    expect(valueOf('CP_FI_INFLOW_SHARE', FROM, TO, [c])).toBe(0.1);
    expect(valueOf('CP_OTHER_INFLOW_SHARE', FROM, TO, [c])).toBe(0); // the unclassified 5% is no type's
    expect(valueOf('CP_ENTERPRISE_OUTFLOW_SHARE', FROM, TO, [c])).toBe(0.625); // 500,000 / 800,000
    expect(valueOf('CP_GOVERNMENT_OUTFLOW_SHARE', FROM, TO, [c])).toBe(0.075); // 60,000 / 800,000
    expect(valueOf('CP_FI_OUTFLOW_SHARE', FROM, TO, [c])).toBe(0.05);
    // C + D: enterprises (1,800,000 + 750,000) / (3,000,000 + 750,000) = 0.68
    expect(valueOf('CP_ENTERPRISE_INFLOW_SHARE', FROM, TO, [c, d])).toBe(0.68);
  });

  it('averages distinct counterparties per month', () => {
    // (45 + 50 + 50) / 3 = 48.33 -> 48.3
    expect(valueOf('CP_MEAN_DISTINCT_COUNTERPARTIES', FROM, TO, [c])).toBe(48.3);
  });

  it('weights the top counterparty share by each account-month\'s flows', () => {
    // C alone, every month weighs 1,800,000: (0.31 + 0.40 + 0.25) / 3 = 0.32
    expect(valueOf('CP_TOP_COUNTERPARTY_SHARE', FROM, TO, [c])).toBe(0.32);
    // with D (weight 450,000, share 0.9 each month):
    // (1,800,000 × (0.31 + 0.40 + 0.25) + 450,000 × 0.9 × 3) / (3 × 2,250,000) = (1,728,000 + 1,215,000) / 6,750,000 = 0.436
    expect(valueOf('CP_TOP_COUNTERPARTY_SHARE', FROM, TO, [c, d])).toBe(0.436);
  });

  it('says when the provider sent no counterparty breakdown', () => {
    const bare = account('B', periods, () => ({ inflow: [1, 1], outflow: [1, 1] }));
    expect(indicator('CP_INDIVIDUAL_INFLOW_SHARE', FROM, TO, [bare])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'NOT_SUPPLIED' });
    expect(indicator('CP_TOP_COUNTERPARTY_SHARE', FROM, TO, [bare])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'NOT_SUPPLIED' });
  });
});
