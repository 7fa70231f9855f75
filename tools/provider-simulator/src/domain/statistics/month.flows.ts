import type { AmountCount, StatisticsRecord } from '@cfc/contracts';
import type { SeededRandom } from '../seeded-random';
import type { AccountTraits } from './account.traits';
import type { EnterpriseProfile } from './enterprise.profiles';

type Counterparty = NonNullable<StatisticsRecord['counterparties']>[number];

/** A month's money, before it is split: operating inflow, loan movements and total outflow (fen). */
export interface MonthMoney {
  operatingInflow: number;
  drawdown: number;
  installment: number;
  outflow: number;
  /** Payroll and taxes skipped this month (irregular payer). */
  skipsPayments: boolean;
  /** People on the payroll this month. */
  headcount: number;
}

/** The split of a month's flows by channel and counterparty type, with what the features need. */
export interface MonthFlows {
  inflow: AmountCount;
  outflow: AmountCount;
  cash: { deposit: AmountCount; withdrawal: AmountCount };
  counterparties: Counterparty[];
  /** Single payments that are candidates for the largest inflow and outflow. */
  bigInflows: number[];
  bigOutflows: number[];
  /** Amount from the largest single counterparty. */
  topCounterpartyInflow: number;
}

/**
 * Splits inflow into cash, retail, government, other and enterprise customers (the remainder), plus loan
 * drawdowns; outflow into cash, loan repayments, taxes and social insurance, payroll, other and suppliers.
 * Cash has no counterparty, so counterparty sums stay within the totals by construction.
 */
export function splitFlows(money: MonthMoney, profile: EnterpriseProfile, traits: AccountTraits, random: SeededRandom, payment: boolean): MonthFlows {
  const deposit = traits.takesCash ? share(money.operatingInflow, random.between(...profile.cashDeposit)) : 0;
  const rest = money.operatingInflow - deposit;
  const individualIn = share(rest, payment ? random.between(0.5, 0.8) : profile.individualInflow * random.between(0.7, 1.3));
  const governmentIn = random.next() < 0.12 ? share(rest, random.between(0.01, 0.03)) : 0;
  const otherIn = share(rest, random.between(0.003, 0.015));
  const enterpriseIn = rest - individualIn - governmentIn - otherIn;

  const withdrawal = traits.takesCash ? share(money.outflow, random.between(...profile.cashWithdrawal)) : 0;
  const spend = money.outflow - withdrawal;
  const repayment = traits.carriesLoans ? Math.min(money.installment, share(spend, 0.35)) : 0;
  const taxes = traits.paysTaxes && !money.skipsPayments ? share(spend, random.between(0.07, 0.11)) : 0;
  const payroll = money.headcount > 0 && !money.skipsPayments ? share(spend, random.between(0.14, 0.24)) : 0;
  const otherOut = share(spend, random.between(0.01, 0.03));
  const enterpriseOut = spend - repayment - taxes - payroll - otherOut;

  const count = (amount: number, ticket: number) => (amount > 0 ? Math.max(1, Math.round(amount / (ticket * random.between(0.7, 1.3)))) : 0);
  const enterpriseInCount = count(enterpriseIn, traits.customerTicket);
  const customersPaying = Math.min(traits.customers, enterpriseInCount);
  const enterpriseOutCount = count(enterpriseOut, traits.supplierTicket);
  const individualInCount = count(individualIn, traits.retailTicket);
  const payrollCount = payroll > 0 ? money.headcount : 0;
  const taxCount = taxes > 0 ? random.int(2, 4) : 0;
  const otherInCount = otherIn > 0 ? random.int(1, 4) : 0;
  const otherOutCount = otherOut > 0 ? random.int(2, 8) : 0;

  const counterparties: Counterparty[] = [
    entry('ENTERPRISE', [enterpriseIn, enterpriseInCount], [enterpriseOut, enterpriseOutCount], customersPaying + Math.min(traits.suppliers, enterpriseOutCount)),
    entry('INDIVIDUAL', [individualIn, individualInCount], [payroll, payrollCount], payrollCount + Math.ceil(individualInCount * random.between(0.3, 0.7))),
    entry('GOVERNMENT', [governmentIn, governmentIn > 0 ? 1 : 0], [taxes, taxCount], (governmentIn > 0 ? 1 : 0) + Math.min(taxCount, 2)),
    entry('FINANCIAL_INSTITUTION', [money.drawdown, money.drawdown > 0 ? 1 : 0], [repayment, repayment > 0 ? 1 : 0], 1),
    entry('OTHER', [otherIn, otherInCount], [otherOut, otherOutCount], random.int(1, 3)),
  ].filter((c): c is Counterparty => c !== undefined);

  const cash = { deposit: { amount: deposit, count: count(deposit, traits.cashTicket) }, withdrawal: { amount: withdrawal, count: count(withdrawal, traits.cashTicket) } };
  const sum = (side: 'inflow' | 'outflow', key: keyof AmountCount) => counterparties.reduce((n, c) => n + c[side][key], 0);
  const topCustomer = Math.max(share(enterpriseIn, random.between(...profile.topCustomerShare)), Math.ceil(enterpriseIn / Math.max(1, customersPaying)));
  return {
    inflow: { amount: sum('inflow', 'amount') + deposit, count: sum('inflow', 'count') + cash.deposit.count },
    outflow: { amount: sum('outflow', 'amount') + withdrawal, count: sum('outflow', 'count') + cash.withdrawal.count },
    cash,
    counterparties,
    bigInflows: [money.drawdown, governmentIn, Math.min(enterpriseIn, Math.round(traits.customerTicket * random.between(1.8, 4)))],
    bigOutflows: [repayment, share(taxes, random.between(0.4, 0.7)), Math.min(enterpriseOut, Math.round(traits.supplierTicket * random.between(1.8, 4)))],
    topCounterpartyInflow: Math.max(topCustomer, money.drawdown, governmentIn),
  };
}

/** One counterparty line; types with no movement at all are left out. `distinct` never exceeds the payments. */
function entry(type: Counterparty['type'], [inAmount, inCount]: [number, number], [outAmount, outCount]: [number, number], distinct: number): Counterparty | undefined {
  if (inAmount + outAmount === 0) return undefined;
  return { type, inflow: { amount: inAmount, count: inCount }, outflow: { amount: outAmount, count: outCount }, distinct: Math.max(1, Math.min(distinct, inCount + outCount)) };
}

function share(amount: number, fraction: number): number {
  return Math.round(amount * fraction);
}
