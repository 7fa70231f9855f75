import type { Page, Route } from 'playwright-core';
import audit from '../src/proof/testdata/audit-log.json';

// A recorded activity record, for what the real platform cannot show: a tampered entry. The proof vectors'
// audit entries with their real inclusion proofs and signed checkpoint (src/proof/testdata/audit-log.json,
// written by test/make-proof-vectors.mjs); seq 4's proof comes with an altered entry: the page must catch it.
// (The report, the chart and verification of real entries run on the real services in the journey.)

const KINDS = ['BINDING', 'BINDING', 'AUTHORIZATION', 'AUTHORIZATION', 'INSTITUTION_QUERY', 'MESSAGE', 'DECLARATION', 'OBJECTION', 'AUTHORIZATION', 'AUTHORIZATION', 'AUTHORIZATION'];
export const TAMPERED_SEQ = 4;

export const activity = audit.entries.map((entry, i) => ({ seq: entry.seq, at: entry.at, kind: KINDS[i], type: entry.type, actor: entry.actor, summary: { 'zh-CN': entry.data.note, en: `Entry ${entry.seq}` } }));

function proofFor(seq: number) {
  const proof = JSON.parse(JSON.stringify(audit.proofs[seq])) as (typeof audit.proofs)[number];
  if (seq === TAMPERED_SEQ) proof.entry.data.amount += 100;
  return { ...proof, keys: audit.keys };
}

const json = (route: Route, body: unknown) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });

/** Answers the activity routes in the page from the recording above (the rest stays real). */
export async function useRecordedAnswers(page: Page): Promise<void> {
  await page.route('**/v1/subject/activity?**', (route) => json(route, activity));
  await page.route('**/v1/subject/activity', (route) => json(route, activity));
  await page.route(/\/v1\/subject\/activity\/(\d+)\/proof$/, (route) => json(route, proofFor(Number(/activity\/(\d+)\/proof/.exec(route.request().url())?.[1]))));
}
