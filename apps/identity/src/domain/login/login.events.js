"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loginChallengeStreamId = loginChallengeStreamId;
/** Stream id of one challenge. */
function loginChallengeStreamId(challengeId) {
    return `login-challenge-${challengeId}`;
}
//# sourceMappingURL=login.events.js.map