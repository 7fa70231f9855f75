import type { AuthorizationCheckRequest, AuthorizationCheckResponse, OnBehalfOf } from '@cfc/contracts';

/**
 * Consent's enforcement check (libs/contracts consent.internal-api): asked before every lender query,
 * with consume: true, so the answer is true at this instant and the query counts against the cap.
 */
export interface ConsentCheck {
  check(authorizationId: string, request: AuthorizationCheckRequest, onBehalf: OnBehalfOf): Promise<AuthorizationCheckResponse>;
}

/** DI token of the ConsentCheck port. */
export const CONSENT_CHECK = Symbol('CONSENT_CHECK');
