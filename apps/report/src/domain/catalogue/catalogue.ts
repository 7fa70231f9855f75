import { cashIndicators } from './cash.indicators';
import { counterpartyIndicators } from './counterparty.indicators';
import { coverageIndicators } from './coverage.indicators';
import { incomeExpenditureIndicators } from './income-expenditure.indicators';
import type { IndicatorDefinition } from './indicator';
import { operationsIndicators } from './operations.indicators';
import { performanceIndicators } from './performance.indicators';
import { solvencyIndicators } from './solvency.indicators';
import { stabilityTrendIndicators } from './stability-trend.indicators';

/**
 * Version of the indicator catalogue, printed in every report: bump it whenever an indicator is added,
 * removed, or computed differently, so a figure can always be traced to the definition it was made with.
 * 2: SOL_MONTHLY_MONTH_END_BALANCE, the month-end balance series.
 */
export const CATALOGUE_VERSION = 2;

/** Every indicator of the credit report, in report order (group by group). */
export const CATALOGUE: readonly IndicatorDefinition[] = [
  ...operationsIndicators,
  ...incomeExpenditureIndicators,
  ...solvencyIndicators,
  ...performanceIndicators,
  ...counterpartyIndicators,
  ...cashIndicators,
  ...stabilityTrendIndicators,
  ...coverageIndicators,
];

const ids = CATALOGUE.map((i) => i.id);
const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
if (duplicate) throw new Error(`indicator id ${duplicate} is defined twice`);
