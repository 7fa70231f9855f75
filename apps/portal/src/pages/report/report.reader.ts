import { listFrom, pickText } from '../../api/shapes';
import type { Language } from '../../i18n/catalogue';

// Turns a report from POST /v1/subject/queries into what the page shows. The report schema is the report
// service's (docs/report.schema.json); this reads its documented parts (indicators with id, group, name,
// definition, unit, value; monthly figures in fen; coverage; declarations; disputed months) and tolerates
// the obvious variants, so that the page still shows whatever it can understand and the raw JSON besides.

export const GROUPS = ['OPERATIONS', 'INCOME_EXPENDITURE', 'SOLVENCY', 'PERFORMANCE', 'COUNTERPARTIES', 'CASH', 'STABILITY', 'COVERAGE'] as const;
export type Group = (typeof GROUPS)[number] | 'OTHER';

export interface Indicator {
  id: string;
  name: string;
  definition?: string;
  unit?: string;
  value: number | null;
  reason?: string;
}
export interface MonthRow {
  period: string;
  inflow?: number;
  outflow?: number;
  balanceEnd?: number;
  disputed: boolean;
  declared: boolean;
}
export interface ReportDeclaration {
  text: string;
  bindingId?: string;
  period?: string;
}
export interface ReportAccount {
  id: string;
  provider: string;
  type: string;
  number: string;
}
export interface ReportView {
  reportId?: string;
  generatedAt?: string;
  period?: { from: string; to: string };
  catalogueVersion?: string;
  accounts: ReportAccount[];
  groups: Array<{ group: Group; indicators: Indicator[] }>;
  months: MonthRow[];
  coverage: { months?: number; latest?: string; gaps: string[] };
  declarations: ReportDeclaration[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const int = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined);
const amount = (v: unknown) => int(v) ?? int(obj(v).amount);
const groupOf = (v: unknown): Group => {
  const g = String(v ?? '').toUpperCase().replace(/[^A-Z]+/g, '_');
  const alias: Record<string, Group> = { INCOME_AND_EXPENDITURE: 'INCOME_EXPENDITURE', PERFORMANCE_CAPACITY: 'PERFORMANCE', COUNTERPARTY: 'COUNTERPARTIES', CASH_USAGE: 'CASH', STABILITY_AND_TREND: 'STABILITY', TREND: 'STABILITY', DATA_COVERAGE: 'COVERAGE' };
  return (GROUPS as readonly string[]).includes(g) ? (g as Group) : (alias[g] ?? 'OTHER');
};

function readIndicator(v: unknown, language: Language): Indicator | undefined {
  const o = obj(v);
  const id = str(o.id) ?? str(o.key);
  if (!id) return undefined;
  const raw = o.value;
  const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : amount(raw) ?? null;
  return {
    id,
    name: pickText(o.name ?? o.label ?? o.title, language) ?? id,
    definition: pickText(o.definition ?? o.description, language),
    unit: str(o.unit),
    value,
    reason: pickText(o.reason ?? o.unavailableReason, language),
  };
}

function readGroups(report: Json, language: Language): ReportView['groups'] {
  const byGroup = new Map<Group, Indicator[]>();
  const add = (group: Group, i: Indicator | undefined) => i && byGroup.set(group, [...(byGroup.get(group) ?? []), i]);
  const consolidated = obj(report.consolidated);
  for (const v of listFrom(report.indicators ?? consolidated.indicators)) add(groupOf(obj(v).group), readIndicator(v, language));
  for (const g of listFrom(report.groups ?? report.indicatorGroups ?? consolidated.groups)) {
    const go = obj(g);
    for (const v of listFrom(go.indicators)) add(groupOf(go.id ?? go.group ?? go.name), readIndicator(v, language));
  }
  return [...GROUPS, 'OTHER' as const].flatMap((group) => (byGroup.has(group) ? [{ group, indicators: byGroup.get(group) as Indicator[] }] : []));
}

function readMonths(report: Json): Array<Omit<MonthRow, 'disputed' | 'declared'> & { disputed?: boolean }> {
  const direct = listFrom(report.monthly ?? report.months ?? report.series ?? obj(report.consolidated).monthly);
  const perAccount = listFrom(report.accounts).flatMap((a) => listFrom(obj(a).months ?? obj(a).monthly));
  const rows = (direct.length > 0 ? direct : perAccount).flatMap((v) => {
    const o = obj(v);
    const period = str(o.period) ?? str(o.month);
    if (!period) return [];
    return [{ period, inflow: amount(o.inflow), outflow: amount(o.outflow), balanceEnd: amount(obj(o.balance).end) ?? amount(o.balanceEnd), disputed: o.disputed === true }];
  });
  // Several accounts: one row per month, summed (balances too: the enterprise's money at month end).
  const sum = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : a + b);
  const merged = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const m = merged.get(r.period);
    merged.set(r.period, m ? { period: r.period, inflow: sum(m.inflow, r.inflow), outflow: sum(m.outflow, r.outflow), balanceEnd: sum(m.balanceEnd, r.balanceEnd), disputed: m.disputed || r.disputed } : r);
  }
  return [...merged.values()].sort((a, b) => a.period.localeCompare(b.period));
}

export function readReport(body: unknown, language: Language): ReportView {
  const report = obj(obj(body).report ?? body);
  const meta = obj(report.metadata ?? report.meta);
  const period = obj(report.period ?? meta.period);
  const declarations = listFrom(report.declarations).flatMap((v) => {
    const o = obj(v);
    const text = str(o.text);
    return text ? [{ text, bindingId: str(o.bindingId) ?? str(obj(o.scope).bindingId), period: str(o.period) ?? str(obj(o.scope).period) }] : [];
  });
  const disputes = new Set(
    listFrom(report.disputes ?? report.disputedMonths ?? report.objections).map((v) => (typeof v === 'string' ? v : (str(obj(v).period) ?? ''))),
  );
  const declaredMonths = new Set(declarations.map((d) => d.period).filter(Boolean));
  const months = readMonths(report).map((m) => ({ ...m, disputed: Boolean(m.disputed) || disputes.has(m.period), declared: declaredMonths.has(m.period) }));
  const coverage = obj(report.coverage ?? meta.coverage);
  const gaps = listFrom(coverage.gaps ?? coverage.missingMonths).map((g) => (typeof g === 'string' ? g : `${str(obj(g).from) ?? ''}–${str(obj(g).to) ?? ''}`));
  return {
    reportId: str(report.reportId) ?? str(meta.reportId),
    generatedAt: str(report.generatedAt) ?? str(meta.generatedAt),
    period: str(period.from) && str(period.to) ? { from: period.from as string, to: period.to as string } : undefined,
    catalogueVersion: str(report.catalogueVersion) ?? str(meta.catalogueVersion) ?? str(meta.indicatorCatalogueVersion),
    accounts: listFrom(report.accounts).flatMap((v) => {
      const o = obj(v);
      const account = obj(o.account);
      const id = str(o.bindingId) ?? str(o.id);
      return id ? [{ id, provider: str(o.provider) ?? '', type: str(o.accountType) ?? str(account.type) ?? '', number: str(o.accountNumber) ?? str(account.number) ?? '' }] : [];
    }),
    groups: readGroups(report, language),
    months,
    coverage: { months: int(coverage.monthsCovered ?? coverage.months), latest: str(coverage.latestMonth) ?? str(coverage.latestPeriod) ?? str(coverage.freshness), gaps },
    declarations,
  };
}
