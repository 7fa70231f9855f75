import { decideLoginChallenge, evolveLoginChallenge, initialLoginChallengeState, type LoginChallengeCommand, type LoginChallengeState } from './login-challenge.decider';
import type { LoginChallengeEvent } from './login.events';

const T0 = '2026-11-24T05:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const issue = (identityMatched = true): LoginChallengeCommand => ({
  type: 'IssueChallenge', challengeRef: 'ref-1', uscc: '91110108551385082Q', identityMatched, now: T0,
});
const submit = (codeHash: string, seconds = 10, fromRequestingClient = true): LoginChallengeCommand => ({ type: 'SubmitCode', codeHash, issuedCodeHash: 'good', fromRequestingClient, now: at(seconds) });
const stranger = (codeHash: string) => submit(codeHash, 10, false);

function run(commands: LoginChallengeCommand[]): { state: LoginChallengeState; events: LoginChallengeEvent[][] } {
  let state = initialLoginChallengeState();
  const events: LoginChallengeEvent[][] = [];
  for (const command of commands) {
    const produced = decideLoginChallenge(command, state);
    events.push(produced);
    state = produced.reduce(evolveLoginChallenge, state);
  }
  return { state, events };
}

describe('login challenge decider', () => {
  it('issues a challenge that expires after five minutes, named by its reference', () => {
    const { events } = run([issue()]);
    expect(events[0]).toEqual([{ type: 'login-challenge.issued', data: { challengeRef: 'ref-1', uscc: '91110108551385082Q', issuedAt: T0, expiresAt: at(300) } }]);
  });

  it('records an identity mismatch as a failed login and opens no challenge', () => {
    const { events, state } = run([issue(false), submit('good')]);
    expect(events[0].map((e) => e.type)).toEqual(['subject.login-failed']);
    expect(events[0][0].data).toMatchObject({ reason: 'IDENTITY_MISMATCH', failedAttempts: 0, otherClientFailedAttempts: 0 });
    expect(state.status).toBe('none');
    expect(events[1]).toEqual([]);
  });

  it('logs in with the right code, once', () => {
    const { events } = run([issue(), submit('good'), submit('good', 20)]);
    expect(events[1]).toEqual([{ type: 'subject.logged-in', data: { challengeRef: 'ref-1', uscc: '91110108551385082Q', at: at(10) } }]);
    expect(events[2][0]).toMatchObject({ type: 'subject.login-failed', data: { reason: 'ALREADY_USED' } });
  });

  it('keeps no code hash in the issued event, and never logs in without the stored hash', () => {
    const { events } = run([issue()]);
    expect(JSON.stringify(events)).not.toContain('codeHash');
    const state = events[0].reduce(evolveLoginChallenge, initialLoginChallengeState());
    const produced = decideLoginChallenge({ type: 'SubmitCode', codeHash: 'good', issuedCodeHash: undefined, fromRequestingClient: true, now: at(10) }, state);
    expect(produced[0]).toMatchObject({ type: 'subject.login-failed', data: { reason: 'WRONG_CODE' } });
  });

  it('refuses a wrong code and counts it', () => {
    const { events, state } = run([issue(), submit('bad'), submit('bad')]);
    expect(events[2][0]).toMatchObject({ type: 'subject.login-failed', data: { reason: 'WRONG_CODE', fromRequestingClient: true, failedAttempts: 2, otherClientFailedAttempts: 0 } });
    expect(state).toMatchObject({ status: 'open', failedAttempts: 2 });
  });

  it('accepts the right code until five minutes have passed, not at five minutes', () => {
    const { events } = run([issue(), submit('good', 299)]);
    expect(events[1][0].type).toBe('subject.logged-in');
    const late = run([issue(), submit('good', 300)]);
    expect(late.events[1][0]).toMatchObject({ type: 'subject.login-failed', data: { reason: 'EXPIRED' } });
  });

  it('locks after five wrong codes from the requesting client, even for the right code afterwards', () => {
    const { events, state } = run([issue(), ...Array.from({ length: 5 }, () => submit('bad')), submit('good')]);
    expect(events[5].map((e) => e.type)).toEqual(['subject.login-failed', 'login-challenge.locked']);
    expect(state.status).toBe('locked');
    expect(events[6][0]).toMatchObject({ type: 'subject.login-failed', data: { reason: 'LOCKED' } });
  });

  it('never locks the challenge for its requester on wrong codes from other clients', () => {
    const { events, state } = run([issue(), ...Array.from({ length: 12 }, () => stranger('bad')), submit('good')]);
    expect(events.flat().some((e) => e.type === 'login-challenge.locked')).toBe(false);
    expect(events[5][0]).toMatchObject({ data: { reason: 'WRONG_CODE', fromRequestingClient: false, failedAttempts: 0, otherClientFailedAttempts: 5 } });
    expect(events[6][0]).toMatchObject({ data: { reason: 'LOCKED', otherClientFailedAttempts: 5 } }); // others are shut out after five
    expect(events[13]).toEqual([{ type: 'subject.logged-in', data: { challengeRef: 'ref-1', uscc: '91110108551385082Q', at: at(10) } }]);
    expect(state.status).toBe('completed');
  });

  it('bounds other clients\' guesses: after five wrong, even the right code from another client is refused', () => {
    const { events } = run([issue(), ...Array.from({ length: 5 }, () => stranger('bad')), stranger('good')]);
    expect(events[6][0]).toMatchObject({ type: 'subject.login-failed', data: { reason: 'LOCKED', fromRequestingClient: false } });
  });

  it('lets another client (the owner on a new address) log in with the right code before that', () => {
    const { events } = run([issue(), stranger('bad'), stranger('good')]);
    expect(events[2][0].type).toBe('subject.logged-in');
  });

  it('refuses to issue the same challenge twice', () => {
    expect(() => run([issue(), issue()])).toThrow(/already exists/);
  });
});
