import { maskAccountNumber, type StatisticsRecord } from '@cfc/contracts';
import { addMonths, isBefore, lastCompletePeriod, periodRange } from '../periods';
import { generateAccountMonth } from '../statistics/account-month.generator';
import { statisticsMessages } from '../statistics/statistics.submission';
import type { DeskContext, Decision, Note, Outgoing } from './desk.decision';
import { bindingKey, revisionKey, type BindingRecord, type DeskState, type SubmissionRecord } from './desk.state';

/** Submissions are remembered this long for mapping rejections back to months. */
const SUBMISSION_MEMORY_MS = 7 * 86_400_000;

/**
 * Sends what each active binding of this provider is due: the months since the last supply up to the
 * last complete month (the first 36 months after confirmation, then each new month as the clock passes
 * into the next), and months refused as unbound whose retry time has come. Ended bindings get nothing.
 */
export function supplyDue(state: DeskState, context: DeskContext): Decision {
  const { provider, now } = context;
  let next = pruneSubmissions(state, now);
  const send: Outgoing[] = [];
  const notes: Note[] = [];
  for (const binding of Object.values(state.bindings)) {
    if (binding.provider !== provider || binding.status !== 'ACTIVE') continue;
    const due = dueMonths(binding, now);
    if (due.fresh.length === 0 && due.retry.length === 0) continue;
    const result = supplyBinding(next, context, binding, due);
    next = result.state;
    send.push(...result.send);
    notes.push(...result.notes);
  }
  return { state: next, send, notes };
}

interface DueMonths {
  /** Months never sent for this binding. */
  fresh: string[];
  /** Months to send again (an earlier attempt was refused as unbound), with the attempt number. */
  retry: string[];
  attempt: number;
}

function dueMonths(binding: BindingRecord, now: Date): DueMonths {
  const ready = !binding.supplyAfter || binding.supplyAfter <= now.toISOString();
  const last = lastCompletePeriod(now);
  const fresh = ready && binding.nextPeriod && !isBefore(last, binding.nextPeriod) ? periodRange(binding.nextPeriod, last) : [];
  const retryDue = binding.retry && binding.retry.after <= now.toISOString();
  return { fresh, retry: retryDue ? binding.retry!.periods : [], attempt: retryDue ? binding.retry!.attempt : 0 };
}

function supplyBinding(state: DeskState, context: DeskContext, binding: BindingRecord, due: DueMonths): Decision {
  const { provider, now, settings } = context;
  const sentAt = now.toISOString();
  const send: Outgoing[] = [];
  const submissions: Record<string, SubmissionRecord> = {};
  const batches = [
    { periods: due.fresh, attempt: 0 },
    { periods: due.retry, attempt: due.attempt },
  ];
  let records = 0;
  for (const { periods, attempt } of batches) {
    const monthRecords = periods
      .map((period) => generateAccountMonth({ account: binding.account, subject: binding.subject, period, revision: state.revisions[revisionKey(provider, binding.account, period)] ?? 1 }))
      .filter((r): r is StatisticsRecord => r !== undefined);
    if (monthRecords.length === 0) continue;
    const name = `${binding.bindingId}/${periods[0]}..${periods[periods.length - 1]}/attempt-${attempt}`;
    for (const message of statisticsMessages({ provider, name, records: monthRecords, sentAt, maxRecords: settings.maxRecordsPerMessage })) {
      send.push({ provider, key: binding.bindingId, message });
      submissions[message.submissionId] = { bindingKey: bindingKey(provider, binding.bindingId), periods: (message.records as StatisticsRecord[]).map((r) => r.period), attempt, sentAt };
    }
    records += monthRecords.length;
  }
  const { retry: _sent, supplyAfter: _waited, ...rest } = binding;
  const updated: BindingRecord = {
    ...rest,
    ...(due.retry.length > 0 || !binding.retry ? {} : { retry: binding.retry }),
    ...(due.fresh.length > 0 ? { nextPeriod: addMonths(due.fresh[due.fresh.length - 1], 1) } : binding.supplyAfter ? { supplyAfter: binding.supplyAfter } : {}),
  };
  const months = [...due.fresh, ...due.retry].sort();
  const notes: Note[] =
    send.length === 0
      ? []
      : [
          {
            level: 'info',
            msg: `statistics sent: ${records} records in ${send.length} message(s)${due.retry.length > 0 ? `, ${due.retry.length} month(s) again (attempt ${due.attempt})` : ''}`,
            fields: { provider, bindingId: binding.bindingId, account: maskAccountNumber(binding.account.number), from: months[0], to: months[months.length - 1] },
          },
        ];
  return {
    state: { ...state, bindings: { ...state.bindings, [bindingKey(provider, binding.bindingId)]: updated }, submissions: { ...state.submissions, ...submissions } },
    send,
    notes,
  };
}

function pruneSubmissions(state: DeskState, now: Date): DeskState {
  const horizon = new Date(now.getTime() - SUBMISSION_MEMORY_MS).toISOString();
  const kept = Object.entries(state.submissions).filter(([, s]) => s.sentAt >= horizon);
  return kept.length === Object.keys(state.submissions).length ? state : { ...state, submissions: Object.fromEntries(kept) };
}
