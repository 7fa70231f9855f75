import { CATALOGUE } from '../catalogue/catalogue';
import { DEFINITIONS_ZH } from '../catalogue/definitions.zh';
import { GROUP_NAMES, INDICATOR_GROUPS, type Bilingual, type IndicatorDefinition, type IndicatorGroup, type IndicatorLegend, type IndicatorResult } from '../catalogue/indicator';
import type { AccountStatistics } from '../statistics/month-statistics';
import { scopeOf, type ReportWindow, type Scope } from '../statistics/scope';

// 资金流信用信息报告: every catalogue indicator over the consolidation of the authorised accounts and
// over each account alone.

export interface IndicatorGroupResult {
  group: IndicatorGroup;
  name: Bilingual;
  indicators: IndicatorResult[];
}

export interface CreditReportBody {
  /** Each indicator's names, group and unit, once per report (not beside each of its four or more values). */
  legend: { indicators: Record<string, IndicatorLegend> };
  consolidated: { groups: IndicatorGroupResult[] };
  byAccount: Array<{ bindingId: string; groups: IndicatorGroupResult[] }>;
}

/** One indicator over one scope: its value, or why there is none. */
export function evaluate(indicator: IndicatorDefinition, scope: Scope): IndicatorResult {
  const { id, unit } = indicator;
  const outcome = indicator.compute(scope);
  return outcome.ok
    ? { id, unit, status: 'OK', value: outcome.value, months: outcome.months }
    : { id, unit, status: 'INSUFFICIENT_DATA', reason: outcome.reason, detail: outcome.detail };
}

function groupsOf(scope: Scope, catalogue: readonly IndicatorDefinition[]): IndicatorGroupResult[] {
  return INDICATOR_GROUPS.map((group) => ({
    group,
    name: GROUP_NAMES[group],
    indicators: catalogue.filter((i) => i.group === group).map((i) => evaluate(i, scope)),
  })).filter((g) => g.indicators.length > 0);
}

function legendOf(catalogue: readonly IndicatorDefinition[]): Record<string, IndicatorLegend> {
  // A catalogue a test makes up has no Chinese definitions: the English one stands in.
  return Object.fromEntries(catalogue.map((i) => [i.id, { zh: i.name.zh, en: i.name.en, definition: { zh: DEFINITIONS_ZH[i.id] ?? i.definition, en: i.definition }, group: i.group, unit: i.unit }]));
}

/** The credit report's figures; accounts keep the order given (the caller sorts them). */
export function creditReportBody(window: ReportWindow, accounts: readonly AccountStatistics[], catalogue = CATALOGUE): CreditReportBody {
  return {
    legend: { indicators: legendOf(catalogue) },
    consolidated: { groups: groupsOf(scopeOf(window, accounts), catalogue) },
    byAccount: accounts.map((account) => ({ bindingId: account.bindingId, groups: groupsOf(scopeOf(window, [account]), catalogue) })),
  };
}
