// The portal's report reader, to check what it makes of these sections (a test-only cross-app import).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { readReport } from '../../../../portal/src/pages/report/report.reader';
import { buildReport, type ReportInput } from '../report/report-document';
import { reportWindow } from '../statistics/scope';
import { month } from '../testing/statistics.fixture';
import type { DeclarationNote, ObjectionNote } from './subject-notes';

// The report covers b-1 and b-2 from 2026-08 to 2026-10; b-9 is the enterprise's too, but not authorised.
const declarations: DeclarationNote[] = [
  { declarationId: 'd-month-in', scope: 'MONTH', bindingId: 'b-1', period: '2026-09', text: '九月流入含一笔退款 <b>', declaredAt: '2026-11-03T00:00:00.000Z' },
  { declarationId: 'd-report', scope: 'REPORT', text: 'The whole report: see our note', declaredAt: '2026-11-01T00:00:00.000Z' },
  { declarationId: 'd-account-in', scope: 'ACCOUNT', bindingId: 'b-2', text: '支付账户仅用于收款', declaredAt: '2026-11-02T00:00:00.000Z' },
  { declarationId: 'd-account-out', scope: 'ACCOUNT', bindingId: 'b-9', text: 'not in this report', declaredAt: '2026-11-02T00:00:00.000Z' },
  { declarationId: 'd-month-out', scope: 'MONTH', bindingId: 'b-1', period: '2026-07', text: 'outside the window', declaredAt: '2026-11-02T00:00:00.000Z' },
];
const objection = (over: Partial<ObjectionNote> & Pick<ObjectionNote, 'objectionId' | 'bindingId' | 'period' | 'status'>): ObjectionNote => ({
  fields: [], raisedAt: '2026-11-05T00:00:00.000Z', dueBy: '2026-11-25T00:00:00.000Z', resolvedAt: null, correctedRevision: null, ...over,
});
const objections: ObjectionNote[] = [
  objection({ objectionId: 'o-open', bindingId: 'b-1', period: '2026-10', status: 'SUBMITTED', fields: ['outflow', 'inflow'] }),
  objection({ objectionId: 'o-overdue', bindingId: 'b-2', period: '2026-08', status: 'OVERDUE' }),
  objection({ objectionId: 'o-fixed', bindingId: 'b-1', period: '2026-08', status: 'CORRECTED', resolvedAt: '2026-11-10T00:00:00.000Z', correctedRevision: 2 }),
  objection({ objectionId: 'o-pending-fix', bindingId: 'b-1', period: '2026-09', status: 'CORRECTED', resolvedAt: '2026-11-11T00:00:00.000Z', correctedRevision: 3 }),
  objection({ objectionId: 'o-upheld', bindingId: 'b-2', period: '2026-09', status: 'UPHELD', resolvedAt: '2026-11-12T00:00:00.000Z' }),
  objection({ objectionId: 'o-other-account', bindingId: 'b-9', period: '2026-09', status: 'SUBMITTED' }),
  objection({ objectionId: 'o-other-month', bindingId: 'b-1', period: '2026-07', status: 'SUBMITTED' }),
];
const input = (product: ReportInput['product'], order: <T>(xs: T[]) => T[] = (xs) => xs): ReportInput => ({
  reportId: 'r-1',
  generatedAt: new Date('2026-11-24T08:00:00Z'),
  product,
  query: { kind: 'SELF', queryId: 'q-1' },
  subject: '91110000600037341L',
  window: reportWindow('2026-08', '2026-10'),
  accounts: order([
    { bindingId: 'b-1', provider: 'B0001', accountType: 'BASIC', accountNumber: '6222***********3445' },
    { bindingId: 'b-2', provider: 'P0001', accountType: 'PAYMENT', accountNumber: '8888****4444' },
  ]),
  statistics: order([
    { bindingId: 'b-1', months: order([month('2026-08', { inflow: [1, 1], outflow: [1, 1], revision: 2 }), month('2026-09', { inflow: [1, 1], outflow: [1, 1], revision: 2 }), month('2026-10', { inflow: [1, 1], outflow: [1, 1] })]) },
    { bindingId: 'b-2', months: [month('2026-08', { inflow: [3, 1], outflow: [0, 0] })] },
  ]),
  declarations: order(declarations),
  objections: order(objections),
});

