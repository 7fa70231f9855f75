import { constantTimeEqual } from '../constant-time-equal';
import type { LoginChallengeEvent } from './login.events';

// A challenge is the only way into a data account: one code, valid for a short time, usable once,
// locked after too many wrong guesses. Time, ids and code hashes arrive as inputs; the issued code's
// hash is kept by identity outside the event log (it would be brute-forceable wherever events go).
export const CODE_TTL_MS = 5 * 60 * 1000;
export const MAX_WRONG_CODES = 5;

export type LoginChallengeState =
  | { status: 'none' }
  | { status: 'open' | 'completed' | 'locked'; challengeId: string; uscc: string; expiresAt: string; failedAttempts: number };

export type IssueChallenge = {
  type: 'IssueChallenge';
  challengeId: string;
  uscc: string;
  /** Whether the registry knows this USCC with this legal representative name and ID number. */
  identityMatched: boolean;
  now: string;
};
/** `codeHash` is the submitted code's hash; `issuedCodeHash` the one stored at issue (absent once removed). */
export type SubmitCode = { type: 'SubmitCode'; codeHash: string; issuedCodeHash: string | undefined; now: string };
export type LoginChallengeCommand = IssueChallenge | SubmitCode;

export const initialLoginChallengeState = (): LoginChallengeState => ({ status: 'none' });

/** decide(command, state) -> events; an empty list means "no such challenge". */
export function decideLoginChallenge(command: LoginChallengeCommand, state: LoginChallengeState): LoginChallengeEvent[] {
  switch (command.type) {
    case 'IssueChallenge':
      return issue(command, state);
    case 'SubmitCode':
      return submit(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

function issue(c: IssueChallenge, state: LoginChallengeState): LoginChallengeEvent[] {
  if (state.status !== 'none') throw new Error(`challenge ${c.challengeId} already exists`);
  if (!c.identityMatched) {
    const data = { challengeId: c.challengeId, uscc: c.uscc, reason: 'IDENTITY_MISMATCH' as const, failedAttempts: 0, at: c.now };
    return [{ type: 'subject.login-failed', data }];
  }
  const expiresAt = new Date(Date.parse(c.now) + CODE_TTL_MS).toISOString();
  return [{ type: 'login-challenge.issued', data: { challengeId: c.challengeId, uscc: c.uscc, issuedAt: c.now, expiresAt } }];
}

function submit(c: SubmitCode, state: LoginChallengeState): LoginChallengeEvent[] {
  if (state.status === 'none') return [];
  const base = { challengeId: state.challengeId, uscc: state.uscc, at: c.now };
  const fail = (reason: 'WRONG_CODE' | 'EXPIRED' | 'ALREADY_USED' | 'LOCKED', failedAttempts = state.failedAttempts): LoginChallengeEvent => ({
    type: 'subject.login-failed',
    data: { ...base, reason, failedAttempts },
  });
  if (state.status === 'completed') return [fail('ALREADY_USED')];
  if (state.status === 'locked') return [fail('LOCKED')];
  if (Date.parse(c.now) >= Date.parse(state.expiresAt)) return [fail('EXPIRED')];
  if (c.issuedCodeHash !== undefined && constantTimeEqual(c.codeHash, c.issuedCodeHash)) return [{ type: 'subject.logged-in', data: base }];
  const attempts = state.failedAttempts + 1;
  const failed = fail('WRONG_CODE', attempts);
  return attempts >= MAX_WRONG_CODES ? [failed, { type: 'login-challenge.locked', data: base }] : [failed];
}

/** evolve(state, event) -> state. */
export function evolveLoginChallenge(state: LoginChallengeState, event: LoginChallengeEvent): LoginChallengeState {
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
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}
