import type { IndicatorDefinition } from './indicator';
import { FEATURES, fullMonths, given, meanOf, monthlySeries, monthsWith, netFlow, ok, ratio, total } from './indicator-kit';

// 收支状况: whether the accounts take in more than they pay out (FinRegLab: net cash flow and months of
// negative net flow among the most predictive cash-flow variables).
const group = 'INCOME_EXPENDITURE' as const;

export const incomeExpenditureIndicators: readonly IndicatorDefinition[] = [
  {
    id: 'IE_NET_FLOW_12M', group, unit: 'FEN', needs: 'each of the last 12 months of the window',
    name: { zh: '近12个月净流入', en: 'Net flow, last 12 months' },
    definition: 'Inflow minus outflow over the last 12 months of the window (negative: more went out than came in).',
    formula: 'Σ (inflow.amount − outflow.amount) over the last 12 months',
    compute: (s) => given(fullMonths(s, 12), (m) => ok(total(m, netFlow), m.length)),
  },
  {
    id: 'IE_MONTHLY_NET_FLOW', group, unit: 'FEN_SERIES', needs: 'at least 1 month with data',
    name: { zh: '月度净流入', en: 'Net flow by month' },
    definition: 'Inflow minus outflow of each month of the window, oldest first; null for a month without data.',
    formula: '{ from, to, values: [ inflow.amount − outflow.amount of each month, or null ] }',
    compute: (s) => given(monthsWith(s, 1), () => monthlySeries(s, netFlow)),
  },
  {
    id: 'IE_MEAN_MONTHLY_NET_FLOW', group, unit: 'FEN', needs: 'at least 1 month with data',
    name: { zh: '月均净流入', en: 'Mean monthly net flow' },
    definition: 'Average net flow per month with data in the window.',
    formula: 'Σ (inflow.amount − outflow.amount) / months with data',
    compute: (s) => given(monthsWith(s, 1), (m) => meanOf(m, netFlow)),
  },
  {
    id: 'IE_NET_OUTFLOW_MONTHS', group, unit: 'MONTHS', needs: 'at least 1 month with data',
    name: { zh: '净流出月份数', en: 'Months of net outflow' },
    definition: 'Number of months with data in which outflow exceeded inflow.',
    formula: 'count of months with outflow.amount > inflow.amount',
    compute: (s) => given(monthsWith(s, 1), (m) => ok(m.filter((x) => netFlow(x) < 0).length, m.length)),
  },
  {
    id: 'IE_OUTFLOW_INFLOW_RATIO', group, unit: 'RATIO', needs: 'at least 1 month with data and some inflow',
    name: { zh: '流出流入比', en: 'Outflow to inflow ratio' },
    definition: 'Outflow per unit of inflow over the window (above 1: spending more than earning).',
    formula: 'Σ outflow.amount / Σ inflow.amount',
    compute: (s) => given(monthsWith(s, 1), (m) => ratio(total(m, (x) => x.outflow.amount), total(m, (x) => x.inflow.amount), m.length, 'no inflow in the window')),
  },
  {
    id: 'IE_LARGEST_OUTFLOW', group, unit: 'FEN', needs: 'at least 1 month with the account features',
    name: { zh: '最大单笔流出', en: 'Largest single outflow' },
    definition: 'The largest single debit transaction of the window.',
    formula: 'max features.largestOutflow',
    compute: (s) => given(monthsWith(s, 1, FEATURES), (m) => ok(Math.max(...m.map((x) => x.features!.largestOutflow)), m.length)),
  },
];
