import type { FundAccount, InstitutionId } from '../common/common.types';
import { accountSchema, institutionIdSchema, periodSchema, timestampSchema } from '../common/common.schema';
import { defineMessage } from '../schema/event-contract';
import type { JsonSchema } from '../schema/validator';

// Objections (异议, CONTRACT.md): CFC tells the provider on its outbound topic; the provider answers
// on cfc.provider.inbound.v1, signed like every inbound message.

/** Outbound: the enterprise disputes one month of one bound account; the answer is due by `dueBy`. */
export interface ObjectionRaised {
  type: 'objection.raised';
  schemaVersion: 1;
  objectionId: string;
  bindingId: string;
  account: FundAccount;
  period: string;
  /** The disputed statistics by path (`inflow`, `balance.end`, ...); empty: the whole record. */
  fields: string[];
  reason: string;
  dueBy: string;
}

export type ObjectionOutcome = 'CORRECTED' | 'UPHELD';

/**
 * Inbound: the provider's answer. CORRECTED names the revision that carries the corrected figures
 * (sent before or with this message); UPHELD says in `note` why the data stands.
 */
export interface ObjectionResolved {
  type: 'objection.resolved';
  schemaVersion?: 1;
  objectionId: string;
  provider: InstitutionId;
  outcome: ObjectionOutcome;
  note?: string;
  correctedRevision?: number;
}

const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };

export const objectionRaised = defineMessage<ObjectionRaised>()('objection.raised', 1, {
  type: 'object',
  required: ['type', 'schemaVersion', 'objectionId', 'bindingId', 'account', 'period', 'fields', 'reason', 'dueBy'],
  additionalProperties: false,
  properties: {
    type: { const: 'objection.raised' },
    schemaVersion: { const: 1 },
    objectionId: id,
    bindingId: id,
    account: accountSchema,
    period: periodSchema,
    fields: { type: 'array', maxItems: 30, items: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9.]{0,63}$' } },
    reason: { type: 'string', minLength: 1, maxLength: 2000 },
    dueBy: timestampSchema,
  },
});

export const objectionResolved = defineMessage<ObjectionResolved>()('objection.resolved', 1, {
  type: 'object',
  required: ['type', 'objectionId', 'provider', 'outcome'],
  additionalProperties: false,
  properties: {
    type: { const: 'objection.resolved' },
    schemaVersion: { const: 1 },
    objectionId: id,
    provider: institutionIdSchema,
    outcome: { enum: ['CORRECTED', 'UPHELD'] },
    note: { type: 'string', minLength: 1, maxLength: 2000 },
    correctedRevision: { type: 'integer', minimum: 2 },
  },
  // A correction names its revision; an upheld record explains itself and names none. (ajv's strict
  // mode wants every required property declared beside its `required`, hence the empty schemas.)
  if: { properties: { outcome: { const: 'CORRECTED' } } },
  then: { required: ['correctedRevision'], properties: { correctedRevision: {} } },
  else: { required: ['note'], properties: { note: {} }, not: { required: ['correctedRevision'], properties: { correctedRevision: {} } } },
});
