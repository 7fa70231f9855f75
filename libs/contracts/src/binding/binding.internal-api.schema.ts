import { accountTypeSchema, institutionIdSchema, usccSchema } from '../common/common.schema';
import { compileValidator, type JsonSchema } from '../schema/validator';
import type { BindingResolveRequest, BindingStatusRequest } from './binding.internal-api';

// Schemas of binding's internal request bodies (the owner validates with them; callers may too).
const bindingId: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };

export const bindingStatusRequestSchema: JsonSchema = {
  type: 'object',
  required: ['bindingIds'],
  additionalProperties: false,
  properties: { bindingIds: { type: 'array', minItems: 1, maxItems: 1000, items: bindingId } },
};

export const bindingResolveRequestSchema: JsonSchema = {
  type: 'object',
  required: ['provider', 'accounts'],
  additionalProperties: false,
  properties: {
    provider: institutionIdSchema,
    accounts: {
      type: 'array',
      minItems: 1,
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['subject', 'number', 'type'],
        additionalProperties: false,
        properties: { subject: usccSchema, number: { type: 'string', pattern: '^[0-9]{8,32}$' }, type: accountTypeSchema },
      },
    },
  },
};

export const validateBindingStatusRequest = compileValidator<BindingStatusRequest>('binding status request', bindingStatusRequestSchema);
export const validateBindingResolveRequest = compileValidator<BindingResolveRequest>('binding resolve request', bindingResolveRequestSchema);
