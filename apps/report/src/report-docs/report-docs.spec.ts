import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { monthsBetween } from '../domain/period/period';
import { buildReport, type ReportInput } from '../domain/report/report-document';
import { reportWindow } from '../domain/statistics/scope';
import { account } from '../domain/testing/statistics.fixture';
import { catalogueMarkdown } from './catalogue.markdown';
import { repositoryRoot, schemaText } from './write-report-docs';

const published = (name: string) => readFileSync(join(repositoryRoot, 'docs', name), 'utf8');

describe('published report documents', () => {
  it('docs/indicators.md is the rendering of the catalogue in the code (run npm run docs:report)', () => {
    expect(published('indicators.md')).toBe(catalogueMarkdown());
  });

  it('docs/report.schema.json is the schema in the code (run npm run docs:report)', () => {
    expect(published('report.schema.json')).toBe(schemaText());
  });
});

describe('reports against docs/report.schema.json', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv, ['date-time', 'uuid']);
  const validate = ajv.compile(JSON.parse(published('report.schema.json')));
  const periods = monthsBetween('2023-11', '2026-10');
  // A full account (36 months, every optional part), a sparse one (every third month, no breakdowns).
  const full = account('b-full', periods, (i) => ({
    inflow: [1_000_000 + 10_000 * i, 40],
    outflow: [900_000, 30],
    balance: [500_000, 450_000, 100_000, 900_000],
    cash: { deposit: [20_000, 2], withdrawal: [10_000, 1] },
    counterparties: { ENTERPRISE: { inflow: [700_000, 30], outflow: [600_000, 20], distinct: 12 }, GOVERNMENT: { outflow: [50_000, 2], distinct: 2 }, FINANCIAL_INSTITUTION: { inflow: [100_000, 1], outflow: [40_000, 1], distinct: 1 } },
    features: { activeDays: 20, largestInflow: 90_000, largestOutflow: 80_000, zeroBalanceDays: i % 7 === 0 ? 1 : 0, topCounterpartyShare: 0.3 },
  }));
  const sparse = account('b-sparse', periods, (i) => (i % 3 === 0 ? { inflow: [0, 0], outflow: [5_000, 1] } : undefined));
  const input = (product: ReportInput['product'], from: string, query: ReportInput['query']): ReportInput => ({
    reportId: '6f1d2c0a-3b4e-4f5a-9b8c-7d6e5f4a3b2c',
    generatedAt: new Date('2026-11-24T08:00:00Z'),
    product,
    query,
    subject: '91110000600037341L',
    window: reportWindow(from, '2026-10'),
    accounts: [
      { bindingId: 'b-full', provider: 'B0001', accountType: 'BASIC', accountNumber: '6222***********3445' },
      { bindingId: 'b-sparse', provider: 'P0001', accountType: 'PAYMENT', accountNumber: '****5678' },
    ],
    statistics: [full, sparse],
    // One of each scope, and an open, an overdue and a corrected objection (schema version 2's sections).
    declarations: [
      { declarationId: 'd-1', scope: 'REPORT', text: '本企业十月有一笔股东借款 <b>', declaredAt: '2026-11-01T00:00:00.000Z' },
      { declarationId: 'd-2', scope: 'ACCOUNT', bindingId: 'b-sparse', text: 'Collections only', declaredAt: '2026-11-02T00:00:00.000Z' },
      { declarationId: 'd-3', scope: 'MONTH', bindingId: 'b-full', period: '2026-10', text: '十月', declaredAt: '2026-11-03T00:00:00.000Z' },
    ],
    objections: [
      { objectionId: 'o-1', bindingId: 'b-full', period: '2026-10', status: 'SUBMITTED', fields: ['inflow'], raisedAt: '2026-11-05T00:00:00.000Z', dueBy: '2026-11-25T00:00:00.000Z', resolvedAt: null, correctedRevision: null },
      { objectionId: 'o-2', bindingId: 'b-sparse', period: '2026-09', status: 'OVERDUE', fields: [], raisedAt: null, dueBy: null, resolvedAt: null, correctedRevision: null },
      { objectionId: 'o-3', bindingId: 'b-full', period: '2026-09', status: 'CORRECTED', fields: [], raisedAt: '2026-11-01T00:00:00.000Z', dueBy: '2026-11-21T00:00:00.000Z', resolvedAt: '2026-11-10T00:00:00.000Z', correctedRevision: 2 },
    ],
  });
  const institution = { kind: 'INSTITUTION' as const, institution: 'L0001', authorizationId: 'a-1', queryId: '0b0f4f0e-6f57-4a53-9d2c-1f1f8b0c8a11' };
  const self = { kind: 'SELF' as const, queryId: '0b0f4f0e-6f57-4a53-9d2c-1f1f8b0c8a11' };

  it.each([
    ['credit report, 36 months, lender', 'CREDIT_REPORT', '2023-11', institution],
    ['credit report, 2 months (mostly INSUFFICIENT_DATA), self', 'CREDIT_REPORT', '2026-09', self],
    ['detail summary, 36 months, lender', 'DETAIL_SUMMARY', '2023-11', institution],
    ['detail summary, 1 month, self', 'DETAIL_SUMMARY', '2026-10', self],
  ] as const)('validates a %s', (_name, product, from, query) => {
    const report = JSON.parse(JSON.stringify(buildReport(input(product, from, query))));
    const valid = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects what a report must not be: a full account number, a declaration over 500 characters, a value beside INSUFFICIENT_DATA, an unknown indicator', () => {
    const report = JSON.parse(JSON.stringify(buildReport(input('CREDIT_REPORT', '2026-09', institution))));
    const unmasked = structuredClone(report);
    unmasked.accounts[0].accountNumber = '6222020200112233445';
    expect(validate(unmasked)).toBe(false);
    const declared = structuredClone(report);
    declared.declarations.items[0].text = 'x'.repeat(501);
    expect(validate(declared)).toBe(false);
    const zeroed = structuredClone(report);
    const insufficient = zeroed.consolidated.groups[0].indicators.find((i: { status: string }) => i.status === 'INSUFFICIENT_DATA');
    insufficient.value = 0;
    expect(validate(zeroed)).toBe(false);
    const unknown = structuredClone(report);
    unknown.consolidated.groups[0].indicators[0].id = 'OPS_MADE_UP';
    expect(validate(unknown)).toBe(false);
  });
});
