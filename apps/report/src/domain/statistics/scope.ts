import { monthsBetween } from '../period/period';
import { monthTotals, type AccountStatistics, type MonthStatistics, type MonthTotals } from './month-statistics';

/** The months a report covers: what the authorisation allows (or, for a self-query, the history asked for). */
export interface ReportWindow {
  from: string;
  to: string;
  /** Every month from `from` to `to`, oldest first. */
  periods: readonly string[];
}

/** What an indicator is computed over: one account, or the consolidation of every authorised account. */
export interface Scope {
  window: ReportWindow;
  /** Months of the window with data, oldest first. */
  series: readonly MonthTotals[];
  byPeriod: ReadonlyMap<string, MonthTotals>;
  /** The months of `series` among the last 12 of the window. */
  recentSeries: readonly MonthTotals[];
  accounts: number;
  /** Account-months with data (equals series.length for one account). */
  accountMonths: number;
}

export function reportWindow(from: string, to: string): ReportWindow {
  const periods = monthsBetween(from, to);
  if (periods.length === 0) throw new Error(`empty report window ${from}..${to}`);
  return { from, to, periods };
}

/** The scope of one account, or of several added up month by month; months outside the window are left out. */
export function scopeOf(window: ReportWindow, accounts: readonly AccountStatistics[]): Scope {
  const inWindow = new Set(window.periods);
  const byPeriodRecords = new Map<string, MonthStatistics[]>();
  let accountMonths = 0;
  for (const account of accounts) {
    for (const month of account.months) {
      if (!inWindow.has(month.period)) continue;
      const list = byPeriodRecords.get(month.period);
      if (list) list.push(month);
      else byPeriodRecords.set(month.period, [month]);
      accountMonths++;
    }
  }
  const series = window.periods.filter((p) => byPeriodRecords.has(p)).map((p) => monthTotals(p, byPeriodRecords.get(p)!));
  const recent = new Set(window.periods.slice(-12));
  return { window, series, byPeriod: new Map(series.map((m) => [m.period, m])), recentSeries: series.filter((m) => recent.has(m.period)), accounts: accounts.length, accountMonths };
}
