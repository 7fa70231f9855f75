import { CATALOGUE, CATALOGUE_VERSION } from '../domain/catalogue/catalogue';
import { REPORT_SCHEMA_VERSION } from '../domain/report/report-document';
import { STATISTIC_LEGEND, COUNTERPARTY_TYPE_NAMES } from '../domain/detail-summary/statistic-legend';
import { COUNTERPARTY_TYPES } from '../domain/statistics/month-statistics';
import { commonDefs, headerProperties, nullable, object, ref } from './schema.parts';

// JSON Schema (2020-12) of both products, as published in docs/report.schema.json.

const count = { type: 'integer', minimum: 0 };
const ratio = nullable({ type: 'number' });
const counterpartyType = { enum: COUNTERPARTY_TYPES };

const detailMonth = object({
  period: ref('period'),
  revision: { type: 'integer', minimum: 1 },
  disputed: { type: 'boolean', description: 'under an open objection (异议标注): see disputes' },
  corrected: { type: 'boolean', description: 'corrected by its provider after an objection: see corrections' },
  inflow: ref('flow'),
  outflow: ref('flow'),
  cash: nullable(object({ deposit: ref('flow'), withdrawal: ref('flow') })),
  balance: object({ end: { type: 'integer' }, averageDaily: { type: 'integer' }, min: { type: 'integer' }, max: { type: 'integer' } }),
  features: nullable(object({ activeDays: count, largestInflow: count, largestOutflow: count, zeroBalanceDays: count, topCounterpartyShare: { type: 'number', minimum: 0, maximum: 1 } })),
  counterparties: nullable({ type: 'array', items: object({ type: counterpartyType, inflow: ref('flow'), outflow: ref('flow'), distinct: count }) }),
  derived: object({
    netFlow: { type: 'integer' },
    averageInflowTicket: nullable(count),
    averageOutflowTicket: nullable(count),
    cashDepositShare: ratio,
    cashWithdrawalShare: ratio,
    balanceRange: { type: 'integer' },
    unclassifiedInflow: nullable({ type: 'integer' }),
    unclassifiedOutflow: nullable({ type: 'integer' }),
    counterpartyMix: nullable({ type: 'array', items: object({ type: counterpartyType, inflowShare: ratio, outflowShare: ratio }) }),
  }),
});

/** docs/report.schema.json: a report is one of the two products. */
export function reportSchema(): Record<string, unknown> {
  const header = (product: string) => headerProperties(product, CATALOGUE_VERSION, REPORT_SCHEMA_VERSION);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://cfc.example/schemas/report/v${REPORT_SCHEMA_VERSION}.json`,
    title: `CFC report, schema version ${REPORT_SCHEMA_VERSION}: 资金流信用信息报告 (CREDIT_REPORT) or 明细汇总 (DETAIL_SUMMARY)`,
    description: 'Amounts are integers in fen; ratios have 4 decimal places; periods are calendar months (Asia/Shanghai). Indicators: docs/indicators.md.',
    oneOf: [ref('creditReport'), ref('detailSummary')],
    $defs: {
      ...commonDefs,
      detailMonth,
      creditReport: object({
        ...header('CREDIT_REPORT'),
        legend: object({
          indicators: object(Object.fromEntries(CATALOGUE.map((i) => [i.id, object({ zh: { type: 'string' }, en: { type: 'string' }, definition: ref('bilingual'), group: { const: i.group }, unit: { const: i.unit } })]))),
        }),
        consolidated: object({ groups: ref('indicatorGroups') }),
        byAccount: { type: 'array', items: object({ bindingId: { type: 'string' }, groups: ref('indicatorGroups') }) },
      }),
      detailSummary: object({
        ...header('DETAIL_SUMMARY'),
        legend: object({
          fields: object(Object.fromEntries(Object.keys(STATISTIC_LEGEND).map((k) => [k, object({ zh: { type: 'string' }, en: { type: 'string' }, unit: { type: 'string' } })]))),
          counterpartyTypes: object(Object.fromEntries(Object.keys(COUNTERPARTY_TYPE_NAMES).map((k) => [k, ref('bilingual')]))),
        }),
        detail: { type: 'array', items: object({ bindingId: { type: 'string' }, months: { type: 'array', items: ref('detailMonth') } }) },
      }),
    },
  };
}
