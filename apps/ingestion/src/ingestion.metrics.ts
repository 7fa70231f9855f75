import { MetricsRegistry } from '@cfc/eventing';
import type { SubmissionOutcome } from './domain/statistics/submission.judgement';

/** Ingestion's own Prometheus figures (beside the consumer's, relay's and forwarder's), on GET /metrics. */
export class IngestionMetrics {
  constructor(readonly registry: MetricsRegistry = new MetricsRegistry()) {}

  /** One provider message finished: applied, a duplicate of one already handled (a no-op). Refusals count as dead letters. */
  message(type: string, outcome: 'applied' | 'duplicate'): void {
    this.registry.counter('cfc_ingestion_messages_total', 'Provider messages handled, by type and outcome').inc({ type, outcome });
  }

  /** The records of one applied submission, by outcome, and refusals by reason. */
  records(provider: string, outcome: SubmissionOutcome, becameCurrent: number): void {
    const records = this.registry.counter('cfc_ingestion_records_total', 'Statistics records by provider and outcome (stored: a new revision; current: it became the highest; duplicate: already stored, acknowledged; rejected)');
    records.inc({ provider, outcome: 'stored' }, outcome.stored.length);
    records.inc({ provider, outcome: 'current' }, becameCurrent);
    records.inc({ provider, outcome: 'duplicate' }, outcome.duplicateRecords);
    records.inc({ provider, outcome: 'rejected' }, outcome.rejections.length);
    const reasons = this.registry.counter('cfc_ingestion_records_rejected_total', 'Refused statistics records by provider and reason');
    for (const r of outcome.rejections) reasons.inc({ provider, reason: r.reason });
  }

  deadLetter(reason: string): void {
    this.registry.counter('cfc_ingestion_dead_letters_total', 'Provider messages refused as a whole (dead-lettered), by reason').inc({ reason });
  }

  /** A dependency (binding, identity) did not answer and the inbound partition waited. */
  dependencyWait(what: string): void {
    this.registry.counter('cfc_ingestion_dependency_waits_total', 'Failed calls to binding or identity that the inbound consumer waited out').inc({ dependency: what });
  }

  render(): string {
    return this.registry.render();
  }
}
