import { DEFINITIONS_ZH } from '../domain/catalogue/definitions.zh';
import { CATALOGUE, CATALOGUE_VERSION } from '../domain/catalogue/catalogue';
import { GROUP_NAMES, INDICATOR_GROUPS } from '../domain/catalogue/indicator';
import { STATISTIC_LEGEND } from '../domain/detail-summary/statistic-legend';
import { REPORT_SCHEMA_VERSION } from '../domain/report/report-document';

// docs/indicators.md, rendered from the catalogue itself (npm run docs:report writes it; a spec checks
// the committed file against this rendering, so the document cannot drift from the code).

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const INTRO = `# CFC indicator catalogue, version ${CATALOGUE_VERSION}

Generated from \`apps/report/src/domain/catalogue/\` by \`npm run docs:report\`; do not edit by hand
(\`report-docs.spec.ts\` fails when this file and the code disagree). Every report carries
\`catalogueVersion: ${CATALOGUE_VERSION}\` and \`schemaVersion: ${REPORT_SCHEMA_VERSION}\` ([report.schema.json](report.schema.json)).

## The two products

- **资金流信用信息报告 (credit report, \`CREDIT_REPORT\`)**: the ${CATALOGUE.length} indicators below, once over the
  consolidation of the authorised accounts and once for each account alone.
- **明细汇总 (detail summary, \`DETAIL_SUMMARY\`)**: account by account and month by month, every statistic the
  provider supplied, with the derived values listed at the end of this page and a bilingual legend.

Both cover exactly the accounts and months the authorisation covers (a self-query: the enterprise's
ACTIVE bindings and the last 36 complete months), account numbers masked, the enterprise named by its
USCC only.

Beside the figures, both carry three sections, to lenders and in self-queries alike (since schema version 2):
- \`declarations\` (**本人声明 / subject's declarations**): the enterprise's active declarations whose scope the
  report touches (the whole report, an account it includes, a month of one it covers), its words exactly as
  written, oldest first;
- \`disputes\` (**异议标注**): the months of the report under an open objection (\`SUBMITTED\`, or \`OVERDUE\` after
  its 20 days), with the statistics disputed; a detail summary also flags each such month \`disputed: true\`;
- \`corrections\`: the months whose figures the provider corrected after an objection, the revision carrying
  the correction and the revision printed (the figures are always the highest revision received); a
  detail summary flags each such month \`corrected: true\`.

## Conventions

- **Inputs**: only the monthly statistics of \`statistics.accepted\` (CONTRACT.md, "Kafka: providers"): the
  highest revision of each account and month. Nothing else is read.
- **Window**: the months of the authorisation, \`period.from\`..\`period.to\`, ending with the last complete
  month (Asia/Shanghai). "The last 12 months" are the last 12 of the window.
- **Consolidation**: each month's statistics are added up over the accounts that have that month. A month
  counts as "with data" when at least one account has it; the coverage group shows what is missing.
  Optional parts (cash, counterparty breakdown, features) count for a month only when every account that
  month supplied them.
- **Exactness**: amounts are integers in fen, sums are exact, and every figure is rounded once at the end
  (BigInt arithmetic, half away from zero). Units: \`FEN\` integer fen; \`COUNT\`, \`MONTHS\` integers;
  \`RATIO\` 4 decimal places; \`DAYS\`, \`PER_MONTH\` 1 decimal place; \`PERIOD\` \`YYYY-MM\`; \`FEN_SERIES\`
  \`{ from, to, values }\`, one value in fen per month of the window, \`null\` for a month without data. Standard deviations are population ones, computed exactly
  (√(nΣx² − (Σx)²) with an integer square root). The same statistics always give the same digits.
- **No value is not zero**: an indicator that cannot be computed prints
  \`{ "status": "INSUFFICIENT_DATA", "reason", "detail" }\` instead of a value. Reasons: \`TOO_FEW_MONTHS\` (the
  window or the months with data are fewer than it needs), \`MONTHS_MISSING\` (a month it must add up has no
  data: a 12-month sum over 11 months would pass for a lower one), \`NOT_SUPPLIED\` (the provider sent no
  cash, counterparty or feature statistics for a month it needs), \`ZERO_BASE\` (its denominator is zero or
  negative). A value carries \`months\`: how many months of data it stands on.

## Research behind the choices

- **FinRegLab**, *The Use of Cash-Flow Data in Underwriting Credit: Empirical Research Findings* (2019) and
  *Small Business Spotlight* (2019), and *Sharpening the Focus: Using Cash-Flow Data to Underwrite
  Financially Constrained Businesses* (2025, with S. T. Howell and S. Matsumoto, NYU Stern): cash-flow
  variables from bank-account data (inflow level and regularity, net flow, balances and their volatility,
  months of negative flow) predicted loan performance about as well as traditional scores, and best in
  combination, above all for young and thin-file firms. Hence the operations, income-expenditure,
  stability and solvency groups.
  https://finreglab.org/research/the-use-of-cash-flow-data-in-underwriting-credit-empirical-research-findings/
- **JPMorgan Chase Institute**, *Cash is King: Flows, Balances, and Buffer Days* (September 2016, 597,000
  small businesses) and *Small Business Cash Liquidity in 25 Metro Areas* (2019): **cash buffer days**, the
  days of typical outflows a business could pay from its balance if inflows stopped; the median business
  had 27 (15 in the 2019 study), and inflows and outflows move together. Hence \`SOL_CASH_BUFFER_DAYS\`
  (average balance over average daily outflow) and the balance indicators.
  https://www.jpmorganchase.com/institute/all-topics/business-growth-and-entrepreneurship/insight-cash-is-king
- **Plaid** base report (Plaid Check / Consumer Report) attributes: \`total_inflow_amount\` and
  \`total_outflow_amount\` (30/60/90 days), \`average_balance\` and \`average_monthly_balances\`,
  \`number_of_inflows\`, \`average_inflow_amount\`, \`days_available\`, \`longest_gap_between_transactions\`,
  \`most_recent_transaction_date\`, NSF/overdraft counts. Hence the flow totals and counts, average
  tickets and the coverage group (months available, longest gap, freshness), computed here per month
  since the platform receives monthly statistics, not transactions. https://plaid.com/docs/api/products/check/
- **The seed** (seed/BRIEF.md): the four groups 经营状况, 收支状况, 偿债能力, 履约能力, and the statistics that
  exist (income and expenditure of settlement and payment accounts, cash deposits and withdrawals, flows by
  counterparty type, key features of the account's fund flows).
`;

