import type { CounterpartyType } from '@cfc/contracts';
import { fixed, roundedInteger, scaledVariance, big, sqrtOfQuotient, sum } from '../numbers/exact';
import type { MonthTotals } from '../statistics/month-statistics';
import type { Scope } from '../statistics/scope';
import type { IndicatorValue, Insufficient, InsufficiencyReason, Outcome } from './indicator';

// The few shapes every indicator is built from: "each of these months", "the months that have X",
// an exact ratio, a coefficient of variation. Each says precisely why it cannot give a value.

export type Need = { has: (month: MonthTotals) => boolean; what: string };
export const CASH: Need = { has: (m) => m.cash !== undefined, what: 'cash deposit and withdrawal statistics' };
export const COUNTERPARTIES: Need = { has: (m) => m.counterparties !== undefined, what: 'the counterparty breakdown' };
export const FEATURES: Need = { has: (m) => m.features !== undefined, what: 'the account features' };

export const ok = (value: IndicatorValue, months: number): Outcome => ({ ok: true, value, months });
export const insufficient = (reason: InsufficiencyReason, detail: string): Insufficient => ({ ok: false, reason, detail });
export const isInsufficient = (value: unknown): value is Insufficient => typeof value === 'object' && value !== null && (value as Insufficient).ok === false;

const listed = (periods: readonly string[]) => (periods.length <= 6 ? periods.join(', ') : `${periods.slice(0, 6).join(', ')} and ${periods.length - 6} more`);

/** The `count` months of the window ending `endOffset` months before its last, each with data (and `need`). */
export function fullMonths(scope: Scope, count: number, need?: Need, endOffset = 0): MonthTotals[] | Insufficient {
  const { periods } = scope.window;
  if (periods.length < count + endOffset) return insufficient('TOO_FEW_MONTHS', `needs a window of at least ${count + endOffset} months; this one has ${periods.length}`);
  const wanted = periods.slice(periods.length - endOffset - count, periods.length - endOffset);
  const missing = wanted.filter((p) => !scope.byPeriod.has(p));
  if (missing.length > 0) return insufficient('MONTHS_MISSING', `needs data for each month ${wanted[0]}..${wanted[wanted.length - 1]}; none for ${listed(missing)}`);
  const months = wanted.map((p) => scope.byPeriod.get(p)!);
  const lacking = need ? months.filter((m) => !need.has(m)).map((m) => m.period) : [];
  if (lacking.length > 0) return insufficient('NOT_SUPPLIED', `${need!.what} not supplied for ${listed(lacking)}`);
  return months;
}

/** The months of the window with data (and `need`), at least `minimum` of them; `recent` keeps only the last 12 of the window. */
export function monthsWith(scope: Scope, minimum: number, need?: Need, recent = false): readonly MonthTotals[] | Insufficient {
  const inRange = recent ? scope.recentSeries : scope.series;
  const months = need ? inRange.filter(need.has) : inRange;
  if (need && months.length === 0 && inRange.length > 0) return insufficient('NOT_SUPPLIED', `${need.what} not supplied for any month`);
  if (months.length < minimum) return insufficient('TOO_FEW_MONTHS', `needs at least ${minimum} month${minimum === 1 ? '' : 's'} with data${recent ? ' among the last 12 of the window' : ''}; ${months.length === 0 ? 'none has' : `${months.length} ha${months.length === 1 ? 's' : 've'}`}`);
  return months;
}

/** Applies `then` unless the months are an Insufficient answer. */
export function given(months: readonly MonthTotals[] | Insufficient, then: (months: readonly MonthTotals[]) => Outcome): Outcome {
  return isInsufficient(months) ? months : then(months);
}

/** `pick` of each month of the window, null where the month has no data. */
export function monthlySeries(scope: Scope, pick: (m: MonthTotals) => number): Outcome {
  const { periods, from, to } = scope.window;
  return ok({ from, to, values: periods.map((p) => { const m = scope.byPeriod.get(p); return m ? pick(m) : null; }) }, scope.series.length);
}

export const total = (months: readonly MonthTotals[], pick: (m: MonthTotals) => number): number => sum(months.map(pick));

/** num / den to 4 decimals, or ZERO_BASE when the denominator is not positive. */
export function ratio(num: number | bigint, den: number | bigint, months: number, zeroBase: string): Outcome {
  return big(den) > 0n ? ok(fixed(num, den, 4), months) : insufficient('ZERO_BASE', zeroBase);
}

/** round(num / den) as an integer (fen per transaction), or ZERO_BASE when the denominator is not positive. */
export function quotient(num: number, den: number, months: number, zeroBase: string): Outcome {
  return den > 0 ? ok(roundedInteger(num, den), months) : insufficient('ZERO_BASE', zeroBase);
}

/** A mean in fen (or any integer unit), rounded half away from zero. */
export const meanOf = (months: readonly MonthTotals[], pick: (m: MonthTotals) => number): Outcome => ok(roundedInteger(total(months, pick), months.length), months.length);

/** Coefficient of variation (population standard deviation / mean) to 4 decimals; needs a positive mean. */
export function coefficientOfVariation(months: readonly MonthTotals[], pick: (m: MonthTotals) => number, what: string): Outcome {
  const values = months.map(pick);
  const sumOfValues = big(sum(values));
  if (sumOfValues <= 0n) return insufficient('ZERO_BASE', `the mean ${what} is not positive`);
  // σ/μ = √(nΣx² − (Σx)²) / Σx
  return ok(sqrtOfQuotient(scaledVariance(values), sumOfValues * sumOfValues, 4), months.length);
}

export const typeInflow = (type: CounterpartyType) => (m: MonthTotals) => m.counterparties![type].inflow.amount;
export const typeOutflow = (type: CounterpartyType) => (m: MonthTotals) => m.counterparties![type].outflow.amount;
/** Inflow excluding financial-institution inflows (loans drawn). */
export const operatingInflow = (m: MonthTotals) => m.inflow.amount - m.counterparties!.FINANCIAL_INSTITUTION.inflow.amount;
export const netFlow = (m: MonthTotals) => m.inflow.amount - m.outflow.amount;
