import type { FundAccount, StatisticsRecord } from '@cfc/contracts';
import { addMonths, daysInMonth, monthIndex, monthOfYear } from '../periods';
import { seededRandom, type SeededRandom } from '../seeded-random';
import { accountTraits, type AccountTraits } from './account.traits';
import { profileOf, type EnterpriseProfile } from './enterprise.profiles';
import { splitFlows, type MonthFlows } from './month.flows';
import { recordProblems } from './statistics.invariants';

/** Which account-month, at which revision (a correction regenerates the month with fresh noise). */
export interface AccountMonth {
  account: FundAccount;
  subject: string;
  period: string;
  revision: number;
}

/** Growth compounds from this month, so the same period gives the same trend whenever it is generated. */
const REFERENCE_INDEX = monthIndex('2025-01');

/**
 * One account-month of statistics, the same on every call for the same input; undefined for a month the
 * provider has no statistics for (gaps profile). Outflow is what makes the month-end balance follow from
 * the previous one (end - start = inflow - outflow), so balances and flows tell one story.
 */
export function generateAccountMonth(input: AccountMonth): StatisticsRecord | undefined {
  const { account, subject, period, revision } = input;
  const profile = profileOf(subject);
  const traits = accountTraits(account);
  if (!isSuppliedMonth(profile, traits, account, period)) return undefined;
  const random = seededRandom('month', account.number, period, revision);
  const trend = trendInflow(profile, traits, period);
  const operatingInflow = Math.round(trend * (1 + profile.noise * random.signed()));
  const { drawdown, installment } = loanMovements(profile, traits, period);
  const start = balanceLevel(profile, traits, account, addMonths(period, -1));
  const end = balanceLevel(profile, traits, account, period);
  const inflowTotal = operatingInflow + drawdown;
  const outflow = Math.max(inflowTotal - (end - start), Math.round(0.25 * inflowTotal));
  // A growing business hires, a declining one lays off: headcount follows the square root of growth.
  const headcount = traits.headcount === 0 ? 0 : Math.max(1, Math.round(traits.headcount * Math.sqrt(growthAt(profile, period))));
  const skipsPayments = random.next() < profile.missedPaymentRate;
  const flows = splitFlows({ operatingInflow, drawdown, installment, outflow, skipsPayments, headcount }, profile, traits, random, account.type === 'PAYMENT');
  const record: StatisticsRecord = {
    account: { number: account.number, type: account.type },
    subject,
    period,
    revision,
    inflow: flows.inflow,
    outflow: flows.outflow,
    cash: flows.cash,
    counterparties: flows.counterparties,
    ...monthBalancesAndFeatures(flows, { start, end, operatingInflow }, profile, random, period, account.type === 'PAYMENT'),
  };
  const problems = recordProblems(record);
  if (problems.length > 0) throw new Error(`generator bug for ${period} rev ${revision}: ${problems.join('; ')}`);
  return record;
}

/** Whether the provider has statistics for that month: every month but the gaps profile's missing ones. */
export function isSuppliedMonth(profile: EnterpriseProfile, traits: AccountTraits, account: FundAccount, period: string): boolean {
  if (!profile.missesMonths) return true;
  // Two missing months in every eleven, plus a few scattered ones: every 36-month window has gaps.
  const scheduled = (monthIndex(period) + traits.gapPhase) % 11 < 2;
  return !scheduled && seededRandom('gap', account.number, period).next() >= 0.06;
}

/** The compounded growth factor of the profile at that month (1 at the reference month). */
function growthAt(profile: EnterpriseProfile, period: string): number {
  return Math.exp(profile.monthlyGrowth * (monthIndex(period) - REFERENCE_INDEX));
}

/** Inflow the business would see this month without noise: size, growth and the yearly cycle. */
function trendInflow(profile: EnterpriseProfile, traits: AccountTraits, period: string): number {
  const month = monthOfYear(period);
  const cycle = 1 + profile.seasonality * Math.cos((2 * Math.PI * (month - profile.peakMonth)) / 12);
  const springFestival = month === 2 ? 0.85 : 1;
  return traits.scale * growthAt(profile, period) * cycle * springFestival;
}

/** Month-end balance: a buffer of months of (unseasoned) trend inflow, with noise of its own. */
function balanceLevel(profile: EnterpriseProfile, traits: AccountTraits, account: FundAccount, period: string): number {
  const noise = 1 + 0.12 * seededRandom('balance', account.number, period).signed();
  return Math.round(profile.bufferMonths * traits.scale * growthAt(profile, period) * noise);
}

/** Loans on a schedule: a drawdown every few months, repaid in monthly instalments with interest. */
function loanMovements(profile: EnterpriseProfile, traits: AccountTraits, period: string): { drawdown: number; installment: number } {
  if (!traits.carriesLoans || profile.drawEveryMonths === 0) return { drawdown: 0, installment: 0 };
  const loan = traits.scale * growthAt(profile, period) * traits.loanMonths * Math.min(1, profile.drawEveryMonths / 6);
  const drawsNow = (monthIndex(period) + traits.loanPhase) % profile.drawEveryMonths === 0;
  return { drawdown: drawsNow ? Math.round(loan) : 0, installment: Math.round((loan / profile.drawEveryMonths) * 1.05) };
}

function monthBalancesAndFeatures(
  flows: MonthFlows,
  { start, end, operatingInflow }: { start: number; end: number; operatingInflow: number },
  profile: EnterpriseProfile,
  random: SeededRandom,
  period: string,
  payment: boolean,
): Pick<StatisticsRecord, 'balance' | 'features'> {
  const days = daysInMonth(period);
  const zeroBalanceDays = random.next() < profile.zeroBalanceRate ? random.int(1, 6) : 0;
  const min = zeroBalanceDays > 0 ? 0 : Math.round(Math.min(start, end) * random.between(0.35, 0.9));
  const max = Math.round(Math.max(start, end) + operatingInflow * random.between(0.1, 0.35));
  const averageDaily = Math.round(min + (max - min) * random.between(0.3, 0.6));
  const payments = flows.inflow.count + flows.outflow.count;
  const busy = profile.name === 'cash-heavy' || payment ? random.between(0.85, 1) : random.between(0.55, 0.85);
  const largest = (total: { amount: number; count: number }, candidates: number[]) =>
    total.count === 0 ? 0 : Math.min(total.amount, Math.max(Math.ceil(total.amount / total.count), ...candidates));
  return {
    balance: { end, averageDaily, min, max },
    features: {
      activeDays: payments === 0 ? 0 : Math.max(1, Math.min(days, payments, Math.round(days * busy))),
      largestInflow: largest(flows.inflow, flows.bigInflows),
      largestOutflow: largest(flows.outflow, flows.bigOutflows),
      zeroBalanceDays,
      topCounterpartyShare: flows.inflow.amount === 0 ? 0 : Math.round((flows.topCounterpartyInflow / flows.inflow.amount) * 10_000) / 10_000,
    },
  };
}
