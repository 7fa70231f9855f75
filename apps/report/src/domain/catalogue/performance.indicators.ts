import type { CounterpartyType } from '@cfc/contracts';
import type { IndicatorDefinition, Outcome } from './indicator';
import { COUNTERPARTIES, fullMonths, given, insufficient, monthsWith, ok, ratio, total, typeOutflow } from './indicator-kit';
import type { MonthTotals } from '../statistics/month-statistics';

// 履约能力: whether the enterprise meets its recurring obligations month after month: taxes and social
// insurance (government counterparties), payroll (individuals), loan repayments (financial institutions).
const group = 'PERFORMANCE' as const;
const REGULARITY_NEEDS = 'at least 3 months with the counterparty breakdown';

/** Months with an outflow to `type`, out of the months with a counterparty breakdown. */
function regularity(months: readonly MonthTotals[], type: CounterpartyType): Outcome {
  const paid = months.filter((m) => typeOutflow(type)(m) > 0).length;
  return ratio(paid, months.length, months.length, 'no months');
}

export const performanceIndicators: readonly IndicatorDefinition[] = [
  {
    id: 'PERF_TAX_PAYMENT_REGULARITY', group, unit: 'RATIO', needs: REGULARITY_NEEDS,
    name: { zh: '税费社保缴纳规律性', en: 'Regularity of tax and social-insurance payments' },
    definition: 'Share of the months covered in which something was paid to government counterparties (taxes, fees, social insurance).',
    formula: 'months with counterparties[GOVERNMENT].outflow.amount > 0 / months with the breakdown',
    compute: (s) => given(monthsWith(s, 3, COUNTERPARTIES), (m) => regularity(m, 'GOVERNMENT')),
  },
  {
    id: 'PERF_PAYROLL_REGULARITY', group, unit: 'RATIO', needs: REGULARITY_NEEDS,
    name: { zh: '工资发放规律性', en: 'Regularity of payroll' },
    definition: 'Share of the months covered in which something was paid to individuals (wages).',
    formula: 'months with counterparties[INDIVIDUAL].outflow.amount > 0 / months with the breakdown',
    compute: (s) => given(monthsWith(s, 3, COUNTERPARTIES), (m) => regularity(m, 'INDIVIDUAL')),
  },
  {
    id: 'PERF_REPAYMENT_REGULARITY', group, unit: 'RATIO', needs: `${REGULARITY_NEEDS}, some financial-institution flow`,
    name: { zh: '还款规律性', en: 'Regularity of repayments' },
    definition: 'Share of the months covered with a payment to financial institutions; no value when the window shows no financial-institution flow at all (no loans to repay).',
    formula: 'months with counterparties[FINANCIAL_INSTITUTION].outflow.amount > 0 / months with the breakdown',
    compute: (s) => given(monthsWith(s, 3, COUNTERPARTIES), (m) => {
      const fi = m.some((x) => x.counterparties!.FINANCIAL_INSTITUTION.inflow.amount > 0 || x.counterparties!.FINANCIAL_INSTITUTION.outflow.amount > 0);
      return fi ? regularity(m, 'FINANCIAL_INSTITUTION') : insufficient('ZERO_BASE', 'no financial-institution flows in the window');
    }),
  },
  {
    id: 'PERF_TAX_PAYMENTS_12M', group, unit: 'FEN', needs: 'each of the last 12 months of the window, with the counterparty breakdown',
    name: { zh: '近12个月税费社保支出', en: 'Tax and social-insurance payments, last 12 months' },
    definition: 'Outflow to government counterparties in the last 12 months.',
    formula: 'Σ counterparties[GOVERNMENT].outflow.amount over the last 12 months',
    compute: (s) => given(fullMonths(s, 12, COUNTERPARTIES), (m) => ok(total(m, typeOutflow('GOVERNMENT')), m.length)),
  },
  {
    id: 'PERF_PAYROLL_12M', group, unit: 'FEN', needs: 'each of the last 12 months of the window, with the counterparty breakdown',
    name: { zh: '近12个月对个人支出', en: 'Payments to individuals, last 12 months' },
    definition: 'Outflow to individuals (mostly wages) in the last 12 months.',
    formula: 'Σ counterparties[INDIVIDUAL].outflow.amount over the last 12 months',
    compute: (s) => given(fullMonths(s, 12, COUNTERPARTIES), (m) => ok(total(m, typeOutflow('INDIVIDUAL')), m.length)),
  },
];
