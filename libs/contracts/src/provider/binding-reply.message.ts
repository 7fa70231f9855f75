import type { InstitutionId } from '../common/common.types';
import { institutionIdSchema } from '../common/common.schema';
import { defineMessage } from '../schema/event-contract';
import type { JsonSchema } from '../schema/validator';

/** Inbound: the provider confirms it holds the account for the subject. schemaVersion may be omitted (CONTRACT.md). */
export interface BindingConfirmed {
  type: 'binding.confirmed';
  schemaVersion?: 1;
  bindingId: string;
  provider: InstitutionId;
}

/** Inbound: the provider refuses the binding, with a machine-readable reason. */
export interface BindingRejected {
  type: 'binding.rejected';
  schemaVersion?: 1;
  bindingId: string;
  provider: InstitutionId;
  reason: string;
}

const reply = (type: string, extra: Record<string, JsonSchema> = {}): JsonSchema => ({
  type: 'object',
  required: ['type', 'bindingId', 'provider', ...Object.keys(extra)],
  additionalProperties: false,
  properties: {
    type: { const: type },
    schemaVersion: { const: 1 },
    bindingId: { type: 'string', minLength: 1, maxLength: 100 },
    provider: institutionIdSchema,
    ...extra,
  },
});

export const bindingConfirmed = defineMessage<BindingConfirmed>()('binding.confirmed', 1, reply('binding.confirmed'));
export const bindingRejected = defineMessage<BindingRejected>()(
  'binding.rejected',
  1,
  reply('binding.rejected', { reason: { type: 'string', pattern: '^[A-Z][A-Z0-9_]{0,63}$' } }),
);
