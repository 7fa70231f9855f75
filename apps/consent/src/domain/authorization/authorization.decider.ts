import type { AuthorizationCheckRequest, InstitutionId, Product, Purpose, QueryLimit, Uscc } from '@cfc/contracts';
import { ANSWER_WITHIN_DAYS, DAY_MS, MAX_DAYS_FROM_GRANT, type AuthorizationEvent } from './authorization.events';
import { AuthorizationNotFound, RuleViolated, TransitionRefused, type AuthorizationAction, type TransitionRefusalCode } from './authorization.errors';
import { evolveAuthorization, expiryOf, initialAuthorizationState, statusAt, type Authorization, type AuthorizationState, type AuthorizationStatus } from './authorization.state';
import { evaluateCheck } from './check';
import { purposeViolations, templateOf } from './purpose-catalogue';

// The authorisation's lifecycle as a pure decider: decide(command, state, { now }) -> events.

export type AuthorizationCommand =
  | {
      type: 'RequestAuthorization';
      authorizationId: string;
      subject: Uscc;
      lender: InstitutionId;
      purpose: Purpose;
      products: Product[];
      months: number;
      validDays: number;
      accounts?: string[];
      queryLimit?: QueryLimit;
    }
  /** `accounts`: the enterprise's own bindings, ACTIVE now (resolved by the caller from binding). */
  | { type: 'GrantAuthorization'; by: Uscc; accounts: string[] }
  | { type: 'RejectAuthorization'; by: Uscc }
  | { type: 'RevokeAuthorization'; by: Uscc }
  | { type: 'ExtendAuthorization'; by: Uscc; addAccounts: string[]; extendDays: number }
  | { type: 'PauseAuthorization'; by: Uscc }
  | { type: 'ResumeAuthorization'; by: Uscc }
  /** The sweep records an expiry that the clock has already decided. */
  | { type: 'RecordExpiry' }
  /** An allowed, consuming check counts its query. */
  | { type: 'RecordUse'; check: Pick<AuthorizationCheckRequest, 'lender' | 'product' | 'accounts' | 'queryId'>; activeBindings: ReadonlySet<string> };

/** Which statuses (at the instant) allow each enterprise action. */
const ALLOWED: Record<AuthorizationAction, readonly AuthorizationStatus[]> = {
  grant: ['PENDING'],
  reject: ['PENDING'],
  revoke: ['ACTIVE', 'PAUSED'],
  extend: ['ACTIVE', 'PAUSED'],
  pause: ['ACTIVE'],
  resume: ['PAUSED'],
};

function refusalCode(action: AuthorizationAction, status: AuthorizationStatus): TransitionRefusalCode {
  switch (status) {
    case 'PENDING':
      return 'NOT_YET_GRANTED';
    case 'ACTIVE':
      return action === 'resume' ? 'NOT_PAUSED' : 'ALREADY_GRANTED';
    case 'PAUSED':
      return action === 'pause' ? 'ALREADY_PAUSED' : 'ALREADY_GRANTED';
    case 'REJECTED':
      return 'AUTHORIZATION_REJECTED';
    case 'REVOKED':
      return 'AUTHORIZATION_REVOKED';
    case 'EXPIRED':
      return 'AUTHORIZATION_EXPIRED';
    default: {
      const unknown: never = status;
      throw new Error(`unknown status ${String(unknown)}`);
    }
  }
}

const plusDays = (at: string | Date, days: number) => new Date(new Date(at).getTime() + days * DAY_MS).toISOString();

/** The enterprise's authorisation in a state that allows `action` now, else the refusal (callers check before asking other services). */
export function authorizationFor(state: AuthorizationState, by: Uscc, action: AuthorizationAction, now: Date): Authorization {
  if (state.status === 'NONE' || state.request.subject !== by) throw new AuthorizationNotFound('no such authorisation');
  const status = statusAt(state, now);
  if (!ALLOWED[action].includes(status)) throw new TransitionRefused(refusalCode(action, status), action, status);
  return state;
}

