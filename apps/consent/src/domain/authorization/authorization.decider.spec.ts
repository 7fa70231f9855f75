import { fold } from '@cfc/eventing';
import { authorizationDecider, decideAuthorization, type AuthorizationCommand } from './authorization.decider';
import { AuthorizationNotFound, RuleViolated, TransitionRefused } from './authorization.errors';
import type { AuthorizationEvent } from './authorization.events';
import { at, DAY_3, granted, HISTORIES, LENDER, OTHER_SUBJECT, paused, requested, requestedData, SUBJECT, T0, used } from './authorization.fixtures';

// Given events, when a command (at an instant), then events or a refusal.
const given = (events: readonly AuthorizationEvent[]) => ({
  when: (command: AuthorizationCommand, now: Date = DAY_3) => () => decideAuthorization(command, fold(authorizationDecider, events), { now }),
});
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof TransitionRefused || error instanceof RuleViolated) return error.code;
    if (error instanceof AuthorizationNotFound) return 'NOT_FOUND';
    throw error;
  }
  throw new Error('expected a refusal');
};

const COMMANDS = {
  grant: { type: 'GrantAuthorization', by: SUBJECT, accounts: ['b-1'] },
  reject: { type: 'RejectAuthorization', by: SUBJECT },
  revoke: { type: 'RevokeAuthorization', by: SUBJECT },
  extend: { type: 'ExtendAuthorization', by: SUBJECT, addAccounts: ['b-2'], extendDays: 0 },
  pause: { type: 'PauseAuthorization', by: SUBJECT },
  resume: { type: 'ResumeAuthorization', by: SUBJECT },
} as const satisfies Record<string, AuthorizationCommand>;

// Every action in every status: the event it records, or the stable code of its refusal.
const TRANSITIONS: Record<keyof typeof COMMANDS, Record<keyof typeof HISTORIES, string>> = {
  grant: { PENDING: 'authorization.granted', ACTIVE: 'ALREADY_GRANTED', PAUSED: 'ALREADY_GRANTED', REJECTED: 'AUTHORIZATION_REJECTED', REVOKED: 'AUTHORIZATION_REVOKED', EXPIRED: 'AUTHORIZATION_EXPIRED' },
  reject: { PENDING: 'authorization.rejected', ACTIVE: 'ALREADY_GRANTED', PAUSED: 'ALREADY_GRANTED', REJECTED: 'AUTHORIZATION_REJECTED', REVOKED: 'AUTHORIZATION_REVOKED', EXPIRED: 'AUTHORIZATION_EXPIRED' },
  revoke: { PENDING: 'NOT_YET_GRANTED', ACTIVE: 'authorization.revoked', PAUSED: 'authorization.revoked', REJECTED: 'AUTHORIZATION_REJECTED', REVOKED: 'AUTHORIZATION_REVOKED', EXPIRED: 'AUTHORIZATION_EXPIRED' },
  extend: { PENDING: 'NOT_YET_GRANTED', ACTIVE: 'authorization.extended', PAUSED: 'authorization.extended', REJECTED: 'AUTHORIZATION_REJECTED', REVOKED: 'AUTHORIZATION_REVOKED', EXPIRED: 'AUTHORIZATION_EXPIRED' },
  pause: { PENDING: 'NOT_YET_GRANTED', ACTIVE: 'authorization.paused', PAUSED: 'ALREADY_PAUSED', REJECTED: 'AUTHORIZATION_REJECTED', REVOKED: 'AUTHORIZATION_REVOKED', EXPIRED: 'AUTHORIZATION_EXPIRED' },
  resume: { PENDING: 'NOT_YET_GRANTED', ACTIVE: 'NOT_PAUSED', PAUSED: 'authorization.resumed', REJECTED: 'AUTHORIZATION_REJECTED', REVOKED: 'AUTHORIZATION_REVOKED', EXPIRED: 'AUTHORIZATION_EXPIRED' },
};

