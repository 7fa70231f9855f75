import { seedOf } from '../seeded-random';

// The shapes an enterprise's cash flow can take, so that two demo reports differ in ways a lender cares
// about: trend, seasonality, cash use, balance buffer, loan use and missing months.
export const PROFILE_NAMES = ['steady', 'growing', 'declining', 'seasonal', 'cash-heavy', 'gaps'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export interface EnterpriseProfile {
  readonly name: ProfileName;
  /** Monthly growth of the inflow trend: 0.025 is +2.5 % a month, compounding. */
  readonly monthlyGrowth: number;
  /** Amplitude of the yearly cycle (0.5: ±50 %), at its top in `peakMonth` (1..12). */
  readonly seasonality: number;
  readonly peakMonth: number;
  /** Month-to-month noise of inflow: 0.08 is ±8 %. */
  readonly noise: number;
  /** Shares of inflow deposited and of outflow withdrawn in cash (accounts that take cash). */
  readonly cashDeposit: readonly [number, number];
  readonly cashWithdrawal: readonly [number, number];
  /** Share of non-cash inflow paid by individuals (retail customers). */
  readonly individualInflow: number;
  /** Month-end balance, in months of trend inflow. */
  readonly bufferMonths: number;
  /** Chance that a month has days at a zero balance. */
  readonly zeroBalanceRate: number;
  /** Loans: a drawdown every `drawEveryMonths` months (0: no loan), repaid monthly. */
  readonly drawEveryMonths: number;
  /** Largest customer's share of enterprise inflow. */
  readonly topCustomerShare: readonly [number, number];
  /** Chance that payroll and tax are not paid in a month (irregular payers). */
  readonly missedPaymentRate: number;
  /** Months the provider has no statistics for (gaps profile only). */
  readonly missesMonths: boolean;
}

export const PROFILES: Readonly<Record<ProfileName, EnterpriseProfile>> = {
  steady: profile('steady', { monthlyGrowth: 0, seasonality: 0.05, noise: 0.06, bufferMonths: 0.9, drawEveryMonths: 12 }),
  growing: profile('growing', { monthlyGrowth: 0.025, noise: 0.07, bufferMonths: 0.6, drawEveryMonths: 3 }),
  declining: profile('declining', {
    monthlyGrowth: -0.022,
    noise: 0.08,
    bufferMonths: 0.45,
    zeroBalanceRate: 0.35,
    drawEveryMonths: 2,
    topCustomerShare: [0.35, 0.6],
    missedPaymentRate: 0.2,
  }),
  seasonal: profile('seasonal', { monthlyGrowth: 0.003, seasonality: 0.55, peakMonth: 11, noise: 0.06, bufferMonths: 0.8, drawEveryMonths: 12 }),
  'cash-heavy': profile('cash-heavy', {
    monthlyGrowth: 0.004,
    seasonality: 0.1,
    noise: 0.08,
    cashDeposit: [0.45, 0.65],
    cashWithdrawal: [0.12, 0.22],
    individualInflow: 0.35,
    bufferMonths: 0.3,
    zeroBalanceRate: 0.1,
    topCustomerShare: [0.05, 0.15],
    missedPaymentRate: 0.05,
  }),
  gaps: profile('gaps', { seasonality: 0.1, noise: 0.12, bufferMonths: 0.4, zeroBalanceRate: 0.15, drawEveryMonths: 6, missedPaymentRate: 0.1, missesMonths: true }),
};

/**
 * The profile of an enterprise, seeded from its USCC: every account of one enterprise shares one shape,
 * so a consolidated report reads as one business (sizes and noise are seeded from each account number).
 * The salt is the first that gives each profile to two of the twelve demo enterprises (tested).
 */
export function profileOf(subject: string): EnterpriseProfile {
  return PROFILES[PROFILE_NAMES[seedOf('profile', PROFILE_SALT, subject) % PROFILE_NAMES.length]];
}

export const PROFILE_SALT = 641;

function profile(name: ProfileName, shape: Partial<Omit<EnterpriseProfile, 'name'>>): EnterpriseProfile {
  return {
    name,
    monthlyGrowth: 0,
    seasonality: 0.08,
    peakMonth: 12,
    noise: 0.07,
    cashDeposit: [0.02, 0.05],
    cashWithdrawal: [0.01, 0.03],
    individualInflow: 0.04,
    bufferMonths: 0.7,
    zeroBalanceRate: 0,
    drawEveryMonths: 0,
    topCustomerShare: [0.15, 0.35],
    missedPaymentRate: 0,
    missesMonths: false,
    ...shape,
  };
}
