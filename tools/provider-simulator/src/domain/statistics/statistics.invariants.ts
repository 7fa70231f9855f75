import type { AmountCount, StatisticsRecord } from '@cfc/contracts';
import { daysInMonth } from '../periods';

/**
 * What a record's figures must say together, beyond its JSON Schema: the contract's cross-field rules
 * (counterparty sums within the totals, min <= average <= max) and the plausibility a lender would check
 * (cash within the totals, the month-end balance between min and max, largest payment between the mean
 * payment and the total, day counts within the month). Empty when the record holds together.
 */
export function recordProblems(record: StatisticsRecord): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);
  const days = daysInMonth(record.period);
  for (const side of ['inflow', 'outflow'] as const) {
    const total = record[side];
    const counterparties = sum((record.counterparties ?? []).map((c) => c[side]));
    const cash = record.cash ? (side === 'inflow' ? record.cash.deposit : record.cash.withdrawal) : { amount: 0, count: 0 };
    check(counterparties.amount <= total.amount && counterparties.count <= total.count, `${side}: counterparty sums exceed the total`);
    check(counterparties.amount + cash.amount <= total.amount && counterparties.count + cash.count <= total.count, `${side}: counterparties and cash exceed the total`);
    check(consistent(total) && consistent(cash), `${side}: an amount without payments, or payments without an amount`);
  }
  for (const c of record.counterparties ?? []) {
    check(consistent(c.inflow) && consistent(c.outflow), `${c.type}: an amount without payments, or payments without an amount`);
    check(c.distinct <= c.inflow.count + c.outflow.count, `${c.type}: more distinct counterparties than payments`);
    check(c.distinct >= 1, `${c.type}: listed with no counterparty`);
  }
  const types = (record.counterparties ?? []).map((c) => c.type);
  check(new Set(types).size === types.length, 'a counterparty type is listed twice');
  const { end, averageDaily, min, max } = record.balance;
  check(min <= averageDaily && averageDaily <= max, 'balance: not min <= average <= max');
  check(min <= end && end <= max, 'balance: month-end outside min..max');
  const f = record.features;
  if (f) {
    const payments = record.inflow.count + record.outflow.count;
    check(f.activeDays <= days && f.activeDays <= payments && (payments === 0 || f.activeDays >= 1), 'features: activeDays impossible for the month and its payments');
    check(f.zeroBalanceDays <= days, 'features: more zero-balance days than days');
    check(f.zeroBalanceDays === 0 || min <= 0, 'features: zero-balance days but a positive minimum balance');
    check(largestFits(f.largestInflow, record.inflow), 'features: largestInflow not between the mean payment and the total');
    check(largestFits(f.largestOutflow, record.outflow), 'features: largestOutflow not between the mean payment and the total');
    check(record.inflow.amount > 0 || f.topCounterpartyShare === 0, 'features: a top-counterparty share without inflow');
  }
  return problems;
}

function largestFits(largest: number, total: AmountCount): boolean {
  if (total.count === 0) return largest === 0;
  return largest <= total.amount && largest * total.count >= total.amount;
}

function consistent(flow: AmountCount): boolean {
  return (flow.amount === 0) === (flow.count === 0);
}

function sum(flows: AmountCount[]): AmountCount {
  return flows.reduce((acc, f) => ({ amount: acc.amount + f.amount, count: acc.count + f.count }), { amount: 0, count: 0 });
}
