import { objectionResolved, type InboundMessageRejection, type ObjectionResolved } from '@cfc/contracts';
import type { SqlExecutor } from '@cfc/eventing';
import { ObjectionRuleViolation } from '../domain/objection/objection.decider';
import type { ObjectionCommands } from '../objections/objection.commands';
import type { StatisticsStore } from '../statistics/statistics.store';
import type { Refusal } from './inbound.authentication';

export interface PreparedAnswer {
  kind: 'objection-answer';
  answer: ObjectionResolved;
  provider: string;
}

export type AnswerResult = { kind: 'applied'; changed: boolean } | { kind: 'refused'; refusal: Refusal };

/**
 * objection.resolved: the provider's signed answer. CORRECTED needs the named revision of that account-month
 * in the store already (sent before or with the answer); refused answers change nothing and are dead-lettered.
 */
export class ObjectionAnswerIntake {
  constructor(
    private readonly commands: ObjectionCommands,
    private readonly store: StatisticsStore,
  ) {}

  prepare(parsed: unknown, provider: string): PreparedAnswer | Refusal {
    const checked = objectionResolved.validate.check(parsed);
    if (!checked.ok) return { kind: 'refused', reason: 'SCHEMA_VIOLATION', detail: checked.error.message.slice(0, 2000), provider, messageType: 'objection.resolved' };
    if (checked.value.provider !== provider) return { kind: 'refused', reason: 'PROVIDER_MISMATCH', detail: `signed by ${provider}, body names ${checked.value.provider}`, provider, messageType: 'objection.resolved' };
    return { kind: 'objection-answer', answer: checked.value, provider };
  }

  async apply(tx: SqlExecutor, { answer, provider }: PreparedAnswer, correlationId: string): Promise<AnswerResult> {
    const refused = (reason: InboundMessageRejection, detail: string): AnswerResult => ({ kind: 'refused', refusal: { kind: 'refused', reason, detail, provider, messageType: answer.type } });
    const { rows } = await tx.query<{ binding_id: string; period: string; subject: string }>(`SELECT binding_id, period, subject FROM ingestion.objections WHERE objection_id = $1`, [answer.objectionId]);
    const objection = rows[0];
    if (!objection) return refused('UNKNOWN_OBJECTION', `no objection ${answer.objectionId}`);
    const revisionStored = answer.outcome === 'CORRECTED' && answer.correctedRevision !== undefined && (await this.store.hasRevision(tx, objection.binding_id, objection.period, answer.correctedRevision));
    try {
      const events = await this.commands.run(
        answer.objectionId,
        { type: 'ResolveObjection', provider, outcome: answer.outcome, note: answer.note, correctedRevision: answer.correctedRevision, revisionStored },
        { actor: { kind: 'institution', id: provider }, subject: objection.subject, correlationId },
        tx,
      );
      return { kind: 'applied', changed: events.length > 0 };
    } catch (error) {
      if (!(error instanceof ObjectionRuleViolation)) throw error;
      if (error.code === 'OBJECTION_EXISTS') throw error; // not reachable from an answer: a bug
      return refused(error.code, error.message);
    }
  }
}
