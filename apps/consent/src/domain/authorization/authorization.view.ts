import type { Actor, Product, Purpose, QueryLimit } from '@cfc/contracts';
import type { AuthorizationEvent } from './authorization.events';
import { evolveAuthorization, expiryOf, initialAuthorizationState, statusAt, type Authorization, type AuthorizationStatus } from './authorization.state';
import { queryWindow } from './history-window';

// What the lender and the enterprise see of one authorisation: status now, the request, the granted
// scope, the cap's use, and every change with its time and actor.

export interface HistoryEntry {
  type: string;
  at: string;
  actor: Actor;
  /** The event's own fields (the authorisation, subject and lender are the view's). */
  data: Record<string, unknown>;
}

export interface AuthorizationView {
  id: string;
  subject: string;
  lender: string;
  purpose: Purpose;
  status: AuthorizationStatus;
  request: { products: Product[]; months: number; validDays: number; accounts?: string[]; queryLimit: QueryLimit; requestedAt: string; answerBy: string };
  scope?: { accounts: string[]; products: Product[]; months: number; queryLimit: QueryLimit; grantedAt: string; validUntil: string };
  usage: { queriesCounted: number; queriesInWindow: number; remainingQueries: number };
  history: HistoryEntry[];
}

/** An event as read back, with who caused it and when. */
export type RecordedEvent = AuthorizationEvent & { actor: Actor; occurredAt: string };

const SYSTEM: Actor = { kind: 'system', id: 'consent' };

/** Builds the view from the stream. Queries counted (authorization.used) are summed in `usage`, not listed. */
export function authorizationView(events: readonly RecordedEvent[], now: Date): AuthorizationView {
  const state = events.reduce(evolveAuthorization, initialAuthorizationState());
  if (state.status === 'NONE') throw new Error('an authorisation view needs its authorization.requested event');
  const a = state as Authorization;
  const status = statusAt(a, now);
  const history = events
    .filter((e) => e.type !== 'authorization.used')
    .map((e): HistoryEntry => {
      const { authorizationId: _id, subject: _subject, lender: _lender, ...data } = e.data as unknown as Record<string, unknown>;
      return { type: e.type, at: e.occurredAt, actor: e.actor, data };
    });
  // Expired by the clock but not yet recorded by the sweep: show the expiry as it will be recorded.
  const expiry = expiryOf(a);
  if (status === 'EXPIRED' && expiry) history.push({ type: 'authorization.expired', at: expiry.at, actor: SYSTEM, data: { phase: expiry.phase, expiredAt: expiry.at } });
  const { authorizationId, subject, lender, purpose, products, months, validDays, accounts, queryLimit, requestedAt, answerBy } = a.request;
  const scope = a.scope && { ...a.scope, accounts: [...a.scope.accounts], products: [...a.scope.products] };
  const limit = a.scope?.queryLimit ?? queryLimit;
  const window = queryWindow(a.uses.map((u) => u.usedAt), limit, now);
  return {
    id: authorizationId,
    subject,
    lender,
    purpose,
    status,
    request: { products, months, validDays, ...(accounts ? { accounts } : {}), queryLimit, requestedAt, answerBy },
    ...(scope ? { scope } : {}),
    usage: { queriesCounted: a.uses.length, queriesInWindow: window.used, remainingQueries: window.remaining },
    history,
  };
}
