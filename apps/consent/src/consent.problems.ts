import { ProblemException } from '@cfc/platform';
import { AuthorizationNotFound, RuleViolated, TransitionRefused } from './domain/authorization/authorization.errors';

// Consent's problems and their stable codes: a domain refusal becomes the HTTP answer of the same name.

/** 404 for an unknown authorisation and for someone else's alike. */
export const authorizationNotFound = () => new ProblemException(404, 'AUTHORIZATION_NOT_FOUND', 'Not Found', 'no such authorisation');

/** 422: the enterprise is not registered. */
export const subjectNotFound = () => new ProblemException(422, 'SUBJECT_NOT_FOUND', 'Unprocessable Content', 'no registered enterprise with this USCC');

/** 422: binding ids that are not the enterprise's ACTIVE bindings (unknown, another's, or not active look alike). */
export const accountsNotActive = (ids: readonly string[]) =>
  new ProblemException(422, 'ACCOUNTS_NOT_ACTIVE', 'Unprocessable Content', `not an active binding of this enterprise: ${ids.join(', ')}`, { accounts: [...ids] });

/** Runs a use case, answering the decider's refusals as problems: 409 transitions, 400 rules, 422 no accounts, 404 not found. */
export async function answeringRefusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw problemOf(error);
  }
}

function problemOf(error: unknown): unknown {
  // `authorizationStatus`, not `status`: that member is the HTTP status in RFC 9457.
  if (error instanceof TransitionRefused) return new ProblemException(409, error.code, 'Conflict', error.message, { authorizationStatus: error.status, action: error.action });
  if (error instanceof AuthorizationNotFound) return authorizationNotFound();
  if (error instanceof RuleViolated) {
    if (error.code === 'NO_ACTIVE_ACCOUNTS') return new ProblemException(422, error.code, 'Unprocessable Content', error.message);
    const violations = error.violations.map((v) => ({ rule: v.rule, field: v.field, detail: v.detail }));
    return new ProblemException(400, error.code, 'Bad Request', error.message, violations.length ? { violations } : {});
  }
  return error;
}
