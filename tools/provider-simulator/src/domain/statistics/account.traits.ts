import type { FundAccount } from '@cfc/contracts';
import { seededRandom } from '../seeded-random';

// What stays fixed for one account across months: its size and the habits of the business behind it.
// Amounts are fen (1/100 CNY).
export interface AccountTraits {
  /** Trend inflow of a month at the reference period, before growth and seasonality. */
  readonly scale: number;
  /** Typical enterprise payment received and made. */
  readonly customerTicket: number;
  readonly supplierTicket: number;
  /** Typical retail payment (individuals) and cash deposit or withdrawal. */
  readonly retailTicket: number;
  readonly cashTicket: number;
  /** People paid each month (0: no payroll from this account). */
  readonly headcount: number;
  readonly customers: number;
  readonly suppliers: number;
  /** Whether this account takes cash (payment accounts do not). */
  readonly takesCash: boolean;
  /** Whether tax and social insurance are paid from this account (the basic account, as in China). */
  readonly paysTaxes: boolean;
  /** Whether loans are drawn and repaid through this account. */
  readonly carriesLoans: boolean;
  /** Drawdown size in months of trend inflow, and the month offset of the drawdown schedule. */
  readonly loanMonths: number;
  readonly loanPhase: number;
  /** Offset of the gap schedule (gaps profile). */
  readonly gapPhase: number;
}

const CNY = 100;

/** The traits of an account, from its number and type. */
export function accountTraits(account: FundAccount): AccountTraits {
  const random = seededRandom('traits', account.number);
  const basic = account.type === 'BASIC';
  const payment = account.type === 'PAYMENT';
  const scale = Math.round(
    payment ? random.between(60_000, 400_000) * CNY : basic ? random.between(400_000, 3_000_000) * CNY : random.between(150_000, 900_000) * CNY,
  );
  return {
    scale,
    customerTicket: Math.round(random.between(15_000, 120_000) * CNY),
    supplierTicket: Math.round(random.between(10_000, 90_000) * CNY),
    retailTicket: Math.round(random.between(80, 900) * CNY),
    cashTicket: Math.round(random.between(3_000, 20_000) * CNY),
    headcount: basic ? random.int(6, 80) : 0,
    customers: random.int(4, 40),
    suppliers: random.int(3, 25),
    takesCash: !payment,
    paysTaxes: basic,
    carriesLoans: !payment,
    loanMonths: random.between(0.6, 1.6),
    loanPhase: random.int(0, 11),
    gapPhase: random.int(0, 10),
  };
}
