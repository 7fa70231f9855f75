"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.initialLoginChallengeState = exports.MAX_WRONG_CODES = exports.CODE_TTL_MS = void 0;
exports.decideLoginChallenge = decideLoginChallenge;
exports.evolveLoginChallenge = evolveLoginChallenge;
const constant_time_equal_1 = require("../constant-time-equal");
// A challenge is the only way into a data account: one code, valid for a short time, usable once,
// locked after too many wrong guesses. Time, ids and code hashes arrive as inputs; the issued code's
// hash is kept by identity outside the event log (it would be brute-forceable wherever events go).
exports.CODE_TTL_MS = 5 * 60 * 1000;
exports.MAX_WRONG_CODES = 5;
const initialLoginChallengeState = () => ({ status: 'none' });
exports.initialLoginChallengeState = initialLoginChallengeState;
/** decide(command, state) -> events; an empty list means "no such challenge". */
function decideLoginChallenge(command, state) {
    switch (command.type) {
        case 'IssueChallenge':
            return issue(command, state);
        case 'SubmitCode':
            return submit(command, state);
        default: {
            const unknown = command;
            throw new Error(`unknown command ${JSON.stringify(unknown)}`);
        }
    }
}
function issue(c, state) {
    if (state.status !== 'none')
        throw new Error(`challenge ${c.challengeId} already exists`);
    if (!c.identityMatched) {
        const data = { challengeId: c.challengeId, uscc: c.uscc, reason: 'IDENTITY_MISMATCH', failedAttempts: 0, at: c.now };
        return [{ type: 'subject.login-failed', data }];
    }
    const expiresAt = new Date(Date.parse(c.now) + exports.CODE_TTL_MS).toISOString();
    return [{ type: 'login-challenge.issued', data: { challengeId: c.challengeId, uscc: c.uscc, issuedAt: c.now, expiresAt } }];
}
function submit(c, state) {
    if (state.status === 'none')
        return [];
    const base = { challengeId: state.challengeId, uscc: state.uscc, at: c.now };
    const fail = (reason, failedAttempts = state.failedAttempts) => ({
        type: 'subject.login-failed',
        data: { ...base, reason, failedAttempts },
    });
    if (state.status === 'completed')
        return [fail('ALREADY_USED')];
    if (state.status === 'locked')
        return [fail('LOCKED')];
    if (Date.parse(c.now) >= Date.parse(state.expiresAt))
        return [fail('EXPIRED')];
    if (c.issuedCodeHash !== undefined && (0, constant_time_equal_1.constantTimeEqual)(c.codeHash, c.issuedCodeHash))
        return [{ type: 'subject.logged-in', data: base }];
    const attempts = state.failedAttempts + 1;
    const failed = fail('WRONG_CODE', attempts);
    return attempts >= exports.MAX_WRONG_CODES ? [failed, { type: 'login-challenge.locked', data: base }] : [failed];
}
/** evolve(state, event) -> state. */
function evolveLoginChallenge(state, event) {
    switch (event.type) {
        case 'login-challenge.issued': {
            const { challengeId, uscc, expiresAt } = event.data;
            return { status: 'open', challengeId, uscc, expiresAt, failedAttempts: 0 };
        }
        case 'subject.login-failed':
            return state.status === 'none' ? state : { ...state, failedAttempts: event.data.failedAttempts };
        case 'login-challenge.locked':
            return state.status === 'none' ? state : { ...state, status: 'locked' };
        case 'subject.logged-in':
            return state.status === 'none' ? state : { ...state, status: 'completed' };
        default: {
            const unknown = event;
            throw new Error(`unknown event ${JSON.stringify(unknown)}`);
        }
    }
}
//# sourceMappingURL=login-challenge.decider.js.map