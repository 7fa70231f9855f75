"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.invalidFields = invalidFields;
exports.loginFailed = loginFailed;
exports.codeRejected = codeRejected;
exports.tooManyChallenges = tooManyChallenges;
const platform_1 = require("@cfc/platform");
// The login endpoints' problems, with their stable codes.
/** 400 naming each invalid field, so a user can correct a typo in the USCC or ID number. */
function invalidFields(errors) {
    return new platform_1.ProblemException(400, 'VALIDATION_FAILED', 'Bad Request', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
}
/** One generic 401 for any mismatch of USCC, name and ID number: nobody can probe which one differed. */
function loginFailed() {
    return new platform_1.ProblemException(401, 'LOGIN_FAILED', 'Unauthorized', 'the enterprise could not be verified with these details');
}
/** 401 for a code that does not log in; the reason helps the challenge's owner and reveals nothing else. */
function codeRejected(reason) {
    const details = {
        WRONG_CODE: 'the code is wrong',
        EXPIRED: 'the code has expired; request a new one',
        ALREADY_USED: 'the code has already been used; request a new one',
        LOCKED: 'too many wrong codes; request a new one',
        IDENTITY_MISMATCH: 'the enterprise could not be verified with these details',
        UNKNOWN_CHALLENGE: 'no such challenge',
    };
    return new platform_1.ProblemException(401, 'LOGIN_CODE_REJECTED', 'Unauthorized', details[reason], { reason });
}
/** 429 with the seconds to wait, which the controller also sends as retry-after. */
function tooManyChallenges(retryAfterSeconds) {
    return new platform_1.ProblemException(429, 'RATE_LIMITED', 'Too Many Requests', 'too many login challenges; try again later', { retryAfter: retryAfterSeconds });
}
//# sourceMappingURL=login.problems.js.map