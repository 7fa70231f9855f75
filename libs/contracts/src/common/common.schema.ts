import type { JsonSchema } from '../schema/validator';

// Building blocks shared by many contracts (CONTRACT.md "Identifiers").
export const usccSchema: JsonSchema = { type: 'string', format: 'uscc' };
export const institutionIdSchema: JsonSchema = { type: 'string', pattern: '^[A-Z0-9]{4,20}$' };
export const uuidSchema: JsonSchema = { type: 'string', format: 'uuid' };
export const timestampSchema: JsonSchema = { type: 'string', format: 'date-time' };
export const periodSchema: JsonSchema = { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' };
export const fenSchema: JsonSchema = { type: 'integer', minimum: 0 };
export const accountTypeSchema: JsonSchema = { enum: ['BASIC', 'GENERAL', 'PAYMENT'] };
export const accountSchema: JsonSchema = {
  type: 'object',
  required: ['number', 'type'],
  additionalProperties: false,
  properties: { number: { type: 'string', pattern: '^[0-9]{8,32}$' }, type: accountTypeSchema },
};
export const amountCountSchema: JsonSchema = {
  type: 'object',
  required: ['amount', 'count'],
  additionalProperties: false,
  properties: { amount: fenSchema, count: { type: 'integer', minimum: 0 } },
};
