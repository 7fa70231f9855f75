import type { Actor } from '@cfc/contracts';
import type { AuthorizationEvent } from './authorization.events';
import { at, DAY_3, granted, LENDER, paused, requested, SUBJECT, used } from './authorization.fixtures';
import { authorizationView, type RecordedEvent } from './authorization.view';

const lender: Actor = { kind: 'institution', id: LENDER };
const enterprise: Actor = { kind: 'enterprise', id: SUBJECT };
const recorded = (event: AuthorizationEvent, actor: Actor, day: number): RecordedEvent => ({ ...event, actor, occurredAt: at(day).toISOString() } as RecordedEvent);

describe('authorisation view', () => {
  const stream = [recorded(requested, lender, 0), recorded(granted, enterprise, 1), recorded(used('q-1', at(2)), lender, 2), recorded(paused, enterprise, 2)];

  it('shows status now, request, granted scope, the cap used, and each change with its time and actor', () => {
    const view = authorizationView(stream, DAY_3);
    expect(view).toMatchObject({
      id: 'a-1', subject: SUBJECT, lender: LENDER, purpose: 'LOAN_APPLICATION', status: 'PAUSED',
      request: { months: 12, validDays: 10, accounts: ['b-1', 'b-2'], answerBy: at(7).toISOString() },
      scope: { accounts: ['b-1'], grantedAt: at(1).toISOString(), validUntil: at(11).toISOString() },
      usage: { queriesCounted: 1, queriesInWindow: 0, remainingQueries: 4 },
    });
    expect(view.history.map((h) => [h.type, h.actor.kind, h.at])).toEqual([
      ['authorization.requested', 'institution', at(0).toISOString()],
      ['authorization.granted', 'enterprise', at(1).toISOString()],
      ['authorization.paused', 'enterprise', at(2).toISOString()],
    ]);
    expect(view.history[1].data).toEqual({ accounts: ['b-1'], products: ['CREDIT_REPORT', 'DETAIL_SUMMARY'], months: 12, validUntil: at(11).toISOString(), queryLimit: { count: 4, perDays: 1 }, grantedAt: at(1).toISOString() });
  });

  it('shows an expiry the clock decided before the sweep recorded it, as the system at the instant of expiry', () => {
    const view = authorizationView([recorded(requested, lender, 0)], at(8));
    expect(view.status).toBe('EXPIRED');
    expect(view.history[view.history.length - 1]).toEqual({ type: 'authorization.expired', at: at(7).toISOString(), actor: { kind: 'system', id: 'consent' }, data: { phase: 'REQUEST', expiredAt: at(7).toISOString() } });
    expect(authorizationView([recorded(requested, lender, 0)], at(6)).history).toHaveLength(1);
  });
});
