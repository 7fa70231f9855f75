import { randomUUID } from 'node:crypto';
import type { ProviderMessageDeadLetteredData, StatisticsAcceptedData, SubmissionAcceptedData, SubmissionRejectedData } from '@cfc/contracts';
import type { DomainEvent, PostgresEventStore, SqlExecutor } from '@cfc/eventing';
import type { IncomingMessage } from '@cfc/platform';
import type { SubmissionOutcome } from '../domain/statistics/submission.judgement';
import type { SubmissionMeta } from '../statistics/statistics.store';
import type { Refusal } from './inbound.authentication';

/**
 * Writes the outcome of a provider message as events (the outbox: the relay publishes, the forwarder tells the
 * provider and fills the dead-letter topic), in the consumer's transaction with everything else it changed.
 */
export class OutcomeRecorder {
  constructor(private readonly store: PostgresEventStore) {}

  /** statistics.accepted (the records stored), submission.accepted (records now in the store), submission.rejected (records refused). */
  async submission(tx: SqlExecutor, meta: SubmissionMeta, outcome: SubmissionOutcome, correlationId: string): Promise<void> {
    const { submissionId, provider, receivedAt: at } = meta;
    const events: DomainEvent[] = [];
    if (outcome.stored.length > 0) {
      const data: StatisticsAcceptedData = { submissionId, provider, acceptedAt: at, records: outcome.stored.map((c) => c.record) };
      events.push({ type: 'statistics.accepted', data });
    }
    if (outcome.acceptedRecords > 0) {
      const data: SubmissionAcceptedData = { submissionId, provider, acceptedRecords: outcome.acceptedRecords, storedRecords: outcome.stored.length, duplicateRecords: outcome.duplicateRecords, at };
      events.push({ type: 'submission.accepted', data });
    }
    if (outcome.rejections.length > 0) {
      const records = outcome.rejections.map((r) => ({ index: r.index, reason: r.reason, ...(r.detail ? { detail: r.detail.slice(0, 500) } : {}) }));
      const data: SubmissionRejectedData = { submissionId, provider, records, at };
      events.push({ type: 'submission.rejected', data });
    }
    await this.store.append(`submission-${submissionId}`, 0, events, { actor: { kind: 'institution', id: provider }, correlationId }, tx);
  }

  /** A whole-message refusal: counted for the regulator, and its raw bytes, headers and reason on their way to the dead-letter topic. */
  async refusal(tx: SqlExecutor, message: IncomingMessage, refusal: Refusal, at: string, correlationId: string): Promise<void> {
    const id = randomUUID();
    await tx.query(`INSERT INTO ingestion.dead_letters (dead_letter_id, provider, reason, message_type, received_at) VALUES ($1, $2, $3, $4, $5)`, [id, refusal.provider ?? null, refusal.reason, refusal.messageType?.slice(0, 100) ?? null, at], 'ingestion_dead_letter');
    const data: ProviderMessageDeadLetteredData = {
      reason: refusal.reason,
      detail: refusal.detail.slice(0, 2000),
      ...(refusal.provider ? { provider: refusal.provider } : {}),
      ...(refusal.submissionId ? { submissionId: refusal.submissionId } : {}),
      ...(refusal.messageType ? { messageType: refusal.messageType.slice(0, 100) } : {}),
      origin: { topic: message.topic, partition: message.partition, offset: message.offset, timestamp: message.timestamp },
      key: message.key,
      headers: message.headers,
      valueBase64: (message.value ?? Buffer.alloc(0)).toString('base64'),
      at,
    };
    const actor = refusal.provider ? { kind: 'institution' as const, id: refusal.provider } : { kind: 'system' as const, id: 'ingestion' };
    await this.store.append(`inbound-${id}`, 0, [{ type: 'provider-message.dead-lettered', data }], { actor, correlationId }, tx);
  }
}
