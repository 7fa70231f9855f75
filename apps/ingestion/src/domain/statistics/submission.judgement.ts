import type { AcceptedStatisticsRecord, StatisticsRecord, StatisticsRecordRejection } from '@cfc/contracts';
import { stableJson } from './stable-json';

// A statistics.submitted judged record by record: shape and arithmetic (checkRecord), then the binding
// (one resolve per message), then duplicates inside the message, then what the store already holds. A
// record refused at any step spares its siblings.

export interface RecordRejection {
  index: number;
  reason: StatisticsRecordRejection;
  detail?: string;
}

/** A record ready for the store: the provider's record and the binding it is accepted under. */
export interface Candidate {
  index: number;
  record: AcceptedStatisticsRecord;
}

/** The binding binding's resolve answered for one account (null: none ACTIVE for that subject at that provider). */
export type ResolvedBinding = { bindingId: string; agreement?: { version: string; sha256: string } } | null;

/** Valid records with their bindings, the unbound ones refused (UNBOUND_ACCOUNT). */
export function attachBindings(valid: ReadonlyArray<{ index: number; record: StatisticsRecord }>, resolved: readonly ResolvedBinding[]): { candidates: Candidate[]; rejections: RecordRejection[] } {
  if (resolved.length !== valid.length) throw new Error(`resolve answered ${resolved.length} results for ${valid.length} accounts`);
  const candidates: Candidate[] = [];
  const rejections: RecordRejection[] = [];
  valid.forEach(({ index, record }, i) => {
    const binding = resolved[i];
    // An ACTIVE binding always carries the agreement the enterprise signed; without one there is no entrustment.
    if (!binding || !binding.agreement?.sha256) {
      rejections.push({ index, reason: 'UNBOUND_ACCOUNT', detail: `no ACTIVE binding of this ${record.account.type} account for ${record.subject} at this provider` });
      return;
    }
    candidates.push({ index, record: { ...record, bindingId: binding.bindingId } });
  });
  return { candidates, rejections };
}

/**
 * The same (binding, period, revision) twice in one message: the first goes on; a later copy with the same
 * figures is a duplicate (acknowledged), with other figures a REVISION_CONFLICT.
 */
export function withinMessage(candidates: readonly Candidate[]): { unique: Candidate[]; duplicates: number[]; rejections: RecordRejection[] } {
  const first = new Map<string, Candidate>();
  const duplicates: number[] = [];
  const rejections: RecordRejection[] = [];
  for (const c of candidates) {
    const key = revisionKey(c.record);
    const seen = first.get(key);
    if (!seen) first.set(key, c);
    // Canonical JSON only for the rare collision: equal figures give equal text, whatever the key order.
    else if (stableJson(seen.record) === stableJson(c.record)) duplicates.push(c.index);
    else rejections.push({ index: c.index, reason: 'REVISION_CONFLICT', detail: `record ${seen.index} of this message carries revision ${c.record.revision} of ${c.record.period} with other figures` });
  }
  return { unique: [...first.values()], duplicates, rejections };
}

/** What the store answered for one unique candidate. */
export type StoreAnswer = 'STORED' | 'SAME_ALREADY_STORED' | 'OTHER_ALREADY_STORED';

/** Per message: what to tell the provider and what statistics.accepted carries. */
export interface SubmissionOutcome {
  stored: Candidate[];
  duplicateRecords: number;
  rejections: RecordRejection[];
  acceptedRecords: number;
}

/** Combines the steps' answers into the message's outcome; rejections come sorted by record index. */
export function submissionOutcome(input: { unique: readonly Candidate[]; answers: readonly StoreAnswer[]; duplicatesInMessage: readonly number[]; rejections: readonly RecordRejection[] }): SubmissionOutcome {
  const stored: Candidate[] = [];
  let duplicates = input.duplicatesInMessage.length;
  const rejections = [...input.rejections];
  input.unique.forEach((c, i) => {
    const answer = input.answers[i];
    switch (answer) {
      case 'STORED':
        stored.push(c);
        break;
      case 'SAME_ALREADY_STORED':
        duplicates++;
        break;
      case 'OTHER_ALREADY_STORED':
        rejections.push({ index: c.index, reason: 'REVISION_CONFLICT', detail: `revision ${c.record.revision} of ${c.record.period} is already stored with other figures; send a higher revision` });
        break;
      default: {
        const never: never = answer;
        throw new Error(`unknown store answer ${String(never)}`);
      }
    }
  });
  rejections.sort((a, b) => a.index - b.index);
  return { stored, duplicateRecords: duplicates, rejections, acceptedRecords: stored.length + duplicates };
}

/** The highest revision per (binding, period) among stored candidates: the only ones that may become current. */
export function highestPerMonth(stored: readonly Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of stored) {
    const key = `${c.record.bindingId}\u0000${c.record.period}`;
    const kept = best.get(key);
    if (!kept || kept.record.revision < c.record.revision) best.set(key, c);
  }
  return [...best.values()];
}

const revisionKey = (r: AcceptedStatisticsRecord) => `${r.bindingId}\u0000${r.period}\u0000${r.revision}`;
