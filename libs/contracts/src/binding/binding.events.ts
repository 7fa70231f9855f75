import type { FundAccount, InstitutionId, Uscc } from '../common/common.types';
import { accountSchema, institutionIdSchema, timestampSchema, usccSchema } from '../common/common.schema';
import { defineEvent } from '../schema/event-contract';
import type { JsonSchema } from '../schema/validator';

// Binding's domain events (stream binding-<bindingId>, subject = the enterprise's USCC), on
// cfc.binding.events.v1. They carry the full account number: this internal topic is readable only by
// CFC's own services (Kafka ACLs); the audit stream and every report mask it.

/** The entrustment agreement the enterprise accepted: exact version and SHA-256 of its text bytes. */
export interface AcceptedAgreement {
  version: string;
  sha256: string;
  acceptedAt: string;
}

export type BindingRequestedData = { bindingId: string; subject: Uscc; provider: InstitutionId; account: FundAccount; agreement: AcceptedAgreement; requestedAt: string };
export type BindingConfirmedData = { bindingId: string; subject: Uscc; provider: InstitutionId; account: FundAccount; confirmedAt: string };
export type BindingRejectedData = { bindingId: string; subject: Uscc; provider: InstitutionId; account: FundAccount; reason: string; rejectedAt: string };
/** The enterprise unbound the account: from this instant no statistics for it are accepted or reported. */
export type BindingEndedData = { bindingId: string; subject: Uscc; provider: InstitutionId; account: FundAccount; endedAt: string };
/** The provider did not answer within 7 days. */
export type BindingExpiredData = { bindingId: string; subject: Uscc; provider: InstitutionId; account: FundAccount; expiredAt: string };

const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };
const reason: JsonSchema = { type: 'string', pattern: '^[A-Z][A-Z0-9_]{0,63}$' };
const base = { bindingId: id, subject: usccSchema, provider: institutionIdSchema, account: accountSchema };
const object = (properties: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', required: Object.keys(properties), additionalProperties: false, properties });
export const acceptedAgreementSchema: JsonSchema = object({
  version: { type: 'string', minLength: 1, maxLength: 40 },
  sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  acceptedAt: timestampSchema,
});

export const bindingRequestedEvent = defineEvent<BindingRequestedData>()('binding.requested', 1, object({ ...base, agreement: acceptedAgreementSchema, requestedAt: timestampSchema }));
export const bindingConfirmedEvent = defineEvent<BindingConfirmedData>()('binding.confirmed', 1, object({ ...base, confirmedAt: timestampSchema }));
export const bindingRejectedEvent = defineEvent<BindingRejectedData>()('binding.rejected', 1, object({ ...base, reason, rejectedAt: timestampSchema }));
export const bindingEndedEvent = defineEvent<BindingEndedData>()('binding.ended', 1, object({ ...base, endedAt: timestampSchema }));
export const bindingExpiredEvent = defineEvent<BindingExpiredData>()('binding.expired', 1, object({ ...base, expiredAt: timestampSchema }));

/** Every binding event contract, for the event store's registry and for consumers. */
export const bindingEventContracts = [bindingRequestedEvent, bindingConfirmedEvent, bindingRejectedEvent, bindingEndedEvent, bindingExpiredEvent] as const;
