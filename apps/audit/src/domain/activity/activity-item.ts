import type { ActivityActor, ActivityItem, AuditEntry } from '@cfc/contracts';
import { text, type InstitutionNames } from '../audited-types/audited-type';
import { AUDITED_TYPES } from '../audited-types/audited-types';

/** What an entry means for the activity records: an item of its subject's record, a platform-wide entry, or a type this build does not know. */
export type EntryReading = { kind: 'item'; subject: string; item: ActivityItem } | { kind: 'platform' } | { kind: 'unknown-type'; type: string };

/** Reads one audit entry into its enterprise's activity record, from the entry and the names known so far. */
export function readEntry(entry: AuditEntry, names: InstitutionNames): EntryReading {
  const mapping = Object.hasOwn(AUDITED_TYPES, entry.type) ? AUDITED_TYPES[entry.type] : undefined;
  if (!mapping) return { kind: 'unknown-type', type: entry.type };
  const kind = mapping.kind(entry.data);
  if (entry.subject === undefined || kind === undefined) return { kind: 'platform' };
  const actor: ActivityActor = { kind: entry.actor.kind, id: entry.actor.id };
  const name = entry.actor.kind === 'institution' ? names.nameOf(entry.actor.id) : undefined;
  if (name !== undefined) actor.name = name;
  return { kind: 'item', subject: entry.subject, item: { seq: entry.seq, at: entry.at, kind, type: entry.type, actor, summary: summaryOf(entry, names), entry } };
}

// An entry whose data a mapping cannot read (an older shape, or a damaged log) still gets a sentence.
function summaryOf(entry: AuditEntry, names: InstitutionNames) {
  try {
    return AUDITED_TYPES[entry.type].summary(entry.data, names);
  } catch {
    return text(`记录：${entry.type}`, `Record: ${entry.type}`);
  }
}
