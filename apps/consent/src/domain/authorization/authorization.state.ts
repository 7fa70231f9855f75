import type { AuthorizationRequestedData, Product, QueryLimit } from '@cfc/contracts';
import type { AuthorizationEvent } from './authorization.events';

// State is the fold of the stream. The stored status changes only by events; the status *now* also
// compares the clock (a request unanswered by answerBy, a grant past validUntil, are EXPIRED at once).

export type AuthorizationStatus = 'PENDING' | 'ACTIVE' | 'PAUSED' | 'REJECTED' | 'REVOKED' | 'EXPIRED';
export const AUTHORIZATION_STATUSES: readonly AuthorizationStatus[] = ['PENDING', 'ACTIVE', 'PAUSED', 'REJECTED', 'REVOKED', 'EXPIRED'];

/** What the enterprise granted: the scope every check is held to. */
export interface GrantedScope {
  accounts: readonly string[];
  products: readonly Product[];
  months: number;
  queryLimit: QueryLimit;
  grantedAt: string;
  validUntil: string;
}

/** One query counted against the cap. */
export interface CountedUse {
  queryId: string;
  usedAt: string;
}

export interface Authorization {
  status: AuthorizationStatus;
  request: AuthorizationRequestedData;
  scope?: GrantedScope;
  uses: readonly CountedUse[];
}

export type AuthorizationState = { status: 'NONE' } | Authorization;

export const initialAuthorizationState = (): AuthorizationState => ({ status: 'NONE' });

/** evolve(state, event) -> state. */
export function evolveAuthorization(state: AuthorizationState, event: AuthorizationEvent): AuthorizationState {
  if (event.type === 'authorization.requested') return { status: 'PENDING', request: event.data, uses: [] };
  if (state.status === 'NONE') throw new Error(`${event.type} before authorization.requested`);
  switch (event.type) {
    case 'authorization.granted': {
      const { accounts, products, months, queryLimit, grantedAt, validUntil } = event.data;
      return { ...state, status: 'ACTIVE', scope: { accounts, products, months, queryLimit, grantedAt, validUntil } };
    }
    case 'authorization.rejected':
      return { ...state, status: 'REJECTED' };
    case 'authorization.revoked':
      return { ...state, status: 'REVOKED' };
    case 'authorization.extended': {
      const scope = state.scope!;
      return { ...state, scope: { ...scope, accounts: [...scope.accounts, ...event.data.addedAccounts], validUntil: event.data.validUntil } };
    }
    case 'authorization.paused':
      return { ...state, status: 'PAUSED' };
    case 'authorization.resumed':
      return { ...state, status: 'ACTIVE' };
    case 'authorization.expired':
      return { ...state, status: 'EXPIRED' };
    case 'authorization.used':
      return { ...state, uses: [...state.uses, { queryId: event.data.queryId, usedAt: event.data.usedAt }] };
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

/** When this authorisation expires (or expired) if nothing else happens, and which phase that ends. */
export function expiryOf(state: Authorization): { phase: 'REQUEST' | 'GRANT'; at: string } | undefined {
  switch (state.status) {
    case 'PENDING':
      return { phase: 'REQUEST', at: state.request.answerBy };
    case 'ACTIVE':
    case 'PAUSED':
      return { phase: 'GRANT', at: state.scope!.validUntil };
    case 'REJECTED':
    case 'REVOKED':
    case 'EXPIRED':
      return undefined;
    default: {
      const unknown: never = state.status;
      throw new Error(`unknown status ${String(unknown)}`);
    }
  }
}

/** The status at `now`: the stored one, or EXPIRED once its expiry instant has come. */
export function statusAt(state: Authorization, now: Date): AuthorizationStatus {
  const expiry = expiryOf(state);
  return expiry && now.getTime() >= Date.parse(expiry.at) ? 'EXPIRED' : state.status;
}
