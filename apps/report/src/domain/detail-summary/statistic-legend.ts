import type { CounterpartyType } from '@cfc/contracts';
import type { Bilingual, IndicatorUnit } from '../catalogue/indicator';

// What each field of the detail summary means, printed once per detail summary (not beside every value:
// 36 months × 3 accounts × 40 fields would make the labels most of the report).

export type LegendEntry = Bilingual & { unit: IndicatorUnit | 'TEXT' | 'INTEGER' | 'BOOLEAN' };

export const COUNTERPARTY_TYPE_NAMES: Record<CounterpartyType, Bilingual> = {
  ENTERPRISE: { zh: '企业', en: 'Enterprises' },
  INDIVIDUAL: { zh: '个人', en: 'Individuals' },
  GOVERNMENT: { zh: '政府机关（税费、社保）', en: 'Government (taxes, fees, social insurance)' },
  FINANCIAL_INSTITUTION: { zh: '金融机构（贷款发放、还款）', en: 'Financial institutions (loans drawn, repayments)' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const STATISTIC_LEGEND: Record<string, LegendEntry> = {
  period: { zh: '统计月份', en: 'Month', unit: 'PERIOD' },
  revision: { zh: '数据版本（更正后递增）', en: 'Revision (raised by each correction)', unit: 'INTEGER' },
  disputed: { zh: '异议处理中（异议标注）', en: 'Under objection (disputed)', unit: 'BOOLEAN' },
  corrected: { zh: '已因异议更正', en: 'Corrected after an objection', unit: 'BOOLEAN' },
  'inflow.amount': { zh: '流入金额', en: 'Inflow amount', unit: 'FEN' },
  'inflow.count': { zh: '流入笔数', en: 'Inflow transactions', unit: 'COUNT' },
  'outflow.amount': { zh: '流出金额', en: 'Outflow amount', unit: 'FEN' },
  'outflow.count': { zh: '流出笔数', en: 'Outflow transactions', unit: 'COUNT' },
  'cash.deposit.amount': { zh: '现金存入金额', en: 'Cash deposited', unit: 'FEN' },
  'cash.deposit.count': { zh: '现金存入笔数', en: 'Cash deposits', unit: 'COUNT' },
  'cash.withdrawal.amount': { zh: '现金支取金额', en: 'Cash withdrawn', unit: 'FEN' },
  'cash.withdrawal.count': { zh: '现金支取笔数', en: 'Cash withdrawals', unit: 'COUNT' },
  'balance.end': { zh: '月末余额', en: 'Month-end balance', unit: 'FEN' },
  'balance.averageDaily': { zh: '日均余额', en: 'Average daily balance', unit: 'FEN' },
  'balance.min': { zh: '最低余额', en: 'Minimum balance', unit: 'FEN' },
  'balance.max': { zh: '最高余额', en: 'Maximum balance', unit: 'FEN' },
  'features.activeDays': { zh: '活跃天数（有交易的天数）', en: 'Active days (days with a transaction)', unit: 'DAYS' },
  'features.largestInflow': { zh: '最大单笔流入', en: 'Largest single inflow', unit: 'FEN' },
  'features.largestOutflow': { zh: '最大单笔流出', en: 'Largest single outflow', unit: 'FEN' },
  'features.zeroBalanceDays': { zh: '零余额天数', en: 'Days at zero balance', unit: 'DAYS' },
  'features.topCounterpartyShare': { zh: '最大交易对手占比（提供机构计算）', en: 'Top counterparty share (as the provider computed it)', unit: 'RATIO' },
  'counterparties[].type': { zh: '交易对手类型', en: 'Counterparty type', unit: 'TEXT' },
  'counterparties[].inflow.amount': { zh: '来自该类对手的流入金额', en: 'Inflow from this type', unit: 'FEN' },
  'counterparties[].inflow.count': { zh: '来自该类对手的流入笔数', en: 'Inflow transactions from this type', unit: 'COUNT' },
  'counterparties[].outflow.amount': { zh: '流向该类对手的流出金额', en: 'Outflow to this type', unit: 'FEN' },
  'counterparties[].outflow.count': { zh: '流向该类对手的流出笔数', en: 'Outflow transactions to this type', unit: 'COUNT' },
  'counterparties[].distinct': { zh: '该类对手个数', en: 'Distinct counterparties of this type', unit: 'COUNT' },
  'derived.netFlow': { zh: '净流入（流入−流出）', en: 'Net flow (inflow − outflow)', unit: 'FEN' },
  'derived.averageInflowTicket': { zh: '笔均流入金额', en: 'Average inflow ticket', unit: 'FEN' },
  'derived.averageOutflowTicket': { zh: '笔均流出金额', en: 'Average outflow ticket', unit: 'FEN' },
  'derived.cashDepositShare': { zh: '现金存入占流入比', en: 'Cash share of inflow', unit: 'RATIO' },
  'derived.cashWithdrawalShare': { zh: '现金支取占流出比', en: 'Cash share of outflow', unit: 'RATIO' },
  'derived.balanceRange': { zh: '余额波动幅度（最高−最低）', en: 'Balance range (max − min)', unit: 'FEN' },
  'derived.unclassifiedInflow': { zh: '未分类流入（流入−各类对手流入之和）', en: 'Unclassified inflow (inflow − Σ by type)', unit: 'FEN' },
  'derived.unclassifiedOutflow': { zh: '未分类流出', en: 'Unclassified outflow (outflow − Σ by type)', unit: 'FEN' },
  'derived.counterpartyMix[].type': { zh: '交易对手类型', en: 'Counterparty type', unit: 'TEXT' },
  'derived.counterpartyMix[].inflowShare': { zh: '该类对手流入占比', en: 'Share of inflow from this type', unit: 'RATIO' },
  'derived.counterpartyMix[].outflowShare': { zh: '该类对手流出占比', en: 'Share of outflow to this type', unit: 'RATIO' },
};
