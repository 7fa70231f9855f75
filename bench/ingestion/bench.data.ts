import { randomUUID } from 'node:crypto';
import { usccCheckCharacter, type StatisticsRecord } from '@cfc/contracts';

// The bench's data: bound accounts spread over the providers (three per enterprise), and full records
// (every optional part, as the simulator sends them) for the last complete months.

export interface BenchAccount {
  bindingId: string;
  subject: string;
  provider: string;
  number: string;
  type: 'BASIC' | 'GENERAL' | 'PAYMENT';
}

export function benchAccounts(count: number, providers: readonly string[]): BenchAccount[] {
  return Array.from({ length: count }, (_, i) => {
    const s = Math.floor(i / 3);
    const first17 = `91440000${String(s).padStart(9, '0')}`;
    const p = i % providers.length;
    return {
      bindingId: randomUUID(),
      subject: first17 + usccCheckCharacter(first17),
      provider: providers[p],
      number: `6222${p}${String(i).padStart(10, '0')}`,
      type: (['BASIC', 'GENERAL', 'PAYMENT'] as const)[i % 3],
    };
  });
}

/** The `count` months ending with the last complete one (Asia/Shanghai). */
export function lastMonths(count: number, now = new Date()): string[] {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  const last = shanghai.getUTCFullYear() * 12 + shanghai.getUTCMonth() - 1;
  return Array.from({ length: count }, (_, k) => {
    const index = last - k;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** One plausible account-month (sums within totals, balances in order), deterministic in its seed. */
export function benchRecord(a: BenchAccount, period: string, seed: number): StatisticsRecord {
  const wobble = (n: number) => Math.round(n * (0.8 + ((seed * 7919 + n) % 400) / 1000));
  const inflow = wobble(12_000_000);
  const outflow = wobble(10_000_000);
  return {
    account: { number: a.number, type: a.type },
    subject: a.subject,
    period,
    revision: 1,
    inflow: { amount: inflow, count: 60 },
    outflow: { amount: outflow, count: 50 },
    cash: { deposit: { amount: Math.round(inflow / 40), count: 3 }, withdrawal: { amount: Math.round(outflow / 80), count: 1 } },
    counterparties: [
      { type: 'ENTERPRISE', inflow: { amount: Math.round(inflow * 0.7), count: 25 }, outflow: { amount: Math.round(outflow * 0.5), count: 15 }, distinct: 14 },
      { type: 'INDIVIDUAL', inflow: { amount: Math.round(inflow * 0.1), count: 8 }, outflow: { amount: Math.round(outflow * 0.25), count: 10 }, distinct: 20 },
      { type: 'GOVERNMENT', inflow: { amount: 0, count: 0 }, outflow: { amount: Math.round(outflow * 0.08), count: 2 }, distinct: 2 },
      { type: 'FINANCIAL_INSTITUTION', inflow: { amount: Math.round(inflow * 0.05), count: 1 }, outflow: { amount: Math.round(outflow * 0.1), count: 1 }, distinct: 1 },
      { type: 'OTHER', inflow: { amount: Math.round(inflow * 0.05), count: 2 }, outflow: { amount: Math.round(outflow * 0.02), count: 1 }, distinct: 3 },
    ],
    balance: { end: 5_400_000, averageDaily: 4_100_000, min: 900_000, max: 8_800_000 },
    features: { activeDays: 18 + (seed % 8), largestInflow: Math.round(inflow / 10), largestOutflow: Math.round(outflow / 10), zeroBalanceDays: 0, topCounterpartyShare: 0.31 },
  };
}
