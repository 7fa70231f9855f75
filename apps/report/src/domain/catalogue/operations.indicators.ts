import type { IndicatorDefinition } from './indicator';
import { fixed } from '../numbers/exact';
import { COUNTERPARTIES, FEATURES, fullMonths, given, meanOf, monthlySeries, monthsWith, ok, operatingInflow, quotient, ratio, total } from './indicator-kit';

// 经营状况: how much business flows through the accounts (Plaid base report: total_inflow_amount,
// number_of_inflows, average_inflow_amount; FinRegLab: revenue level and activity).
const group = 'OPERATIONS' as const;
const LAST_12 = 'each of the last 12 months of the window';

export const operationsIndicators: readonly IndicatorDefinition[] = [
  {
    id: 'OPS_INFLOW_12M', group, unit: 'FEN', needs: LAST_12,
    name: { zh: '近12个月流入金额', en: 'Inflow, last 12 months' },
    definition: 'Total amount credited to the accounts in the last 12 months of the window.',
    formula: 'Σ inflow.amount over the last 12 months',
    compute: (s) => given(fullMonths(s, 12), (m) => ok(total(m, (x) => x.inflow.amount), m.length)),
  },
  {
    id: 'OPS_OUTFLOW_12M', group, unit: 'FEN', needs: LAST_12,
    name: { zh: '近12个月流出金额', en: 'Outflow, last 12 months' },
    definition: 'Total amount debited from the accounts in the last 12 months of the window.',
    formula: 'Σ outflow.amount over the last 12 months',
    compute: (s) => given(fullMonths(s, 12), (m) => ok(total(m, (x) => x.outflow.amount), m.length)),
  },
  {
    id: 'OPS_INFLOW_COUNT_12M', group, unit: 'COUNT', needs: LAST_12,
    name: { zh: '近12个月流入笔数', en: 'Inflow transactions, last 12 months' },
    definition: 'Number of credit transactions in the last 12 months of the window.',
    formula: 'Σ inflow.count over the last 12 months',
    compute: (s) => given(fullMonths(s, 12), (m) => ok(total(m, (x) => x.inflow.count), m.length)),
  },
  {
    id: 'OPS_OUTFLOW_COUNT_12M', group, unit: 'COUNT', needs: LAST_12,
    name: { zh: '近12个月流出笔数', en: 'Outflow transactions, last 12 months' },
    definition: 'Number of debit transactions in the last 12 months of the window.',
    formula: 'Σ outflow.count over the last 12 months',
    compute: (s) => given(fullMonths(s, 12), (m) => ok(total(m, (x) => x.outflow.count), m.length)),
  },
  {
    id: 'OPS_MONTHLY_INFLOW', group, unit: 'FEN_SERIES', needs: 'at least 1 month with data',
    name: { zh: '月度流入金额', en: 'Inflow by month' },
    definition: 'The inflow of each month of the window, oldest first; null for a month without data.',
    formula: '{ from, to, values: [ inflow.amount of each month, or null ] }',
    compute: (s) => given(monthsWith(s, 1), () => monthlySeries(s, (x) => x.inflow.amount)),
  },
  {
    id: 'OPS_MONTHLY_OUTFLOW', group, unit: 'FEN_SERIES', needs: 'at least 1 month with data',
    name: { zh: '月度流出金额', en: 'Outflow by month' },
    definition: 'The outflow of each month of the window, oldest first; null for a month without data.',
    formula: '{ from, to, values: [ outflow.amount of each month, or null ] }',
    compute: (s) => given(monthsWith(s, 1), () => monthlySeries(s, (x) => x.outflow.amount)),
  },
  {
    id: 'OPS_MEAN_MONTHLY_INFLOW', group, unit: 'FEN', needs: 'at least 1 month with data',
    name: { zh: '月均流入金额', en: 'Mean monthly inflow' },
    definition: 'Average inflow per month with data in the window.',
    formula: 'Σ inflow.amount / months with data',
    compute: (s) => given(monthsWith(s, 1), (m) => meanOf(m, (x) => x.inflow.amount)),
  },
  {
    id: 'OPS_AVG_INFLOW_TICKET', group, unit: 'FEN', needs: 'at least 1 month with data and at least one inflow',
    name: { zh: '笔均流入金额', en: 'Average inflow ticket' },
    definition: 'Average amount of one credit transaction over the window.',
    formula: 'Σ inflow.amount / Σ inflow.count',
    compute: (s) => given(monthsWith(s, 1), (m) => quotient(total(m, (x) => x.inflow.amount), total(m, (x) => x.inflow.count), m.length, 'no inflow transactions in the window')),
  },
  {
    id: 'OPS_AVG_OUTFLOW_TICKET', group, unit: 'FEN', needs: 'at least 1 month with data and at least one outflow',
    name: { zh: '笔均流出金额', en: 'Average outflow ticket' },
    definition: 'Average amount of one debit transaction over the window.',
    formula: 'Σ outflow.amount / Σ outflow.count',
    compute: (s) => given(monthsWith(s, 1), (m) => quotient(total(m, (x) => x.outflow.amount), total(m, (x) => x.outflow.count), m.length, 'no outflow transactions in the window')),
  },
  {
    id: 'OPS_OPERATING_INFLOW_12M', group, unit: 'FEN', needs: `${LAST_12}, with the counterparty breakdown`,
    name: { zh: '近12个月经营性流入', en: 'Operating inflow, last 12 months' },
    definition: 'Inflow of the last 12 months excluding inflows from financial institutions (loans drawn): revenue rather than borrowing.',
    formula: 'Σ (inflow.amount − counterparties[FINANCIAL_INSTITUTION].inflow.amount) over the last 12 months',
    compute: (s) => given(fullMonths(s, 12, COUNTERPARTIES), (m) => ok(total(m, operatingInflow), m.length)),
  },
  {
    id: 'OPS_OPERATING_INFLOW_SHARE', group, unit: 'RATIO', needs: 'at least 1 month with the counterparty breakdown and some inflow',
    name: { zh: '经营性流入占比', en: 'Operating share of inflow' },
    definition: 'Share of the inflow that does not come from financial institutions, over the months with a counterparty breakdown.',
    formula: 'Σ (inflow.amount − FINANCIAL_INSTITUTION inflow) / Σ inflow.amount',
    compute: (s) => given(monthsWith(s, 1, COUNTERPARTIES), (m) => ratio(total(m, operatingInflow), total(m, (x) => x.inflow.amount), m.length, 'no inflow in the window')),
  },
  {
    id: 'OPS_MEAN_ACTIVE_DAYS', group, unit: 'DAYS', needs: 'at least 1 month with the account features',
    name: { zh: '月均活跃天数', en: 'Mean active days per month' },
    definition: 'Average number of days with at least one transaction, per account-month (consolidated: over every account-month).',
    formula: 'Σ features.activeDays / account-months with features',
    compute: (s) => given(monthsWith(s, 1, FEATURES), (m) => ok(fixed(total(m, (x) => x.features!.activeDays), total(m, (x) => x.records), 1), m.length)),
  },
  {
    id: 'OPS_LARGEST_INFLOW', group, unit: 'FEN', needs: 'at least 1 month with the account features',
    name: { zh: '最大单笔流入', en: 'Largest single inflow' },
    definition: 'The largest single credit transaction of the window.',
    formula: 'max features.largestInflow',
    compute: (s) => given(monthsWith(s, 1, FEATURES), (m) => ok(Math.max(...m.map((x) => x.features!.largestInflow)), m.length)),
  },
];
