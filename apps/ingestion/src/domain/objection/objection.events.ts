import type { ObjectionOverdueData, ObjectionRaisedData, ObjectionResolvedData } from '@cfc/contracts';
import type { DomainEvent } from '@cfc/eventing';

/** The events of one objection's stream (objection-<objectionId>). */
export type ObjectionEvent =
  | DomainEvent<'objection.raised', ObjectionRaisedData>
  | DomainEvent<'objection.resolved', ObjectionResolvedData>
  | DomainEvent<'objection.overdue', ObjectionOverdueData>;

export const objectionStreamId = (objectionId: string) => `objection-${objectionId}`;

/** 征信业管理条例 Art. 25: the answer is due within 20 days of the objection. */
export const OBJECTION_ANSWER_DAYS = 20;
export const OBJECTION_ANSWER_MS = OBJECTION_ANSWER_DAYS * 24 * 3600_000;
