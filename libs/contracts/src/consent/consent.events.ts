import type { InstitutionId, Uscc } from '../common/common.types';
import { institutionIdSchema, timestampSchema, usccSchema } from '../common/common.schema';
import { defineEvent } from '../schema/event-contract';
import type { JsonSchema } from '../schema/validator';

// Consent's domain events (stream authorization-<id>, subject = the enterprise's USCC), on
// cfc.consent.events.v1. Accounts are binding ids of the enterprise's own bindings.

export type Purpose = 'LOAN_APPLICATION' | 'CREDIT_LINE_REVIEW' | 'POST_LOAN_MANAGEMENT';
export type Product = 'CREDIT_REPORT' | 'DETAIL_SUMMARY';
export const PURPOSES: readonly Purpose[] = ['LOAN_APPLICATION', 'CREDIT_LINE_REVIEW', 'POST_LOAN_MANAGEMENT'];
export const PRODUCTS: readonly Product[] = ['CREDIT_REPORT', 'DETAIL_SUMMARY'];

/** At most `count` queries in any `perDays` days. */
export interface QueryLimit {
  count: number;
  perDays: number;
}

interface AuthorizationRef {
  authorizationId: string;
  subject: Uscc;
  lender: InstitutionId;
}

export type AuthorizationRequestedData = AuthorizationRef & {
  purpose: Purpose;
  products: Product[];
  months: number;
  validDays: number;
  /** Binding ids the lender asked for; absent: the enterprise chooses at grant. */
  accounts?: string[];
  queryLimit: QueryLimit;
  requestedAt: string;
  /** An unanswered request expires at this instant (7 days). */
  answerBy: string;
};
export type AuthorizationGrantedData = AuthorizationRef & { accounts: string[]; products: Product[]; months: number; validUntil: string; queryLimit: QueryLimit; grantedAt: string };
export type AuthorizationRejectedData = AuthorizationRef & { rejectedAt: string };
export type AuthorizationRevokedData = AuthorizationRef & { revokedAt: string };
export type AuthorizationExtendedData = AuthorizationRef & { addedAccounts: string[]; validUntil: string; extendedAt: string };
export type AuthorizationPausedData = AuthorizationRef & { pausedAt: string };
export type AuthorizationResumedData = AuthorizationRef & { resumedAt: string };
/** Recorded after the instant (expiry itself is decided by comparing the clock); `phase` says what expired. */
export type AuthorizationExpiredData = AuthorizationRef & { phase: 'REQUEST' | 'GRANT'; expiredAt: string };
/** One query counted against the cap (written by the check that let it through). */
export type AuthorizationUsedData = AuthorizationRef & { product: Product; queryId: string; usedAt: string };

const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };
const ids: JsonSchema = { type: 'array', items: id, maxItems: 100, uniqueItems: true };
const products: JsonSchema = { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...PRODUCTS] } };
const queryLimit: JsonSchema = {
  type: 'object',
  required: ['count', 'perDays'],
  additionalProperties: false,
  properties: { count: { type: 'integer', minimum: 1 }, perDays: { type: 'integer', minimum: 1 } },
};
const ref = { authorizationId: id, subject: usccSchema, lender: institutionIdSchema };
const object = (properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema => ({
  type: 'object',
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  additionalProperties: false,
  properties,
});

export const authorizationRequested = defineEvent<AuthorizationRequestedData>()('authorization.requested', 1, object({
  ...ref, purpose: { enum: [...PURPOSES] }, products, months: { type: 'integer', minimum: 1, maximum: 36 }, validDays: { type: 'integer', minimum: 1, maximum: 365 },
  accounts: ids, queryLimit, requestedAt: timestampSchema, answerBy: timestampSchema,
}, ['accounts']));
export const authorizationGranted = defineEvent<AuthorizationGrantedData>()('authorization.granted', 1, object({
  ...ref, accounts: ids, products, months: { type: 'integer', minimum: 1, maximum: 36 }, validUntil: timestampSchema, queryLimit, grantedAt: timestampSchema,
}));
export const authorizationRejected = defineEvent<AuthorizationRejectedData>()('authorization.rejected', 1, object({ ...ref, rejectedAt: timestampSchema }));
export const authorizationRevoked = defineEvent<AuthorizationRevokedData>()('authorization.revoked', 1, object({ ...ref, revokedAt: timestampSchema }));
export const authorizationExtended = defineEvent<AuthorizationExtendedData>()('authorization.extended', 1, object({ ...ref, addedAccounts: ids, validUntil: timestampSchema, extendedAt: timestampSchema }));
export const authorizationPaused = defineEvent<AuthorizationPausedData>()('authorization.paused', 1, object({ ...ref, pausedAt: timestampSchema }));
export const authorizationResumed = defineEvent<AuthorizationResumedData>()('authorization.resumed', 1, object({ ...ref, resumedAt: timestampSchema }));
export const authorizationExpired = defineEvent<AuthorizationExpiredData>()('authorization.expired', 1, object({ ...ref, phase: { enum: ['REQUEST', 'GRANT'] }, expiredAt: timestampSchema }));
export const authorizationUsed = defineEvent<AuthorizationUsedData>()('authorization.used', 1, object({ ...ref, product: { enum: [...PRODUCTS] }, queryId: id, usedAt: timestampSchema }));

/** Every consent event contract, for the event store's registry and for consumers. */
export const consentEventContracts = [
  authorizationRequested, authorizationGranted, authorizationRejected, authorizationRevoked, authorizationExtended,
  authorizationPaused, authorizationResumed, authorizationExpired, authorizationUsed,
] as const;
