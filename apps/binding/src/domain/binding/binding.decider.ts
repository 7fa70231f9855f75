import type { AcceptedAgreement, BindingStatus, FundAccount, InstitutionId, Uscc } from '@cfc/contracts';
import type { DecideContext, Decider } from '@cfc/eventing';
import { isPastExpiry } from './binding.expiry';
import type { BindingEvent } from './binding.events';

/** What a binding is about; fixed by its request. */
export interface BindingFacts {
  bindingId: string;
  subject: Uscc;
  provider: InstitutionId;
  account: FundAccount;
  agreement: AcceptedAgreement;
  requestedAt: string;
}

export type BindingState = { status: 'NONE' } | { status: BindingStatus; facts: BindingFacts };

export type BindingCommand =
  /** The enterprise asks to bind an account, accepting `agreementVersion`; `currentAgreement` is the one in force now. */
  | { type: 'RequestBinding'; bindingId: string; subject: Uscc; provider: InstitutionId; account: FundAccount; agreementVersion: string; currentAgreement: { version: string; sha256: string } }
  | { type: 'ConfirmBinding'; provider: InstitutionId }
  | { type: 'RejectBinding'; provider: InstitutionId; reason: string }
  | { type: 'EndBinding'; subject: Uscc }
  | { type: 'ExpireBinding' };

export type BindingRuleCode =
  | 'BINDING_EXISTS'
  | 'AGREEMENT_VERSION_NOT_CURRENT'
  | 'UNKNOWN_BINDING'
  | 'NOT_YOUR_BINDING'
  | 'BINDING_OF_ANOTHER_PROVIDER'
  | 'BINDING_NOT_PENDING'
  | 'BINDING_EXPIRED'
  | 'BINDING_ALREADY_ENDED'
  | 'BINDING_NOT_ACTIVE'
  | 'BINDING_NOT_DUE';

/** A command that breaks a binding rule; `code` is stable (HTTP problems and dead-letter reasons use it). */
export class BindingRuleViolation extends Error {
  override readonly name = 'BindingRuleViolation';
  constructor(
    readonly code: BindingRuleCode,
    message: string,
  ) {
    super(message);
  }
}

const refuse = (code: BindingRuleCode, message: string): never => {
  throw new BindingRuleViolation(code, message);
};

export const initialBindingState = (): BindingState => ({ status: 'NONE' });

/** decide(command, state, { now }) -> events, or a BindingRuleViolation. */
export function decideBinding(command: BindingCommand, state: BindingState, { now }: DecideContext): BindingEvent[] {
  const at = now.toISOString();
  if (command.type === 'RequestBinding') {
    if (state.status !== 'NONE') refuse('BINDING_EXISTS', `binding ${command.bindingId} exists`);
    const { currentAgreement: current } = command;
    if (command.agreementVersion !== current.version) refuse('AGREEMENT_VERSION_NOT_CURRENT', `agreement version ${command.agreementVersion} is not the current one (${current.version})`);
    const agreement = { version: current.version, sha256: current.sha256, acceptedAt: at };
    return [{ type: 'binding.requested', data: { bindingId: command.bindingId, subject: command.subject, provider: command.provider, account: command.account, agreement, requestedAt: at } }];
  }
  if (state.status === 'NONE') return refuse('UNKNOWN_BINDING', 'no such binding');
  const { facts } = state;
  const base = { bindingId: facts.bindingId, subject: facts.subject, provider: facts.provider, account: facts.account };
  const timedOut = state.status === 'PENDING_PROVIDER' && isPastExpiry(facts.requestedAt, now);
  switch (command.type) {
    case 'ConfirmBinding':
    case 'RejectBinding': {
      if (command.provider !== facts.provider) refuse('BINDING_OF_ANOTHER_PROVIDER', `binding ${facts.bindingId} asks another provider`);
      const outcome = command.type === 'ConfirmBinding' ? 'ACTIVE' : 'REJECTED';
      if (state.status === outcome) return []; // the same answer again (the provider's own at-least-once): nothing new
      if (timedOut) refuse('BINDING_EXPIRED', `binding ${facts.bindingId} expired unanswered`);
      if (state.status !== 'PENDING_PROVIDER') refuse('BINDING_NOT_PENDING', `binding ${facts.bindingId} is ${state.status}`);
      return command.type === 'ConfirmBinding'
        ? [{ type: 'binding.confirmed', data: { ...base, confirmedAt: at } }]
        : [{ type: 'binding.rejected', data: { ...base, reason: command.reason, rejectedAt: at } }];
    }
    case 'EndBinding':
      if (command.subject !== facts.subject) refuse('NOT_YOUR_BINDING', 'no such binding');
      if (state.status === 'ENDED') refuse('BINDING_ALREADY_ENDED', `binding ${facts.bindingId} was already ended`);
      if (timedOut || (state.status !== 'PENDING_PROVIDER' && state.status !== 'ACTIVE')) refuse('BINDING_NOT_ACTIVE', `binding ${facts.bindingId} is ${timedOut ? 'EXPIRED' : state.status}`);
      return [{ type: 'binding.ended', data: { ...base, endedAt: at } }];
    case 'ExpireBinding':
      if (state.status !== 'PENDING_PROVIDER') return []; // answered, ended or expired meanwhile: nothing to expire
      if (!timedOut) refuse('BINDING_NOT_DUE', `binding ${facts.bindingId} has not reached its 7 days`);
      return [{ type: 'binding.expired', data: { ...base, expiredAt: at } }];
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

/** evolve(state, event) -> state. */
export function evolveBinding(state: BindingState, event: BindingEvent): BindingState {
  switch (event.type) {
    case 'binding.requested': {
      const { bindingId, subject, provider, account, agreement, requestedAt } = event.data;
      return { status: 'PENDING_PROVIDER', facts: { bindingId, subject, provider, account, agreement, requestedAt } };
    }
    case 'binding.confirmed':
      return withStatus(state, 'ACTIVE');
    case 'binding.rejected':
      return withStatus(state, 'REJECTED');
    case 'binding.ended':
      return withStatus(state, 'ENDED');
    case 'binding.expired':
      return withStatus(state, 'EXPIRED');
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

function withStatus(state: BindingState, status: BindingStatus): BindingState {
  return state.status === 'NONE' ? state : { ...state, status };
}

export const bindingDecider: Decider<BindingCommand, BindingEvent, BindingState> = {
  initialState: initialBindingState,
  evolve: evolveBinding,
  decide: decideBinding,
};
