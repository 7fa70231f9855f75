import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@cfc/contracts';

// Test support: ingestion's objection events in the shape agreed while their contract is written in
// parallel (read-model/objections/objection-events.adapter.ts reads them): on cfc.ingestion.events.v1,
// stream objection-<objectionId>, the enterprise as subject.

export interface TestObjection {
  objectionId: string;
  subject: string;
  bindingId: string;
  period: string;
}

const envelope = (o: TestObjection, type: string, streamVersion: number, data: Record<string, unknown>): EventEnvelope => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  streamId: `objection-${o.objectionId}`,
  streamVersion,
  subject: o.subject,
  actor: { kind: 'system', id: 'ingestion' },
  occurredAt: new Date().toISOString(),
  correlationId: randomUUID(),
  data: { objectionId: o.objectionId, bindingId: o.bindingId, period: o.period, ...data },
});

export const objectionRaisedEvent = (o: TestObjection, raisedAt: string, fields: string[] = []) =>
  envelope(o, 'objection.raised', 1, { status: 'SUBMITTED', fields, reason: '数据有误', raisedAt, dueBy: new Date(Date.parse(raisedAt) + 20 * 86_400_000).toISOString() });
export const objectionCorrectedEvent = (o: TestObjection, correctedRevision: number, resolvedAt: string) =>
  envelope(o, 'objection.resolved', 2, { status: 'CORRECTED', correctedRevision, resolvedAt });
export const objectionUpheldEvent = (o: TestObjection, resolvedAt: string) =>
  envelope(o, 'objection.resolved', 2, { status: 'UPHELD', note: '经核实数据无误', resolvedAt });
export const objectionOverdueEvent = (o: TestObjection, at: string) => envelope(o, 'objection.overdue', 2, { status: 'OVERDUE', at });
