import { CATALOGUE } from './catalogue';
import { DEFINITIONS_ZH } from './definitions.zh';
import { INDICATOR_GROUPS } from './indicator';

describe('the indicator catalogue', () => {
  it('has at least 30 indicators with unique ids, in every group', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CATALOGUE.map((i) => i.id)).size).toBe(CATALOGUE.length);
    for (const group of INDICATOR_GROUPS) expect(CATALOGUE.filter((i) => i.group === group).length).toBeGreaterThan(0);
  });

  it('describes every indicator: id, both names, definition, formula, unit, what it needs', () => {
    for (const i of CATALOGUE) {
      expect(i.id).toMatch(/^[A-Z]+(_[A-Z0-9]+)+$/);
      expect(i.name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(i.name.en.length).toBeGreaterThan(3);
      expect(i.definition.length).toBeGreaterThan(20);
      expect(i.formula.length).toBeGreaterThan(3);
      expect(i.needs.length).toBeGreaterThan(3);
    }
  });

  it('defines every indicator in Chinese too, and nothing else', () => {
    expect(Object.keys(DEFINITIONS_ZH).sort()).toEqual(CATALOGUE.map((i) => i.id).sort());
    for (const i of CATALOGUE) expect(DEFINITIONS_ZH[i.id]).toMatch(/[\u4e00-\u9fff].{8,}/);
  });

  it('includes the indicators the issue asks for at least', () => {
    const ids = new Set(CATALOGUE.map((i) => i.id));
    for (const id of ['OPS_INFLOW_12M', 'OPS_MONTHLY_INFLOW', 'OPS_AVG_INFLOW_TICKET', 'IE_MEAN_MONTHLY_NET_FLOW', 'IE_NET_OUTFLOW_MONTHS', 'IE_OUTFLOW_INFLOW_RATIO',
      'OPS_OPERATING_INFLOW_12M', 'SOL_MEAN_DAILY_BALANCE', 'SOL_DAILY_BALANCE_CV', 'SOL_CASH_BUFFER_DAYS', 'SOL_ZERO_BALANCE_DAYS_12M', 'SOL_DEBT_SERVICE_RATIO',
      'PERF_TAX_PAYMENT_REGULARITY', 'PERF_PAYROLL_REGULARITY', 'CP_TOP_COUNTERPARTY_SHARE', 'CP_MEAN_DISTINCT_COUNTERPARTIES', 'CASH_DEPOSIT_SHARE',
      'CASH_WITHDRAWAL_SHARE', 'ST_INFLOW_CV', 'ST_INFLOW_RECENT_3M_VS_PRIOR_12M', 'ST_INFLOW_YOY_LATEST_MONTH', 'ST_SPORADIC_INFLOW_MONTHS',
      'COV_MONTHS_WITH_DATA', 'COV_GAP_MONTHS', 'COV_LONGEST_GAP', 'COV_FRESHNESS_LAG']) {
      expect(ids).toContain(id);
    }
  });
});
