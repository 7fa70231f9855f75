import {
  ConsumerGroups, Headers, objectionRaised, providerOutboundTopic, submissionAccepted, submissionRejected, Topics,
  type EventEnvelope, type ObjectionRaised, type ObjectionRaisedData, type ProviderMessageDeadLetteredData,
  type SubmissionAccepted, type SubmissionAcceptedData, type SubmissionRejected, type SubmissionRejectedData,
} from '@cfc/contracts';
import type { ForwardedMessage } from '@cfc/eventing';

/** The event types the forwarder maps; statistics.accepted (large, for the report) is passed over unread. */
export const FORWARDED_TYPES = ['submission.accepted', 'submission.rejected', 'provider-message.dead-lettered', 'objection.raised'] as const;

/**
 * What ingestion's events owe the outside world, in the contract's shapes (provider/outbound.messages.ts,
 * objection.messages.ts): each submission's outcome and each objection to its provider; each refused message,
 * as it came (bytes and headers) with its reason, to cfc.ingestion.dead-letter.v1, and its provider told.
 */
export function ingestionOutboundMessages(event: EventEnvelope): ForwardedMessage[] {
  switch (event.type) {
    case 'submission.accepted': {
      const d = event.data as SubmissionAcceptedData;
      const message: SubmissionAccepted = { type: 'submission.accepted', schemaVersion: 1, submissionId: d.submissionId, provider: d.provider, acceptedRecords: d.acceptedRecords, at: d.at };
      return [outbound(d.provider, d.submissionId, submissionAccepted.validate(message))];
    }
    case 'submission.rejected': {
      const d = event.data as SubmissionRejectedData;
      const message: SubmissionRejected = { type: 'submission.rejected', schemaVersion: 1, submissionId: d.submissionId, provider: d.provider, records: d.records, at: d.at };
      return [outbound(d.provider, d.submissionId, submissionRejected.validate(message))];
    }
    case 'provider-message.dead-lettered':
      return deadLetterMessages(event.data as ProviderMessageDeadLetteredData);
    case 'objection.raised': {
      const d = event.data as ObjectionRaisedData;
      const message: ObjectionRaised = { type: 'objection.raised', schemaVersion: 1, objectionId: d.objectionId, bindingId: d.bindingId, account: d.account, period: d.period, fields: d.fields, reason: d.reason, dueBy: d.dueBy };
      return [outbound(d.provider, d.bindingId, objectionRaised.validate(message))];
    }
    default:
      return []; // statistics.accepted is for the report; objection answers and overdue marks are CFC's own record
  }
}

function deadLetterMessages(d: ProviderMessageDeadLetteredData): ForwardedMessage[] {
  const parked: ForwardedMessage = {
    topic: Topics.ingestionDeadLetter,
    key: d.key,
    value: Buffer.from(d.valueBase64, 'base64'),
    headers: {
      ...d.headers,
      [Headers.error]: d.detail,
      [Headers.errorReason]: d.reason,
      [Headers.originalTopic]: d.origin.topic,
      [Headers.originalPartition]: String(d.origin.partition),
      [Headers.originalOffset]: d.origin.offset,
      [Headers.consumerGroup]: ConsumerGroups.ingestionInbound,
    },
  };
  // A message refused in part was answered record by record (submission.rejected); it is parked, not told twice.
  if (!d.provider || d.reason === 'RECORDS_REFUSED') return [parked];
  const told: SubmissionRejected = { type: 'submission.rejected', schemaVersion: 1, ...(d.submissionId ? { submissionId: d.submissionId } : {}), provider: d.provider, reason: d.reason, records: [], at: d.at };
  return [parked, outbound(d.provider, d.submissionId ?? null, submissionRejected.validate(told))];
}

const outbound = (provider: string, key: string | null, message: object): ForwardedMessage => ({ topic: providerOutboundTopic(provider), key, value: JSON.stringify(message) });
