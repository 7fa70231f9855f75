import { randomUUID } from 'node:crypto';
import { challengeRefOf, usccCheckCharacter, type Actor, type EventEnvelope } from '@cfc/contracts';

// Valid data of every event type the audit consumes, as their services write them today (checked against
// the contracts in audited-types.spec.ts), a version-1 sample of each login event identity wrote before
// version 2, and envelopes as the outbox relays put them on Kafka.

/** A valid USCC for test enterprise `n` (0 <= n < 100000). */
export function testUscc(n: number): string {
  const first17 = `9111000000MA${String(n).padStart(5, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

export const ENTERPRISE = testUscc(1);
export const FULL_ACCOUNT = '6222020200112233445';
const at = '2026-11-24T08:00:00.000Z';
/** The challenge of the login samples; version-2 events carry only its reference. */
export const CHALLENGE_ID = '3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7';
const challengeRef = challengeRefOf(CHALLENGE_ID);
const bindingId = 'b7d1c0de-0000-4000-8000-000000000001';
const authorizationId = 'a7d1c0de-0000-4000-8000-000000000002';
const agreement = { version: '1.0', sha256: 'e'.repeat(64), acceptedAt: at };
const base = { bindingId, subject: ENTERPRISE, provider: 'B0001', account: { number: FULL_ACCOUNT, type: 'BASIC' as const } };
const ref = { authorizationId, subject: ENTERPRISE, lender: 'L0001' };
const queryLimit = { count: 2, perDays: 1 };
const messageId = 'd7d1c0de-0000-4000-8000-000000000004';
const declarationId = 'e7d1c0de-0000-4000-8000-000000000005';
const objection = { objectionId: 'f7d1c0de-0000-4000-8000-000000000006', bindingId, subject: ENTERPRISE, provider: 'B0001', period: '2026-10', dueBy: '2026-12-14T08:00:00.000Z' };

export type EventSample = { data: Record<string, unknown>; actor: Actor; subject?: string; schemaVersion?: number };
const enterprise: Actor = { kind: 'enterprise', id: ENTERPRISE };

/** One sample per type at the version its service writes now (schemaVersion, 1 when absent): its data and who acts. */
export const SAMPLE_EVENTS: Record<string, EventSample> = {
  'login-challenge.issued': { data: { challengeRef, uscc: ENTERPRISE, issuedAt: at, expiresAt: at }, actor: enterprise, schemaVersion: 2 },
  'subject.logged-in': { data: { challengeRef, uscc: ENTERPRISE, at }, actor: enterprise, schemaVersion: 2 },
  'subject.login-failed': {
    data: { challengeRef, uscc: ENTERPRISE, reason: 'WRONG_CODE', fromRequestingClient: true, failedAttempts: 2, otherClientFailedAttempts: 0, at },
    actor: enterprise,
    schemaVersion: 2,
  },
  'login-challenge.locked': { data: { challengeRef, uscc: ENTERPRISE, at }, actor: enterprise, schemaVersion: 2 },
  'subject.logged-out': { data: { uscc: ENTERPRISE, tokenId: 'tok-1', at }, actor: enterprise },
  'data-account.opened': { data: { uscc: ENTERPRISE, openedAt: at, challengeRef }, actor: enterprise, schemaVersion: 2 },
  'institution.registered': { data: { institutionId: 'L0001', name: '示例银行股份有限公司', roles: ['USER'], at }, actor: { kind: 'system', id: 'identity' }, subject: undefined },
  'institution.client-registered': { data: { institutionId: 'L0001', clientId: 'l0001', secretId: 's-1', at }, actor: { kind: 'system', id: 'identity' }, subject: undefined },
  'provider-key.registered': { data: { institutionId: 'B0001', keyId: 'k1', publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAA\n-----END PUBLIC KEY-----\n', at }, actor: { kind: 'system', id: 'identity' }, subject: undefined },
  'provider-key.revoked': { data: { institutionId: 'B0001', keyId: 'k1', at }, actor: { kind: 'system', id: 'identity' }, subject: undefined },
  'binding.requested': { data: { ...base, agreement, requestedAt: at }, actor: { kind: 'enterprise', id: ENTERPRISE } },
  'binding.confirmed': { data: { ...base, confirmedAt: at }, actor: { kind: 'institution', id: 'B0001' } },
  'binding.rejected': { data: { ...base, reason: 'ACCOUNT_NOT_HELD_BY_SUBJECT', rejectedAt: at }, actor: { kind: 'institution', id: 'B0001' } },
  'binding.ended': { data: { ...base, endedAt: at }, actor: { kind: 'enterprise', id: ENTERPRISE } },
  'binding.expired': { data: { ...base, expiredAt: at }, actor: { kind: 'system', id: 'binding' } },
  'authorization.requested': {
    data: { ...ref, purpose: 'LOAN_APPLICATION', products: ['CREDIT_REPORT'], months: 12, validDays: 30, accounts: [bindingId], queryLimit, requestedAt: at, answerBy: '2026-12-01T08:00:00.000Z' },
    actor: { kind: 'institution', id: 'L0001' },
  },
  'authorization.granted': {
    data: { ...ref, accounts: [bindingId], products: ['CREDIT_REPORT', 'DETAIL_SUMMARY'], months: 12, validUntil: '2026-12-24T17:00:00.000Z', queryLimit, grantedAt: at },
    actor: { kind: 'enterprise', id: ENTERPRISE },
  },
  'authorization.rejected': { data: { ...ref, rejectedAt: at }, actor: { kind: 'enterprise', id: ENTERPRISE } },
  'authorization.revoked': { data: { ...ref, revokedAt: at }, actor: { kind: 'enterprise', id: ENTERPRISE } },
  'authorization.extended': { data: { ...ref, addedAccounts: [], validUntil: '2027-01-24T08:00:00.000Z', extendedAt: at }, actor: { kind: 'enterprise', id: ENTERPRISE } },
  'authorization.paused': { data: { ...ref, pausedAt: at }, actor: { kind: 'enterprise', id: ENTERPRISE } },
  'authorization.resumed': { data: { ...ref, resumedAt: at }, actor: { kind: 'enterprise', id: ENTERPRISE } },
  'authorization.expired': { data: { ...ref, phase: 'GRANT', expiredAt: at }, actor: { kind: 'system', id: 'consent' } },
  'authorization.used': { data: { ...ref, product: 'CREDIT_REPORT', queryId: 'q-1', usedAt: at }, actor: { kind: 'institution', id: 'L0001' } },
  'statistics.accepted': {
    data: {
      submissionId: 'c7d1c0de-0000-4000-8000-000000000003', provider: 'B0001', acceptedAt: at,
      records: [{
        bindingId, account: { number: FULL_ACCOUNT, type: 'BASIC' }, subject: ENTERPRISE, period: '2026-10', revision: 1,
        inflow: { amount: 12345600, count: 42 }, outflow: { amount: 9876500, count: 37 },
        cash: { deposit: { amount: 300000, count: 3 }, withdrawal: { amount: 0, count: 0 } },
        counterparties: [{ type: 'ENTERPRISE', inflow: { amount: 10000000, count: 30 }, outflow: { amount: 6000000, count: 20 }, distinct: 14 }],
        balance: { end: 5400000, averageDaily: 4100000, min: 900000, max: 8800000 },
        features: { activeDays: 21, largestInflow: 2000000, largestOutflow: 1500000, zeroBalanceDays: 0, topCounterpartyShare: 0.31 },
      }],
    },
    actor: { kind: 'institution', id: 'B0001' },
    subject: undefined,
  },
  'submission.accepted': {
    data: { submissionId: 'c7d1c0de-0000-4000-8000-000000000003', provider: 'B0001', acceptedRecords: 1, storedRecords: 1, duplicateRecords: 0, at },
    actor: { kind: 'system', id: 'ingestion' },
    subject: undefined,
  },
  'submission.rejected': {
    data: { submissionId: 'c7d1c0de-0000-4000-8000-000000000004', provider: 'B0001', records: [{ index: 0, reason: 'BINDING_NOT_ACTIVE' }], at },
    actor: { kind: 'system', id: 'ingestion' },
    subject: undefined,
  },
  'provider-message.dead-lettered': {
    data: {
      reason: 'BAD_SIGNATURE', detail: 'the signature does not verify with any key of B0001', provider: 'B0001', messageType: 'statistics.submitted',
      origin: { topic: 'cfc.provider.inbound.v1', partition: 0, offset: '17', timestamp: 1764576000000 }, key: 'B0001', headers: {}, valueBase64: 'e30=', at,
    },
    actor: { kind: 'system', id: 'ingestion' },
    subject: undefined,
  },
  'query.performed': {
    data: {
      queryId: '0b0f4f0e-6f57-4a53-9d2c-1f1f8b0c8a11', reportId: '9a7c3d52-1b7e-4d0c-8f5e-2a6c0a9b7e21', kind: 'INSTITUTION', subject: ENTERPRISE,
      requester: { kind: 'institution', id: 'L0001' }, authorizationId, product: 'CREDIT_REPORT',
      accounts: [{ bindingId, provider: 'B0001', accountType: 'BASIC', accountNumber: '6222***********3445' }],
      period: { from: '2025-11', to: '2026-10', months: 12 }, reportSha256: 'a'.repeat(64), reportBytes: 1234, schemaVersion: 1, catalogueVersion: 1, performedAt: at,
    },
    actor: { kind: 'institution', id: 'L0001' },
  },
  'message.left': { data: { messageId, uscc: ENTERPRISE, text: '绑定后多久能看到数据？', leftAt: at }, actor: { kind: 'enterprise', id: ENTERPRISE } },
  'message.replied': { data: { messageId, uscc: ENTERPRISE, text: '下个自然月报送上月数据。', repliedAt: at }, actor: { kind: 'system', id: 'identity-operator' } },
  'declaration.made': { data: { declarationId, uscc: ENTERPRISE, text: '十月流入含股东借款', madeAt: at, scope: 'MONTH', bindingId, period: '2026-10' }, actor: { kind: 'enterprise', id: ENTERPRISE } },
  'declaration.withdrawn': { data: { declarationId, uscc: ENTERPRISE, withdrawnAt: at, scope: 'REPORT' }, actor: { kind: 'enterprise', id: ENTERPRISE } },
  'objection.raised': {
    data: { ...objection, account: { number: FULL_ACCOUNT, type: 'BASIC' }, fields: ['inflow.amount'], reason: '十月流入金额有误', disputedRevision: 1, status: 'SUBMITTED', raisedAt: at },
    actor: { kind: 'enterprise', id: ENTERPRISE },
  },
  'objection.resolved': {
    data: { ...objection, outcome: 'CORRECTED', status: 'CORRECTED', note: '已更正', disputedRevision: 1, correctedRevision: 2, resolvedAt: at, late: false },
    actor: { kind: 'institution', id: 'B0001' },
  },
  'objection.overdue': { data: { ...objection, status: 'OVERDUE', overdueAt: at }, actor: { kind: 'system', id: 'ingestion' } },
};

/** Login events as identity wrote them at version 1 (the challenge id in clear), still on the topics and replayable. */
export const LOGIN_SAMPLES_V1: Record<string, EventSample> = {
  'subject.logged-in': { data: { challengeId: CHALLENGE_ID, uscc: ENTERPRISE, at }, actor: enterprise, schemaVersion: 1 },
  'subject.login-failed': { data: { challengeId: CHALLENGE_ID, uscc: ENTERPRISE, reason: 'WRONG_CODE', failedAttempts: 2, at }, actor: enterprise, schemaVersion: 1 },
  'login-challenge.locked': { data: { challengeId: CHALLENGE_ID, uscc: ENTERPRISE, at }, actor: enterprise, schemaVersion: 1 },
  'data-account.opened': { data: { uscc: ENTERPRISE, openedAt: at, challengeId: CHALLENGE_ID }, actor: enterprise, schemaVersion: 1 },
};

/** A version-1 login event's envelope, as the relay published it before version 2. */
export function loginEnvelopeV1(type: string, overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  const sample = LOGIN_SAMPLES_V1[type];
  if (!sample) throw new Error(`no version-1 sample of ${type}`);
  return envelope(type, { schemaVersion: 1, data: sample.data, ...overrides });
}

/** An envelope as an outbox relay publishes it (libs/eventing toMessage: the envelope without position). */
export function envelope(type: string, overrides: Partial<EventEnvelope> & { data?: unknown } = {}): EventEnvelope {
  const sample = SAMPLE_EVENTS[type];
  if (!sample && overrides.data === undefined) throw new Error(`no sample of ${type}`);
  const subject = overrides.subject ?? ('subject' in (sample ?? {}) ? sample.subject : ENTERPRISE);
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: sample?.schemaVersion ?? 1,
    streamId: `sample-${randomUUID()}`,
    streamVersion: 1,
    ...(subject !== undefined ? { subject } : {}),
    actor: sample?.actor ?? { kind: 'system', id: 'test' },
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    ...overrides,
    data: overrides.data ?? sample.data,
  } as EventEnvelope;
}
