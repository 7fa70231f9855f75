import type { LoginChallengeIssuedData, LoginChallengeLockedData, SubjectLoggedInData, SubjectLoginFailedData } from '@cfc/contracts';
export type { LoginFailureReason } from '@cfc/contracts';
export type LoginChallengeIssued = {
    readonly type: 'login-challenge.issued';
    readonly data: LoginChallengeIssuedData;
};
export type SubjectLoginFailed = {
    readonly type: 'subject.login-failed';
    readonly data: SubjectLoginFailedData;
};
export type LoginChallengeLocked = {
    readonly type: 'login-challenge.locked';
    readonly data: LoginChallengeLockedData;
};
export type SubjectLoggedIn = {
    readonly type: 'subject.logged-in';
    readonly data: SubjectLoggedInData;
};
export type LoginChallengeEvent = LoginChallengeIssued | SubjectLoginFailed | LoginChallengeLocked | SubjectLoggedIn;
/** Stream id of one challenge. */
export declare function loginChallengeStreamId(challengeId: string): string;
