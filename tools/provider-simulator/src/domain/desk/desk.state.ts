import type { FundAccount } from '@cfc/contracts';

// What the simulated providers remember between messages and restarts (kept in a state file): the
// answers they gave, what they have supplied, and the corrections they made. Providers may not read
// the inbound topic back (ACLs), so this memory is theirs.

export type BindingStatus = 'ACTIVE' | 'REJECTED' | 'ENDED';

export interface BindingRecord {
  provider: string;
  bindingId: string;
  subject: string;
  account: FundAccount;
  status: BindingStatus;
  answeredAt: string;
  /** ACTIVE: the first month supplied, and the first month not supplied yet. */
  firstPeriod?: string;
  nextPeriod?: string;
  /** Supply waits until then, so the platform records the confirmation before the statistics arrive. */
  supplyAfter?: string;
  /** Months refused as not (yet) bound, to send again after a delay. */
  retry?: { periods: string[]; attempt: number; after: string };
  endedAt?: string;
}

export interface ObjectionRecord {
  provider: string;
  objectionId: string;
  bindingId: string;
  period: string;
  outcome: 'CORRECTED' | 'UPHELD';
  correctedRevision?: number;
  answeredAt: string;
}

/** A statistics message sent, to map per-record rejections back to months. */
export interface SubmissionRecord {
  bindingKey: string;
  /** The month of each record, in record order. */
  periods: string[];
  attempt: number;
  sentAt: string;
}

export interface DeskState {
  bindings: Record<string, BindingRecord>;
  objections: Record<string, ObjectionRecord>;
  /** Highest revision sent per account-month, where above 1 (revisionKey). */
  revisions: Record<string, number>;
  submissions: Record<string, SubmissionRecord>;
}

export function emptyDesk(): DeskState {
  return { bindings: {}, objections: {}, revisions: {}, submissions: {} };
}

/** Binding and objection ids are the platform's; keyed by provider too, as each provider keeps its own books. */
export function bindingKey(provider: string, bindingId: string): string {
  return `${provider}/${bindingId}`;
}

export function objectionKey(provider: string, objectionId: string): string {
  return `${provider}/${objectionId}`;
}

export function revisionKey(provider: string, account: FundAccount, period: string): string {
  return `${provider}/${account.type}/${account.number}/${period}`;
}
