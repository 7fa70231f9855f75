import type { AuthorizationRequestedData } from '@cfc/contracts';
import type { AuthorizationEvent } from './authorization.events';

// Shared given-events of the domain specs (pure data; imported by *.spec.ts only).

export const SUBJECT = '91110000600037341L';
export const OTHER_SUBJECT = '91310000MA1FL4B24G';
export const LENDER = 'L0001';
export const T0 = new Date('2026-11-10T02:00:00.000Z');
export const at = (days: number, from: Date = T0) => new Date(from.getTime() + days * 86_400_000);

const ref = { authorizationId: 'a-1', subject: SUBJECT, lender: LENDER };

export const requestedData = {
  ...ref,
  purpose: 'LOAN_APPLICATION',
  products: ['CREDIT_REPORT', 'DETAIL_SUMMARY'],
  months: 12,
  validDays: 10,
  accounts: ['b-1', 'b-2'],
  queryLimit: { count: 4, perDays: 1 },
  requestedAt: T0.toISOString(),
  answerBy: at(7).toISOString(),
} satisfies AuthorizationRequestedData;

export const requested: AuthorizationEvent = { type: 'authorization.requested', data: { ...requestedData } };
/** Granted one day after the request, valid 10 days from then. */
export const granted: AuthorizationEvent = {
  type: 'authorization.granted',
  data: { ...ref, accounts: ['b-1'], products: requestedData.products, months: 12, validUntil: at(11).toISOString(), queryLimit: requestedData.queryLimit, grantedAt: at(1).toISOString() },
};
export const paused: AuthorizationEvent = { type: 'authorization.paused', data: { ...ref, pausedAt: at(2).toISOString() } };
export const rejected: AuthorizationEvent = { type: 'authorization.rejected', data: { ...ref, rejectedAt: at(1).toISOString() } };
export const revoked: AuthorizationEvent = { type: 'authorization.revoked', data: { ...ref, revokedAt: at(2).toISOString() } };
export const expiredRequest: AuthorizationEvent = { type: 'authorization.expired', data: { ...ref, phase: 'REQUEST', expiredAt: at(7).toISOString() } };
export const used = (queryId: string, when: Date): AuthorizationEvent => ({ type: 'authorization.used', data: { ...ref, product: 'CREDIT_REPORT', queryId, usedAt: when.toISOString() } });

/** One history per stored status, and the instant (day 3) at which none has expired by the clock. */
export const HISTORIES = {
  PENDING: [requested],
  ACTIVE: [requested, granted],
  PAUSED: [requested, granted, paused],
  REJECTED: [requested, rejected],
  REVOKED: [requested, granted, revoked],
  EXPIRED: [requested, expiredRequest],
} as const;
export const DAY_3 = at(3);
