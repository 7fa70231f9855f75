import { maskAccountNumber, type ObjectionRaised, type ObjectionResolved } from '@cfc/contracts';
import { isBefore } from '../periods';
import { generateAccountMonth } from '../statistics/account-month.generator';
import { statisticsMessages } from '../statistics/statistics.submission';
import type { DeskContext, Decision, Outgoing } from './desk.decision';
import { bindingKey, objectionKey, revisionKey, type BindingRecord, type DeskState } from './desk.state';
import { objectionOutcome } from './objection.policy';

/**
 * Answers an objection once, as the policy says (objectionOutcome). CORRECTED sends the month again as
 * the next revision, then the resolution naming it (same key, so in that order); UPHELD sends the
 * resolution with a note. A month the provider never supplied, or a binding that is not active, cannot
 * be corrected: upheld, with a note saying why.
 */
export function answerObjection(state: DeskState, context: DeskContext, objection: ObjectionRaised): Decision {
  const { provider, now, settings } = context;
  const key = objectionKey(provider, objection.objectionId);
  const fields = { provider, objectionId: objection.objectionId, bindingId: objection.bindingId, account: maskAccountNumber(objection.account.number), period: objection.period };
  if (state.objections[key]) return { state, send: [], notes: [{ level: 'info', msg: `objection seen again; already ${state.objections[key].outcome.toLowerCase()}, nothing sent`, fields }] };
  const wanted = objectionOutcome(objection.objectionId, settings.objectionPolicy);
  if (!wanted) return { state, send: [], notes: [{ level: 'warn', msg: 'objection left unanswered (CFC_SIMULATOR_OBJECTIONS=ignore): it will go overdue', fields }] };
  const binding = state.bindings[bindingKey(provider, objection.bindingId)];
  const refusal = correctionRefusal(binding, objection);
  const revision = (state.revisions[revisionKey(provider, objection.account, objection.period)] ?? 1) + 1;
  const corrected = wanted === 'CORRECTED' && !refusal ? generateAccountMonth({ account: objection.account, subject: binding!.subject, period: objection.period, revision }) : undefined;
  const record = { provider, objectionId: objection.objectionId, bindingId: objection.bindingId, period: objection.period, answeredAt: now.toISOString() };
  const resolved = (answer: Pick<ObjectionResolved, 'outcome' | 'note' | 'correctedRevision'>): Outgoing => ({
    provider,
    key: objection.bindingId,
    message: { type: 'objection.resolved', schemaVersion: 1, objectionId: objection.objectionId, provider, ...answer },
  });
  if (!corrected) {
    const note = wanted === 'CORRECTED' ? (refusal ?? noStatistics(objection.period)) : upheldNote(objection);
    return {
      state: { ...state, objections: { ...state.objections, [key]: { ...record, outcome: 'UPHELD' } } },
      send: [resolved({ outcome: 'UPHELD', note })],
      notes: [{ level: 'info', msg: `objection upheld: ${note}`, fields }],
    };
  }
  const [statistics] = statisticsMessages({ provider, name: `objection/${objection.objectionId}`, records: [corrected], sentAt: now.toISOString(), maxRecords: 1 });
  const note = `已按异议复核并更正 ${objection.period} 的统计数据（第 ${revision} 版）。Reviewed and corrected the ${objection.period} statistics${fieldList(objection)} (revision ${revision}).`;
  return {
    state: {
      ...state,
      objections: { ...state.objections, [key]: { ...record, outcome: 'CORRECTED', correctedRevision: revision } },
      revisions: { ...state.revisions, [revisionKey(provider, objection.account, objection.period)]: revision },
    },
    send: [{ provider, key: objection.bindingId, message: statistics }, resolved({ outcome: 'CORRECTED', note, correctedRevision: revision })],
    notes: [{ level: 'info', msg: `objection corrected: revision ${revision} sent, then the resolution`, fields }],
  };
}

/** Why this month cannot be corrected, or undefined when it can. */
function correctionRefusal(binding: BindingRecord | undefined, objection: ObjectionRaised): string | undefined {
  const sameAccount = binding && binding.account.number === objection.account.number && binding.account.type === objection.account.type;
  if (!binding || !sameAccount) return '本机构没有该绑定的记录，无法更正。This provider has no record of that binding for that account; nothing to correct.';
  if (binding.status !== 'ACTIVE') return '该账户已解除绑定，本机构不再报送。The account is no longer bound; this provider no longer supplies it.';
  const supplied = binding.firstPeriod && binding.nextPeriod && !isBefore(objection.period, binding.firstPeriod) && isBefore(objection.period, binding.nextPeriod);
  return supplied ? undefined : noStatistics(objection.period);
}

function noStatistics(period: string): string {
  return `本机构未报送 ${period} 的统计数据，无可更正。This provider supplied no statistics for ${period}; nothing to correct.`;
}

function upheldNote(objection: ObjectionRaised): string {
  return `经复核，${objection.period} 的统计数据与账务记录一致，予以维持。Reviewed: the ${objection.period} statistics${fieldList(objection)} match the account records and stand.`;
}

function fieldList(objection: ObjectionRaised): string {
  return objection.fields.length > 0 ? ` (${objection.fields.join(', ')})` : '';
}
