import { reportWindow } from '../statistics/scope';
import { month } from '../testing/statistics.fixture';
import { buildReport, type ReportInput } from './report-document';

const input = (product: ReportInput['product']): ReportInput => ({
  reportId: 'r-1',
  generatedAt: new Date('2026-11-24T08:00:00Z'),
  product,
  query: { kind: 'INSTITUTION', institution: 'L0001', authorizationId: 'auth-1', queryId: 'q-1' },
  subject: '91110000600037341L',
  window: reportWindow('2026-08', '2026-10'),
  accounts: [
    { bindingId: 'b-2', provider: 'P0001', accountType: 'PAYMENT', accountNumber: '8888****4444' },
    { bindingId: 'b-1', provider: 'B0001', accountType: 'BASIC', accountNumber: '6222***********3445' },
  ],
  statistics: [
    { bindingId: 'b-1', months: [month('2026-08', { inflow: [1, 1], outflow: [1, 1] }), month('2026-10', { inflow: [1, 1], outflow: [1, 1] }), month('2026-07', { inflow: [9, 9], outflow: [9, 9] })] },
    { bindingId: 'b-9', months: [month('2026-08', { inflow: [5, 5], outflow: [5, 5] })] }, // not authorised
  ],
});

describe('a report document', () => {
  it('carries its metadata, the masked accounts sorted by binding id, and the coverage of the window', () => {
    const report = buildReport(input('CREDIT_REPORT'));
    expect(report).toMatchObject({
      reportId: 'r-1',
      product: 'CREDIT_REPORT',
      schemaVersion: 3,
      catalogueVersion: 2,
      generatedAt: '2026-11-24T08:00:00.000Z',
      subject: { uscc: '91110000600037341L' },
      period: { from: '2026-08', to: '2026-10', months: 3 },
    });
    expect(report.accounts.map((a) => a.bindingId)).toEqual(['b-1', 'b-2']);
    // b-1 has 2026-08 and 2026-10 in the window (2026-07 is outside); b-2 has nothing: 2 of 6 account-months
    expect(report.coverage).toEqual({
      accountMonthsExpected: 6,
      accountMonthsPresent: 2,
      accounts: [
        { bindingId: 'b-1', monthsPresent: 2, missingPeriods: ['2026-09'], latestPeriod: '2026-10' },
        { bindingId: 'b-2', monthsPresent: 0, missingPeriods: ['2026-08', '2026-09', '2026-10'], latestPeriod: null },
      ],
    });
  });

  it('uses only the authorised accounts and months', () => {
    const report = buildReport(input('CREDIT_REPORT'));
    if (report.product !== 'CREDIT_REPORT') throw new Error('wrong product');
    expect(report.byAccount.map((a) => a.bindingId)).toEqual(['b-1', 'b-2']);
    const months = report.consolidated.groups.flatMap((g) => g.indicators).find((i) => i.id === 'OPS_MONTHLY_INFLOW');
    // 2026-07 (outside the window) and b-9 (not authorised) are left out
    expect(months).toMatchObject({ value: { from: '2026-08', to: '2026-10', values: [1, null, 1] } });
    expect(JSON.stringify(report)).not.toContain('b-9');
  });

  it('builds the detail summary with its legend', () => {
    const summary = buildReport(input('DETAIL_SUMMARY'));
    if (summary.product !== 'DETAIL_SUMMARY') throw new Error('wrong product');
    expect(summary.detail.map((d) => [d.bindingId, d.months.map((m) => m.period)])).toEqual([['b-1', ['2026-08', '2026-10']], ['b-2', []]]);
    expect(summary.legend.fields['inflow.amount']).toEqual({ zh: '流入金额', en: 'Inflow amount', unit: 'FEN' });
    expect(summary.legend.counterpartyTypes.GOVERNMENT.zh).toContain('政府');
  });
});
