import type { AmountCount, FundAccount, InstitutionId, Uscc } from '../common/common.types';
import { accountSchema, amountCountSchema, fenSchema, institutionIdSchema, periodSchema, timestampSchema, usccSchema, uuidSchema } from '../common/common.schema';
import { defineMessage } from '../schema/event-contract';
import { compileValidator, type JsonSchema } from '../schema/validator';

export type CounterpartyType = 'ENTERPRISE' | 'INDIVIDUAL' | 'GOVERNMENT' | 'FINANCIAL_INSTITUTION' | 'OTHER';

/** One account-month of statistics; a higher revision of the same (account, period) supersedes a lower. */
export interface StatisticsRecord {
  account: FundAccount;
  subject: Uscc;
  period: string;
  revision: number;
  inflow: AmountCount;
  outflow: AmountCount;
  cash?: { deposit: AmountCount; withdrawal: AmountCount };
  counterparties?: Array<{ type: CounterpartyType; inflow: AmountCount; outflow: AmountCount; distinct: number }>;
  balance: { end: number; averageDaily: number; min: number; max: number };
  features?: {
    activeDays: number;
    largestInflow: number;
    largestOutflow: number;
    zeroBalanceDays: number;
    topCounterpartyShare: number;
  };
}

/** Inbound on cfc.provider.inbound.v1; records are validated one by one so one bad record spares its siblings. */
export interface StatisticsSubmitted {
  type: 'statistics.submitted';
  schemaVersion: 1;
  submissionId: string;
  provider: InstitutionId;
  sentAt: string;
  records: unknown[];
}

const dayCount: JsonSchema = { type: 'integer', minimum: 0, maximum: 31 };
const balance: JsonSchema = { type: 'integer' };

export const statisticsRecordSchema: JsonSchema = {
  type: 'object',
  required: ['account', 'subject', 'period', 'revision', 'inflow', 'outflow', 'balance'],
  additionalProperties: false,
  properties: {
    account: accountSchema,
    subject: usccSchema,
    period: periodSchema,
    revision: { type: 'integer', minimum: 1 },
    inflow: amountCountSchema,
    outflow: amountCountSchema,
    cash: {
      type: 'object',
      required: ['deposit', 'withdrawal'],
      additionalProperties: false,
      properties: { deposit: amountCountSchema, withdrawal: amountCountSchema },
    },
    counterparties: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'inflow', 'outflow', 'distinct'],
        additionalProperties: false,
        properties: {
          type: { enum: ['ENTERPRISE', 'INDIVIDUAL', 'GOVERNMENT', 'FINANCIAL_INSTITUTION', 'OTHER'] },
          inflow: amountCountSchema,
          outflow: amountCountSchema,
          distinct: { type: 'integer', minimum: 0 },
        },
      },
    },
    balance: {
      type: 'object',
      required: ['end', 'averageDaily', 'min', 'max'],
      additionalProperties: false,
      properties: { end: balance, averageDaily: balance, min: balance, max: balance },
    },
    features: {
      type: 'object',
      required: ['activeDays', 'largestInflow', 'largestOutflow', 'zeroBalanceDays', 'topCounterpartyShare'],
      additionalProperties: false,
      properties: {
        activeDays: dayCount,
        largestInflow: fenSchema,
        largestOutflow: fenSchema,
        zeroBalanceDays: dayCount,
        topCounterpartyShare: { type: 'number', minimum: 0, maximum: 1 },
      },
    },
  },
};

export const statisticsSubmittedSchema: JsonSchema = {
  type: 'object',
  required: ['type', 'schemaVersion', 'submissionId', 'provider', 'sentAt', 'records'],
  additionalProperties: false,
  properties: {
    type: { const: 'statistics.submitted' },
    schemaVersion: { const: 1 },
    submissionId: uuidSchema,
    provider: institutionIdSchema,
    sentAt: timestampSchema,
    records: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'object' } },
  },
};

export const statisticsSubmitted = defineMessage<StatisticsSubmitted>()('statistics.submitted', 1, statisticsSubmittedSchema);

/** Checks one record of a statistics.submitted message. */
export const validateStatisticsRecord = compileValidator<StatisticsRecord>('statistics record', statisticsRecordSchema);
