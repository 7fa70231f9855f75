import type { Page, Route } from 'playwright-core';
import audit from '../src/proof/testdata/audit-log.json';

// Recorded API answers in the contract's shapes, for the pages whose services are still being built: a
// credit report over twelve months (one disputed, one declared, one missing), and an activity record made of
// the proof vectors' audit entries with their real inclusion proofs and signed checkpoint
// (src/proof/testdata/audit-log.json, written by test/make-proof-vectors.mjs). Seq 4's proof comes with an
// altered entry: the page must catch it.

const months = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2025, 10 + i, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}).filter((p) => p !== '2026-03');

export const REPORT_DISPUTED_MONTH = '2026-07';
export const REPORT_DECLARATION = '2026年2月春节停工，流入偏低。';
export const FIRST_INFLOW_FEN = 12345600;

export const creditReport = {
  reportId: 'rpt-3f1c8a52',
  generatedAt: '2026-11-01T02:05:00Z',
  product: 'CREDIT_REPORT',
  catalogueVersion: '1',
  period: { from: months[0], to: months[months.length - 1] },
  accounts: [{ bindingId: 'b-1', provider: 'B0001', accountType: 'BASIC', accountNumber: '6222********3445' }],
  indicators: [
    { id: 'inflow_12m', group: 'INCOME_EXPENDITURE', name: { 'zh-CN': '近12个月流入', en: 'Inflow, last 12 months' }, definition: { 'zh-CN': '最近12个完整月份的流入金额合计。', en: 'Sum of inflows over the last 12 complete months.' }, unit: 'FEN', value: 148147200 },
    { id: 'net_outflow_months', group: 'INCOME_EXPENDITURE', name: { 'zh-CN': '净流出月数', en: 'Months of net outflow' }, definition: { 'zh-CN': '流出大于流入的月份数。', en: 'Months in which outflow exceeded inflow.' }, unit: 'MONTHS', value: 2 },
    { id: 'active_days_avg', group: 'OPERATIONS', name: { 'zh-CN': '月均活跃天数', en: 'Active days a month' }, definition: { 'zh-CN': '有收付的天数的月平均值。', en: 'Average number of days with payments per month.' }, unit: 'DAYS', value: 21 },
    { id: 'cash_buffer_days', group: 'SOLVENCY', name: { 'zh-CN': '现金缓冲天数', en: 'Cash-buffer days' }, definition: { 'zh-CN': '月末余额除以日均流出。', en: 'Month-end balance over average daily outflow.' }, unit: 'DAYS', value: 16.4 },
    { id: 'debt_service_ratio', group: 'SOLVENCY', name: { 'zh-CN': '偿债比率', en: 'Debt-service ratio' }, definition: { 'zh-CN': '向金融机构的还款占经营性流入的比例。', en: 'Repayments to financial institutions over operating inflow.' }, unit: 'RATIO', value: 0.124 },
    { id: 'tax_regularity', group: 'PERFORMANCE', name: { 'zh-CN': '纳税规律性', en: 'Tax regularity' }, definition: { 'zh-CN': '有向政府付款的月份占覆盖月份的比例。', en: 'Months with payments to government over months covered.' }, unit: 'RATIO', value: 0.909 },
    { id: 'yoy_inflow', group: 'STABILITY', name: { 'zh-CN': '流入同比', en: 'Inflow year on year' }, definition: { 'zh-CN': '需要13个月以上的数据。', en: 'Needs 13 months or more.' }, unit: 'RATIO', value: null, reason: { 'zh-CN': '数据不足13个月', en: 'fewer than 13 months' } },
  ],
  monthly: months.map((period, i) => ({ period, inflow: { amount: FIRST_INFLOW_FEN + i * 104500, count: 40 + i }, outflow: { amount: 9876500 + (i % 3) * 2300000, count: 35 }, balance: { end: 5400000 + i * 120000 } })),
  coverage: { monthsCovered: months.length, latestMonth: months[months.length - 1], gaps: ['2026-03'] },
  declarations: [{ id: 'd-1', text: REPORT_DECLARATION, bindingId: 'b-1', period: '2026-02' }],
  disputes: [{ bindingId: 'b-1', period: REPORT_DISPUTED_MONTH, objectionId: 'o-1' }],
};

const KINDS = ['BINDING', 'BINDING', 'AUTHORIZATION', 'AUTHORIZATION', 'INSTITUTION_QUERY', 'MESSAGE', 'DECLARATION', 'OBJECTION', 'AUTHORIZATION', 'AUTHORIZATION', 'AUTHORIZATION'];
export const TAMPERED_SEQ = 4;

export const activity = audit.entries.map((entry, i) => ({ seq: entry.seq, at: entry.at, kind: KINDS[i], type: entry.type, actor: entry.actor, summary: { 'zh-CN': entry.data.note, en: `Entry ${entry.seq}` } }));

function proofFor(seq: number) {
  const proof = JSON.parse(JSON.stringify(audit.proofs[seq])) as (typeof audit.proofs)[number];
  if (seq === TAMPERED_SEQ) proof.entry.data.amount += 100;
  return { ...proof, keys: audit.keys };
}

const json = (route: Route, body: unknown) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });

/** Answers the report and activity routes in the page from the recordings above (the rest stays real). */
export async function useRecordedAnswers(page: Page): Promise<void> {
  await page.route('**/v1/subject/queries', (route) => json(route, creditReport));
  await page.route('**/v1/subject/activity?**', (route) => json(route, activity));
  await page.route('**/v1/subject/activity', (route) => json(route, activity));
  await page.route(/\/v1\/subject\/activity\/(\d+)\/proof$/, (route) => json(route, proofFor(Number(/activity\/(\d+)\/proof/.exec(route.request().url())?.[1]))));
}
