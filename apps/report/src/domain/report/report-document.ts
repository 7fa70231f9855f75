import type { AccountType, InstitutionId, Product, Uscc } from '@cfc/contracts';
import { CATALOGUE_VERSION } from '../catalogue/catalogue';
import { creditReportBody, type CreditReportBody } from '../credit-report/credit-report';
import { detailSummaryBody, type DetailSummaryBody } from '../detail-summary/detail-summary';
import { STATISTIC_LEGEND, COUNTERPARTY_TYPE_NAMES } from '../detail-summary/statistic-legend';
import type { AccountStatistics } from '../statistics/month-statistics';
import type { ReportWindow } from '../statistics/scope';

/** Version of docs/report.schema.json that reports are written in; a breaking change is a new version. */
export const REPORT_SCHEMA_VERSION = 1;

/** Who asked: a lender under an authorisation, or the enterprise about itself. */
export type ReportQuery = { kind: 'INSTITUTION'; institution: InstitutionId; authorizationId: string; queryId: string } | { kind: 'SELF'; queryId: string };

/** An authorised account as a report shows it: never the full number. */
export interface ReportAccount {
  bindingId: string;
  provider: InstitutionId;
  accountType: AccountType;
  /** Masked: first and last four digits (maskAccountNumber). */
  accountNumber: string;
}

export interface ReportCoverage {
  accountMonthsExpected: number;
  accountMonthsPresent: number;
  accounts: Array<{ bindingId: string; monthsPresent: number; missingPeriods: string[]; latestPeriod: string | null }>;
}

export interface ReportHeader {
  reportId: string;
  product: Product;
  schemaVersion: number;
  catalogueVersion: number;
  generatedAt: string;
  query: ReportQuery;
  /** The enterprise by USCC only: reports carry no names of people and no identity numbers. */
  subject: { uscc: Uscc };
  period: { from: string; to: string; months: number };
  accounts: ReportAccount[];
  coverage: ReportCoverage;
}

export type CreditReport = ReportHeader & { product: 'CREDIT_REPORT' } & CreditReportBody;
export type DetailSummary = ReportHeader & { product: 'DETAIL_SUMMARY'; legend: { fields: typeof STATISTIC_LEGEND; counterpartyTypes: typeof COUNTERPARTY_TYPE_NAMES } } & DetailSummaryBody;
export type ReportDocument = CreditReport | DetailSummary;

export interface ReportInput {
  reportId: string;
  generatedAt: Date;
  product: Product;
  query: ReportQuery;
  subject: Uscc;
  window: ReportWindow;
  accounts: readonly ReportAccount[];
  /** Statistics per account; an account without any is an account with no months. */
  statistics: readonly AccountStatistics[];
}

/** Builds a report over exactly `accounts` and `window`: statistics of other accounts or months are ignored. */
export function buildReport(input: ReportInput): ReportDocument {
  const accounts = [...input.accounts].sort((a, b) => (a.bindingId < b.bindingId ? -1 : a.bindingId > b.bindingId ? 1 : 0));
  const byId = new Map(input.statistics.map((s) => [s.bindingId, s]));
  const statistics = accounts.map((a) => byId.get(a.bindingId) ?? { bindingId: a.bindingId, months: [] });
  const header: ReportHeader = {
    reportId: input.reportId,
    product: input.product,
    schemaVersion: REPORT_SCHEMA_VERSION,
    catalogueVersion: CATALOGUE_VERSION,
    generatedAt: input.generatedAt.toISOString(),
    query: input.query,
    subject: { uscc: input.subject },
    period: { from: input.window.from, to: input.window.to, months: input.window.periods.length },
    accounts,
    coverage: coverageOf(input.window, statistics),
  };
  switch (input.product) {
    case 'CREDIT_REPORT':
      return { ...header, product: 'CREDIT_REPORT', ...creditReportBody(input.window, statistics) };
    case 'DETAIL_SUMMARY':
      return { ...header, product: 'DETAIL_SUMMARY', legend: { fields: STATISTIC_LEGEND, counterpartyTypes: COUNTERPARTY_TYPE_NAMES }, ...detailSummaryBody(input.window, statistics) };
    default: {
      const never: never = input.product;
      throw new Error(`unknown product ${String(never)}`);
    }
  }
}

function coverageOf(window: ReportWindow, statistics: readonly AccountStatistics[]): ReportCoverage {
  const accounts = statistics.map((s) => {
    const present = new Set(s.months.map((m) => m.period));
    const inWindow = window.periods.filter((p) => present.has(p));
    return { bindingId: s.bindingId, monthsPresent: inWindow.length, missingPeriods: window.periods.filter((p) => !present.has(p)), latestPeriod: inWindow.length ? inWindow[inWindow.length - 1] : null };
  });
  return { accountMonthsExpected: window.periods.length * statistics.length, accountMonthsPresent: accounts.reduce((n, a) => n + a.monthsPresent, 0), accounts };
}
