// Types for the shared identifiers and amounts of CONTRACT.md; amounts are integers in fen.
export type Uscc = string;
export type InstitutionId = string;
export type AccountType = 'BASIC' | 'GENERAL' | 'PAYMENT';
export interface FundAccount {
  number: string;
  type: AccountType;
}
export interface AmountCount {
  amount: number;
  count: number;
}
