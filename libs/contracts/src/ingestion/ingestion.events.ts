import type { InstitutionId } from '../common/common.types';
import { institutionIdSchema, timestampSchema } from '../common/common.schema';
import { statisticsRecordSchema, type StatisticsRecord } from '../provider/statistics-submitted.message';
import { defineEvent } from '../schema/event-contract';
import type { JsonSchema } from '../schema/validator';

// Ingestion's domain events on cfc.ingestion.events.v1 (stream submission-<submissionId>). One event per
// provider message: a message may carry records of many enterprises, so the envelope has no subject.

/** A record as stored: the provider's record plus the binding it was accepted under. */
export type AcceptedStatisticsRecord = StatisticsRecord & { bindingId: string };

/**
 * The records of one submission that were stored (new revisions of their account-month). Consumers keep,
 * per (bindingId, period), the record with the highest revision: arrival order does not matter.
 */
export type StatisticsAcceptedData = { submissionId: string; provider: InstitutionId; acceptedAt: string; records: AcceptedStatisticsRecord[] };

const acceptedRecordSchema: JsonSchema = {
  ...statisticsRecordSchema,
  required: [...((statisticsRecordSchema.required as string[] | undefined) ?? []), 'bindingId'],
  properties: { ...(statisticsRecordSchema.properties as Record<string, JsonSchema>), bindingId: { type: 'string', minLength: 1, maxLength: 100 } },
};

export const statisticsAccepted = defineEvent<StatisticsAcceptedData>()('statistics.accepted', 1, {
  type: 'object',
  required: ['submissionId', 'provider', 'acceptedAt', 'records'],
  additionalProperties: false,
  properties: {
    submissionId: { type: 'string', minLength: 1, maxLength: 100 },
    provider: institutionIdSchema,
    acceptedAt: timestampSchema,
    records: { type: 'array', minItems: 1, maxItems: 1000, items: acceptedRecordSchema },
  },
});
