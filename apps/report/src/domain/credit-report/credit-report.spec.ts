import { CATALOGUE } from '../catalogue/catalogue';
import { monthsBetween } from '../period/period';
import { reportWindow } from '../statistics/scope';
import { account } from '../testing/statistics.fixture';
import { creditReportBody } from './credit-report';

const periods = monthsBetween('2025-11', '2026-10');
const a = account('A', periods, (i) => ({ inflow: [100_000 + i, 3], outflow: [90_000, 2], balance: [10, 10, 10, 10] }));
const b = account('B', periods, (i) => (i < 6 ? undefined : { inflow: [7, 1], outflow: [3, 1], balance: [1, 1, 1, 1] }));
const window = reportWindow('2025-11', '2026-10');
const find = (groups: ReturnType<typeof creditReportBody>['consolidated']['groups'], id: string) => groups.flatMap((g) => g.indicators).find((i) => i.id === id)!;

describe('the credit report body', () => {
  it('prints every catalogue indicator once for the consolidation and once per account, grouped', () => {
    const body = creditReportBody(window, [a, b]);
    expect(body.consolidated.groups.map((g) => g.group)).toEqual(['OPERATIONS', 'INCOME_EXPENDITURE', 'SOLVENCY', 'PERFORMANCE', 'COUNTERPARTY', 'CASH', 'STABILITY_TREND', 'COVERAGE']);
    expect(body.consolidated.groups.flatMap((g) => g.indicators)).toHaveLength(CATALOGUE.length);
    expect(body.byAccount.map((x) => x.bindingId)).toEqual(['A', 'B']);
    expect(body.consolidated.groups[0].name).toEqual({ zh: '经营状况', en: 'Operations' });
    // names and definitions once, in the legend: every indicator printed has its entry
    expect(body.legend.indicators.OPS_INFLOW_12M).toEqual({
      zh: '近12个月流入金额',
      en: 'Inflow, last 12 months',
      definition: { zh: '窗口内最近12个月记入账户的资金合计。', en: 'Total amount credited to the accounts in the last 12 months of the window.' },
      group: 'OPERATIONS',
      unit: 'FEN',
    });
    expect(Object.keys(body.legend.indicators)).toEqual(CATALOGUE.map((i) => i.id));
  });

  it('consolidates and keeps accounts apart', () => {
    const body = creditReportBody(window, [a, b]);
    // A: 12 × 100,000 + (0 + … + 11) = 1,200,066; B has months 6..11 only, so its 12-month sum has no value
    expect(find(body.byAccount[0].groups, 'OPS_INFLOW_12M')).toMatchObject({ status: 'OK', value: 1_200_066, months: 12 });
    expect(find(body.byAccount[1].groups, 'OPS_INFLOW_12M')).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'MONTHS_MISSING' });
    // consolidated: every month has A, so 1,200,066 + 6 × 7
    expect(find(body.consolidated.groups, 'OPS_INFLOW_12M')).toMatchObject({ status: 'OK', value: 1_200_108 });
    // (12 + 6) / 24 account-months
    expect(find(body.consolidated.groups, 'COV_ACCOUNT_MONTH_COVERAGE')).toMatchObject({ value: 0.75 });
  });

  it('never prints 0 for what it cannot compute', () => {
    const body = creditReportBody(reportWindow('2026-09', '2026-10'), [a]);
    const insufficient = body.consolidated.groups.flatMap((g) => g.indicators).filter((i) => i.status === 'INSUFFICIENT_DATA');
    expect(insufficient.map((i) => i.id)).toEqual(expect.arrayContaining(['OPS_INFLOW_12M', 'ST_INFLOW_CV', 'ST_INFLOW_YOY_12M', 'PERF_PAYROLL_REGULARITY']));
    for (const i of insufficient) expect(i).not.toHaveProperty('value');
  });

  it('gives the same figures for the same statistics, whatever the order they arrive in', () => {
    const shuffled = { bindingId: 'A', months: [...a.months].reverse() };
    expect(JSON.stringify(creditReportBody(window, [shuffled, b]))).toBe(JSON.stringify(creditReportBody(window, [a, b])));
  });
});
