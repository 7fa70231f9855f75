import { periodIndex } from '../period/period';
import type { IndicatorDefinition } from './indicator';
import { given, monthsWith, ok, ratio } from './indicator-kit';

// 数据覆盖: how much of the authorised window the figures stand on (Plaid base report: days_available,
// longest gap; the issue: months covered, gaps, freshness). A count of zero is a fact here, not a gap.
const group = 'COVERAGE' as const;

export const coverageIndicators: readonly IndicatorDefinition[] = [
  {
    id: 'COV_MONTHS_WITH_DATA', group, unit: 'MONTHS', needs: 'nothing',
    name: { zh: '有数据月份数', en: 'Months with data' },
    definition: 'Months of the window for which statistics exist (consolidated: for at least one account).',
    formula: 'count of months of the window with data',
    compute: (s) => ok(s.series.length, s.series.length),
  },
  {
    id: 'COV_ACCOUNT_MONTH_COVERAGE', group, unit: 'RATIO', needs: 'at least one account',
    name: { zh: '账户月份覆盖率', en: 'Account-month coverage' },
    definition: 'Account-months with statistics out of every account-month the window and accounts span.',
    formula: 'account-months with data / (accounts × months of the window)',
    compute: (s) => ratio(s.accountMonths, s.accounts * s.window.periods.length, s.series.length, 'no accounts'),
  },
  {
    id: 'COV_GAP_MONTHS', group, unit: 'MONTHS', needs: 'nothing',
    name: { zh: '缺失月份数', en: 'Months without data' },
    definition: 'Months of the window without statistics (consolidated: for every account).',
    formula: 'months of the window − months with data',
    compute: (s) => ok(s.window.periods.length - s.series.length, s.series.length),
  },
  {
    id: 'COV_LONGEST_GAP', group, unit: 'MONTHS', needs: 'nothing',
    name: { zh: '最长连续缺失月数', en: 'Longest gap' },
    definition: 'Longest run of consecutive months of the window without statistics.',
    formula: 'max length of a run of months without data',
    compute: (s) => {
      let longest = 0;
      let run = 0;
      for (const period of s.window.periods) {
        run = s.byPeriod.has(period) ? 0 : run + 1;
        longest = Math.max(longest, run);
      }
      return ok(longest, s.series.length);
    },
  },
  {
    id: 'COV_LATEST_PERIOD', group, unit: 'PERIOD', needs: 'at least 1 month with data',
    name: { zh: '最近数据月份', en: 'Latest month with data' },
    definition: 'The most recent month of the window with statistics.',
    formula: 'max period with data',
    compute: (s) => given(monthsWith(s, 1), (m) => ok(m[m.length - 1].period, m.length)),
  },
  {
    id: 'COV_FRESHNESS_LAG', group, unit: 'MONTHS', needs: 'at least 1 month with data',
    name: { zh: '数据滞后月数', en: 'Freshness lag' },
    definition: 'Months between the end of the window (the last complete month) and the latest month with statistics: 0 is fully up to date.',
    formula: 'window end − latest period with data, in months',
    compute: (s) => given(monthsWith(s, 1), (m) => ok(periodIndex(s.window.to) - periodIndex(m[m.length - 1].period), m.length)),
  },
];
