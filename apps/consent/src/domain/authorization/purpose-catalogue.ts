import type { Purpose, QueryLimit } from '@cfc/contracts';

// The purpose catalogue: per purpose the longest validity, the most months of history and a query cap,
// so that a loan application cannot ask for a year of unlimited queries. The reasoning, with its
// sources (India's Account Aggregator fair-use templates, PSD2's RTS Art. 36(5)(b)), is in the README.

export interface PurposeTemplate {
  purpose: Purpose;
  maxValidDays: number;
  maxMonths: number;
  queryLimit: QueryLimit;
  description: string;
}

export const PURPOSE_CATALOGUE: readonly PurposeTemplate[] = [
  {
    purpose: 'LOAN_APPLICATION',
    maxValidDays: 30,
    maxMonths: 24,
    queryLimit: { count: 4, perDays: 1 },
    description: '贷款申请 Underwriting a new loan application: one decision, so a short consent (at most 30 days), two years of history to see the seasonal cycle twice, at most 4 queries a day.',
  },
  {
    purpose: 'CREDIT_LINE_REVIEW',
    maxValidDays: 90,
    maxMonths: 36,
    queryLimit: { count: 4, perDays: 30 },
    description: '授信审查 Reviewing or renewing an existing credit line: one decision over a review quarter (at most 90 days), the whole three years a line usually runs, at most 4 queries in any 30 days.',
  },
  {
    purpose: 'POST_LOAN_MANAGEMENT',
    maxValidDays: 365,
    maxMonths: 12,
    queryLimit: { count: 5, perDays: 30 },
    description: '贷后管理 Monitoring a disbursed loan: up to a year, the latest 12 months (each month against the same month a year before), at most 5 queries in any 30 days.',
  },
];

/** The template of a purpose. */
export function templateOf(purpose: Purpose): PurposeTemplate {
  const template = PURPOSE_CATALOGUE.find((t) => t.purpose === purpose);
  if (!template) throw new Error(`no template for purpose ${purpose}`);
  return template;
}

/** Codes of the catalogue's rules, one per rule (the 400 problem's `code`). */
export type PurposeRule = 'PURPOSE_VALIDITY_EXCEEDED' | 'PURPOSE_MONTHS_EXCEEDED' | 'PURPOSE_QUERY_LIMIT_EXCEEDED';

export interface PurposeRuleViolation {
  rule: PurposeRule;
  field: 'validDays' | 'months' | 'queryLimit';
  detail: string;
}

/**
 * What a request breaks of its purpose's template (nothing: empty). A lower query limit is one that
 * allows no more queries in a longer or equal window: count <= the template's, perDays >= the template's.
 */
export function purposeViolations(request: { purpose: Purpose; validDays: number; months: number; queryLimit?: QueryLimit }): PurposeRuleViolation[] {
  const t = templateOf(request.purpose);
  const violations: PurposeRuleViolation[] = [];
  if (request.validDays > t.maxValidDays) {
    violations.push({ rule: 'PURPOSE_VALIDITY_EXCEEDED', field: 'validDays', detail: `${t.purpose} consents last at most ${t.maxValidDays} days (asked ${request.validDays})` });
  }
  if (request.months > t.maxMonths) {
    violations.push({ rule: 'PURPOSE_MONTHS_EXCEEDED', field: 'months', detail: `${t.purpose} covers at most ${t.maxMonths} months of history (asked ${request.months})` });
  }
  const asked = request.queryLimit;
  if (asked && (asked.count > t.queryLimit.count || asked.perDays < t.queryLimit.perDays)) {
    violations.push({
      rule: 'PURPOSE_QUERY_LIMIT_EXCEEDED',
      field: 'queryLimit',
      detail: `${t.purpose} allows at most ${t.queryLimit.count} queries in ${t.queryLimit.perDays} day(s) (asked ${asked.count} in ${asked.perDays})`,
    });
  }
  return violations;
}
