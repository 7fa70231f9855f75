import type { FundAccount } from '@cfc/contracts';

/** One account a demo enterprise holds at a provider (demo.json `enterprises[].accounts`). */
export interface HeldAccount {
  provider: string;
  subject: string;
  number: string;
  type: FundAccount['type'];
}

/** The providers' books: which enterprise holds which account. */
export interface Holdings {
  /** True when `subject` holds exactly this account (number and type) at `provider`. */
  holds(provider: string, subject: string, account: FundAccount): boolean;
  /** The holder of an account at a provider, if any. */
  holderOf(provider: string, account: FundAccount): string | undefined;
}

export function holdingsOf(accounts: readonly HeldAccount[]): Holdings {
  const key = (provider: string, account: FundAccount) => `${provider}/${account.type}/${account.number}`;
  const holders = new Map(accounts.map((a) => [key(a.provider, a), a.subject]));
  return {
    holds: (provider, subject, account) => holders.get(key(provider, account)) === subject,
    holderOf: (provider, account) => holders.get(key(provider, account)),
  };
}
