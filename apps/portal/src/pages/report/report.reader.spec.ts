// The report service's own code builds the schema-v2 reports below (a test-only cross-app import, as the
// report's subject-notes.spec.ts reads this reader).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { buildReport } from '../../../../report/src/domain/report/report-document';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { reportWindow } from '../../../../report/src/domain/statistics/scope';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { month } from '../../../../report/src/domain/testing/statistics.fixture';
import creditReport from './testdata/credit-report.json';
import { readReport } from './report.reader';

// The report reader on the portal's older sample (schema v1 with names and definitions on each indicator).
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
    expect(view.months[0]).toEqual({ period: '2025-11', inflow: 12345600, outflow: 9876500, balanceEnd: undefined, disputed: false, declared: false, corrected: false });
    expect(view.months.filter((m) => m.disputed).map((m) => m.period)).toEqual(['2026-07']);
    expect(view.months.filter((m) => m.declared).map((m) => m.period)).toEqual(['2026-02']);
    expect(view.months.map((m) => m.period)).not.toContain('2026-03');
  });

  it('reads coverage: months with data, the latest month and the gaps', () => {
    expect(view.coverage).toMatchObject({ months: 11, latest: '2026-10', gaps: ['2026-03'] });
    expect(view.declarations).toEqual([{ text: '2026年2月春节停工，流入偏低。', bindingId: 'b-1', period: '2026-02' }]);
  });

  it('sums a detail summary\'s accounts month by month, balances included', () => {
    const month = (period: string, inflow: number, end: number) => ({ period, revision: 1, inflow: { amount: inflow, count: 1 }, outflow: { amount: 100, count: 1 }, balance: { end, averageDaily: 0, min: 0, max: 0 } });
    const detail = { product: 'DETAIL_SUMMARY', detail: [{ bindingId: 'a', months: [month('2026-09', 1000, 50), month('2026-10', 2000, 60)] }, { bindingId: 'b', months: [month('2026-10', 5, 7)] }] };
    expect(readReport(detail, 'en').months).toEqual([
      { period: '2026-09', inflow: 1000, outflow: 100, balanceEnd: 50, disputed: false, declared: false, corrected: false },
      { period: '2026-10', inflow: 2005, outflow: 200, balanceEnd: 67, disputed: false, declared: false, corrected: false },
    ]);
  });

  it('shows nothing rather than failing on an answer it does not understand', () => {
    expect(readReport('not a report', 'zh-CN')).toMatchObject({ accounts: [], groups: [], months: [], declarations: [], coverage: { gaps: [] } });
  });
});

// The same reader on reports built by the report service's own code: schema v2 as POST /v1/subject/queries serves it.

