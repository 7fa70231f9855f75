import type { Scope } from '../statistics/scope';

// What every indicator of the catalogue is: a definition people read (docs/indicators.md is generated
// from these) and a pure computation over one scope's monthly statistics.

export type IndicatorGroup = 'OPERATIONS' | 'INCOME_EXPENDITURE' | 'SOLVENCY' | 'PERFORMANCE' | 'COUNTERPARTY' | 'CASH' | 'STABILITY_TREND' | 'COVERAGE';

/**
 * FEN: integer fen (averages rounded half away from zero); COUNT and MONTHS: integers; RATIO: 4 decimal
 * places; DAYS and PER_MONTH: 1 decimal place; PERIOD: YYYY-MM; FEN_SERIES: { from, to, values } in fen,
 * one value per month of the window, null for a month without data.
 */
export type IndicatorUnit = 'FEN' | 'COUNT' | 'MONTHS' | 'RATIO' | 'DAYS' | 'PER_MONTH' | 'PERIOD' | 'FEN_SERIES';

export interface Bilingual {
  zh: string;
  en: string;
}

/** A month-by-month figure over the window: values[k] is month from + k; null where there is no data (never 0 for it). */
export interface MonthlySeries {
  from: string;
  to: string;
  values: Array<number | null>;
}

export type IndicatorValue = number | string | MonthlySeries;

/** Why an indicator has no value: the window is too short, months or breakdowns are missing, or its base is zero. */
export type InsufficiencyReason = 'TOO_FEW_MONTHS' | 'MONTHS_MISSING' | 'NOT_SUPPLIED' | 'ZERO_BASE';

export type Insufficient = { ok: false; reason: InsufficiencyReason; detail: string };
/** `months`: how many months of data the value was computed from. */
export type Outcome = { ok: true; value: IndicatorValue; months: number } | Insufficient;

export interface IndicatorDefinition {
  id: string;
  group: IndicatorGroup;
  name: Bilingual;
  definition: string;
  formula: string;
  unit: IndicatorUnit;
  /** The data it needs, in words (e.g. "each of the last 12 months of the window"). */
  needs: string;
  compute(scope: Scope): Outcome;
}

/** One computed indicator as a report prints it (its names are in the report's legend, once). */
export type IndicatorResult =
  | { id: string; unit: IndicatorUnit; status: 'OK'; value: IndicatorValue; months: number }
  | { id: string; unit: IndicatorUnit; status: 'INSUFFICIENT_DATA'; reason: InsufficiencyReason; detail: string };

/** What a report's legend says of an indicator. */
/** An indicator as the report's legend explains it: names, what it measures (both languages), group and unit. */
export type IndicatorLegend = Bilingual & { definition: Bilingual; group: IndicatorGroup; unit: IndicatorUnit };

export const GROUP_NAMES: Record<IndicatorGroup, Bilingual> = {
  OPERATIONS: { zh: '经营状况', en: 'Operations' },
  INCOME_EXPENDITURE: { zh: '收支状况', en: 'Income and expenditure' },
  SOLVENCY: { zh: '偿债能力', en: 'Solvency' },
  PERFORMANCE: { zh: '履约能力', en: 'Performance capacity' },
  COUNTERPARTY: { zh: '交易对手结构', en: 'Counterparty structure' },
  CASH: { zh: '现金使用', en: 'Cash usage' },
  STABILITY_TREND: { zh: '稳定性与趋势', en: 'Stability and trend' },
  COVERAGE: { zh: '数据覆盖', en: 'Data coverage' },
};

export const INDICATOR_GROUPS = Object.keys(GROUP_NAMES) as IndicatorGroup[];
