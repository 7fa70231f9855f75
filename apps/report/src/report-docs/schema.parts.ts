import { CATALOGUE } from '../domain/catalogue/catalogue';
import { INDICATOR_GROUPS, type IndicatorUnit } from '../domain/catalogue/indicator';

// Building blocks of docs/report.schema.json, generated from the code so the published schema cannot
// drift from what the service writes (report-docs.spec.ts checks the file against this).

type Schema = Record<string, unknown>;
export const object = (properties: Record<string, Schema>, optional: string[] = []): Schema => ({
  type: 'object',
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  additionalProperties: false,
  properties,
});
export const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });
export const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
const integer: Schema = { type: 'integer' };
const count: Schema = { type: 'integer', minimum: 0 };

const VALUE_BY_UNIT: Record<IndicatorUnit, Schema> = {
  FEN: { type: 'integer', description: 'fen (1/100 CNY); averages rounded half away from zero' },
  COUNT: count,
  MONTHS: count,
  RATIO: { type: 'number', description: '4 decimal places, rounded once, half away from zero' },
  DAYS: { type: 'number', description: '1 decimal place' },
  PER_MONTH: { type: 'number', description: '1 decimal place' },
  PERIOD: ref('period'),
  FEN_SERIES: object({ from: ref('period'), to: ref('period'), values: { type: 'array', items: nullable(integer), description: 'one per month from..to; null: no data' } }),
};

export const commonDefs: Record<string, Schema> = {
  period: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' },
  bilingual: object({ zh: { type: 'string' }, en: { type: 'string' } }),
  flow: object({ amount: count, count }),
  maskedAccount: object({
    bindingId: { type: 'string', minLength: 1 },
    provider: { type: 'string', pattern: '^[A-Z0-9]{4,20}$' },
    accountType: { enum: ['BASIC', 'GENERAL', 'PAYMENT'] },
    accountNumber: { type: 'string', pattern: '^[0-9]{0,4}\\*+[0-9]{4}$', description: 'masked: first and last four digits' },
  }),
  query: {
    oneOf: [
      object({ kind: { const: 'INSTITUTION' }, institution: { type: 'string', pattern: '^[A-Z0-9]{4,20}$' }, authorizationId: { type: 'string' }, queryId: { type: 'string', format: 'uuid' } }),
      object({ kind: { const: 'SELF' }, queryId: { type: 'string', format: 'uuid' } }),
    ],
  },
  coverage: object({
    accountMonthsExpected: count,
    accountMonthsPresent: count,
    accounts: {
      type: 'array',
      items: object({ bindingId: { type: 'string' }, monthsPresent: count, missingPeriods: { type: 'array', items: ref('period') }, latestPeriod: nullable(ref('period')) }),
    },
  }),
  // One branch per unit for values (the value's type follows the unit), one for INSUFFICIENT_DATA.
  indicator: {
    oneOf: [
      ...Object.entries(VALUE_BY_UNIT).map(([unit, value]) =>
        object({ id: ref('indicatorId'), unit: { const: unit }, status: { const: 'OK' }, value, months: count }),
      ),
      object({
        id: ref('indicatorId'),
        unit: ref('unit'),
        status: { const: 'INSUFFICIENT_DATA' },
        reason: { enum: ['TOO_FEW_MONTHS', 'MONTHS_MISSING', 'NOT_SUPPLIED', 'ZERO_BASE'] },
        detail: { type: 'string' },
      }),
    ],
  },
  indicatorId: { enum: CATALOGUE.map((i) => i.id) },
  unit: { enum: Object.keys(VALUE_BY_UNIT) },
  // The sections beside the figures (schema version 2): the enterprise's declarations, disputed months, corrections.
  declarations: object({
    title: object({ zh: { const: '本人声明' }, en: { const: "Subject's declarations" } }),
    items: {
      type: 'array',
      items: object(
        {
          declarationId: { type: 'string', minLength: 1 },
          scope: { enum: ['REPORT', 'ACCOUNT', 'MONTH'], description: 'REPORT: the whole report; ACCOUNT: the account bindingId; MONTH: period of that account' },
          bindingId: { type: 'string', minLength: 1 },
          period: { $ref: '#/$defs/period' },
          text: { type: 'string', minLength: 1, maxLength: 500, description: "the enterprise's own words, exactly as written: show them as text, never as markup" },
          declaredAt: { type: 'string', format: 'date-time' },
        },
        ['bindingId', 'period'],
      ),
    },
  }),
  disputes: object({
    title: object({ zh: { const: '异议标注' }, en: { const: 'Disputed months' } }),
    items: {
      type: 'array',
      items: object({
        objectionId: { type: 'string', minLength: 1 },
        bindingId: { type: 'string', minLength: 1 },
        period: { $ref: '#/$defs/period' },
        status: { enum: ['SUBMITTED', 'OVERDUE'], description: 'SUBMITTED: awaiting the provider; OVERDUE: unanswered after its 20 days' },
        fields: { type: 'array', items: { type: 'string' }, description: 'the statistics disputed; empty: the whole record' },
        raisedAt: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] },
        dueBy: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] },
      }),
    },
  }),
  corrections: object({
    title: object({ zh: { const: '异议更正' }, en: { const: 'Corrected figures' } }),
    items: {
      type: 'array',
      items: object({
        objectionId: { type: 'string', minLength: 1 },
        bindingId: { type: 'string', minLength: 1 },
        period: { $ref: '#/$defs/period' },
        correctedRevision: { anyOf: [{ type: 'integer', minimum: 2 }, { type: 'null' }], description: 'the revision carrying the corrected figures' },
        resolvedAt: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] },
        revisionShown: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }], description: 'the revision this report prints for that month; below correctedRevision, the corrected figures have not reached the report yet' },
      }),
    },
  }),
  indicatorGroups: {
    type: 'array',
    items: object({ group: { enum: INDICATOR_GROUPS }, name: ref('bilingual'), indicators: { type: 'array', items: ref('indicator') } }),
  },
};

/** The properties every report shares (since REPORT_SCHEMA_VERSION 2: with the declarations, disputes and corrections). */
export const headerProperties = (product: string, catalogueVersion: number, schemaVersion: number): Record<string, Schema> => ({
  reportId: { type: 'string', format: 'uuid' },
  product: { const: product },
  schemaVersion: { const: schemaVersion },
  catalogueVersion: { const: catalogueVersion, description: 'version of the indicator catalogue (docs/indicators.md)' },
  generatedAt: { type: 'string', format: 'date-time' },
  query: ref('query'),
  subject: object({ uscc: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' } }),
  period: object({ from: ref('period'), to: ref('period'), months: { type: 'integer', minimum: 1, maximum: 36 } }),
  accounts: { type: 'array', items: ref('maskedAccount') },
  coverage: ref('coverage'),
  declarations: ref('declarations'),
  disputes: ref('disputes'),
  corrections: ref('corrections'),
});
