import type { CounterpartyType } from '@cfc/contracts';
import { fixed, roundedInteger } from '../numbers/exact';
import { COUNTERPARTY_TYPES, type CounterpartyTotals, type Flow, type MonthStatistics, type MonthTotals, monthTotals } from '../statistics/month-statistics';
import type { ReportWindow } from '../statistics/scope';
import type { AccountStatistics } from '../statistics/month-statistics';

// 明细汇总: account by account and month by month, every statistic the provider supplied and the values
// derived from it. A derived share whose base is zero is null (there is no share of nothing).

export interface DetailMonth {
  period: string;
  revision: number;
  /** Under an open objection (异议标注): see the report's disputes. */
  disputed: boolean;
  /** Corrected by its provider after an objection: see the report's corrections. */
  corrected: boolean;
  inflow: Flow;
  outflow: Flow;
  cash: { deposit: Flow; withdrawal: Flow } | null;
  balance: { end: number; averageDaily: number; min: number; max: number };
  features: { activeDays: number; largestInflow: number; largestOutflow: number; zeroBalanceDays: number; topCounterpartyShare: number } | null;
  /** One line per counterparty type the provider reported, in catalogue order. */
  counterparties: Array<{ type: CounterpartyType } & CounterpartyTotals> | null;
  derived: {
    netFlow: number;
    averageInflowTicket: number | null;
    averageOutflowTicket: number | null;
    cashDepositShare: number | null;
    cashWithdrawalShare: number | null;
    balanceRange: number;
    unclassifiedInflow: number | null;
    unclassifiedOutflow: number | null;
    counterpartyMix: Array<{ type: CounterpartyType; inflowShare: number | null; outflowShare: number | null }> | null;
  };
}

export interface DetailSummaryBody {
  detail: Array<{ bindingId: string; months: DetailMonth[] }>;
}

const share = (part: number, whole: number): number | null => (whole > 0 ? fixed(part, whole, 4) : null);
const perTransaction = (flow: Flow): number | null => (flow.count > 0 ? roundedInteger(flow.amount, flow.count) : null);

/** `bindingId|period` keys of the months to flag. */
export interface MonthMarks {
  disputed: ReadonlySet<string>;
  corrected: ReadonlySet<string>;
}
const NO_MARKS: MonthMarks = { disputed: new Set(), corrected: new Set() };

function detailMonth(record: MonthStatistics, marked: { disputed: boolean; corrected: boolean }): DetailMonth {
  const totals: MonthTotals = monthTotals(record.period, [record]);
  const reported = new Set(record.counterparties?.map((c) => c.type));
  const counterparties = totals.counterparties ? COUNTERPARTY_TYPES.filter((t) => reported.has(t)).map((type) => ({ type, ...totals.counterparties![type] })) : null;
  const byType = (pick: (c: CounterpartyTotals) => number) => (counterparties ? counterparties.reduce((acc, c) => acc + pick(c), 0) : null);
  const classifiedIn = byType((c) => c.inflow.amount);
  const classifiedOut = byType((c) => c.outflow.amount);
  return {
    period: record.period,
    revision: record.revision,
    disputed: marked.disputed,
    corrected: marked.corrected,
    inflow: totals.inflow,
    outflow: totals.outflow,
    cash: totals.cash ?? null,
    balance: totals.balance,
    // The provider's share as supplied, fixed to 4 decimals like every ratio of the report.
    features: record.features ? { ...record.features, topCounterpartyShare: Math.round(record.features.topCounterpartyShare * 10_000) / 10_000 } : null,
    counterparties,
    derived: {
      netFlow: totals.inflow.amount - totals.outflow.amount,
      averageInflowTicket: perTransaction(totals.inflow),
      averageOutflowTicket: perTransaction(totals.outflow),
      cashDepositShare: totals.cash ? share(totals.cash.deposit.amount, totals.inflow.amount) : null,
      cashWithdrawalShare: totals.cash ? share(totals.cash.withdrawal.amount, totals.outflow.amount) : null,
      balanceRange: totals.balance.max - totals.balance.min,
      unclassifiedInflow: classifiedIn === null ? null : totals.inflow.amount - classifiedIn,
      unclassifiedOutflow: classifiedOut === null ? null : totals.outflow.amount - classifiedOut,
      counterpartyMix: counterparties
        ? counterparties.map((c) => ({ type: c.type, inflowShare: share(c.inflow.amount, totals.inflow.amount), outflowShare: share(c.outflow.amount, totals.outflow.amount) }))
        : null,
    },
  };
}

/** The detail summary's months: per account (in the order given), the months of the window with data, oldest first. */
export function detailSummaryBody(window: ReportWindow, accounts: readonly AccountStatistics[], marks: MonthMarks = NO_MARKS): DetailSummaryBody {
  const inWindow = new Set(window.periods);
  return {
    detail: accounts.map((account) => ({
      bindingId: account.bindingId,
      months: account.months
        .filter((m) => inWindow.has(m.period))
        .sort((x, y) => (x.period < y.period ? -1 : 1))
        .map((m) => {
          const key = `${account.bindingId}|${m.period}`;
          return detailMonth(m, { disputed: marks.disputed.has(key), corrected: marks.corrected.has(key) });
        }),
    })),
  };
}
