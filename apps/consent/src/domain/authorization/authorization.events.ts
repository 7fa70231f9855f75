import type {
  AuthorizationExpiredData, AuthorizationExtendedData, AuthorizationGrantedData, AuthorizationPausedData, AuthorizationRejectedData,
  AuthorizationRequestedData, AuthorizationResumedData, AuthorizationRevokedData, AuthorizationUsedData,
} from '@cfc/contracts';

// The events of one authorisation's stream (authorization-<id>), typed by their contract data (and
// indexable, as libs/eventing's DomainEvent asks).
type Event<Type extends string, Data> = { readonly type: Type; readonly data: Data & Record<string, unknown> };

export type AuthorizationRequested = Event<'authorization.requested', AuthorizationRequestedData>;
export type AuthorizationGranted = Event<'authorization.granted', AuthorizationGrantedData>;
export type AuthorizationRejected = Event<'authorization.rejected', AuthorizationRejectedData>;
export type AuthorizationRevoked = Event<'authorization.revoked', AuthorizationRevokedData>;
export type AuthorizationExtended = Event<'authorization.extended', AuthorizationExtendedData>;
export type AuthorizationPaused = Event<'authorization.paused', AuthorizationPausedData>;
export type AuthorizationResumed = Event<'authorization.resumed', AuthorizationResumedData>;
export type AuthorizationExpired = Event<'authorization.expired', AuthorizationExpiredData>;
export type AuthorizationUsed = Event<'authorization.used', AuthorizationUsedData>;

export type AuthorizationEvent =
  | AuthorizationRequested
  | AuthorizationGranted
  | AuthorizationRejected
  | AuthorizationRevoked
  | AuthorizationExtended
  | AuthorizationPaused
  | AuthorizationResumed
  | AuthorizationExpired
  | AuthorizationUsed;

/** Stream id of one authorisation. */
export function authorizationStreamId(authorizationId: string): string {
  return `authorization-${authorizationId}`;
}

export const DAY_MS = 86_400_000;
/** A request the enterprise has not answered within 7 days expires (issue 10). */
export const ANSWER_WITHIN_DAYS = 7;
/** No authorisation is valid longer than 365 days from its grant, extensions included (CONTRACT.md). */
export const MAX_DAYS_FROM_GRANT = 365;
