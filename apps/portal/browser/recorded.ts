import type { Page, Route } from 'playwright-core';
import creditReport from '../src/pages/report/testdata/credit-report.json';
import audit from '../src/proof/testdata/audit-log.json';

// Recorded API answers in the contract's shapes, for the pages whose services are still being built: a
// credit report in the report service's schema v1 (src/pages/report/testdata/credit-report.json: eleven
// months of a twelve-month window, one disputed and one declared, as issue 13 will add), and an activity record made of
// the proof vectors' audit entries with their real inclusion proofs and signed checkpoint
// (src/proof/testdata/audit-log.json, written by test/make-proof-vectors.mjs). Seq 4's proof comes with an
// altered entry: the page must catch it.

export const REPORT_DISPUTED_MONTH = '2026-07';
export const REPORT_DECLARATION = creditReport.declarations[0].text;
export const FIRST_INFLOW_FEN = 12345600;

const KINDS = ['BINDING', 'BINDING', 'AUTHORIZATION', 'AUTHORIZATION', 'INSTITUTION_QUERY', 'MESSAGE', 'DECLARATION', 'OBJECTION', 'AUTHORIZATION', 'AUTHORIZATION', 'AUTHORIZATION'];
export const TAMPERED_SEQ = 4;

export const activity = audit.entries.map((entry, i) => ({ seq: entry.seq, at: entry.at, kind: KINDS[i], type: entry.type, actor: entry.actor, summary: { 'zh-CN': entry.data.note, en: `Entry ${entry.seq}` } }));

function proofFor(seq: number) {
  const proof = JSON.parse(JSON.stringify(audit.proofs[seq])) as (typeof audit.proofs)[number];
  if (seq === TAMPERED_SEQ) proof.entry.data.amount += 100;
  return { ...proof, keys: audit.keys };
}

const json = (route: Route, body: unknown) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });

/** Answers the report and activity routes in the page from the recordings above (the rest stays real). */
export async function useRecordedAnswers(page: Page): Promise<void> {
  await page.route('**/v1/subject/queries', (route) => json(route, creditReport));
  await page.route('**/v1/subject/activity?**', (route) => json(route, activity));
  await page.route('**/v1/subject/activity', (route) => json(route, activity));
  await page.route(/\/v1\/subject\/activity\/(\d+)\/proof$/, (route) => json(route, proofFor(Number(/activity\/(\d+)\/proof/.exec(route.request().url())?.[1]))));
}
