import { monthsBetween } from '../period/period';
import { account, indicator, valueOf } from '../testing/statistics.fixture';

// Window 2026-01..2026-06. Inflow 100,000 … 600,000 (steps of 100,000); outflow 150,000 for three
// months, then 450,000 (net flows worked out in each test).
const FROM = '2026-01';
const TO = '2026-06';
const periods = monthsBetween(FROM, TO);
const inflows = [100_000, 200_000, 300_000, 400_000, 500_000, 600_000];
const outflows = [150_000, 150_000, 150_000, 450_000, 450_000, 450_000];
const x = account('X', periods, (i) => ({ inflow: [inflows[i], 1], outflow: [outflows[i], 1], features: { largestOutflow: i === 3 ? 300_000 : 100_000 } }));

describe('income and expenditure (收支状况)', () => {
  it('prints each month\'s net flow, its mean and the months of net outflow', () => {
    // nets: −50,000, 50,000, 150,000, −50,000, 50,000, 150,000
    expect(valueOf('IE_MONTHLY_NET_FLOW', FROM, TO, [x])).toEqual({ from: '2026-01', to: '2026-06', values: [-50_000, 50_000, 150_000, -50_000, 50_000, 150_000] });
    expect(valueOf('IE_MEAN_MONTHLY_NET_FLOW', FROM, TO, [x])).toBe(50_000); // 300,000 / 6
    expect(valueOf('IE_NET_OUTFLOW_MONTHS', FROM, TO, [x])).toBe(2); // January and April
  });

  it('rounds a negative mean half away from zero', () => {
    // nets −1 and −2 fen: −3 / 2 = −1.5 -> −2
    const small = account('S', ['2026-01', '2026-02'], (i) => ({ inflow: [0, 0], outflow: [i + 1, 1] }));
    expect(valueOf('IE_MEAN_MONTHLY_NET_FLOW', '2026-01', '2026-02', [small])).toBe(-2);
  });

  it('divides outflow by inflow', () => {
    // Σ outflow 1,800,000 / Σ inflow 2,100,000 = 0.857142… -> 0.8571
    expect(valueOf('IE_OUTFLOW_INFLOW_RATIO', FROM, TO, [x])).toBe(0.8571);
    const none = account('N', periods, () => ({ inflow: [0, 0], outflow: [10, 1] }));
    expect(indicator('IE_OUTFLOW_INFLOW_RATIO', FROM, TO, [none])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'ZERO_BASE' });
  });

  it('needs 12 months for the 12-month net flow', () => {
    expect(indicator('IE_NET_FLOW_12M', FROM, TO, [x])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'TOO_FEW_MONTHS' });
    // The same six months twice over 2025-07..2026-06: 2 × 300,000
    const year = monthsBetween('2025-07', '2026-06');
    const twice = account('T', year, (i) => ({ inflow: [inflows[i % 6], 1], outflow: [outflows[i % 6], 1] }));
    expect(valueOf('IE_NET_FLOW_12M', '2025-07', '2026-06', [twice])).toBe(600_000);
  });

  it('takes the largest single outflow, and says when no features were supplied', () => {
    expect(valueOf('IE_LARGEST_OUTFLOW', FROM, TO, [x])).toBe(300_000);
    const bare = account('B', periods, () => ({ inflow: [1, 1], outflow: [1, 1] }));
    expect(indicator('IE_LARGEST_OUTFLOW', FROM, TO, [bare])).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'NOT_SUPPLIED' });
  });
});
