import type { AccountType, Product, Purpose } from '@cfc/contracts';
import type { InstitutionNames } from './audited-type';

// The words the activity record's sentences are made of, in Simplified Chinese and English.

export const PURPOSE_WORDS: Record<Purpose, [string, string]> = {
  LOAN_APPLICATION: ['贷款申请', 'loan application'],
  CREDIT_LINE_REVIEW: ['授信审查', 'credit line review'],
  POST_LOAN_MANAGEMENT: ['贷后管理', 'post-loan management'],
};

export const PRODUCT_WORDS: Record<Product, [string, string]> = {
  CREDIT_REPORT: ['信用报告', 'credit report'],
  DETAIL_SUMMARY: ['明细汇总', 'detail summary'],
};

export const ACCOUNT_TYPE_WORDS: Record<AccountType, [string, string]> = {
  BASIC: ['基本户', 'basic account'],
  GENERAL: ['一般户', 'general account'],
  PAYMENT: ['支付账户', 'payment account'],
};

/** An institution as the record names it: its registered name with its id, or the id alone. */
export function institution(id: string, names: InstitutionNames): string {
  const name = names.nameOf(id);
  return name ? `${name}（${id}）` : id;
}

export function institutionEn(id: string, names: InstitutionNames): string {
  const name = names.nameOf(id);
  return name ? `${name} (${id})` : id;
}

/** The calendar day of an instant in Asia/Shanghai (UTC+8, no daylight saving), YYYY-MM-DD. */
export function shanghaiDay(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 10);
}

export const productsZh = (products: readonly Product[]) => products.map((p) => PRODUCT_WORDS[p][0]).join('、');
export const productsEn = (products: readonly Product[]) => products.map((p) => PRODUCT_WORDS[p][1]).join(' and ');
