import type { AccountType, InstitutionId, Product, Uscc } from '@cfc/contracts';
import { CATALOGUE_VERSION } from '../catalogue/catalogue';
import { creditReportBody, type CreditReportBody } from '../credit-report/credit-report';
import { detailSummaryBody, type DetailSummaryBody } from '../detail-summary/detail-summary';
import { STATISTIC_LEGEND, COUNTERPARTY_TYPE_NAMES } from '../detail-summary/statistic-legend';
import type { AccountStatistics } from '../statistics/month-statistics';
import type { ReportWindow } from '../statistics/scope';
import {
  correctionsSection, declarationsSection, disputesSection, monthMarks,
  type DeclarationNote, type ObjectionNote, type ReportCorrection, type ReportDeclaration, type ReportDispute, type Section,
} from '../subject-notes/subject-notes';

/**
 * Version of docs/report.schema.json that reports are written in; a breaking change is a new version.
 * 2: declarations (本人声明), disputes (异议标注) and corrections in every report; detail months say disputed and corrected.
 * 3: the credit report's legend gives each indicator's definition in Chinese and English.
 */
export const REPORT_SCHEMA_VERSION = 3;

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
  /** The enterprise's active declarations whose scope this report touches (本人声明), to lenders and in self-queries alike. */
  declarations: Section<ReportDeclaration>;
  /** Months of this report under an open objection (异议标注). */
  disputes: Section<ReportDispute>;
  /** Months of this report whose figures a provider corrected after an objection. */
  corrections: Section<ReportCorrection>;
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
  /** The enterprise's active declarations (any scope: those the report does not touch are left out). */
  declarations?: readonly DeclarationNote[];
  /** Objections on the accounts (any month or status: only open and corrected ones in the window are printed). */
  objections?: readonly ObjectionNote[];
}

/** Builds a report over exactly `accounts` and `window`: statistics of other accounts or months are ignored. */
export function buildReport(input: ReportInput): ReportDocument {
  const accounts = [...input.accounts].sort((a, b) => (a.bindingId < b.bindingId ? -1 : a.bindingId > b.bindingId ? 1 : 0));
  const byId = new Map(input.statistics.map((s) => [s.bindingId, s]));
  const statistics = accounts.map((a) => byId.get(a.bindingId) ?? { bindingId: a.bindingId, months: [] });
  const bindingIds = new Set(accounts.map((a) => a.bindingId));
  const disputes = disputesSection(input.objections ?? [], bindingIds, input.window);
  const corrections = correctionsSection(input.objections ?? [], bindingIds, input.window, statistics);
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
    declarations: declarationsSection(input.declarations ?? [], bindingIds, input.window),
    disputes,
    corrections,
  };
  switch (input.product) {
    case 'CREDIT_REPORT':
      return { ...header, product: 'CREDIT_REPORT', ...creditReportBody(input.window, statistics) };
    case 'DETAIL_SUMMARY':
      return { ...header, product: 'DETAIL_SUMMARY', legend: { fields: STATISTIC_LEGEND, counterpartyTypes: COUNTERPARTY_TYPE_NAMES }, ...detailSummaryBody(input.window, statistics, monthMarks(disputes, corrections)) };
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
