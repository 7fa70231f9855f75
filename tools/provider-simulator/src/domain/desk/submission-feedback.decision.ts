import type { SubmissionAccepted, SubmissionRejected } from '@cfc/contracts';
import type { DeskContext, Decision, Note } from './desk.decision';
import type { DeskState } from './desk.state';

/**
 * Record reasons worth another attempt: the platform may check a binding before it has recorded the
 * confirmation this provider just sent. Every other refusal is final and logged as an error.
 */
export const RETRIABLE_RECORD_REASONS: ReadonlySet<string> = new Set(['UNBOUND_ACCOUNT']);

/** The platform stored some or all records of a submission: logged. */
export function noteAccepted(state: DeskState, context: DeskContext, accepted: SubmissionAccepted): Decision {
  return { state, send: [], notes: [{ level: 'info', msg: `submission accepted: ${accepted.acceptedRecords} record(s) stored`, fields: { provider: context.provider, submissionId: accepted.submissionId } }] };
}

/**
 * The platform refused a whole submission or some records: logged with every reason; months refused as
 * unbound are scheduled again (the binding's retry) while the binding is active, up to the retry limit.
 */
export function handleRejected(state: DeskState, context: DeskContext, rejected: SubmissionRejected): Decision {
  const { provider, now, settings } = context;
  const reasons = countReasons(rejected);
  const fields = { provider, submissionId: rejected.submissionId, reason: rejected.reason, records: rejected.records.length, reasons };
  const notes: Note[] = [{ level: rejected.reason ? 'error' : 'warn', msg: rejected.reason ? `submission rejected as a whole: ${rejected.reason}` : `submission rejected in part: ${rejected.records.length} record(s)`, fields }];
  const submission = rejected.submissionId ? state.submissions[rejected.submissionId] : undefined;
  const binding = submission ? state.bindings[submission.bindingKey] : undefined;
  if (!submission || !binding || binding.status !== 'ACTIVE') return { state, send: [], notes };
  const again = rejected.records.filter((r) => RETRIABLE_RECORD_REASONS.has(r.reason)).map((r) => submission.periods[r.index]).filter((p): p is string => p !== undefined);
  if (again.length === 0) return { state, send: [], notes };
  const attempt = Math.max(submission.attempt, binding.retry?.attempt ?? 0) + 1;
  if (attempt > settings.retryDelaysMs.length) {
    notes.push({ level: 'error', msg: `gave up on ${again.length} month(s) after ${settings.retryDelaysMs.length} retries`, fields: { provider, bindingId: binding.bindingId, months: again } });
    return { state, send: [], notes };
  }
  const after = new Date(now.getTime() + settings.retryDelaysMs[attempt - 1]).toISOString();
  const periods = [...new Set([...(binding.retry?.periods ?? []), ...again])].sort();
  notes.push({ level: 'info', msg: `will send ${periods.length} month(s) again at ${after} (attempt ${attempt})`, fields: { provider, bindingId: binding.bindingId } });
  return { state: { ...state, bindings: { ...state.bindings, [submission.bindingKey]: { ...binding, retry: { periods, attempt, after } } } }, send: [], notes };
}

function countReasons(rejected: SubmissionRejected): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rejected.records) counts[r.reason] = (counts[r.reason] ?? 0) + 1;
  return counts;
}
