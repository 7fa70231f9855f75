import type { CounterpartyType, StatisticsRecord } from '@cfc/contracts';
import { daysInMonth } from '../period/period';

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

const safe = (n: number): number => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`sum out of the safe integer range: ${n}`);
  return n;
};

/** Adds up the records of one period (one record per account). One pass: this runs for every month of every scope. */
export function monthTotals(period: string, records: readonly MonthStatistics[]): MonthTotals {
  let inAmount = 0, inCount = 0, outAmount = 0, outCount = 0, end = 0, averageDaily = 0, min = 0, max = 0;
  let withCash = 0, depositAmount = 0, depositCount = 0, withdrawalAmount = 0, withdrawalCount = 0;
  let withCounterparties = 0, withFeatures = 0;
  let activeDays = 0, largestInflow = 0, largestOutflow = 0, zeroBalanceDays = 0, topShareWeighted = 0n, topShareWeight = 0;
  const byType = emptyCounterparties();
  for (const r of records) {
    inAmount += r.inflow.amount;
    inCount += r.inflow.count;
    outAmount += r.outflow.amount;
    outCount += r.outflow.count;
    end += r.balance.end;
    averageDaily += r.balance.averageDaily;
    min += r.balance.min;
    max += r.balance.max;
    if (r.cash) {
      withCash++;
      depositAmount += r.cash.deposit.amount;
      depositCount += r.cash.deposit.count;
      withdrawalAmount += r.cash.withdrawal.amount;
      withdrawalCount += r.cash.withdrawal.count;
    }
    if (r.counterparties) {
      withCounterparties++;
      for (const c of r.counterparties) {
        const t = byType[c.type];
        t.inflow.amount += c.inflow.amount;
        t.inflow.count += c.inflow.count;
        t.outflow.amount += c.outflow.amount;
        t.outflow.count += c.outflow.count;
        t.distinct += c.distinct;
      }
    }
    if (r.features) {
      withFeatures++;
      const weight = r.inflow.amount + r.outflow.amount;
      activeDays += r.features.activeDays;
      largestInflow = Math.max(largestInflow, r.features.largestInflow);
      largestOutflow = Math.max(largestOutflow, r.features.largestOutflow);
      zeroBalanceDays += r.features.zeroBalanceDays;
      // The provider's share is a decimal fraction: fixed to basis points once, on the way in.
      topShareWeighted += BigInt(Math.round(r.features.topCounterpartyShare * 10_000)) * BigInt(weight);
      topShareWeight += weight;
    }
  }
  const totals: MonthTotals = {
    period,
    days: daysInMonth(period),
    records: records.length,
    inflow: { amount: safe(inAmount), count: safe(inCount) },
    outflow: { amount: safe(outAmount), count: safe(outCount) },
    balance: { end: safe(end), averageDaily: safe(averageDaily), min: safe(min), max: safe(max) },
  };
  if (withCash === records.length) totals.cash = { deposit: { amount: safe(depositAmount), count: safe(depositCount) }, withdrawal: { amount: safe(withdrawalAmount), count: safe(withdrawalCount) } };
  if (withCounterparties === records.length) {
    for (const type of COUNTERPARTY_TYPES) for (const n of [byType[type].inflow.amount, byType[type].outflow.amount, byType[type].distinct]) safe(n);
    totals.counterparties = byType;
  }
  if (withFeatures === records.length) {
    totals.features = { activeDays: safe(activeDays), largestInflow, largestOutflow, zeroBalanceDays: safe(zeroBalanceDays), topShareWeighted, topShareWeight: safe(topShareWeight) };
  }
  return totals;
}

function emptyCounterparties(): Record<CounterpartyType, CounterpartyTotals> {
  const zero = (): CounterpartyTotals => ({ inflow: { amount: 0, count: 0 }, outflow: { amount: 0, count: 0 }, distinct: 0 });
  return { ENTERPRISE: zero(), INDIVIDUAL: zero(), GOVERNMENT: zero(), FINANCIAL_INSTITUTION: zero(), OTHER: zero() };
}
