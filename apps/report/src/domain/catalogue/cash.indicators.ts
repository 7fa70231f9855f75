import type { IndicatorDefinition } from './indicator';
import { CASH, fullMonths, given, monthsWith, ok, ratio, total } from './indicator-kit';

// 现金使用: how much of the business runs through cash deposits and withdrawals (the seed: 现金存取统计).
const group = 'CASH' as const;

export const cashIndicators: readonly IndicatorDefinition[] = [
  {
    id: 'CASH_DEPOSIT_SHARE', group, unit: 'RATIO', needs: 'at least 1 month with cash statistics and some inflow',
    name: { zh: '现金存入占比', en: 'Cash share of inflow' },
    definition: 'Part of the inflow that was deposited in cash, over the months with cash statistics.',
    formula: 'Σ cash.deposit.amount / Σ inflow.amount',
    compute: (s) => given(monthsWith(s, 1, CASH), (m) => ratio(total(m, (x) => x.cash!.deposit.amount), total(m, (x) => x.inflow.amount), m.length, 'no inflow in the window')),
  },
  {
    id: 'CASH_WITHDRAWAL_SHARE', group, unit: 'RATIO', needs: 'at least 1 month with cash statistics and some outflow',
    name: { zh: '现金支取占比', en: 'Cash share of outflow' },
    definition: 'Part of the outflow that was withdrawn in cash, over the months with cash statistics.',
    formula: 'Σ cash.withdrawal.amount / Σ outflow.amount',
    compute: (s) => given(monthsWith(s, 1, CASH), (m) => ratio(total(m, (x) => x.cash!.withdrawal.amount), total(m, (x) => x.outflow.amount), m.length, 'no outflow in the window')),
  },
  {
    id: 'CASH_DEPOSITS_12M', group, unit: 'FEN', needs: 'each of the last 12 months of the window, with cash statistics',
    name: { zh: '近12个月现金存入', en: 'Cash deposits, last 12 months' },
    definition: 'Cash deposited in the last 12 months.',
    formula: 'Σ cash.deposit.amount over the last 12 months',
    compute: (s) => given(fullMonths(s, 12, CASH), (m) => ok(total(m, (x) => x.cash!.deposit.amount), m.length)),
  },
  {
    id: 'CASH_WITHDRAWALS_12M', group, unit: 'FEN', needs: 'each of the last 12 months of the window, with cash statistics',
    name: { zh: '近12个月现金支取', en: 'Cash withdrawals, last 12 months' },
    definition: 'Cash withdrawn in the last 12 months.',
    formula: 'Σ cash.withdrawal.amount over the last 12 months',
    compute: (s) => given(fullMonths(s, 12, CASH), (m) => ok(total(m, (x) => x.cash!.withdrawal.amount), m.length)),
  },
];
