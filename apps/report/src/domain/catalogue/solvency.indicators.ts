import { big, fixed } from '../numbers/exact';
import type { IndicatorDefinition } from './indicator';
import { coefficientOfVariation, COUNTERPARTIES, FEATURES, fullMonths, given, insufficient, meanOf, monthlySeries, monthsWith, ok, operatingInflow, ratio, total, typeInflow, typeOutflow } from './indicator-kit';

// 偿债能力: the cash the enterprise holds against what it pays out and owes (JPMorgan Chase Institute:
// cash buffer days; Plaid base report: average and minimum balances; FinRegLab: balance volatility).
const group = 'SOLVENCY' as const;
const FI = 'FINANCIAL_INSTITUTION' as const;
const WITH_BREAKDOWN_12 = 'each of the last 12 months of the window, with the counterparty breakdown';

export const solvencyIndicators: readonly IndicatorDefinition[] = [
  {
    id: 'SOL_MEAN_DAILY_BALANCE', group, unit: 'FEN', needs: 'at least 1 month with data',
    name: { zh: '日均余额', en: 'Mean daily balance' },
    definition: 'Average of the monthly average daily balances over the months with data (consolidated: the accounts added up each month).',
    formula: 'Σ balance.averageDaily / months with data',
    compute: (s) => given(monthsWith(s, 1), (m) => meanOf(m, (x) => x.balance.averageDaily)),
  },
  {
    id: 'SOL_MIN_BALANCE', group, unit: 'FEN', needs: 'at least 1 month with data',
    name: { zh: '最低余额', en: 'Minimum balance' },
    definition: 'Lowest monthly minimum balance of the window (consolidated: the accounts\' minima added up each month, a lower bound).',
    formula: 'min balance.min',
    compute: (s) => given(monthsWith(s, 1), (m) => ok(Math.min(...m.map((x) => x.balance.min)), m.length)),
  },
  {
    id: 'SOL_MONTH_END_BALANCE', group, unit: 'FEN', needs: 'at least 1 month with data',
    name: { zh: '最近月末余额', en: 'Latest month-end balance' },
    definition: 'Balance at the end of the latest month with data.',
    formula: 'balance.end of the latest month with data',
    compute: (s) => given(monthsWith(s, 1), (m) => ok(m[m.length - 1].balance.end, 1)),
  },
  {
    id: 'SOL_MONTHLY_MONTH_END_BALANCE', group, unit: 'FEN_SERIES', needs: 'at least 1 month with data',
    name: { zh: '月度月末余额', en: 'Month-end balance by month' },
    definition: 'The balance at the end of each month of the window, oldest first; null for a month without data (consolidated: the accounts added up each month).',
    formula: '{ from, to, values: [ balance.end of each month, or null ] }',
    compute: (s) => given(monthsWith(s, 1), () => monthlySeries(s, (x) => x.balance.end)),
  },
  {
    id: 'SOL_DAILY_BALANCE_CV', group, unit: 'RATIO', needs: 'at least 6 months with data, positive mean',
    name: { zh: '日均余额波动系数', en: 'Volatility of the daily balance' },
    definition: 'Coefficient of variation of the monthly average daily balance (population standard deviation over mean).',
    formula: 'σ(balance.averageDaily) / mean(balance.averageDaily)',
    compute: (s) => given(monthsWith(s, 6), (m) => coefficientOfVariation(m, (x) => x.balance.averageDaily, 'average daily balance')),
  },
  {
    id: 'SOL_MIN_BALANCE_CV', group, unit: 'RATIO', needs: 'at least 6 months with data, positive mean',
    name: { zh: '最低余额波动系数', en: 'Volatility of the minimum balance' },
    definition: 'Coefficient of variation of the monthly minimum balance.',
    formula: 'σ(balance.min) / mean(balance.min)',
    compute: (s) => given(monthsWith(s, 6), (m) => coefficientOfVariation(m, (x) => x.balance.min, 'minimum balance')),
  },
  {
    id: 'SOL_MONTH_END_BALANCE_CV', group, unit: 'RATIO', needs: 'at least 6 months with data, positive mean',
    name: { zh: '月末余额波动系数', en: 'Volatility of the month-end balance' },
    definition: 'Coefficient of variation of the month-end balance.',
    formula: 'σ(balance.end) / mean(balance.end)',
    compute: (s) => given(monthsWith(s, 6), (m) => coefficientOfVariation(m, (x) => x.balance.end, 'month-end balance')),
  },
  {
    id: 'SOL_CASH_BUFFER_DAYS', group, unit: 'DAYS', needs: 'at least 3 months with data among the last 12 of the window, some outflow',
    name: { zh: '现金缓冲天数', en: 'Cash buffer days' },
    definition: 'Days of typical outflows the average balance would cover with no inflow (JPMorgan Chase Institute), over the last 12 months of the window that have data.',
    formula: '(Σ balance.averageDaily / n) / (Σ outflow.amount / Σ calendar days) = Σ balance.averageDaily × Σ days / (n × Σ outflow.amount)',
    compute: (s) => given(monthsWith(s, 3, undefined, true), (m) => {
      const outflow = total(m, (x) => x.outflow.amount);
      if (outflow <= 0) return insufficient('ZERO_BASE', 'no outflow in the months considered');
      const numerator = big(total(m, (x) => x.balance.averageDaily)) * big(total(m, (x) => x.days));
      return ok(fixed(numerator, big(m.length) * big(outflow), 1), m.length);
    }),
  },
  {
    id: 'SOL_ZERO_BALANCE_DAYS_12M', group, unit: 'DAYS', needs: 'each of the last 12 months of the window, with the account features',
    name: { zh: '近12个月零余额天数', en: 'Zero-balance days, last 12 months' },
    definition: 'Days at a zero balance in the last 12 months (consolidated: account-days, added up over the accounts).',
    formula: 'Σ features.zeroBalanceDays over the last 12 months',
    compute: (s) => given(fullMonths(s, 12, FEATURES), (m) => ok(total(m, (x) => x.features!.zeroBalanceDays), m.length)),
  },
  {
    id: 'SOL_LOAN_DRAWDOWNS_12M', group, unit: 'FEN', needs: WITH_BREAKDOWN_12,
    name: { zh: '近12个月贷款流入', en: 'Loan drawdowns, last 12 months' },
    definition: 'Inflow from financial institutions (loans drawn) in the last 12 months.',
    formula: 'Σ counterparties[FINANCIAL_INSTITUTION].inflow.amount over the last 12 months',
    compute: (s) => given(fullMonths(s, 12, COUNTERPARTIES), (m) => ok(total(m, typeInflow(FI)), m.length)),
  },
  {
    id: 'SOL_LOAN_REPAYMENTS_12M', group, unit: 'FEN', needs: WITH_BREAKDOWN_12,
    name: { zh: '近12个月还款流出', en: 'Repayments, last 12 months' },
    definition: 'Outflow to financial institutions (repayments, interest, fees) in the last 12 months.',
    formula: 'Σ counterparties[FINANCIAL_INSTITUTION].outflow.amount over the last 12 months',
    compute: (s) => given(fullMonths(s, 12, COUNTERPARTIES), (m) => ok(total(m, typeOutflow(FI)), m.length)),
  },
  {
    id: 'SOL_NET_BORROWING_12M', group, unit: 'FEN', needs: WITH_BREAKDOWN_12,
    name: { zh: '近12个月净融资额', en: 'Net borrowing, last 12 months' },
    definition: 'Loan drawdowns minus repayments in the last 12 months (negative: paying debt down).',
    formula: 'Σ (FINANCIAL_INSTITUTION inflow − FINANCIAL_INSTITUTION outflow) over the last 12 months',
    compute: (s) => given(fullMonths(s, 12, COUNTERPARTIES), (m) => ok(total(m, (x) => typeInflow(FI)(x) - typeOutflow(FI)(x)), m.length)),
  },
  {
    id: 'SOL_DEBT_SERVICE_RATIO', group, unit: 'RATIO', needs: 'at least 1 month with the counterparty breakdown and some operating inflow',
    name: { zh: '偿债比率', en: 'Debt service ratio' },
    definition: 'Payments to financial institutions per unit of operating inflow, over the months with a counterparty breakdown.',
    formula: 'Σ FINANCIAL_INSTITUTION outflow / Σ (inflow.amount − FINANCIAL_INSTITUTION inflow)',
    compute: (s) => given(monthsWith(s, 1, COUNTERPARTIES), (m) => ratio(total(m, typeOutflow(FI)), total(m, operatingInflow), m.length, 'no operating inflow in the window')),
  },
];
