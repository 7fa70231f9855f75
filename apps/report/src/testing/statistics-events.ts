import { randomUUID } from 'node:crypto';
import type { AcceptedStatisticsRecord, AccountType, BindingView, EventEnvelope, StatisticsAcceptedData } from '@cfc/contracts';

// Test support: ingestion's and binding's events in their contract shapes (libs/contracts), as the real
// services' relays publish them, for the report service's integration tests and bench.

export interface TestBinding {
  bindingId: string;
  subject: string;
  provider: string;
  number: string;
  type: AccountType;
}

const envelope = <Data>(type: string, streamId: string, streamVersion: number, data: Data, subject?: string): EventEnvelope<string, Data> => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  streamId,
  streamVersion,
  ...(subject ? { subject } : {}),
  actor: { kind: 'system', id: type.split('.')[0] },
  occurredAt: new Date().toISOString(),
  correlationId: randomUUID(),
  data,
});

/** binding.requested (version 1) and binding.confirmed (version 2) of a binding. */
export function bindingEvents(b: TestBinding): EventEnvelope[] {
  const base = { bindingId: b.bindingId, subject: b.subject, provider: b.provider, account: { number: b.number, type: b.type } };
  const at = new Date().toISOString();
  return [
    envelope('binding.requested', `binding-${b.bindingId}`, 1, { ...base, agreement: { version: '2026-01', sha256: 'a'.repeat(64), acceptedAt: at }, requestedAt: at }, b.subject),
    envelope('binding.confirmed', `binding-${b.bindingId}`, 2, { ...base, confirmedAt: at }, b.subject),
  ];
}

export function bindingEndedEvent(b: TestBinding, streamVersion = 3): EventEnvelope {
  return envelope('binding.ended', `binding-${b.bindingId}`, streamVersion, { bindingId: b.bindingId, subject: b.subject, provider: b.provider, account: { number: b.number, type: b.type }, endedAt: new Date().toISOString() }, b.subject);
}

/** The binding as binding's internal API shows it. */
export function bindingView(b: TestBinding, status: BindingView['status'] = 'ACTIVE'): BindingView {
  const at = new Date().toISOString();
  return { bindingId: b.bindingId, subject: b.subject, provider: b.provider, account: { number: b.number, type: b.type }, status, agreement: { version: '2026-01', sha256: 'a'.repeat(64), acceptedAt: at }, requestedAt: at, activatedAt: at };
}

export type RecordValues = Omit<AcceptedStatisticsRecord, 'account' | 'subject' | 'bindingId' | 'period' | 'revision'>;

/** One accepted record of a binding's month. */
export function acceptedRecord(b: TestBinding, period: string, revision: number, values: RecordValues): AcceptedStatisticsRecord {
  return { account: { number: b.number, type: b.type }, subject: b.subject, period, revision, bindingId: b.bindingId, ...values };
}

/** statistics.accepted for one submission (up to 1,000 records, of one provider). */
export function statisticsAcceptedEvent(provider: string, records: AcceptedStatisticsRecord[]): EventEnvelope<string, StatisticsAcceptedData> {
  const submissionId = randomUUID();
  return envelope('statistics.accepted', `submission-${submissionId}`, 1, { submissionId, provider, acceptedAt: new Date().toISOString(), records });
}