/** decide(command, state, { now }) -> events; throws TransitionRefused, RuleViolated or AuthorizationNotFound. */
export function decideAuthorization(command: AuthorizationCommand, state: AuthorizationState, { now }: { now: Date }): AuthorizationEvent[] {
  const at = now.toISOString();
  const ref = (s: Authorization) => ({ authorizationId: s.request.authorizationId, subject: s.request.subject, lender: s.request.lender });
  switch (command.type) {
    case 'RequestAuthorization': {
      if (state.status !== 'NONE') throw new TransitionRefused('ALREADY_REQUESTED', 'request', state.status);
      const violations = purposeViolations(command);
      if (violations.length > 0) throw new RuleViolated(violations[0].rule, violations.map((v) => v.detail).join('; '), violations);
      const { type: _type, queryLimit, accounts, ...request } = command;
      return [{
        type: 'authorization.requested',
        data: { ...request, ...(accounts ? { accounts } : {}), queryLimit: queryLimit ?? templateOf(command.purpose).queryLimit, requestedAt: at, answerBy: plusDays(now, ANSWER_WITHIN_DAYS) },
      }];
    }
    case 'GrantAuthorization': {
      const s = authorizationFor(state, command.by, 'grant', now);
      const accounts = [...new Set(command.accounts)];
      if (accounts.length === 0) throw new RuleViolated('NO_ACTIVE_ACCOUNTS', 'a grant must cover at least one active binding');
      const { products, months, validDays, queryLimit } = s.request;
      return [{ type: 'authorization.granted', data: { ...ref(s), accounts, products, months, validUntil: plusDays(now, validDays), queryLimit, grantedAt: at } }];
    }
    case 'RejectAuthorization':
      return [{ type: 'authorization.rejected', data: { ...ref(authorizationFor(state, command.by, 'reject', now)), rejectedAt: at } }];
    case 'RevokeAuthorization':
      return [{ type: 'authorization.revoked', data: { ...ref(authorizationFor(state, command.by, 'revoke', now)), revokedAt: at } }];
    case 'PauseAuthorization':
      return [{ type: 'authorization.paused', data: { ...ref(authorizationFor(state, command.by, 'pause', now)), pausedAt: at } }];
    case 'ResumeAuthorization':
      return [{ type: 'authorization.resumed', data: { ...ref(authorizationFor(state, command.by, 'resume', now)), resumedAt: at } }];
    case 'ExtendAuthorization': {
      const s = authorizationFor(state, command.by, 'extend', now);
      const scope = s.scope!;
      const addedAccounts = [...new Set(command.addAccounts)].filter((a) => !scope.accounts.includes(a));
      if (addedAccounts.length === 0 && command.extendDays === 0) return []; // nothing new: a retried extension
      const validUntil = plusDays(scope.validUntil, command.extendDays);
      const purposeLimit = plusDays(scope.grantedAt, templateOf(s.request.purpose).maxValidDays);
      if (validUntil > plusDays(scope.grantedAt, MAX_DAYS_FROM_GRANT)) throw new RuleViolated('EXTENSION_PAST_365_DAYS', `an authorisation ends at most ${MAX_DAYS_FROM_GRANT} days after its grant`);
      if (validUntil > purposeLimit) throw new RuleViolated('EXTENSION_PAST_PURPOSE_LIMIT', `${s.request.purpose} authorisations end at most ${templateOf(s.request.purpose).maxValidDays} days after the grant (${purposeLimit})`);
      return [{ type: 'authorization.extended', data: { ...ref(s), addedAccounts, validUntil, extendedAt: at } }];
    }
    case 'RecordExpiry': {
      if (state.status === 'NONE') return [];
      const expiry = expiryOf(state);
      if (!expiry || statusAt(state, now) !== 'EXPIRED') return [];
      return [{ type: 'authorization.expired', data: { ...ref(state), phase: expiry.phase, expiredAt: expiry.at } }];
    }
    case 'RecordUse': {
      const decision = evaluateCheck(state, command.check, { now, activeBindings: command.activeBindings });
      if (!decision.allowed || decision.alreadyCounted) return [];
      return [{ type: 'authorization.used', data: { ...ref(state as Authorization), product: command.check.product, queryId: command.check.queryId, usedAt: at } }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

/** The decider as libs/eventing's CommandHandler takes it. */
export const authorizationDecider = {
  initialState: initialAuthorizationState,
  evolve: evolveAuthorization,
  decide: decideAuthorization,
};
