import { reportWindow } from '../statistics/scope';
import { month } from '../testing/statistics.fixture';
import { detailSummaryBody } from './detail-summary';
import { STATISTIC_LEGEND } from './statistic-legend';

// 2026-09: 1,000,000 in (40 transactions), 800,000 out (30); 50,000 deposited in cash (2), 20,000
// withdrawn (1); enterprises 600,000 in and 500,000 out, individuals 200,000 out; balance end 300,000,
// average 250,000, min 100,000, max 400,000; the provider's top counterparty share 0.31234567.
const september = month('2026-09', {
  revision: 2,
  inflow: [1_000_000, 40],
  outflow: [800_000, 30],
  cash: { deposit: [50_000, 2], withdrawal: [20_000, 1] },
  counterparties: { ENTERPRISE: { inflow: [600_000, 25], outflow: [500_000, 20], distinct: 9 }, INDIVIDUAL: { outflow: [200_000, 8], distinct: 15 } },
  balance: [300_000, 250_000, 100_000, 400_000],
  features: { activeDays: 19, largestInflow: 90_000, largestOutflow: 70_000, zeroBalanceDays: 0, topCounterpartyShare: 0.31234567 },
});
const quiet = month('2026-10', { inflow: [0, 0], outflow: [0, 0], cash: { deposit: [0, 0], withdrawal: [0, 0] } });
const outside = month('2026-05', { inflow: [1, 1], outflow: [1, 1] });

describe('the detail summary (明细汇总)', () => {
  const [{ months }] = detailSummaryBody(reportWindow('2026-06', '2026-10'), [{ bindingId: 'A', months: [quiet, september, outside] }]).detail;

  it('lists the months of the window only, oldest first, with every statistic as supplied', () => {
    expect(months.map((m) => m.period)).toEqual(['2026-09', '2026-10']);
    expect(months[0]).toMatchObject({
      revision: 2,
      inflow: { amount: 1_000_000, count: 40 },
      outflow: { amount: 800_000, count: 30 },
      cash: { deposit: { amount: 50_000, count: 2 }, withdrawal: { amount: 20_000, count: 1 } },
      balance: { end: 300_000, averageDaily: 250_000, min: 100_000, max: 400_000 },
      features: { activeDays: 19, topCounterpartyShare: 0.3123 },
      counterparties: [
        { type: 'ENTERPRISE', inflow: { amount: 600_000, count: 25 }, outflow: { amount: 500_000, count: 20 }, distinct: 9 },
        { type: 'INDIVIDUAL', inflow: { amount: 0, count: 0 }, outflow: { amount: 200_000, count: 8 }, distinct: 15 },
      ],
    });
  });

  it('derives net flow, tickets, cash shares and the counterparty mix', () => {
    expect(months[0].derived).toEqual({
      netFlow: 200_000, // 1,000,000 − 800,000
      averageInflowTicket: 25_000, // 1,000,000 / 40
      averageOutflowTicket: 26_667, // 800,000 / 30 = 26,666.67
      cashDepositShare: 0.05, // 50,000 / 1,000,000
      cashWithdrawalShare: 0.025, // 20,000 / 800,000
      balanceRange: 300_000, // 400,000 − 100,000
      unclassifiedInflow: 400_000, // 1,000,000 − 600,000
      unclassifiedOutflow: 100_000, // 800,000 − (500,000 + 200,000)
      counterpartyMix: [
        { type: 'ENTERPRISE', inflowShare: 0.6, outflowShare: 0.625 },
        { type: 'INDIVIDUAL', inflowShare: 0, outflowShare: 0.25 },
      ],
    });
  });

  it('prints null, not 0, for a share or ticket of nothing, and null for what was not supplied', () => {
    expect(months[1].derived).toMatchObject({ netFlow: 0, averageInflowTicket: null, cashDepositShare: null, counterpartyMix: null, unclassifiedInflow: null });
    expect(months[1]).toMatchObject({ features: null, counterparties: null });
  });

  it('has a Chinese and English label for every field it prints', () => {
    const paths = (value: unknown, prefix = ''): string[] =>
      Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
        const path = prefix + k;
        if (Array.isArray(v)) return v.length ? paths(v[0], `${path}[].`) : [];
        if (v && typeof v === 'object') return paths(v, `${path}.`);
        return [path];
      });
    for (const path of paths(months[0])) expect([path, STATISTIC_LEGEND[path]?.zh]).toEqual([path, expect.stringMatching(/[\u4e00-\u9fff]/)]);
  });
});
