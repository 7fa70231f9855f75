import { DECLARATION_TEXT_MAX_CHARACTERS, subjectTextProblem, type DeclarationScopeFields, type SubjectTextProblem } from '@cfc/contracts';
import { periodProblem } from './declaration-period';
import type { DeclarationEvent } from './declaration.events';

// A declaration (声明) is the enterprise's own statement printed in every report whose scope it touches:
// the whole report, one binding, or one month of one binding. It can be withdrawn, never changed or
// erased. That a binding is the enterprise's own and active is asked of binding before this runs.
export type DeclarationState = { status: 'NONE' } | ({ status: 'ACTIVE' | 'WITHDRAWN'; declarationId: string; uscc: string } & DeclarationScopeFields);

export type DeclarationCommand =
  | { type: 'MakeDeclaration'; declarationId: string; uscc: string; text: string; bindingId?: string; period?: string; now: Date }
  | { type: 'WithdrawDeclaration'; uscc: string; now: Date };

export type DeclarationRule = 'DECLARATION_EXISTS' | 'DECLARATION_NOT_FOUND' | 'DECLARATION_ALREADY_WITHDRAWN' | 'PERIOD_WITHOUT_BINDING' | 'PERIOD_FORMAT' | 'PERIOD_IN_FUTURE' | SubjectTextProblem;

export class DeclarationRuleViolation extends Error {
  constructor(readonly rule: DeclarationRule) {
    super(rule);
  }
}

export const initialDeclarationState = (): DeclarationState => ({ status: 'NONE' });

/** The scope a declaration's fields name; throws for a month without a binding or a month that is not one. */
export function scopeOf(bindingId: string | undefined, period: string | undefined, now: Date): DeclarationScopeFields {
  if (period !== undefined) {
    if (bindingId === undefined) throw new DeclarationRuleViolation('PERIOD_WITHOUT_BINDING');
    const problem = periodProblem(period, now);
    if (problem) throw new DeclarationRuleViolation(problem);
    return { scope: 'MONTH', bindingId, period };
  }
  return bindingId === undefined ? { scope: 'REPORT' } : { scope: 'ACCOUNT', bindingId };
}

const scopeFields = (s: DeclarationScopeFields): DeclarationScopeFields => ({ scope: s.scope, ...(s.bindingId === undefined ? {} : { bindingId: s.bindingId }), ...(s.period === undefined ? {} : { period: s.period }) });

/** decide(command, state) -> events; throws DeclarationRuleViolation when the command breaks a rule. */
export function decideDeclaration(command: DeclarationCommand, state: DeclarationState): DeclarationEvent[] {
  switch (command.type) {
    case 'MakeDeclaration': {
      if (state.status !== 'NONE') throw new DeclarationRuleViolation('DECLARATION_EXISTS');
      const textProblem = subjectTextProblem(command.text, DECLARATION_TEXT_MAX_CHARACTERS);
      if (textProblem) throw new DeclarationRuleViolation(textProblem);
      const scope = scopeOf(command.bindingId, command.period, command.now);
      return [{ type: 'declaration.made', data: { declarationId: command.declarationId, uscc: command.uscc, text: command.text, ...scope, madeAt: command.now.toISOString() } }];
    }
    case 'WithdrawDeclaration':
      // Someone else's declaration is as good as none: its existence is not revealed.
      if (state.status === 'NONE' || state.uscc !== command.uscc) throw new DeclarationRuleViolation('DECLARATION_NOT_FOUND');
      if (state.status === 'WITHDRAWN') throw new DeclarationRuleViolation('DECLARATION_ALREADY_WITHDRAWN');
      return [{ type: 'declaration.withdrawn', data: { declarationId: state.declarationId, uscc: state.uscc, ...scopeFields(state), withdrawnAt: command.now.toISOString() } }];
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

/** evolve(state, event) -> state. */
export function evolveDeclaration(state: DeclarationState, event: DeclarationEvent): DeclarationState {
  switch (event.type) {
    case 'declaration.made':
      return { status: 'ACTIVE', declarationId: event.data.declarationId, uscc: event.data.uscc, ...scopeFields(event.data) };
    case 'declaration.withdrawn':
      return state.status === 'NONE' ? state : { ...state, status: 'WITHDRAWN' };
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}
