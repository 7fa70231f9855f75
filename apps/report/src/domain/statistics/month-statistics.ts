import type { CounterpartyType, StatisticsRecord } from '@cfc/contracts';
import { daysInMonth } from '../period/period';
import { sum } from '../numbers/exact';

/** One account-month as the report keeps it: the provider's record without account and subject. */
export type MonthStatistics = Omit<StatisticsRecord, 'account' | 'subject'>;

/** One authorised account's months (any order; at most one record per period: the highest revision). */
export interface AccountStatistics {
  bindingId: string;
  months: readonly MonthStatistics[];
}

export const COUNTERPARTY_TYPES: readonly CounterpartyType[] = ['ENTERPRISE', 'INDIVIDUAL', 'GOVERNMENT', 'FINANCIAL_INSTITUTION', 'OTHER'];

export interface Flow {
  amount: number;
  count: number;
}

export interface CounterpartyTotals {
  inflow: Flow;
  outflow: Flow;
  distinct: number;
}

/**
 * One month of a scope (one account, or every authorised account added up). Optional parts (cash,
 * counterparties, features) are present only when every contributing record supplied them: a partial
 * sum would pass for a whole one.
 */
export interface MonthTotals {
  period: string;
  days: number;
  /** Account-months that contributed. */
  records: number;
  inflow: Flow;
  outflow: Flow;
  cash?: { deposit: Flow; withdrawal: Flow };
  counterparties?: Record<CounterpartyType, CounterpartyTotals>;
  /** Sums over the accounts: for `min`, a lower bound of the combined balance (minima fall on different days). */
  balance: { end: number; averageDaily: number; min: number; max: number };
  features?: {
    /** Σ active days over the account-months (divide by `records` for a mean). */
    activeDays: number;
    largestInflow: number;
    largestOutflow: number;
    /** Σ zero-balance days over the account-months (account-days). */
    zeroBalanceDays: number;
    /** Σ topCounterpartyShare (basis points) × the account-month's inflow + outflow, and Σ of those weights. */
    topShareWeighted: bigint;
    topShareWeight: number;
  };
}

const flowSum = (flows: readonly Flow[]): Flow => ({ amount: sum(flows.map((f) => f.amount)), count: sum(flows.map((f) => f.count)) });

/** Adds up the records of one period (one record per account). */
export function monthTotals(period: string, records: readonly MonthStatistics[]): MonthTotals {
  const totals: MonthTotals = {
    period,
    days: daysInMonth(period),
    records: records.length,
    inflow: flowSum(records.map((r) => r.inflow)),
    outflow: flowSum(records.map((r) => r.outflow)),
    balance: {
      end: sum(records.map((r) => r.balance.end)),
      averageDaily: sum(records.map((r) => r.balance.averageDaily)),
      min: sum(records.map((r) => r.balance.min)),
      max: sum(records.map((r) => r.balance.max)),
    },
  };
  if (records.every((r) => r.cash)) {
    totals.cash = { deposit: flowSum(records.map((r) => r.cash!.deposit)), withdrawal: flowSum(records.map((r) => r.cash!.withdrawal)) };
  }
  if (records.every((r) => r.counterparties)) totals.counterparties = counterpartyTotals(records);
  if (records.every((r) => r.features)) {
    const features = records.map((r) => ({ ...r.features!, weight: r.inflow.amount + r.outflow.amount }));
    totals.features = {
      activeDays: sum(features.map((f) => f.activeDays)),
      largestInflow: Math.max(...features.map((f) => f.largestInflow)),
      largestOutflow: Math.max(...features.map((f) => f.largestOutflow)),
      zeroBalanceDays: sum(features.map((f) => f.zeroBalanceDays)),
      // The provider's share is a decimal fraction: fixed to basis points once, on the way in.
      topShareWeighted: features.reduce((acc, f) => acc + BigInt(Math.round(f.topCounterpartyShare * 10_000)) * BigInt(f.weight), 0n),
      topShareWeight: sum(features.map((f) => f.weight)),
    };
  }
  return totals;
}

function counterpartyTotals(records: readonly MonthStatistics[]): Record<CounterpartyType, CounterpartyTotals> {
  const entries = COUNTERPARTY_TYPES.map((type) => {
    const lines = records.flatMap((r) => r.counterparties!.filter((c) => c.type === type));
    const totals: CounterpartyTotals = { inflow: flowSum(lines.map((l) => l.inflow)), outflow: flowSum(lines.map((l) => l.outflow)), distinct: sum(lines.map((l) => l.distinct)) };
    return [type, totals] as const;
  });
  return Object.fromEntries(entries) as Record<CounterpartyType, CounterpartyTotals>;
}
