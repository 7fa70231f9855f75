import { ProblemException } from '@cfc/platform';
import type { LoginFailureReason } from '@cfc/contracts';

// The login endpoints' problems, with their stable codes.

/** 400 naming each invalid field, so a user can correct a typo in the USCC or ID number. */
export function invalidFields(errors: { field: string; code: string; message: string }[]): ProblemException {
  return new ProblemException(400, 'VALIDATION_FAILED', 'Bad Request', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
}

/** One generic 401 for any mismatch of USCC, name and ID number: nobody can probe which one differed. */
export function loginFailed(): ProblemException {
  return new ProblemException(401, 'LOGIN_FAILED', 'Unauthorized', 'the enterprise could not be verified with these details');
}

/** 401 for a code that does not log in; the reason helps the challenge's owner and reveals nothing else. */
export function codeRejected(reason: LoginFailureReason | 'UNKNOWN_CHALLENGE'): ProblemException {
  const details: Record<typeof reason, string> = {
    WRONG_CODE: 'the code is wrong',
    EXPIRED: 'the code has expired; request a new one',
    ALREADY_USED: 'the code has already been used; request a new one',
    LOCKED: 'too many wrong codes; request a new one',
    IDENTITY_MISMATCH: 'the enterprise could not be verified with these details',
    UNKNOWN_CHALLENGE: 'no such challenge',
  };
  return new ProblemException(401, 'LOGIN_CODE_REJECTED', 'Unauthorized', details[reason], { reason });
}

/** 429 with the seconds to wait, which the controller also sends as retry-after. */
export function tooManyChallenges(retryAfterSeconds: number): ProblemException {
  return new ProblemException(429, 'RATE_LIMITED', 'Too Many Requests', 'too many login challenges; try again later', { retryAfter: retryAfterSeconds });
}

/** 429 when a challenge already has several code submissions in flight: one at a time is checked. */
export function tooManySubmissions(): ProblemException {
  return new ProblemException(429, 'RATE_LIMITED', 'Too Many Requests', 'too many codes submitted at once for this challenge; try again shortly', { retryAfter: 1 });
}
