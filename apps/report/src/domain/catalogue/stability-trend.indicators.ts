import type { MonthTotals } from '../statistics/month-statistics';
import type { Scope } from '../statistics/scope';
import type { IndicatorDefinition, Outcome } from './indicator';
import { coefficientOfVariation, fullMonths, given, monthsWith, ok, ratio, total } from './indicator-kit';

// 稳定性与趋势: how steady the flows are and where they are heading (FinRegLab: revenue volatility and
// trend; the issue: recent 3 months against the 12 before, year on year, sporadic months).
const group = 'STABILITY_TREND' as const;
const inflow = (m: MonthTotals) => m.inflow.amount;
const averageBalance = (m: MonthTotals) => m.balance.averageDaily;

/** The latest `recent` months and the `prior` months just before them, each with data. */
function recentAgainstPrior(scope: Scope, recent: number, prior: number, then: (recent: readonly MonthTotals[], prior: readonly MonthTotals[]) => Outcome): Outcome {
  return given(fullMonths(scope, recent + prior), (all) => then(all.slice(prior), all.slice(0, prior)));
}

/** The latest `count` months and the `count` months a year before them, each with data. */
function againstYearBefore(scope: Scope, count: number, then: (current: readonly MonthTotals[], yearBefore: readonly MonthTotals[]) => Outcome): Outcome {
  return given(fullMonths(scope, count), (current) => given(fullMonths(scope, count, undefined, 12), (yearBefore) => then(current, yearBefore)));
}

export const stabilityTrendIndicators: readonly IndicatorDefinition[] = [
  {
    id: 'ST_INFLOW_CV', group, unit: 'RATIO', needs: 'at least 6 months with data, some inflow',
    name: { zh: '月流入变异系数', en: 'Coefficient of variation of monthly inflow' },
    definition: 'Population standard deviation of the monthly inflow over its mean: 0 for perfectly steady revenue.',
    formula: 'σ(inflow.amount) / mean(inflow.amount) = √(nΣx² − (Σx)²) / Σx',
    compute: (s) => given(monthsWith(s, 6), (m) => coefficientOfVariation(m, inflow, 'monthly inflow')),
  },
  {
    id: 'ST_OUTFLOW_CV', group, unit: 'RATIO', needs: 'at least 6 months with data, some outflow',
    name: { zh: '月流出变异系数', en: 'Coefficient of variation of monthly outflow' },
    definition: 'Population standard deviation of the monthly outflow over its mean.',
    formula: 'σ(outflow.amount) / mean(outflow.amount)',
    compute: (s) => given(monthsWith(s, 6), (m) => coefficientOfVariation(m, (x) => x.outflow.amount, 'monthly outflow')),
  },
  {
    id: 'ST_SPORADIC_INFLOW_MONTHS', group, unit: 'MONTHS', needs: 'at least 3 months with data',
    name: { zh: '零星流入月份数', en: 'Months of sporadic inflow' },
    definition: 'Months with data whose inflow is zero or below a tenth of the mean monthly inflow of the window.',
    formula: 'count of months with inflow.amount = 0 or inflow.amount × 10 × n < Σ inflow.amount',
    compute: (s) => given(monthsWith(s, 3), (m) => {
      const all = total(m, inflow);
      return ok(m.filter((x) => x.inflow.amount === 0 || x.inflow.amount * 10 * m.length < all).length, m.length);
    }),
  },
  {
    id: 'ST_INFLOW_RECENT_3M_VS_PRIOR_12M', group, unit: 'RATIO', needs: 'each of the last 15 months of the window, some inflow in the earlier 12',
    name: { zh: '近3个月与前12个月月均流入之比', en: 'Recent 3 months against the 12 before (inflow)' },
    definition: 'Mean monthly inflow of the last 3 months over the mean monthly inflow of the 12 months before them (1 = flat).',
    formula: '(Σ inflow, last 3 / 3) / (Σ inflow, 12 before / 12) = 4 × Σ last 3 / Σ 12 before',
    compute: (s) => recentAgainstPrior(s, 3, 12, (recent, prior) => ratio(4 * total(recent, inflow), total(prior, inflow), 15, 'no inflow in the 12 earlier months')),
  },
  {
    id: 'ST_BALANCE_RECENT_3M_VS_PRIOR_12M', group, unit: 'RATIO', needs: 'each of the last 15 months of the window, positive balance in the earlier 12',
    name: { zh: '近3个月与前12个月日均余额之比', en: 'Recent 3 months against the 12 before (balance)' },
    definition: 'Mean average daily balance of the last 3 months over that of the 12 months before them.',
    formula: '4 × Σ balance.averageDaily, last 3 / Σ balance.averageDaily, 12 before',
    compute: (s) => recentAgainstPrior(s, 3, 12, (recent, prior) => ratio(4 * total(recent, averageBalance), total(prior, averageBalance), 15, 'the balance of the 12 earlier months is not positive')),
  },
  {
    id: 'ST_INFLOW_YOY_LATEST_MONTH', group, unit: 'RATIO', needs: 'the last month of the window and the same month a year before (13+ months)',
    name: { zh: '最近月流入同比增长率', en: 'Inflow growth year on year, latest month' },
    definition: 'Change of the last month\'s inflow against the same month a year earlier (0.1 = 10% more).',
    formula: '(inflow[t] − inflow[t−12]) / inflow[t−12]',
    compute: (s) => againstYearBefore(s, 1, ([now], [before]) => ratio(now.inflow.amount - before.inflow.amount, before.inflow.amount, 2, `no inflow in ${before.period}`)),
  },
  {
    id: 'ST_INFLOW_YOY_12M', group, unit: 'RATIO', needs: 'each of the last 24 months of the window',
    name: { zh: '近12个月流入同比增长率', en: 'Inflow growth year on year, last 12 months' },
    definition: 'Change of the last 12 months\' inflow against the 12 months before them.',
    formula: '(Σ inflow, last 12 − Σ inflow, 12 before) / Σ inflow, 12 before',
    compute: (s) => againstYearBefore(s, 12, (now, before) => ratio(total(now, inflow) - total(before, inflow), total(before, inflow), 24, 'no inflow in the earlier 12 months')),
  },
];
