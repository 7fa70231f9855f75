// Events of a login challenge stream. The code itself never appears: only its keyed hash, which
// stays inside identity (the hash key is configuration, so a published hash cannot be brute-forced).
export type LoginFailureReason = 'IDENTITY_MISMATCH' | 'WRONG_CODE' | 'EXPIRED' | 'ALREADY_USED' | 'LOCKED';

export type LoginChallengeIssued = {
  readonly type: 'login-challenge.issued';
  readonly data: { challengeId: string; uscc: string; codeHash: string; issuedAt: string; expiresAt: string };
};
export type SubjectLoginFailed = {
  readonly type: 'subject.login-failed';
  readonly data: { challengeId: string; uscc: string; reason: LoginFailureReason; failedAttempts: number; at: string };
};
export type LoginChallengeLocked = {
  readonly type: 'login-challenge.locked';
  readonly data: { challengeId: string; uscc: string; at: string };
};
export type SubjectLoggedIn = {
  readonly type: 'subject.logged-in';
  readonly data: { challengeId: string; uscc: string; at: string };
};

export type LoginChallengeEvent = LoginChallengeIssued | SubjectLoginFailed | LoginChallengeLocked | SubjectLoggedIn;

/** Stream id of one challenge. */
export function loginChallengeStreamId(challengeId: string): string {
  return `login-challenge-${challengeId}`;
}
