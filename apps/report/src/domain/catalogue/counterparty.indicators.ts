import type { CounterpartyType } from '@cfc/contracts';
import { fixed } from '../numbers/exact';
import { COUNTERPARTY_TYPES } from '../statistics/month-statistics';
import type { IndicatorDefinition } from './indicator';
import { COUNTERPARTIES, FEATURES, given, monthsWith, ok, ratio, total, typeInflow, typeOutflow } from './indicator-kit';

// 交易对手结构: who the money comes from and goes to, and how concentrated it is (FinRegLab: customer
// concentration; the seed: statistics of flows with different types of counterparty).
const group = 'COUNTERPARTY' as const;
const NEEDS = 'at least 1 month with the counterparty breakdown';

const TYPE_NAMES: Record<CounterpartyType, { zh: string; en: string; id: string }> = {
  ENTERPRISE: { zh: '企业', en: 'enterprises', id: 'ENTERPRISE' },
  INDIVIDUAL: { zh: '个人', en: 'individuals', id: 'INDIVIDUAL' },
  GOVERNMENT: { zh: '政府机关', en: 'government', id: 'GOVERNMENT' },
  FINANCIAL_INSTITUTION: { zh: '金融机构', en: 'financial institutions', id: 'FI' },
  OTHER: { zh: '其他', en: 'other counterparties', id: 'OTHER' },
};

function shares(direction: 'inflow' | 'outflow'): IndicatorDefinition[] {
  const zh = direction === 'inflow' ? '流入' : '流出';
  return COUNTERPARTY_TYPES.map((type) => ({
    id: `CP_${TYPE_NAMES[type].id}_${direction.toUpperCase()}_SHARE`, group, unit: 'RATIO' as const, needs: `${NEEDS} and some ${direction}`,
    name: { zh: `${TYPE_NAMES[type].zh}${zh}占比`, en: `Share of ${direction} ${direction === 'inflow' ? 'from' : 'to'} ${TYPE_NAMES[type].en}` },
    definition: `Part of the ${direction} whose counterparty is of type ${type}, over the months with a counterparty breakdown.`,
    formula: `Σ counterparties[${type}].${direction}.amount / Σ ${direction}.amount`,
    compute: (s) => given(monthsWith(s, 1, COUNTERPARTIES), (m) => {
      const part = direction === 'inflow' ? typeInflow(type) : typeOutflow(type);
      return ratio(total(m, part), total(m, (x) => x[direction].amount), m.length, `no ${direction} in the window`);
    }),
  }));
}

export const counterpartyIndicators: readonly IndicatorDefinition[] = [
  {
    id: 'CP_TOP_COUNTERPARTY_SHARE', group, unit: 'RATIO', needs: 'at least 1 month with the account features and some flow',
    name: { zh: '最大交易对手占比', en: 'Top counterparty share' },
    definition: 'Share of the largest counterparty in the flows, as each provider reports it per account-month, averaged with the account-month\'s inflow + outflow as weight.',
    formula: 'Σ (features.topCounterpartyShare × (inflow.amount + outflow.amount)) / Σ (inflow.amount + outflow.amount)',
    compute: (s) => given(monthsWith(s, 1, FEATURES), (m) => {
      const weighted = m.reduce((acc, x) => acc + x.features!.topShareWeighted, 0n);
      const weight = BigInt(total(m, (x) => x.features!.topShareWeight)) * 10_000n; // shares are held in basis points
      return ratio(weighted, weight, m.length, 'no flows in the window');
    }),
  },
  {
    id: 'CP_MEAN_DISTINCT_COUNTERPARTIES', group, unit: 'PER_MONTH', needs: NEEDS,
    name: { zh: '月均交易对手数', en: 'Mean distinct counterparties per month' },
    definition: 'Average number of distinct counterparties per month (consolidated: added up over the accounts, an upper bound since one counterparty may deal with several accounts).',
    formula: 'Σ Σ_type counterparties[type].distinct / months with the breakdown',
    compute: (s) => given(monthsWith(s, 1, COUNTERPARTIES), (m) => ok(fixed(total(m, (x) => COUNTERPARTY_TYPES.reduce((acc, t) => acc + x.counterparties![t].distinct, 0)), m.length, 1), m.length)),
  },
  ...shares('inflow'),
  ...shares('outflow'),
];
