import type { InstitutionId } from '../common/common.types';
import { institutionIdSchema, timestampSchema } from '../common/common.schema';
import { defineEvent } from '../schema/event-contract';
import type { JsonSchema } from '../schema/validator';

// Outcomes of one provider message, on cfc.ingestion.events.v1 beside statistics.accepted (same stream,
// submission-<submissionId>): what the provider is told on its outbound topic (the forwarder maps each
// to the contract's submission.accepted / submission.rejected), what the regulator's counts add up.

/**
 * Records of a submission that are now in the store: `storedRecords` written by this message (new revisions,
 * current or kept for traceability), `duplicateRecords` already stored with the same figures (acknowledged).
 */
export type SubmissionAcceptedData = {
  submissionId: string;
  provider: InstitutionId;
  acceptedRecords: number;
  storedRecords: number;
  duplicateRecords: number;
  at: string;
};

/** Records of a valid message that were refused, each with its stable reason (STATISTICS_RECORD_REJECTIONS). */
export type SubmissionRejectedData = {
  submissionId: string;
  provider: InstitutionId;
  records: Array<{ index: number; reason: string; detail?: string }>;
  at: string;
};

const count: JsonSchema = { type: 'integer', minimum: 0, maximum: 1000 };
const reason: JsonSchema = { type: 'string', pattern: '^[A-Z][A-Z0-9_]{0,63}$' };

export const submissionAcceptedEvent = defineEvent<SubmissionAcceptedData>()('submission.accepted', 1, {
  type: 'object',
  required: ['submissionId', 'provider', 'acceptedRecords', 'storedRecords', 'duplicateRecords', 'at'],
  additionalProperties: false,
  properties: {
    submissionId: { type: 'string', minLength: 1, maxLength: 100 },
    provider: institutionIdSchema,
    acceptedRecords: { ...count, minimum: 1 },
    storedRecords: count,
    duplicateRecords: count,
    at: timestampSchema,
  },
});

export const submissionRejectedEvent = defineEvent<SubmissionRejectedData>()('submission.rejected', 1, {
  type: 'object',
  required: ['submissionId', 'provider', 'records', 'at'],
  additionalProperties: false,
  properties: {
    submissionId: { type: 'string', minLength: 1, maxLength: 100 },
    provider: institutionIdSchema,
    records: {
      type: 'array',
      minItems: 1,
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['index', 'reason'],
        additionalProperties: false,
        properties: { index: { type: 'integer', minimum: 0, maximum: 999 }, reason, detail: { type: 'string', maxLength: 500 } },
      },
    },
    at: timestampSchema,
  },
});
