import { randomUUID } from 'node:crypto';
import { usccCheckCharacter, type AcceptedStatisticsRecord, type BindingView, type EventEnvelope } from '@cfc/contracts';

// The bench's data: enterprises with 3 bound accounts each and 36 months of full statistics per account
// (every optional part, so parsing and computing cost what they would for real), in the contract shapes.

export const ACCOUNTS_PER_SUBJECT = 3;
export const MONTHS = 36;

export interface BenchSubject {
  uscc: string;
  bindings: BindingView[];
  authorizationId: string;
}

/** The 36 months ending with the last complete month in Asia/Shanghai (what consent's check authorises). */
export function benchPeriods(now = new Date()): string[] {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  const last = shanghai.getUTCFullYear() * 12 + shanghai.getUTCMonth() - 1;
  return Array.from({ length: MONTHS }, (_, k) => {
    const index = last - MONTHS + 1 + k;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

export function benchSubjects(count: number): BenchSubject[] {
  return Array.from({ length: count }, (_, s) => {
    const first17 = `91310000${String(s).padStart(9, '0')}`;
    const uscc = first17 + usccCheckCharacter(first17);
    const at = new Date().toISOString();
    const bindings = Array.from({ length: ACCOUNTS_PER_SUBJECT }, (_, k): BindingView => ({
      bindingId: `bench-${s}-${k}`,
      subject: uscc,
      provider: k === 2 ? 'P0001' : 'B0001',
      account: { number: `62220202${String(s).padStart(6, '0')}${k}2233`, type: k === 0 ? 'BASIC' : k === 1 ? 'GENERAL' : 'PAYMENT' },
      status: 'ACTIVE',
      agreement: { version: '2026-01', sha256: 'a'.repeat(64), acceptedAt: at },
      requestedAt: at,
      activatedAt: at,
    }));
    return { uscc, bindings, authorizationId: `bench-auth-${s}` };
  });
}

/** One plausible account-month, deterministic in (subject, account, month). */
function record(b: BindingView, period: string, seed: number): AcceptedStatisticsRecord {
  const wobble = (n: number) => Math.round(n * (0.8 + ((seed * 7919 + n) % 400) / 1000));
  const inflow = wobble(12_000_000);
  const outflow = wobble(10_000_000);
  return {
    account: b.account, subject: b.subject, period, revision: 1, bindingId: b.bindingId,
    inflow: { amount: inflow, count: 40 + (seed % 20) },
    outflow: { amount: outflow, count: 30 + (seed % 15) },
    cash: { deposit: { amount: Math.round(inflow / 40), count: 3 }, withdrawal: { amount: Math.round(outflow / 80), count: 1 } },
    counterparties: [
      { type: 'ENTERPRISE', inflow: { amount: Math.round(inflow * 0.7), count: 25 }, outflow: { amount: Math.round(outflow * 0.5), count: 15 }, distinct: 14 },
      { type: 'INDIVIDUAL', inflow: { amount: Math.round(inflow * 0.1), count: 8 }, outflow: { amount: Math.round(outflow * 0.25), count: 10 }, distinct: 20 },
      { type: 'GOVERNMENT', inflow: { amount: 0, count: 0 }, outflow: { amount: Math.round(outflow * 0.08), count: 2 }, distinct: 2 },
      { type: 'FINANCIAL_INSTITUTION', inflow: { amount: seed % 6 === 0 ? Math.round(inflow * 0.15) : 0, count: seed % 6 === 0 ? 1 : 0 }, outflow: { amount: Math.round(outflow * 0.1), count: 1 }, distinct: 1 },
      { type: 'OTHER', inflow: { amount: Math.round(inflow * 0.05), count: 2 }, outflow: { amount: Math.round(outflow * 0.02), count: 1 }, distinct: 3 },
    ],
    balance: { end: wobble(5_400_000), averageDaily: wobble(4_100_000), min: wobble(900_000), max: wobble(8_800_000) },
    features: { activeDays: 18 + (seed % 8), largestInflow: wobble(2_000_000), largestOutflow: wobble(1_500_000), zeroBalanceDays: seed % 11 === 0 ? 1 : 0, topCounterpartyShare: 0.31 },
  };
}

const envelope = (type: string, streamId: string, streamVersion: number, data: unknown, subject?: string): EventEnvelope => ({
  eventId: randomUUID(), type, schemaVersion: 1, streamId, streamVersion, ...(subject ? { subject } : {}),
  actor: { kind: 'system', id: 'bench' }, occurredAt: new Date().toISOString(), correlationId: randomUUID(), data,
});

/** binding.requested + binding.confirmed per binding, as binding's relay publishes them. */
export function bindingEvents(subjects: readonly BenchSubject[]): EventEnvelope[] {
  return subjects.flatMap((s) => s.bindings.flatMap((b) => {
    const base = { bindingId: b.bindingId, subject: b.subject, provider: b.provider, account: b.account };
    return [
      envelope('binding.requested', `binding-${b.bindingId}`, 1, { ...base, agreement: b.agreement, requestedAt: b.requestedAt }, b.subject),
      envelope('binding.confirmed', `binding-${b.bindingId}`, 2, { ...base, confirmedAt: b.activatedAt }, b.subject),
    ];
  }));
}

/** statistics.accepted events of 1,000 records each (the contract's largest), as ingestion's relay publishes them. */
export function statisticsEvents(subjects: readonly BenchSubject[], periods: readonly string[]): EventEnvelope[] {
  const events: EventEnvelope[] = [];
  for (const provider of ['B0001', 'P0001']) {
    const records = subjects.flatMap((s, i) => s.bindings.flatMap((b, k) => (b.provider === provider ? periods.map((p, m) => record(b, p, i * 1000 + k * 100 + m)) : [])));
    for (let i = 0; i < records.length; i += 1000) {
      const submissionId = randomUUID();
      events.push(envelope('statistics.accepted', `submission-${submissionId}`, 1, { submissionId, provider, acceptedAt: new Date().toISOString(), records: records.slice(i, i + 1000) }));
    }
  }
  return events;
}
