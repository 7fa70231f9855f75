import type { Actor } from '../envelope/envelope';
import type { AuditEntry } from './audit-entry';

// The enterprise's activity record (信息记录, CONTRACT "Enterprises": GET /v1/subject/activity), rebuilt
// from cfc.audit.v1 alone. LOGIN is an extra kind beside the contract's seven (additive).

export const ACTIVITY_KINDS = ['SELF_QUERY', 'INSTITUTION_QUERY', 'BINDING', 'AUTHORIZATION', 'MESSAGE', 'DECLARATION', 'OBJECTION', 'LOGIN'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** A readable sentence in Simplified Chinese and English. */
export interface ActivityText {
  'zh-CN': string;
  en: string;
}

/** Who acted, as the record shows it: institutions by name (from the stream), never a person's identity number. */
export interface ActivityActor extends Actor {
  name?: string;
}

export interface ActivityItem {
  /** The audit entry's seq: its leaf index, for GET /v1/subject/activity/{seq}/proof. */
  seq: number;
  at: string;
  kind: ActivityKind;
  type: string;
  actor: ActivityActor;
  summary: ActivityText;
  /** The audit entry itself; its JCS bytes are the leaf the proof is about. */
  entry: AuditEntry;
}
