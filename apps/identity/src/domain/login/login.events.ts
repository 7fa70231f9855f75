// Events of a login challenge stream. Neither the code, its hash nor the challenge id appears: events are published
// and kept forever, and a 6-digit code's hash falls to brute force once its key leaks. The hash lives
// in identity.login_challenge_codes (login-code.store.ts).
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

/** Stream id of one challenge, by its published reference (never by its id, which is a capability). */
export function loginChallengeStreamId(challengeRef: string): string {
  return `login-challenge-${challengeRef}`;
}
