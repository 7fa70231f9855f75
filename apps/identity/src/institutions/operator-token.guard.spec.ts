import { ProblemException } from '@cfc/platform';
import { checkOperatorToken, requireOperatorToken } from './operator-token.guard';

const TOKEN = 'op-'.padEnd(40, 'x');

function statusOf(work: () => void): number | 'passed' {
  try {
    work();
    return 'passed';
  } catch (error) {
    return error instanceof ProblemException ? error.getStatus() : -1;
  }
}

describe('requireOperatorToken', () => {
  it('answers 403 when no operator token is configured, whatever is presented', () => {
    expect(statusOf(() => requireOperatorToken(undefined, `Bearer ${TOKEN}`))).toBe(403);
    expect(statusOf(() => requireOperatorToken('', undefined))).toBe(403);
  });

  it('answers 401 for a missing, wrong, or non-bearer token and passes the right one', () => {
    expect(statusOf(() => requireOperatorToken(TOKEN, undefined))).toBe(401);
    expect(statusOf(() => requireOperatorToken(TOKEN, `Bearer ${TOKEN}y`))).toBe(401);
    expect(statusOf(() => requireOperatorToken(TOKEN, `Basic ${TOKEN}`))).toBe(401);
    expect(statusOf(() => requireOperatorToken(TOKEN, `Bearer ${TOKEN}`))).toBe('passed');
  });

  it('refuses at start an operator token shorter than 32 characters', () => {
    expect(() => checkOperatorToken('short')).toThrow(/at least 32/);
    expect(() => checkOperatorToken(TOKEN)).not.toThrow();
    expect(() => checkOperatorToken(undefined)).not.toThrow();
  });
});
