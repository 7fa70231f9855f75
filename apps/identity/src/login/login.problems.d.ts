import { ProblemException } from '@cfc/platform';
import type { LoginFailureReason } from '@cfc/contracts';
/** 400 naming each invalid field, so a user can correct a typo in the USCC or ID number. */
export declare function invalidFields(errors: {
    field: string;
    code: string;
    message: string;
}[]): ProblemException;
/** One generic 401 for any mismatch of USCC, name and ID number: nobody can probe which one differed. */
export declare function loginFailed(): ProblemException;
/** 401 for a code that does not log in; the reason helps the challenge's owner and reveals nothing else. */
export declare function codeRejected(reason: LoginFailureReason | 'UNKNOWN_CHALLENGE'): ProblemException;
/** 429 with the seconds to wait, which the controller also sends as retry-after. */
export declare function tooManyChallenges(retryAfterSeconds: number): ProblemException;
