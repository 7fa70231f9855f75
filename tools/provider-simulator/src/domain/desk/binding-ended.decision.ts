import { maskAccountNumber, type BindingEnded } from '@cfc/contracts';
import type { DeskContext, Decision } from './desk.decision';
import { addMonths, isBefore } from '../periods';
import { bindingKey, type BindingRecord, type DeskState } from './desk.state';

/** The enterprise unbound the account: supply stops, pending retries are dropped. Idempotent. */
export function endBinding(state: DeskState, context: DeskContext, ended: BindingEnded): Decision {
  const { provider } = context;
  const key = bindingKey(provider, ended.bindingId);
  const fields = { provider, bindingId: ended.bindingId, account: maskAccountNumber(ended.account.number) };
  const binding = state.bindings[key];
  if (!binding) return { state, send: [], notes: [{ level: 'warn', msg: 'binding.ended for a binding this provider never answered; nothing to stop', fields }] };
  if (binding.status !== 'ACTIVE') return { state, send: [], notes: [{ level: 'info', msg: `binding.ended for a binding already ${binding.status.toLowerCase()}; nothing to stop`, fields }] };
  const { retry: _dropped, supplyAfter: _never, ...rest } = binding;
  return {
    state: { ...state, bindings: { ...state.bindings, [key]: { ...rest, status: 'ENDED', endedAt: ended.endedAt } } },
    send: [],
    notes: [{ level: 'info', msg: `binding ended: no more statistics for this account${supplied(binding)}`, fields }],
  };
}

function supplied(binding: BindingRecord): string {
  if (!binding.firstPeriod || !binding.nextPeriod || !isBefore(binding.firstPeriod, binding.nextPeriod)) return ' (none was supplied)';
  return ` (supplied ${binding.firstPeriod} to ${addMonths(binding.nextPeriod, -1)})`;
}
