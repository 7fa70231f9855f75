import type { AuthorizationStatus } from './authorization.state';
import type { PurposeRuleViolation } from './purpose-catalogue';

// The decider's refusals. The HTTP layer maps each to a problem with the same stable code.

/** An action the authorisation's status does not allow (409). */
export type TransitionRefusalCode =
  | 'ALREADY_REQUESTED'
  | 'NOT_YET_GRANTED'
  | 'ALREADY_GRANTED'
  | 'ALREADY_PAUSED'
  | 'NOT_PAUSED'
  | 'AUTHORIZATION_REJECTED'
  | 'AUTHORIZATION_REVOKED'
  | 'AUTHORIZATION_EXPIRED';

export type AuthorizationAction = 'grant' | 'reject' | 'revoke' | 'extend' | 'pause' | 'resume';

export class TransitionRefused extends Error {
  override readonly name = 'TransitionRefused';
  constructor(
    readonly code: TransitionRefusalCode,
    readonly action: AuthorizationAction | 'request',
    readonly status: AuthorizationStatus,
  ) {
    super(`cannot ${action} an authorisation that is ${status}`);
  }
}

/** A rule of the request or of an extension (400), or a grant with nothing to cover (422). */
export type RuleCode = PurposeRuleViolation['rule'] | 'EXTENSION_PAST_PURPOSE_LIMIT' | 'EXTENSION_PAST_365_DAYS' | 'NO_ACTIVE_ACCOUNTS';

export class RuleViolated extends Error {
  override readonly name = 'RuleViolated';
  constructor(
    readonly code: RuleCode,
    detail: string,
    readonly violations: readonly PurposeRuleViolation[] = [],
  ) {
    super(detail);
  }
}

/** No such authorisation for this caller: unknown, or someone else's (answered 404, never 403). */
export class AuthorizationNotFound extends Error {
  override readonly name = 'AuthorizationNotFound';
}
