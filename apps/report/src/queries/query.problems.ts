import type { AuthorizationRefusal } from '@cfc/contracts';
import { ProblemException } from '@cfc/platform';

const TITLES: Record<AuthorizationRefusal, string> = {
  NOT_ACTIVE: 'the authorisation is not active',
  EXPIRED: 'the authorisation has expired',
  PAUSED: 'the enterprise has paused the authorisation',
  NOT_YOURS: 'the authorisation was not granted to this lender',
  PRODUCT_NOT_COVERED: 'the authorisation does not cover this product',
  ACCOUNT_NOT_COVERED: 'the authorisation does not cover an account asked for',
  ACCOUNT_UNBOUND: 'an authorised account is no longer bound',
  QUERY_LIMIT_REACHED: 'the query limit of the authorisation is reached',
};

/** The problem a refused query answers: 403 with consent's reason as code, 429 (with retryAfter) for the cap. */
export function refusalProblem(reason: AuthorizationRefusal, detail: string | undefined, retryAfterSeconds?: number): ProblemException {
  if (reason === 'QUERY_LIMIT_REACHED') {
    return new ProblemException(429, reason, 'Too Many Requests', detail ?? TITLES[reason], { retryAfter: Math.max(1, Math.ceil(retryAfterSeconds ?? 60)) });
  }
  return new ProblemException(403, reason, 'Forbidden', detail ?? TITLES[reason]);
}

export const noActiveBindings = () => new ProblemException(409, 'NO_ACTIVE_BINDINGS', 'Conflict', 'the enterprise has no active binding: bind a fund account first');

/** Consent's answer contradicted the request (another lender, product or subject): nothing is disclosed. */
export const inconsistentAnswer = (what: string) => new ProblemException(502, 'CONSENT_ANSWER_INCONSISTENT', 'Bad Gateway', `the consent check answered for another ${what}`);
