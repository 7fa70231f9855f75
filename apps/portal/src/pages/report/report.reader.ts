import { listFrom, pickText } from '../../api/shapes';
import type { Language } from '../../i18n/catalogue';

// Turns a report from POST /v1/subject/queries into what the page shows. The shape is the report service's
// schema v2 (docs/report.schema.json): consolidated.groups[] of indicators { id, unit, status, value |
// reason+detail }, their names in legend.indicators[id] { zh, en } (an indicator's own `name` and
// `definition` win when a report carries them), monthly series as FEN_SERIES { from, to, values[] },
// coverage per account, the detail summary's detail[].months[]; declarations, disputes and corrections as
// { title, items }. Unknown parts are skipped, so a newer report still shows what this page understands
// (and the raw JSON besides). report.reader.spec.ts reads reports built by the report service's own code.

export const GROUPS = ['OPERATIONS', 'INCOME_EXPENDITURE', 'SOLVENCY', 'PERFORMANCE', 'COUNTERPARTIES', 'CASH', 'STABILITY', 'COVERAGE'] as const;
export type Group = (typeof GROUPS)[number] | 'OTHER';

export interface Indicator {
  id: string;
  name: string;
  definition?: string;
  unit?: string;
  /** A number (FEN, COUNT, MONTHS, RATIO, DAYS, PER_MONTH) or a month (PERIOD); null when it could not be computed. */
  value: number | string | null;
  /** Why not (INSUFFICIENT_DATA): a reason code and the service's words. */
  reason?: string;
  detail?: string;
}
export interface MonthRow {
  period: string;
  inflow?: number;
  outflow?: number;
  balanceEnd?: number;
  disputed: boolean;
  declared: boolean;
  corrected: boolean;
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
  groups: Array<{ group: Group; name?: string; indicators: Indicator[] }>;
  months: MonthRow[];
  coverage: Coverage;
  declarations: ReportDeclaration[];
}
/** Coverage of the report's window: overall (any account's missing month is a gap), then account by account. */
export interface Coverage {
  months?: number;
  latest?: string;
  gaps: string[];
  accounts: AccountCoverage[];
}
export interface AccountCoverage {
  bindingId: string;
  months?: number;
  /** The account's latest month in the window; absent when it has none. */
  latest?: string;
  gaps: string[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const int = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined);
const amount = (v: unknown) => int(v) ?? int(obj(v).amount);
const ALIAS: Record<string, Group> = { COUNTERPARTY: 'COUNTERPARTIES', STABILITY_TREND: 'STABILITY', INCOME_AND_EXPENDITURE: 'INCOME_EXPENDITURE', PERFORMANCE_CAPACITY: 'PERFORMANCE', CASH_USAGE: 'CASH', DATA_COVERAGE: 'COVERAGE' };
const groupOf = (v: unknown): Group => {
  const g = String(v ?? '').toUpperCase().replace(/[^A-Z]+/g, '_');
  return (GROUPS as readonly string[]).includes(g) ? (g as Group) : (ALIAS[g] ?? 'OTHER');
};

interface RawIndicator {
  indicator: Indicator;
  series?: Array<{ period: string; value: number }>;
}

/** The month `offset` months after `period` (YYYY-MM). */
export function monthAfter(period: string, offset: number): string {
  const [year, month] = period.split('-').map(Number);
  const index = year * 12 + (month - 1) + offset;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A monthly series: FEN_SERIES { from, values[] } (null: no data that month), or a list of { period, value }. */
function readSeries(raw: unknown): Array<{ period: string; value: number }> | undefined {
  if (Array.isArray(raw)) {
    return raw.flatMap((p) => {
      const x = obj(p);
      return str(x.period) && typeof x.value === 'number' ? [{ period: x.period as string, value: x.value as number }] : [];
    });
  }
  const o = obj(raw);
  const from = str(o.from);
  if (!from || !/^\d{4}-\d{2}$/.test(from) || !Array.isArray(o.values)) return undefined;
  return o.values.flatMap((v, i) => (int(v) !== undefined ? [{ period: monthAfter(from, i), value: v as number }] : []));
}

function readIndicator(v: unknown, language: Language, legend: Json): RawIndicator | undefined {
  const o = obj(v);
  const id = str(o.id);
  if (!id) return undefined;
  const raw = o.value;
  const ok = o.status === undefined || o.status === 'OK';
  const series = o.unit === 'FEN_SERIES' || Array.isArray(raw) ? readSeries(raw) : undefined;
  const value = !ok || series ? null : typeof raw === 'number' && Number.isFinite(raw) ? raw : (str(raw) ?? amount(raw) ?? null);
  const name = pickText(o.name, language) ?? pickText(legend[id], language) ?? id;
  return {
    indicator: { id, name, definition: pickText(o.definition, language) ?? pickText(obj(legend[id]).definition, language), unit: str(o.unit), value, reason: ok ? undefined : str(o.reason), detail: ok ? undefined : str(o.detail) },
    series,
  };
}

function readGroups(report: Json, language: Language) {
  const byGroup = new Map<Group, { name?: string; indicators: Indicator[] }>();
  const series = new Map<string, Array<{ period: string; value: number }>>();
  const add = (group: Group, name: string | undefined, raw: RawIndicator | undefined) => {
    if (!raw) return;
    // Monthly series (OPS_MONTHLY_INFLOW …) are drawn in the chart and the month table, not as one figure.
    if (raw.series) return void series.set(raw.indicator.id, raw.series);
    const entry = byGroup.get(group) ?? { name, indicators: [] };
    entry.indicators.push(raw.indicator);
    byGroup.set(group, entry);
  };
  const consolidated = obj(report.consolidated);
  const legend = obj(obj(report.legend).indicators);
  for (const g of listFrom(consolidated.groups ?? report.groups)) {
    const go = obj(g);
    for (const v of listFrom(go.indicators)) add(groupOf(go.group ?? go.id), pickText(go.name, language), readIndicator(v, language, legend));
  }
  for (const v of listFrom(report.indicators)) add(groupOf(obj(v).group), undefined, readIndicator(v, language, legend));
  const groups = [...GROUPS, 'OTHER' as const].flatMap((group) => {
    const g = byGroup.get(group);
    return g ? [{ group, name: g.name, indicators: g.indicators }] : [];
  });
  return { groups, series };
}

type Row = Omit<MonthRow, 'disputed' | 'declared' | 'corrected'> & { disputed?: boolean; corrected?: boolean };

function readMonths(report: Json, series: Map<string, Array<{ period: string; value: number }>>): Row[] {
  const direct = listFrom(report.monthly);
  const detail = listFrom(report.detail).flatMap((a) => listFrom(obj(a).months));
  let rows: Row[] = (direct.length > 0 ? direct : detail).flatMap((v) => {
    const o = obj(v);
    const period = str(o.period);
    return period ? [{ period, inflow: amount(o.inflow), outflow: amount(o.outflow), balanceEnd: amount(obj(o.balance).end), disputed: o.disputed === true, corrected: o.corrected === true }] : [];
  });
  if (rows.length === 0) {
    // The credit report: the consolidated monthly inflow, outflow and month-end balance series (the last since catalogue 2).
    const inflow = new Map((series.get('OPS_MONTHLY_INFLOW') ?? []).map((p) => [p.period, p.value]));
    const outflow = new Map((series.get('OPS_MONTHLY_OUTFLOW') ?? []).map((p) => [p.period, p.value]));
    const balanceEnd = new Map((series.get('SOL_MONTHLY_MONTH_END_BALANCE') ?? []).map((p) => [p.period, p.value]));
    rows = [...new Set([...inflow.keys(), ...outflow.keys()])].map((period) => ({ period, inflow: inflow.get(period), outflow: outflow.get(period), balanceEnd: balanceEnd.get(period) }));
  }
  // Several accounts: one row per month, summed (balances too: the enterprise's money at month end).
  const sum = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : a + b);
  const merged = new Map<string, Row>();
  for (const r of rows) {
    const m = merged.get(r.period);
    merged.set(r.period, m ? { period: r.period, inflow: sum(m.inflow, r.inflow), outflow: sum(m.outflow, r.outflow), balanceEnd: sum(m.balanceEnd, r.balanceEnd), disputed: m.disputed || r.disputed, corrected: m.corrected || r.corrected } : r);
  }
  return [...merged.values()].sort((a, b) => a.period.localeCompare(b.period));
}

function readCoverage(report: Json, groups: ReportView['groups']): Coverage {
  const coverage = obj(report.coverage);
  const accounts = listFrom(coverage.accounts).flatMap((v) => {
    const a = obj(v);
    const bindingId = str(a.bindingId);
    return bindingId ? [{ bindingId, months: int(a.monthsPresent), latest: str(a.latestPeriod), gaps: periods(a.missingPeriods) }] : [];
  });
  const gaps = new Set([...periods(coverage.gaps), ...accounts.flatMap((a) => a.gaps)]);
  const latest = [str(coverage.latestMonth), ...accounts.map((a) => a.latest)].filter((p): p is string => Boolean(p)).sort().pop();
  const withData = groups.flatMap((g) => g.indicators).find((i) => i.id === 'COV_MONTHS_WITH_DATA')?.value;
  const months = typeof withData === 'number' ? withData : (int(coverage.monthsCovered) ?? (accounts.length ? Math.max(...accounts.map((a) => a.months ?? 0)) : undefined));
  return { months, latest, gaps: [...gaps].sort(), accounts };
}

const periods = (v: unknown): string[] => listFrom(v).filter((p): p is string => typeof p === 'string').sort();

export function readReport(body: unknown, language: Language): ReportView {
  const report = obj(obj(body).report ?? body);
  const period = obj(report.period);
  const declarations = listFrom(report.declarations).flatMap((v) => {
    const o = obj(v);
    const text = str(o.text);
    return text ? [{ text, bindingId: str(o.bindingId), period: str(o.period) }] : [];
  });
  const periodsOf = (section: unknown) => new Set(listFrom(section).map((v) => (typeof v === 'string' ? v : (str(obj(v).period) ?? ''))));
  const disputes = periodsOf(report.disputes);
  const corrections = periodsOf(report.corrections);
  const declaredMonths = new Set(declarations.map((d) => d.period).filter(Boolean));
  const { groups, series } = readGroups(report, language);
  const months = readMonths(report, series).map((m) => ({
    ...m,
    disputed: Boolean(m.disputed) || disputes.has(m.period),
    declared: declaredMonths.has(m.period),
    corrected: Boolean(m.corrected) || corrections.has(m.period),
  }));
  const version = report.catalogueVersion;
  return {
    reportId: str(report.reportId),
    generatedAt: str(report.generatedAt),
    period: str(period.from) && str(period.to) ? { from: period.from as string, to: period.to as string } : undefined,
    catalogueVersion: typeof version === 'number' || typeof version === 'string' ? String(version) : undefined,
    accounts: listFrom(report.accounts).flatMap((v) => {
      const o = obj(v);
      const id = str(o.bindingId) ?? str(o.id);
      return id ? [{ id, provider: str(o.provider) ?? '', type: str(o.accountType) ?? '', number: str(o.accountNumber) ?? '' }] : [];
    }),
    groups,
    months,
    coverage: readCoverage(report, groups),
    declarations,
  };
}
