import type { FundAccount, InstitutionId, ObjectionRaisedData, ObjectionResolvedData, ObjectionStatus, Uscc } from '@cfc/contracts';
import type { DecideContext, Decider } from '@cfc/eventing';
import { OBJECTION_ANSWER_MS, type ObjectionEvent } from './objection.events';

export type ObjectionState =
  | { status: 'NONE' }
  | { status: ObjectionStatus; raised: ObjectionRaisedData; resolved?: ObjectionResolvedData; overdueAt?: string };

export type ObjectionCommand =
  | {
      type: 'RaiseObjection';
      objectionId: string;
      binding: { bindingId: string; subject: Uscc; provider: InstitutionId; account: FundAccount };
      period: string;
      fields: string[];
      reason: string;
      disputedRevision: number;
    }
  /** The provider's answer; `revisionStored`: whether correctedRevision of that month is in the store now. */
  | { type: 'ResolveObjection'; provider: InstitutionId; outcome: 'CORRECTED' | 'UPHELD'; note?: string; correctedRevision?: number; revisionStored: boolean }
  | { type: 'MarkOverdue' };

export type ObjectionRuleCode = 'OBJECTION_EXISTS' | 'UNKNOWN_OBJECTION' | 'OBJECTION_OF_ANOTHER_PROVIDER' | 'OBJECTION_NOT_OPEN' | 'CORRECTION_NOT_HIGHER' | 'CORRECTION_NOT_RECEIVED';

/** A command that breaks an objection rule; `code` is stable (dead-letter reasons use it). */
export class ObjectionRuleViolation extends Error {
  override readonly name = 'ObjectionRuleViolation';
  constructor(
    readonly code: ObjectionRuleCode,
    message: string,
  ) {
    super(message);
  }
}

const refuse = (code: ObjectionRuleCode, message: string): never => {
  throw new ObjectionRuleViolation(code, message);
};

/** Open: raised and not answered (SUBMITTED, or OVERDUE once dueBy passed). A late answer still closes it. */
export const isOpen = (status: ObjectionStatus | 'NONE') => status === 'SUBMITTED' || status === 'OVERDUE';

/** The status as of `now`: an unanswered objection is OVERDUE from dueBy on, whether or not the sweep recorded it. */
export function statusAt(recorded: ObjectionStatus, dueBy: string, now: Date): ObjectionStatus {
  return recorded === 'SUBMITTED' && now.getTime() >= Date.parse(dueBy) ? 'OVERDUE' : recorded;
}

function decide(command: ObjectionCommand, state: ObjectionState, { now }: DecideContext): ObjectionEvent[] {
  const at = now.toISOString();
  switch (command.type) {
    case 'RaiseObjection': {
      if (state.status !== 'NONE') refuse('OBJECTION_EXISTS', `objection ${command.objectionId} exists`);
      const { binding } = command;
      const data: ObjectionRaisedData = {
        objectionId: command.objectionId,
        bindingId: binding.bindingId,
        subject: binding.subject,
        provider: binding.provider,
        account: binding.account,
        period: command.period,
        fields: command.fields,
        reason: command.reason,
        disputedRevision: command.disputedRevision,
        status: 'SUBMITTED',
        raisedAt: at,
        dueBy: new Date(now.getTime() + OBJECTION_ANSWER_MS).toISOString(),
      };
      return [{ type: 'objection.raised', data }];
    }
    case 'ResolveObjection': {
      if (state.status === 'NONE') return refuse('UNKNOWN_OBJECTION', 'no such objection');
      const { raised } = state;
      if (raised.provider !== command.provider) refuse('OBJECTION_OF_ANOTHER_PROVIDER', `objection ${raised.objectionId} concerns an account at another provider`);
      if (!isOpen(state.status)) {
        const same = state.resolved?.outcome === command.outcome && state.resolved?.correctedRevision === command.correctedRevision;
        if (same) return []; // the provider's own retry: already recorded, not refused
        refuse('OBJECTION_NOT_OPEN', `objection ${raised.objectionId} was already answered ${state.status}`);
      }
      if (command.outcome === 'CORRECTED') {
        const revision = command.correctedRevision ?? 0;
        if (revision <= raised.disputedRevision) refuse('CORRECTION_NOT_HIGHER', `revision ${revision} is not above the disputed revision ${raised.disputedRevision}`);
        if (!command.revisionStored) refuse('CORRECTION_NOT_RECEIVED', `revision ${revision} of ${raised.period} has not been received for this account`);
      }
      const data: ObjectionResolvedData = {
        objectionId: raised.objectionId,
        bindingId: raised.bindingId,
        subject: raised.subject,
        provider: raised.provider,
        period: raised.period,
        outcome: command.outcome,
        status: command.outcome,
        ...(command.note ? { note: command.note } : {}),
        disputedRevision: raised.disputedRevision,
        ...(command.outcome === 'CORRECTED' ? { correctedRevision: command.correctedRevision } : {}),
        resolvedAt: at,
        dueBy: raised.dueBy,
        late: now.getTime() >= Date.parse(raised.dueBy),
      };
      return [{ type: 'objection.resolved', data }];
    }
    case 'MarkOverdue': {
      if (state.status !== 'SUBMITTED' || now.getTime() < Date.parse(state.raised.dueBy)) return [];
      const { raised } = state;
      return [{
        type: 'objection.overdue',
        data: { objectionId: raised.objectionId, bindingId: raised.bindingId, subject: raised.subject, provider: raised.provider, period: raised.period, status: 'OVERDUE', dueBy: raised.dueBy, overdueAt: at },
      }];
    }
    default: {
      const never: never = command;
      throw new Error(`unknown command ${JSON.stringify(never)}`);
    }
  }
}

function evolve(state: ObjectionState, event: ObjectionEvent): ObjectionState {
  switch (event.type) {
    case 'objection.raised':
      return { status: 'SUBMITTED', raised: event.data };
    case 'objection.resolved':
      return state.status === 'NONE' ? state : { ...state, status: event.data.status, resolved: event.data };
    case 'objection.overdue':
      return state.status === 'NONE' ? state : { ...state, status: 'OVERDUE', overdueAt: event.data.overdueAt };
    default: {
      const never: never = event;
      throw new Error(`unknown event ${JSON.stringify(never)}`);
    }
  }
}

/** An objection (异议) as a decider: raised by the enterprise, answered by the provider, overdue after 20 days. */
export const objectionDecider: Decider<ObjectionCommand, ObjectionEvent, ObjectionState> = {
  initialState: () => ({ status: 'NONE' }),
  evolve,
  decide,
};
