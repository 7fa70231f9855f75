import { constantTimeEqual } from '../constant-time-equal';
import type { LoginChallengeEvent } from './login.events';

// A challenge is the only way into a data account: one code, valid for a short time, usable once,
// locked after too many wrong guesses. Time, references and code hashes arrive as inputs; the issued
// code's hash is kept by identity outside the event log (it would be brute-forceable wherever events go).
//
// Wrong codes count per submitter: the client that requested the challenge has its own five (then the
// challenge locks), every other client shares another five (then only they are shut out). Someone who
// never requested the challenge (and so never had the code sent on its behalf) cannot lock it.
export const CODE_TTL_MS = 5 * 60 * 1000;
export const MAX_WRONG_CODES = 5;

type Open = {
  status: 'open' | 'completed' | 'locked';
  challengeRef: string;
  uscc: string;
  expiresAt: string;
  failedAttempts: number;
  otherClientFailedAttempts: number;
};
export type LoginChallengeState = { status: 'none' } | Open;

export type IssueChallenge = {
  type: 'IssueChallenge';
  challengeRef: string;
  uscc: string;
  /** Whether the registry knows this USCC with this legal representative name and ID number. */
  identityMatched: boolean;
  now: string;
};
/**
 * `codeHash` is the submitted code's hash; `issuedCodeHash` the one stored at issue (absent once removed);
 * `fromRequestingClient` whether the submitter is the client that requested the challenge.
 */
export type SubmitCode = { type: 'SubmitCode'; codeHash: string; issuedCodeHash: string | undefined; fromRequestingClient: boolean; now: string };
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
  if (state.status !== 'none') throw new Error(`challenge ${c.challengeRef} already exists`);
  if (!c.identityMatched) {
    const data = { challengeRef: c.challengeRef, uscc: c.uscc, reason: 'IDENTITY_MISMATCH' as const, fromRequestingClient: true, failedAttempts: 0, otherClientFailedAttempts: 0, at: c.now };
    return [{ type: 'subject.login-failed', data }];
  }
  const expiresAt = new Date(Date.parse(c.now) + CODE_TTL_MS).toISOString();
  return [{ type: 'login-challenge.issued', data: { challengeRef: c.challengeRef, uscc: c.uscc, issuedAt: c.now, expiresAt } }];
}

function submit(c: SubmitCode, state: LoginChallengeState): LoginChallengeEvent[] {
  if (state.status === 'none') return [];
  const base = { challengeRef: state.challengeRef, uscc: state.uscc, at: c.now };
  const fail = (reason: 'WRONG_CODE' | 'EXPIRED' | 'ALREADY_USED' | 'LOCKED', counts = state): LoginChallengeEvent => ({
    type: 'subject.login-failed',
    data: { ...base, reason, fromRequestingClient: c.fromRequestingClient, failedAttempts: counts.failedAttempts, otherClientFailedAttempts: counts.otherClientFailedAttempts },
  });
  if (state.status === 'completed') return [fail('ALREADY_USED')];
  if (state.status === 'locked') return [fail('LOCKED')];
  if (Date.parse(c.now) >= Date.parse(state.expiresAt)) return [fail('EXPIRED')];
  // Other clients' guesses are bounded too, or many addresses together could brute-force the code.
  if (!c.fromRequestingClient && state.otherClientFailedAttempts >= MAX_WRONG_CODES) return [fail('LOCKED')];
  if (c.issuedCodeHash !== undefined && constantTimeEqual(c.codeHash, c.issuedCodeHash)) return [{ type: 'subject.logged-in', data: base }];
  if (!c.fromRequestingClient) return [fail('WRONG_CODE', { ...state, otherClientFailedAttempts: state.otherClientFailedAttempts + 1 })];
  const counts = { ...state, failedAttempts: state.failedAttempts + 1 };
  const failed = fail('WRONG_CODE', counts);
  return counts.failedAttempts >= MAX_WRONG_CODES ? [failed, { type: 'login-challenge.locked', data: base }] : [failed];
}

/** evolve(state, event) -> state. */
export function evolveLoginChallenge(state: LoginChallengeState, event: LoginChallengeEvent): LoginChallengeState {
  switch (event.type) {
    case 'login-challenge.issued': {
      const { challengeRef, uscc, expiresAt } = event.data;
      return { status: 'open', challengeRef, uscc, expiresAt, failedAttempts: 0, otherClientFailedAttempts: 0 };
    }
    case 'subject.login-failed': {
      if (state.status === 'none') return state;
      const { failedAttempts, otherClientFailedAttempts } = event.data;
      return { ...state, failedAttempts, otherClientFailedAttempts };
    }
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
