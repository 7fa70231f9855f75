import { offsetId, type SqlExecutor } from '@cfc/eventing';
import type { Clock, IncomingMessage } from '@cfc/platform';
import { INGESTION_INBOUND_TYPES } from '../domain/inbound/inbound.types';
import type { IngestionMetrics } from '../ingestion.metrics';
import type { InboundAuthentication, Refusal } from './inbound.authentication';
import type { InboundValue } from './inbound.decoder';
import type { ObjectionAnswerIntake, PreparedAnswer } from './objection-answer.intake';
import type { OutcomeRecorder } from './outcome.recorder';
import type { RecordRejection } from '../domain/statistics/submission.judgement';
import type { PreparedSubmission, StatisticsIntake } from './statistics.intake';

type Prepared = PreparedSubmission | PreparedAnswer | Refusal;

/**
 * The consumer's work on a chunk of inbound messages (one transaction, ConsumerRunner.handleMany): first what
 * needs no database (JSON, signature, schema, records, binding look-ups) for all messages at once, then the
 * writes, message by message in offset order, so that a correction and the answer naming it, in one chunk,
 * are seen in the order they were sent. Every message ends as a stored outcome or a recorded refusal.
 */
export class InboundHandler {
  constructor(
    private readonly authentication: InboundAuthentication,
    private readonly statistics: StatisticsIntake,
    private readonly answers: ObjectionAnswerIntake,
    private readonly recorder: OutcomeRecorder,
    private readonly clock: Clock,
    private readonly metrics: IngestionMetrics,
  ) {}

  async handleMany(items: ReadonlyArray<{ value: InboundValue; message: IncomingMessage }>, tx: SqlExecutor): Promise<void> {
    const now = this.clock.now();
    const prepared = await Promise.all(items.map(({ value, message }) => this.prepare(value, message, now)));
    for (let i = 0; i < items.length; i++) await this.apply(prepared[i], items[i].message, tx, now.toISOString());
  }

  private async prepare(value: InboundValue, message: IncomingMessage, now: Date): Promise<Prepared> {
    const provider = () => this.authentication.claimedProvider(message, value.parsed);
    if (value.parseError !== undefined) return { kind: 'refused', reason: 'INVALID_JSON', detail: `not JSON: ${value.parseError}`.slice(0, 500), provider: await provider() };
    if (value.type === undefined || !INGESTION_INBOUND_TYPES.has(value.type)) {
      return { kind: 'refused', reason: 'UNKNOWN_TYPE', detail: value.type === undefined ? 'no type' : `no CFC service takes type ${value.type.slice(0, 100)}`, provider: await provider(), messageType: value.type };
    }
    const signer = await this.authentication.signer(message, value.parsed, value.type);
    if (!signer.ok) return signer.refusal;
    return value.type === 'statistics.submitted' ? this.statistics.prepare(message, value.parsed, signer.provider, now) : this.answers.prepare(value.parsed, signer.provider);
  }

  private async apply(prepared: Prepared, message: IncomingMessage, tx: SqlExecutor, at: string): Promise<void> {
    const correlationId = offsetId(message);
    switch (prepared.kind) {
      case 'refused':
        return this.refuse(tx, message, prepared, at, correlationId);
      case 'statistics': {
        const result = await this.statistics.apply(tx, prepared, at, correlationId);
        if (result.kind === 'refused') return this.refuse(tx, message, result.refusal, at, correlationId);
        if (result.kind === 'duplicate-message') return this.metrics.message('statistics.submitted', 'duplicate');
        this.metrics.message('statistics.submitted', 'applied');
        this.metrics.records(prepared.provider, result.outcome, result.becameCurrent);
        if (result.outcome.rejections.length > 0) await this.refuse(tx, message, recordsRefused(prepared, result.outcome.rejections), at, correlationId);
        return;
      }
      case 'objection-answer': {
        const result = await this.answers.apply(tx, prepared, correlationId);
        if (result.kind === 'refused') return this.refuse(tx, message, result.refusal, at, correlationId);
        return this.metrics.message('objection.resolved', result.changed ? 'applied' : 'duplicate');
      }
      default: {
        const never: never = prepared;
        throw new Error(`unknown prepared message ${JSON.stringify(never)}`);
      }
    }
  }

  private async refuse(tx: SqlExecutor, message: IncomingMessage, refusal: Refusal, at: string, correlationId: string): Promise<void> {
    await this.recorder.refusal(tx, message, refusal, at, correlationId);
    this.metrics.deadLetter(refusal.reason);
  }
}

/** The dead letter of a message whose records were refused in part or in whole (CONTRACT: unbound accounts, bad figures). */
function recordsRefused(prepared: PreparedSubmission, rejections: readonly RecordRejection[]): Refusal {
  const listed = rejections.slice(0, 50).map((r) => `${r.index} ${r.reason}`).join(', ');
  const more = rejections.length > 50 ? `, and ${rejections.length - 50} more` : '';
  return {
    kind: 'refused',
    reason: 'RECORDS_REFUSED',
    detail: `${rejections.length} of ${prepared.submission.records.length} records refused (index reason): ${listed}${more}`,
    provider: prepared.provider,
    submissionId: prepared.submission.submissionId,
    messageType: prepared.submission.type,
  };
}