describe("reading the report service's own reports (schema v2)", () => {
  const accounts = [
    { bindingId: 'b-1', provider: 'B0001', accountType: 'BASIC' as const, accountNumber: '6222***********3445' },
    { bindingId: 'b-2', provider: 'P0001', accountType: 'PAYMENT' as const, accountNumber: '8888****4444' },
  ];
  // b-1 has 2026-08 and 2026-10 (2026-09 is a gap), b-2 only 2026-10.
  const statistics = [
    { bindingId: 'b-1', months: [month('2026-08', { inflow: [100_00, 2], outflow: [40_00, 1], balance: [500_00, 400_00, 100_00, 600_00] }), month('2026-10', { inflow: [300_00, 3], outflow: [50_00, 1], balance: [750_00, 600_00, 500_00, 800_00] })] },
    { bindingId: 'b-2', months: [month('2026-10', { inflow: [7_00, 1], outflow: [0, 0], balance: [7_00, 3_00, 0, 7_00] })] },
  ];
  const input = (product: 'CREDIT_REPORT' | 'DETAIL_SUMMARY') => ({
    reportId: 'r-1', generatedAt: new Date('2026-11-24T08:00:00Z'), product, query: { kind: 'SELF' as const, queryId: 'q-1' }, subject: '91110000600037341L',
    window: reportWindow('2026-08', '2026-10'), accounts, statistics,
    declarations: [{ declarationId: 'd-1', scope: 'MONTH' as const, bindingId: 'b-1', period: '2026-08', text: '八月含退款', declaredAt: '2026-11-01T00:00:00.000Z' }],
    objections: [
      { objectionId: 'o-1', bindingId: 'b-1', period: '2026-10', status: 'SUBMITTED' as const, fields: ['inflow'], raisedAt: '2026-11-05T00:00:00.000Z', dueBy: '2026-11-25T00:00:00.000Z', resolvedAt: null, correctedRevision: null },
      { objectionId: 'o-2', bindingId: 'b-1', period: '2026-08', status: 'CORRECTED' as const, fields: [], raisedAt: '2026-11-05T00:00:00.000Z', dueBy: '2026-11-25T00:00:00.000Z', resolvedAt: '2026-11-06T00:00:00.000Z', correctedRevision: 1 },
    ],
  });
  const served = (product: 'CREDIT_REPORT' | 'DETAIL_SUMMARY') => JSON.parse(JSON.stringify(buildReport(input(product)))) as unknown;

  it('names every indicator from the legend in the page language, never by its bare id', () => {
    const zh = readReport(served('CREDIT_REPORT'), 'zh-CN');
    const all = zh.groups.flatMap((g) => g.indicators);
    expect(all.length).toBeGreaterThan(40);
    expect(all.filter((i) => i.name === i.id)).toEqual([]);
    expect(zh.groups.map((g) => g.group)).not.toContain('OTHER');
    const legend = (served('CREDIT_REPORT') as { legend: { indicators: Record<string, { zh: string; en: string }> } }).legend.indicators;
    expect(all.find((i) => i.id === 'COV_MONTHS_WITH_DATA')).toMatchObject({ name: legend.COV_MONTHS_WITH_DATA.zh, unit: 'MONTHS', value: 2 });
    // three months are too few for a 12-month figure: no value, the reason kept (never 0)
    expect(all.find((i) => i.id === 'OPS_INFLOW_12M')).toMatchObject({ name: '近12个月流入金额', unit: 'FEN', value: null, reason: 'TOO_FEW_MONTHS' });
    expect(readReport(served('CREDIT_REPORT'), 'en').groups[0].indicators.find((i) => i.id === 'OPS_INFLOW_12M')?.name).toBe('Inflow, last 12 months');
  });

  it("gives every indicator the legend's definition in the page language", () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const all = readReport(served('CREDIT_REPORT'), language).groups.flatMap((g) => g.indicators);
      expect(all.filter((i) => !i.definition)).toEqual([]);
    }
    const inflow = (language: 'zh-CN' | 'en') => readReport(served('CREDIT_REPORT'), language).groups.flatMap((g) => g.indicators).find((i) => i.id === 'OPS_INFLOW_12M');
    expect(inflow('zh-CN')?.definition).toBe('窗口内最近12个月记入账户的资金合计。');
    expect(inflow('en')?.definition).toBe('Total amount credited to the accounts in the last 12 months of the window.');
  });

  it("turns the credit report's monthly series (FEN_SERIES) into the chart's months, a gap month left out", () => {
    const view = readReport(served('CREDIT_REPORT'), 'zh-CN');
    // month-end balances: b-1's 500.00 in August; b-1's 750.00 and b-2's 7.00 in October
    expect(view.months.map((m) => [m.period, m.inflow, m.outflow, m.balanceEnd])).toEqual([
      ['2026-08', 100_00, 40_00, 500_00],
      ['2026-10', 307_00, 50_00, 757_00],
    ]);
    const shownAsFigures = view.groups.flatMap((g) => g.indicators).map((i) => i.id);
    expect(shownAsFigures).not.toContain('OPS_MONTHLY_INFLOW');
    expect(shownAsFigures).not.toContain('SOL_MONTHLY_MONTH_END_BALANCE');
  });

  it('marks disputed, declared and corrected months, and reads coverage and gaps', () => {
    for (const product of ['CREDIT_REPORT', 'DETAIL_SUMMARY'] as const) {
      const view = readReport(served(product), 'zh-CN');
      expect(view.months.map((m) => [m.period, m.disputed, m.declared, m.corrected])).toEqual([
        ['2026-08', false, true, true],
        ['2026-10', true, false, false],
      ]);
      expect(view.declarations).toEqual([{ text: '八月含退款', bindingId: 'b-1', period: '2026-08' }]);
      // any account's missing month: b-1 lacks 2026-09, b-2 2026-08 and 2026-09
      expect(view.coverage.gaps).toEqual(['2026-08', '2026-09']);
      expect(view.coverage.latest).toBe('2026-10');
      // and account by account, so that the page can say which account a gap is in
      expect(view.coverage.accounts).toEqual([
        { bindingId: 'b-1', months: 2, latest: '2026-10', gaps: ['2026-09'] },
        { bindingId: 'b-2', months: 1, latest: '2026-10', gaps: ['2026-08', '2026-09'] },
      ]);
      expect(view.accounts.map((a) => a.id)).toEqual(['b-1', 'b-2']);
    }
  });

  it("sums the detail summary's accounts month by month, balances included", () => {
    const view = readReport(served('DETAIL_SUMMARY'), 'en');
    expect(view.months.map((m) => [m.period, m.inflow, m.outflow, m.balanceEnd])).toEqual([
      ['2026-08', 100_00, 40_00, 500_00],
      ['2026-10', 307_00, 50_00, 757_00],
    ]);
  });
});
