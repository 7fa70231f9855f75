import { fold } from '@cfc/eventing';
import { authorizationDecider } from './authorization.decider';
import type { AuthorizationEvent } from './authorization.events';
import { at, DAY_3, expiredRequest, granted, LENDER, paused, rejected, requested, revoked, used } from './authorization.fixtures';
import { checkBeforeBindings, evaluateCheck } from './check';

// Given the stream and the bindings active now, when a check, then yes with the exact scope or one reason.
const withTwoAccounts = { ...granted, data: { ...granted.data, accounts: ['b-1', 'b-2'] } } as AuthorizationEvent;
const check = (events: AuthorizationEvent[], request: { lender?: string; product?: 'CREDIT_REPORT' | 'DETAIL_SUMMARY'; accounts?: string[]; queryId?: string } = {}, now = DAY_3, active = ['b-1', 'b-2']) =>
  evaluateCheck(fold(authorizationDecider, events), { lender: LENDER, product: 'CREDIT_REPORT', queryId: 'q-new', ...request }, { now, activeBindings: new Set(active) });

describe('enforcement check', () => {
  it('allows an active authorisation with its accounts, its months of history and what is left of the cap', () => {
    expect(check([requested, withTwoAccounts])).toEqual({
      allowed: true,
      accounts: ['b-1', 'b-2'],
      period: { from: '2025-11', to: '2026-10', months: 12 },
      validUntil: at(11).toISOString(),
      remainingBefore: 4,
      alreadyCounted: false,
    });
  });

  it.each([
    ['NOT_YOURS', [requested, granted], { lender: 'L0002' }],
    ['NOT_YOURS', [], {}],
    ['NOT_ACTIVE', [requested], {}],
    ['NOT_ACTIVE', [requested, rejected], {}],
    ['NOT_ACTIVE', [requested, granted, revoked], {}],
    ['EXPIRED', [requested, expiredRequest], {}],
    ['PAUSED', [requested, granted, paused], {}],
    ['PRODUCT_NOT_COVERED', [requested, { ...granted, data: { ...granted.data, products: ['DETAIL_SUMMARY'] } } as AuthorizationEvent], {}],
    ['ACCOUNT_NOT_COVERED', [requested, granted], { accounts: ['b-1', 'b-2'] }],
  ] as const)('refuses with %s', (reason, events, request) => {
    expect(check([...events], request as { lender?: string; accounts?: string[] })).toMatchObject({ allowed: false, reason });
  });

  it('refuses another lender before saying anything about the status', () => {
    expect(check([requested, granted, revoked], { lender: 'L0002' })).toMatchObject({ reason: 'NOT_YOURS' });
  });

  it('expires by the clock at validUntil, before any sweep', () => {
    expect(check([requested, granted], {}, new Date(at(11).getTime() - 1))).toMatchObject({ allowed: true });
    expect(check([requested, granted], {}, at(11))).toMatchObject({ allowed: false, reason: 'EXPIRED' });
  });

  it('narrows to the covered accounts still bound; none left or one asked for unbound is ACCOUNT_UNBOUND', () => {
    expect(check([requested, withTwoAccounts], {}, DAY_3, ['b-2'])).toMatchObject({ allowed: true, accounts: ['b-2'] });
    expect(check([requested, withTwoAccounts], {}, DAY_3, [])).toMatchObject({ allowed: false, reason: 'ACCOUNT_UNBOUND' });
    expect(check([requested, withTwoAccounts], { accounts: ['b-1', 'b-2'] }, DAY_3, ['b-2'])).toMatchObject({ allowed: false, reason: 'ACCOUNT_UNBOUND', detail: 'no longer bound: b-1' });
    expect(check([requested, withTwoAccounts], { accounts: ['b-2'] }, DAY_3, ['b-2'])).toMatchObject({ allowed: true, accounts: ['b-2'] });
  });

  it('refuses past the cap with the seconds until the window frees a query, and counts a replay once', () => {
    const uses = [4, 3, 2, 1].map((h, i) => used(`q-${i}`, new Date(DAY_3.getTime() - h * 3_600_000)));
    expect(check([requested, granted, ...uses])).toEqual({ allowed: false, reason: 'QUERY_LIMIT_REACHED', detail: 'at most 4 queries in 1 day(s)', retryAfterSeconds: 20 * 3600 });
    expect(check([requested, granted, ...uses], { queryId: 'q-2' })).toMatchObject({ allowed: true, alreadyCounted: true, remainingBefore: 0 });
    expect(check([requested, granted, ...uses.slice(0, 3)])).toMatchObject({ allowed: true, remainingBefore: 1 });
  });

  it('does not ask binding when the state alone refuses, and asks only for the accounts in question', () => {
    expect(checkBeforeBindings(fold(authorizationDecider, [requested, granted, paused]), { lender: LENDER, product: 'CREDIT_REPORT' }, DAY_3)).toMatchObject({ allowed: false, reason: 'PAUSED' });
    expect(checkBeforeBindings(fold(authorizationDecider, [requested, withTwoAccounts]), { lender: LENDER, product: 'CREDIT_REPORT' }, DAY_3)).toEqual({ accountsToVerify: ['b-1', 'b-2'] });
    expect(checkBeforeBindings(fold(authorizationDecider, [requested, withTwoAccounts]), { lender: LENDER, product: 'CREDIT_REPORT', accounts: ['b-2'] }, DAY_3)).toEqual({ accountsToVerify: ['b-2'] });
  });
});
