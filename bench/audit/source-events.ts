import { randomUUID } from 'node:crypto';
import { challengeRefOf, usccCheckCharacter, type BoundedContext, type EventEnvelope } from '@cfc/contracts';

// Source events as the contexts' relays publish them, valid for their contracts, of the sizes the real
// ones have (300-900 bytes of envelope): a rotation of binding, consent, report and identity events.

const enterprise = (n: number) => {
  const first17 = `9131000000MA${String(n % 100000).padStart(5, '0')}`;
  return first17 + usccCheckCharacter(first17);
};

type Made = { context: BoundedContext; type: string; data: Record<string, unknown>; actor: EventEnvelope['actor']; schemaVersion?: number };

function eventFor(i: number, subject: string, at: string): Made {
  const bindingId = `b-${i % 50_000}`;
  const ref = { authorizationId: `a-${i % 50_000}`, subject, lender: 'L0001' };
  const account = { number: `62220202${String(i % 100_000_000).padStart(11, '0')}`, type: 'BASIC' };
  switch (i % 5) {
    case 0:
      return { context: 'binding', type: 'binding.requested', actor: { kind: 'enterprise', id: subject }, data: { bindingId, subject, provider: 'B0001', account, agreement: { version: '1.0', sha256: 'e'.repeat(64), acceptedAt: at }, requestedAt: at } };
    case 1:
      return { context: 'consent', type: 'authorization.requested', actor: { kind: 'institution', id: 'L0001' }, data: { ...ref, purpose: 'LOAN_APPLICATION', products: ['CREDIT_REPORT'], months: 12, validDays: 30, accounts: [bindingId], queryLimit: { count: 2, perDays: 1 }, requestedAt: at, answerBy: at } };
    case 2:
      return { context: 'consent', type: 'authorization.granted', actor: { kind: 'enterprise', id: subject }, data: { ...ref, accounts: [bindingId], products: ['CREDIT_REPORT', 'DETAIL_SUMMARY'], months: 12, validUntil: at, queryLimit: { count: 2, perDays: 1 }, grantedAt: at } };
    case 3:
      return {
        context: 'report', type: 'query.performed', actor: { kind: 'institution', id: 'L0001' },
        data: {
          queryId: randomUUID(), reportId: randomUUID(), kind: 'INSTITUTION', subject, requester: { kind: 'institution', id: 'L0001' }, authorizationId: ref.authorizationId, product: 'CREDIT_REPORT',
          accounts: [{ bindingId, provider: 'B0001', accountType: 'BASIC', accountNumber: '6222***********3445' }], period: { from: '2025-11', to: '2026-10', months: 12 },
          reportSha256: 'a'.repeat(64), reportBytes: 20_000, schemaVersion: 1, catalogueVersion: 1, performedAt: at,
        },
      };
    default:
      // Version 2, as identity writes logins now: the challenge's reference, never its id.
      return { context: 'identity', type: 'subject.logged-in', schemaVersion: 2, actor: { kind: 'enterprise', id: subject }, data: { challengeRef: challengeRefOf(randomUUID()), uscc: subject, at } };
  }
}

/** The i-th source event (its occurredAt is `at`: the bench's stand-in for the source transaction's commit). */
export function sourceEvent(i: number, at = new Date().toISOString()): { context: BoundedContext; envelope: EventEnvelope } {
  const subject = enterprise(i % 10_000);
  const made = eventFor(i, subject, at);
  return {
    context: made.context,
    envelope: { eventId: randomUUID(), type: made.type, schemaVersion: made.schemaVersion ?? 1, streamId: `bench-${i}`, streamVersion: 1, subject, actor: made.actor, occurredAt: at, correlationId: randomUUID(), data: made.data },
  };
}