describe('authorisation decider', () => {
  describe('every enterprise action in every status', () => {
    const cases = Object.entries(TRANSITIONS).flatMap(([action, row]) => Object.entries(row).map(([status, outcome]) => [action, status, outcome] as const));
    it.each(cases)('given %s on a %s authorisation, then %s', (action, status, outcome) => {
      const run = given(HISTORIES[status as keyof typeof HISTORIES]).when(COMMANDS[action as keyof typeof COMMANDS]);
      if (outcome.startsWith('authorization.')) expect(run().map((e) => e.type)).toEqual([outcome]);
      else expect(refusal(run)).toBe(outcome);
    });

    it.each(Object.keys(COMMANDS) as Array<keyof typeof COMMANDS>)('given another enterprise, when it tries to %s, then not found', (action) => {
      expect(refusal(given(HISTORIES.ACTIVE).when({ ...COMMANDS[action], by: OTHER_SUBJECT }))).toBe('NOT_FOUND');
      expect(refusal(given([]).when(COMMANDS[action]))).toBe('NOT_FOUND');
    });
  });

  describe('expiry compares the clock, whatever was recorded', () => {
    it('given a request unanswered at its 7th day, when granted or rejected, then AUTHORIZATION_EXPIRED', () => {
      expect(refusal(given([requested]).when(COMMANDS.grant, at(7)))).toBe('AUTHORIZATION_EXPIRED');
      expect(refusal(given([requested]).when(COMMANDS.reject, at(8)))).toBe('AUTHORIZATION_EXPIRED');
      expect(given([requested]).when(COMMANDS.grant, new Date(at(7).getTime() - 1))()[0].type).toBe('authorization.granted');
    });

    it('given a paused grant past its validity, when resumed, extended or revoked, then AUTHORIZATION_EXPIRED', () => {
      for (const action of ['resume', 'extend', 'revoke', 'pause'] as const) expect(refusal(given(HISTORIES.PAUSED).when(COMMANDS[action], at(11)))).toBe('AUTHORIZATION_EXPIRED');
    });

    it('when the sweep records expiry, then authorization.expired at the instant of expiry, once', () => {
      expect(given([requested]).when({ type: 'RecordExpiry' }, at(9))()).toEqual([{ type: 'authorization.expired', data: { authorizationId: 'a-1', subject: SUBJECT, lender: LENDER, phase: 'REQUEST', expiredAt: at(7).toISOString() } }]);
      expect(given([requested, granted]).when({ type: 'RecordExpiry' }, at(12))()[0].data).toMatchObject({ phase: 'GRANT', expiredAt: at(11).toISOString() });
      expect(given(HISTORIES.PAUSED).when({ type: 'RecordExpiry' }, at(12))()[0].data).toMatchObject({ phase: 'GRANT' });
      expect(given([requested]).when({ type: 'RecordExpiry' }, at(6))()).toEqual([]);
      expect(given(HISTORIES.EXPIRED).when({ type: 'RecordExpiry' }, at(30))()).toEqual([]);
      expect(given(HISTORIES.REVOKED).when({ type: 'RecordExpiry' }, at(30))()).toEqual([]);
      expect(given([]).when({ type: 'RecordExpiry' }, at(30))()).toEqual([]);
    });
  });

  describe('request', () => {
    const request = { type: 'RequestAuthorization', authorizationId: 'a-1', subject: SUBJECT, lender: LENDER, purpose: 'LOAN_APPLICATION', products: ['CREDIT_REPORT'], months: 12, validDays: 30 } as const;

    it('when within the template, then requested with the template cap and 7 days to answer', () => {
      const [event] = given([]).when({ ...request, products: ['CREDIT_REPORT'] }, T0)();
      expect(event).toEqual({ type: 'authorization.requested', data: { authorizationId: 'a-1', subject: SUBJECT, lender: LENDER, purpose: 'LOAN_APPLICATION', products: ['CREDIT_REPORT'], months: 12, validDays: 30, queryLimit: { count: 4, perDays: 1 }, requestedAt: T0.toISOString(), answerBy: at(7).toISOString() } });
    });

    it('keeps the accounts asked for and a lower cap', () => {
      const [event] = given([]).when({ ...request, products: ['CREDIT_REPORT'], accounts: ['b-9'], queryLimit: { count: 2, perDays: 7 } }, T0)();
      expect(event.data).toMatchObject({ accounts: ['b-9'], queryLimit: { count: 2, perDays: 7 } });
    });

    it.each([
      ['validDays', { validDays: 31 }, 'PURPOSE_VALIDITY_EXCEEDED'],
      ['months', { months: 25 }, 'PURPOSE_MONTHS_EXCEEDED'],
      ['a higher count', { queryLimit: { count: 5, perDays: 1 } }, 'PURPOSE_QUERY_LIMIT_EXCEEDED'],
      ['a shorter window', { queryLimit: { count: 4, perDays: 1 }, purpose: 'POST_LOAN_MANAGEMENT', validDays: 30 }, 'PURPOSE_QUERY_LIMIT_EXCEEDED'],
    ])('when out of template by %s, then the rule is named', (_what, change, code) => {
      expect(refusal(given([]).when({ ...request, products: ['CREDIT_REPORT'], ...change } as AuthorizationCommand, T0))).toBe(code);
    });

    it('names every broken rule, the first as the code', () => {
      try {
        given([]).when({ ...request, products: ['CREDIT_REPORT'], validDays: 365, months: 36 }, T0)();
        throw new Error('expected a refusal');
      } catch (error) {
        expect(error).toBeInstanceOf(RuleViolated);
        expect((error as RuleViolated).violations.map((v) => v.rule)).toEqual(['PURPOSE_VALIDITY_EXCEEDED', 'PURPOSE_MONTHS_EXCEEDED']);
      }
    });

    it('given an existing authorisation, when requested again, then ALREADY_REQUESTED', () => {
      expect(refusal(given([requested]).when({ ...request, products: ['CREDIT_REPORT'] }, T0))).toBe('ALREADY_REQUESTED');
    });
  });

  describe('grant', () => {
    it('then the scope of the request, valid validDays from the grant, accounts once each', () => {
      const [event] = given([requested]).when({ ...COMMANDS.grant, accounts: ['b-2', 'b-1', 'b-2'] }, at(2))();
      expect(event).toEqual({ type: 'authorization.granted', data: { authorizationId: 'a-1', subject: SUBJECT, lender: LENDER, accounts: ['b-2', 'b-1'], products: requestedData.products, months: 12, validUntil: at(12).toISOString(), queryLimit: { count: 4, perDays: 1 }, grantedAt: at(2).toISOString() } });
    });

    it('when no account is left to cover, then NO_ACTIVE_ACCOUNTS', () => {
      expect(refusal(given([requested]).when({ ...COMMANDS.grant, accounts: [] }))).toBe('NO_ACTIVE_ACCOUNTS');
    });
  });

  describe('extend', () => {
    it('adds only accounts not yet covered, and days to the validity', () => {
      const [event] = given([requested, granted]).when({ ...COMMANDS.extend, addAccounts: ['b-1', 'b-3'], extendDays: 5 })();
      expect(event.data).toMatchObject({ addedAccounts: ['b-3'], validUntil: at(16).toISOString(), extendedAt: DAY_3.toISOString() });
    });

    it('when it adds nothing, then no event (a retried extension)', () => {
      expect(given([requested, granted]).when({ ...COMMANDS.extend, addAccounts: ['b-1'], extendDays: 0 })()).toEqual([]);
    });

    it('never past the purpose limit from the grant (LOAN_APPLICATION: 30 days)', () => {
      expect(given([requested, granted]).when({ ...COMMANDS.extend, addAccounts: [], extendDays: 20 })()[0].data).toMatchObject({ validUntil: at(31).toISOString() });
      expect(refusal(given([requested, granted]).when({ ...COMMANDS.extend, addAccounts: [], extendDays: 21 }))).toBe('EXTENSION_PAST_PURPOSE_LIMIT');
    });

    it('never past 365 days from the grant', () => {
      const monitoring = { ...requested, data: { ...requestedData, purpose: 'POST_LOAN_MANAGEMENT', validDays: 360, queryLimit: { count: 5, perDays: 30 } } } as AuthorizationEvent;
      const grant = { ...granted, data: { ...granted.data, validUntil: at(361).toISOString() } } as AuthorizationEvent;
      expect(given([monitoring, grant]).when({ ...COMMANDS.extend, addAccounts: [], extendDays: 5 })()[0].data).toMatchObject({ validUntil: at(366).toISOString() });
      expect(refusal(given([monitoring, grant]).when({ ...COMMANDS.extend, addAccounts: [], extendDays: 6 }))).toBe('EXTENSION_PAST_365_DAYS');
    });

    it('extends a paused authorisation, which stays paused', () => {
      const state = fold(authorizationDecider, [...HISTORIES.PAUSED, ...given(HISTORIES.PAUSED).when({ ...COMMANDS.extend, extendDays: 1 })()]);
      expect(state).toMatchObject({ status: 'PAUSED', scope: { accounts: ['b-1', 'b-2'], validUntil: at(12).toISOString() } });
    });
  });

  describe('counting a query', () => {
    const use = { type: 'RecordUse', check: { lender: LENDER, product: 'CREDIT_REPORT', queryId: 'q-1' }, activeBindings: new Set(['b-1']) } as const;

    it('given an allowed check, then authorization.used at the instant', () => {
      expect(given([requested, granted]).when(use)()).toEqual([{ type: 'authorization.used', data: { authorizationId: 'a-1', subject: SUBJECT, lender: LENDER, product: 'CREDIT_REPORT', queryId: 'q-1', usedAt: DAY_3.toISOString() } }]);
    });

    it('given the same queryId counted already, then nothing more', () => {
      expect(given([requested, granted, used('q-1', at(2))]).when(use)()).toEqual([]);
    });

    it('given a refused check (paused, capped, unbound), then nothing', () => {
      expect(given([requested, granted, paused]).when(use)()).toEqual([]);
      const four = [1, 2, 3, 4].map((i) => used(`q-x${i}`, new Date(DAY_3.getTime() - i * 1000)));
      expect(given([requested, granted, ...four]).when(use)()).toEqual([]);
      expect(given([requested, granted]).when({ ...use, activeBindings: new Set() })()).toEqual([]);
    });
  });

  it('folds the stream: scope, status and counted queries', () => {
    const state = fold(authorizationDecider, [requested, granted, used('q-1', at(2)), paused]);
    expect(state).toMatchObject({ status: 'PAUSED', scope: { accounts: ['b-1'], validUntil: at(11).toISOString() }, uses: [{ queryId: 'q-1' }] });
  });
});
