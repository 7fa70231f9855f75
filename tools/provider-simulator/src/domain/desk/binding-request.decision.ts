import { maskAccountNumber, type BindingRequested } from '@cfc/contracts';
import { addMonths, lastCompletePeriod } from '../periods';
import type { DeskContext, Decision } from './desk.decision';
import { bindingKey, type DeskState } from './desk.state';

/** How many months of history a new binding gets (CONTRACT.md: 36). */
export const HISTORY_MONTHS = 36;

/** The reason a provider gives for an account the enterprise does not hold there (CONTRACT.md). */
export const NOT_HELD = 'ACCOUNT_NOT_HELD_BY_SUBJECT';

/**
 * Confirms a binding when the enterprise holds that account (number and type) at this provider, else
 * rejects it. Answers once: a request seen again (redelivery) changes nothing. A confirmed binding is
 * due its 36 months once the stream delay has passed (see supplyDue).
 */
export function answerBindingRequest(state: DeskState, context: DeskContext, request: BindingRequested): Decision {
  const { provider, now, holdings, settings } = context;
  const key = bindingKey(provider, request.bindingId);
  const fields = { provider, bindingId: request.bindingId, subject: request.subject, account: maskAccountNumber(request.account.number), accountType: request.account.type };
  const known = state.bindings[key];
  if (known) return { state, send: [], notes: [{ level: 'info', msg: `binding request seen again; already ${known.status === 'REJECTED' ? 'rejected' : 'confirmed'}, nothing sent`, fields }] };
  const base = { provider, bindingId: request.bindingId, subject: request.subject, account: request.account, answeredAt: now.toISOString() };
  if (!holdings.holds(provider, request.subject, request.account)) {
    return {
      state: { ...state, bindings: { ...state.bindings, [key]: { ...base, status: 'REJECTED' } } },
      send: [{ provider, key: request.bindingId, message: { type: 'binding.rejected', schemaVersion: 1, bindingId: request.bindingId, provider, reason: NOT_HELD } }],
      notes: [{ level: 'info', msg: `binding rejected: ${NOT_HELD}`, fields }],
    };
  }
  const firstPeriod = addMonths(lastCompletePeriod(now), -(HISTORY_MONTHS - 1));
  const supplyAfter = new Date(now.getTime() + settings.streamDelayMs).toISOString();
  return {
    state: { ...state, bindings: { ...state.bindings, [key]: { ...base, status: 'ACTIVE', firstPeriod, nextPeriod: firstPeriod, supplyAfter } } },
    send: [{ provider, key: request.bindingId, message: { type: 'binding.confirmed', schemaVersion: 1, bindingId: request.bindingId, provider } }],
    notes: [{ level: 'info', msg: `binding confirmed; ${HISTORY_MONTHS} months of statistics from ${firstPeriod} follow`, fields }],
  };
}