describe("a report's declarations, disputes and corrections", () => {
  it('prints the declarations whose scope the report touches, oldest first, text as written', () => {
    const report = buildReport(input('CREDIT_REPORT'));
    expect(report.declarations.title).toEqual({ zh: '本人声明', en: "Subject's declarations" });
    expect(report.declarations.items).toEqual([
      { declarationId: 'd-report', scope: 'REPORT', text: 'The whole report: see our note', declaredAt: '2026-11-01T00:00:00.000Z' },
      { declarationId: 'd-account-in', scope: 'ACCOUNT', bindingId: 'b-2', text: '支付账户仅用于收款', declaredAt: '2026-11-02T00:00:00.000Z' },
      { declarationId: 'd-month-in', scope: 'MONTH', bindingId: 'b-1', period: '2026-09', text: '九月流入含一笔退款 <b>', declaredAt: '2026-11-03T00:00:00.000Z' },
    ]);
  });

  it('marks the months under an open objection and flags corrected ones with the revision printed', () => {
    const report = buildReport(input('CREDIT_REPORT'));
    expect(report.disputes.items).toEqual([
      { objectionId: 'o-open', bindingId: 'b-1', period: '2026-10', status: 'SUBMITTED', fields: ['inflow', 'outflow'], raisedAt: '2026-11-05T00:00:00.000Z', dueBy: '2026-11-25T00:00:00.000Z' },
      { objectionId: 'o-overdue', bindingId: 'b-2', period: '2026-08', status: 'OVERDUE', fields: [], raisedAt: '2026-11-05T00:00:00.000Z', dueBy: '2026-11-25T00:00:00.000Z' },
    ]);
    // 2026-08 of b-1 prints revision 2, the corrected one; 2026-09's correction (revision 3) has not arrived: revision 2 is printed
    expect(report.corrections.items).toEqual([
      { objectionId: 'o-fixed', bindingId: 'b-1', period: '2026-08', correctedRevision: 2, resolvedAt: '2026-11-10T00:00:00.000Z', revisionShown: 2 },
      { objectionId: 'o-pending-fix', bindingId: 'b-1', period: '2026-09', correctedRevision: 3, resolvedAt: '2026-11-11T00:00:00.000Z', revisionShown: 2 },
    ]);
    expect(JSON.stringify(report)).not.toMatch(/o-upheld|o-other-|d-account-out|d-month-out/);
  });

  it('flags disputed and corrected months in the detail summary', () => {
    const summary = buildReport(input('DETAIL_SUMMARY'));
    if (summary.product !== 'DETAIL_SUMMARY') throw new Error('wrong product');
    const flags = summary.detail.map((d) => [d.bindingId, d.months.map((m) => [m.period, m.disputed, m.corrected])]);
    expect(flags).toEqual([
      ['b-1', [['2026-08', false, true], ['2026-09', false, true], ['2026-10', true, false]]],
      ['b-2', [['2026-08', true, false]]],
    ]);
  });

  it('prints the same bytes whatever order the read models hand things in', () => {
    const reversed = <T>(xs: T[]) => [...xs].reverse();
    for (const product of ['CREDIT_REPORT', 'DETAIL_SUMMARY'] as const) {
      expect(JSON.stringify(buildReport(input(product, reversed)))).toBe(JSON.stringify(buildReport(input(product))));
    }
  });

  it('has empty sections, titled, when there is nothing to print', () => {
    const report = buildReport({ ...input('CREDIT_REPORT'), declarations: [], objections: [] });
    expect([report.declarations, report.disputes, report.corrections]).toEqual([
      { title: { zh: '本人声明', en: "Subject's declarations" }, items: [] },
      { title: { zh: '异议标注', en: 'Disputed months' }, items: [] },
      { title: { zh: '异议更正', en: 'Corrected figures' }, items: [] },
    ]);
  });

  it("is read by the portal: the declarations with their scope, and the disputed months", () => {
    const view = readReport(JSON.parse(JSON.stringify(buildReport(input('DETAIL_SUMMARY')))), 'zh-CN');
    expect(view.declarations).toEqual([
      { text: 'The whole report: see our note', bindingId: undefined, period: undefined },
      { text: '支付账户仅用于收款', bindingId: 'b-2', period: undefined },
      { text: '九月流入含一笔退款 <b>', bindingId: 'b-1', period: '2026-09' },
    ]);
    // months summed over the accounts: 2026-08 (b-2) and 2026-10 (b-1) are disputed
    expect(view.months.map((m) => [m.period, m.disputed])).toEqual([['2026-08', true], ['2026-09', false], ['2026-10', true]]);
  });
});
