import { createHash, timingSafeEqual } from 'node:crypto';
import { ProblemException } from '@cfc/platform';

/** Shortest IDENTITY_OPERATOR_TOKEN accepted at start. */
export const OPERATOR_TOKEN_MIN_LENGTH = 32;

// The operator routes (provider key rotation) decide whose signatures ingestion trusts, so the
// private network alone is not enough: they need IDENTITY_OPERATOR_TOKEN as a bearer token.

/** Throws the problem to answer unless `authorization` carries the configured operator token. */
export function requireOperatorToken(configured: string | undefined, authorization: string | undefined): void {
  if (!configured) throw new ProblemException(403, 'OPERATOR_ROUTES_DISABLED', 'Forbidden', 'operator routes disabled: IDENTITY_OPERATOR_TOKEN is not set');
  const presented = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!presented || !sameSecret(presented, configured)) {
    throw new ProblemException(401, 'UNAUTHENTICATED', 'Unauthorized', 'an operator bearer token is required');
  }
}

/** Start-up check: a configured operator token must be long enough to resist guessing. */
export function checkOperatorToken(configured: string | undefined): void {
  if (configured !== undefined && configured.length < OPERATOR_TOKEN_MIN_LENGTH) {
    throw new Error(`IDENTITY_OPERATOR_TOKEN must be at least ${OPERATOR_TOKEN_MIN_LENGTH} characters`);
  }
}

// Hashing first gives equal-length inputs, so timingSafeEqual reveals neither length nor prefix.
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
