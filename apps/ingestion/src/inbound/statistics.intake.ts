import { createHash } from 'node:crypto';
import { statisticsSubmitted, type StatisticsRecord, type StatisticsSubmitted } from '@cfc/contracts';
import type { SqlExecutor } from '@cfc/eventing';
import type { IncomingMessage } from '@cfc/platform';
import { checkRecord } from '../domain/statistics/record.checks';
import { attachBindings, highestPerMonth, submissionOutcome, withinMessage, type Candidate, type RecordRejection, type SubmissionOutcome } from '../domain/statistics/submission.judgement';
import type { BindingDirectory } from '../ports/binding-directory';
import { untilAnswered, type Patience } from '../ports/until-answered';
import type { StatisticsStore, SubmissionMeta } from '../statistics/statistics.store';
import type { Refusal } from './inbound.authentication';
import type { OutcomeRecorder } from './outcome.recorder';

/** A signed statistics.submitted with its records judged and their bindings resolved: ready to write. */
export interface PreparedSubmission {
  kind: 'statistics';
  submission: StatisticsSubmitted;
  provider: string;
  contentSha256: string;
  candidates: Candidate[];
  rejections: RecordRejection[];
}

/** What the intake reports back per message (metrics, tests). */
export type SubmissionResult =
  | { kind: 'applied'; outcome: SubmissionOutcome; becameCurrent: number }
  | { kind: 'duplicate-message' }
  | { kind: 'refused'; refusal: Refusal };

/** statistics.submitted: everything that needs no transaction first (schema, records, bindings), then the writes. */
export class StatisticsIntake {
  constructor(
    private readonly bindings: BindingDirectory,
    private readonly store: StatisticsStore,
    private readonly recorder: OutcomeRecorder,
    private readonly patience: Patience,
  ) {}

  /** Judges a message signed by `provider` at `now`; one resolve call for all its valid records. */
  async prepare(message: IncomingMessage, parsed: unknown, provider: string, now: Date): Promise<PreparedSubmission | Refusal> {
    const checked = statisticsSubmitted.validate.check(parsed);
    if (!checked.ok) return { kind: 'refused', reason: 'SCHEMA_VIOLATION', detail: checked.error.message.slice(0, 2000), provider, messageType: 'statistics.submitted', ...submissionIdOf(parsed) };
    const submission = checked.value;
    if (submission.provider !== provider) return { kind: 'refused', reason: 'PROVIDER_MISMATCH', detail: `signed by ${provider}, body names ${submission.provider}`, provider, submissionId: submission.submissionId, messageType: submission.type };
    const valid: Array<{ index: number; record: StatisticsRecord }> = [];
    const rejections: RecordRejection[] = [];
    submission.records.forEach((raw, index) => {
      const result = checkRecord(raw, now);
      if (result.ok) valid.push({ index, record: result.record });
      else rejections.push({ index, reason: result.reason, detail: result.detail });
    });
    const resolved = valid.length === 0 ? [] : await untilAnswered('binding (resolve)', () => this.bindings.resolve({ provider, accounts: valid.map(({ record }) => ({ subject: record.subject, ...record.account })) }), this.patience);
    const attached = attachBindings(valid, resolved);
    return {
      kind: 'statistics',
      submission,
      provider,
      contentSha256: createHash('sha256').update(message.value ?? Buffer.alloc(0)).digest('hex'),
      candidates: attached.candidates,
      rejections: [...rejections, ...attached.rejections],
    };
  }

  /** Claims the submissionId and writes the revisions and the outcome events, in `tx`. */
  async apply(tx: SqlExecutor, prepared: PreparedSubmission, receivedAt: string, correlationId: string): Promise<SubmissionResult> {
    const { submission, provider } = prepared;
    const meta: SubmissionMeta = { submissionId: submission.submissionId, provider, receivedAt };
    const claim = await this.store.claim(tx, meta, prepared.contentSha256, submission.records.length);
    if (claim === 'SAME_CONTENT') return { kind: 'duplicate-message' };
    if (claim === 'OTHER_CONTENT') {
      return { kind: 'refused', refusal: { kind: 'refused', reason: 'REPLAYED_SUBMISSION', detail: `submissionId ${submission.submissionId} was used before for a message with other content`, provider, submissionId: submission.submissionId, messageType: submission.type } };
    }
    const inMessage = withinMessage(prepared.candidates);
    const answers = await this.store.storeRevisions(tx, inMessage.unique, meta);
    const outcome = submissionOutcome({ unique: inMessage.unique, answers, duplicatesInMessage: inMessage.duplicates, rejections: [...prepared.rejections, ...inMessage.rejections] });
    const becameCurrent = await this.store.advanceCurrent(tx, highestPerMonth(outcome.stored), meta);
    await this.recorder.submission(tx, meta, outcome, correlationId);
    await this.store.recordCounts(tx, meta.submissionId, { stored: outcome.stored.length, duplicate: outcome.duplicateRecords, rejected: outcome.rejections.length });
    return { kind: 'applied', outcome, becameCurrent };
  }
}

// A message that breaks the schema may still carry a well-formed submissionId: the provider is told which.
function submissionIdOf(parsed: unknown): { submissionId?: string } {
  const id = typeof parsed === 'object' && parsed !== null ? (parsed as { submissionId?: unknown }).submissionId : undefined;
  return typeof id === 'string' && /^[0-9a-fA-F-]{36}$/.test(id) ? { submissionId: id } : {};
}
