import type { AuthorizationCheckRequest, AuthorizationRefusal } from '@cfc/contracts';
import { statusAt, type Authorization, type AuthorizationState } from './authorization.state';
import { historyWindow, queryWindow } from './history-window';

// The enforcement check, decided on the stream's state at this instant and the bindings ACTIVE now.

export type CheckDecision =
  | {
      allowed: true;
      accounts: string[];
      period: { from: string; to: string; months: number };
      validUntil: string;
      /** Queries left in the window before this one is counted. */
      remainingBefore: number;
      /** The same queryId was counted already: answer yes again, count nothing. */
      alreadyCounted: boolean;
    }
  | { allowed: false; reason: AuthorizationRefusal; detail: string; retryAfterSeconds?: number };

type Refusal = Extract<CheckDecision, { allowed: false }>;
const refuse = (reason: AuthorizationRefusal, detail: string, retryAfterSeconds?: number): Refusal => ({ allowed: false, reason, detail, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });

/**
 * What can be refused without asking binding (unknown, another lender's, not active, product, accounts
 * outside the grant), else the binding ids whose status decides the rest.
 */
export function checkBeforeBindings(state: AuthorizationState, request: Pick<AuthorizationCheckRequest, 'lender' | 'product' | 'accounts'>, now: Date): Refusal | { accountsToVerify: string[] } {
  // Unknown and another lender's look the same: the caller learns nothing about others' authorisations.
  if (state.status === 'NONE' || state.request.lender !== request.lender) return refuse('NOT_YOURS', 'no such authorisation for this lender');
  const status = statusAt(state, now);
  if (status === 'EXPIRED') return refuse('EXPIRED', 'the authorisation has expired');
  if (status === 'PAUSED') return refuse('PAUSED', 'the enterprise has paused the authorisation');
  if (status !== 'ACTIVE') return refuse('NOT_ACTIVE', `the authorisation is ${status}`);
  const scope = state.scope!;
  if (!scope.products.includes(request.product)) return refuse('PRODUCT_NOT_COVERED', `the authorisation does not cover ${request.product}`);
  const outside = (request.accounts ?? []).filter((a) => !scope.accounts.includes(a));
  if (outside.length > 0) return refuse('ACCOUNT_NOT_COVERED', `not covered: ${outside.join(', ')}`);
  return { accountsToVerify: [...(request.accounts ?? scope.accounts)] };
}

/** The whole check; `activeBindings` are the binding ids that are the subject's and ACTIVE right now. */
export function evaluateCheck(state: AuthorizationState, request: Pick<AuthorizationCheckRequest, 'lender' | 'product' | 'accounts' | 'queryId'>, context: { now: Date; activeBindings: ReadonlySet<string> }): CheckDecision {
  const before = checkBeforeBindings(state, request, context.now);
  if ('allowed' in before) return before;
  const authorization = state as Authorization;
  const scope = authorization.scope!;
  const accounts = before.accountsToVerify.filter((a) => context.activeBindings.has(a));
  if (request.accounts) {
    const unbound = request.accounts.filter((a) => !context.activeBindings.has(a));
    if (unbound.length > 0) return refuse('ACCOUNT_UNBOUND', `no longer bound: ${unbound.join(', ')}`);
  } else if (accounts.length === 0) {
    return refuse('ACCOUNT_UNBOUND', 'none of the covered accounts is bound any more');
  }
  const alreadyCounted = authorization.uses.some((u) => u.queryId === request.queryId);
  const window = queryWindow(authorization.uses.map((u) => u.usedAt), scope.queryLimit, context.now);
  if (!alreadyCounted && window.remaining === 0) {
    return refuse('QUERY_LIMIT_REACHED', `at most ${scope.queryLimit.count} queries in ${scope.queryLimit.perDays} day(s)`, window.retryAfterSeconds);
  }
  return { allowed: true, accounts, period: historyWindow(scope.months, context.now), validUntil: scope.validUntil, remainingBefore: window.remaining, alreadyCounted };
}
