import type { CounterpartyType } from '@cfc/contracts';
import { CATALOGUE } from '../catalogue/catalogue';
import type { IndicatorResult } from '../catalogue/indicator';
import { evaluate } from '../credit-report/credit-report';
import type { AccountStatistics, MonthStatistics } from '../statistics/month-statistics';
import { reportWindow, scopeOf } from '../statistics/scope';

// Hand-written statistics for the domain specs: every figure a test expects is worked out by hand
// from these numbers in the test itself.

type Pair = [amount: number, count: number];
export interface MonthSpec {
  inflow: Pair;
  outflow: Pair;
  /** end, averageDaily, min, max; default 0, 0, 0, 0 */
  balance?: [number, number, number, number];
  cash?: { deposit: Pair; withdrawal: Pair };
  /** inflow, outflow, distinct per type; types not named get zeros. */
  counterparties?: Partial<Record<CounterpartyType, { inflow?: Pair; outflow?: Pair; distinct?: number }>>;
  features?: { activeDays?: number; largestInflow?: number; largestOutflow?: number; zeroBalanceDays?: number; topCounterpartyShare?: number };
  revision?: number;
}

const flow = ([amount, count]: Pair) => ({ amount, count });

export function month(period: string, spec: MonthSpec): MonthStatistics {
  const [end, averageDaily, min, max] = spec.balance ?? [0, 0, 0, 0];
  const record: MonthStatistics = { period, revision: spec.revision ?? 1, inflow: flow(spec.inflow), outflow: flow(spec.outflow), balance: { end, averageDaily, min, max } };
  if (spec.cash) record.cash = { deposit: flow(spec.cash.deposit), withdrawal: flow(spec.cash.withdrawal) };
  if (spec.counterparties) {
    record.counterparties = Object.entries(spec.counterparties).map(([type, c]) => ({
      type: type as CounterpartyType,
      inflow: flow(c.inflow ?? [0, 0]),
      outflow: flow(c.outflow ?? [0, 0]),
      distinct: c.distinct ?? 0,
    }));
  }
  if (spec.features) {
    record.features = { activeDays: 0, largestInflow: 0, largestOutflow: 0, zeroBalanceDays: 0, topCounterpartyShare: 0, ...spec.features };
  }
  return record;
}

/** An account whose months are `spec(i, period)` for each period of from..to (undefined: no record). */
export function account(bindingId: string, periods: readonly string[], spec: (i: number, period: string) => MonthSpec | undefined): AccountStatistics {
  const months = periods.flatMap((p, i) => {
    const s = spec(i, p);
    return s ? [month(p, s)] : [];
  });
  return { bindingId, months };
}

/** Evaluates one catalogue indicator over the consolidation of `accounts` in from..to. */
export function indicator(id: string, from: string, to: string, accounts: readonly AccountStatistics[]): IndicatorResult {
  const definition = CATALOGUE.find((i) => i.id === id);
  if (!definition) throw new Error(`no indicator ${id}`);
  return evaluate(definition, scopeOf(reportWindow(from, to), accounts));
}

/** The value of an indicator that must have one. */
export function valueOf(id: string, from: string, to: string, accounts: readonly AccountStatistics[]): unknown {
  const result = indicator(id, from, to, accounts);
  if (result.status !== 'OK') throw new Error(`${id} has no value: ${result.reason} ${result.detail}`);
  return result.value;
}