/** The whole of docs/indicators.md. */
export function catalogueMarkdown(): string {
  const sections = INDICATOR_GROUPS.map((group) => {
    const rows = CATALOGUE.filter((i) => i.group === group).map(
      (i) => `| \`${i.id}\` | ${cell(i.name.zh)} | ${cell(i.name.en)} | ${i.unit} | ${cell(DEFINITIONS_ZH[i.id])} | ${cell(i.definition)} | \`${cell(i.formula)}\` | ${cell(i.needs)} |`,
    );
    return [`## ${GROUP_NAMES[group].zh} ${GROUP_NAMES[group].en} (\`${group}\`)`, '', '| id | 中文 | English | unit | 定义 | definition | formula | needs |', '| --- | --- | --- | --- | --- | --- | --- | --- |', ...rows, ''].join('\n');
  });
  const legend = Object.entries(STATISTIC_LEGEND).map(([field, l]) => `| \`${field}\` | ${cell(l.zh)} | ${cell(l.en)} | ${l.unit} |`);
  const detail = [
    '## 明细汇总 Detail summary fields',
    '',
    'Per account and month, as supplied (the highest revision), plus `derived` values computed from that month alone.',
    'A derived share or ticket whose base is zero is `null`; a part the provider did not supply is `null`.',
    '',
    '| field | 中文 | English | unit |',
    '| --- | --- | --- | --- |',
    ...legend,
    '',
  ].join('\n');
  return `${INTRO}\n${sections.join('\n')}\n${detail}`;
}
