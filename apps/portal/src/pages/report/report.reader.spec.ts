import creditReport from './testdata/credit-report.json';
import { readReport } from './report.reader';

// The report reader on a credit report in the report service's schema v1 (plus declarations and disputes).
describe('reading a credit report', () => {
  const view = readReport(creditReport, 'zh-CN');

  it('reads the header, the masked account and the catalogue version', () => {
    expect(view).toMatchObject({ reportId: creditReport.reportId, generatedAt: '2026-11-01T02:05:00.000Z', period: { from: '2025-11', to: '2026-10' }, catalogueVersion: '1' });
    expect(view.accounts).toEqual([{ id: 'b-1', provider: 'B0001', type: 'BASIC', number: '6222***********3445' }]);
  });

  it('puts indicators in the portal\'s groups, names in the page language, series out of the figures', () => {
    expect(view.groups.map((g) => g.group)).toEqual(['OPERATIONS', 'INCOME_EXPENDITURE', 'SOLVENCY', 'PERFORMANCE', 'COUNTERPARTIES', 'STABILITY', 'COVERAGE']);
    const operations = view.groups[0].indicators;
    expect(operations.map((i) => i.id)).toEqual(['OPS_INFLOW_12M', 'OPS_MEAN_ACTIVE_DAYS']);
    expect(operations[0]).toMatchObject({ name: '近12个月流入', unit: 'FEN', definition: '窗口内最近12个月的流入金额合计。' });
    expect(readReport(creditReport, 'en').groups[0].indicators[0].name).toBe('Inflow, last 12 months');
  });

  it('keeps an indicator that could not be computed as such, with its reason, never as 0', () => {
    const yoy = view.groups.find((g) => g.group === 'STABILITY')?.indicators[0];
    expect(yoy).toMatchObject({ id: 'ST_INFLOW_YOY_12M', value: null, reason: 'TOO_FEW_MONTHS' });
  });

  it('builds the months from the monthly series, marking the disputed and the declared month', () => {
    expect(view.months).toHaveLength(11);
    expect(view.months[0]).toEqual({ period: '2025-11', inflow: 12345600, outflow: 9876500, balanceEnd: undefined, disputed: false, declared: false });
    expect(view.months.filter((m) => m.disputed).map((m) => m.period)).toEqual(['2026-07']);
    expect(view.months.filter((m) => m.declared).map((m) => m.period)).toEqual(['2026-02']);
    expect(view.months.map((m) => m.period)).not.toContain('2026-03');
  });

  it('reads coverage: months with data, the latest month and the gaps', () => {
    expect(view.coverage).toEqual({ months: 11, latest: '2026-10', gaps: ['2026-03'] });
    expect(view.declarations).toEqual([{ text: '2026年2月春节停工，流入偏低。', bindingId: 'b-1', period: '2026-02' }]);
  });

  it('sums a detail summary\'s accounts month by month, balances included', () => {
    const month = (period: string, inflow: number, end: number) => ({ period, revision: 1, inflow: { amount: inflow, count: 1 }, outflow: { amount: 100, count: 1 }, balance: { end, averageDaily: 0, min: 0, max: 0 } });
    const detail = { product: 'DETAIL_SUMMARY', detail: [{ bindingId: 'a', months: [month('2026-09', 1000, 50), month('2026-10', 2000, 60)] }, { bindingId: 'b', months: [month('2026-10', 5, 7)] }] };
    expect(readReport(detail, 'en').months).toEqual([
      { period: '2026-09', inflow: 1000, outflow: 100, balanceEnd: 50, disputed: false, declared: false },
      { period: '2026-10', inflow: 2005, outflow: 200, balanceEnd: 67, disputed: false, declared: false },
    ]);
  });

  it('shows nothing rather than failing on an answer it does not understand', () => {
    expect(readReport('not a report', 'zh-CN')).toMatchObject({ accounts: [], groups: [], months: [], declarations: [], coverage: { gaps: [] } });
  });
});
