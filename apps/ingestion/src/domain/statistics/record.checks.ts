import { validateStatisticsRecord, type AmountCount, type StatisticsRecord, type StatisticsRecordRejection } from '@cfc/contracts';
import { daysInMonth, periodProblem } from './period';

/** One record judged on its own: its shape, the arithmetic between its figures, its month. */
export type RecordCheck = { ok: true; record: StatisticsRecord } | { ok: false; reason: StatisticsRecordRejection; detail: string };

const AMOUNT_PATH = /\/(amount|count|distinct|largestInflow|largestOutflow|activeDays|zeroBalanceDays|end|averageDaily|min|max)$/;

/** Checks a record's shape (the contract's schema) and the rules between its figures, at `now`. */
export function checkRecord(raw: unknown, now: Date): RecordCheck {
  const shaped = validateStatisticsRecord.check(raw);
  if (!shaped.ok) {
    const first = shaped.error.errors[0];
    const path = first?.instancePath ?? '';
    const detail = shaped.error.message.slice(0, 500);
    if (path === '/period') return refuse('PERIOD_INVALID', detail);
    if (AMOUNT_PATH.test(path)) return refuse('AMOUNT_INVALID', detail);
    return refuse('RECORD_SCHEMA_VIOLATION', detail);
  }
  const record = shaped.value;
  const period = periodProblem(record.period, now);
  if (period) return refuse(period, `period ${record.period}`);
  const broken = counterpartyProblem(record) ?? cashProblem(record) ?? balanceProblem(record) ?? featureProblem(record);
  return broken ?? { ok: true, record };
}

function counterpartyProblem(r: StatisticsRecord): RecordCheck | undefined {
  const parties = r.counterparties ?? [];
  const sum = (pick: (p: (typeof parties)[number]) => AmountCount) => parties.reduce((acc, p) => ({ amount: acc.amount + pick(p).amount, count: acc.count + pick(p).count }), { amount: 0, count: 0 });
  const inflow = sum((p) => p.inflow);
  const outflow = sum((p) => p.outflow);
  if (exceeds(inflow, r.inflow)) return refuse('COUNTERPARTY_EXCEEDS_TOTAL', `counterparty inflows ${inflow.amount}/${inflow.count} exceed inflow ${r.inflow.amount}/${r.inflow.count}`);
  if (exceeds(outflow, r.outflow)) return refuse('COUNTERPARTY_EXCEEDS_TOTAL', `counterparty outflows ${outflow.amount}/${outflow.count} exceed outflow ${r.outflow.amount}/${r.outflow.count}`);
  return undefined;
}

function cashProblem(r: StatisticsRecord): RecordCheck | undefined {
  if (!r.cash) return undefined;
  if (exceeds(r.cash.deposit, r.inflow)) return refuse('CASH_EXCEEDS_TOTAL', 'cash deposits exceed inflow');
  if (exceeds(r.cash.withdrawal, r.outflow)) return refuse('CASH_EXCEEDS_TOTAL', 'cash withdrawals exceed outflow');
  return undefined;
}

function balanceProblem({ balance: b }: StatisticsRecord): RecordCheck | undefined {
  const inOrder = b.min <= b.averageDaily && b.averageDaily <= b.max && b.min <= b.end && b.end <= b.max;
  return inOrder ? undefined : refuse('BALANCE_OUT_OF_RANGE', `need min <= averageDaily <= max and min <= end <= max; got min ${b.min}, averageDaily ${b.averageDaily}, end ${b.end}, max ${b.max}`);
}

function featureProblem(r: StatisticsRecord): RecordCheck | undefined {
  const f = r.features;
  if (!f) return undefined;
  const days = daysInMonth(r.period);
  if (f.activeDays > days || f.zeroBalanceDays > days) return refuse('FEATURE_INCONSISTENT', `${r.period} has ${days} days`);
  if (f.largestInflow > r.inflow.amount || f.largestOutflow > r.outflow.amount) return refuse('FEATURE_INCONSISTENT', 'a largest payment exceeds its total');
  return undefined;
}

const exceeds = (part: AmountCount, total: AmountCount) => part.amount > total.amount || part.count > total.count;
const refuse = (reason: StatisticsRecordRejection, detail: string): RecordCheck => ({ ok: false, reason, detail });
