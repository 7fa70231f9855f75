import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatDate, formatFen, formatMonth } from '../src/format/format';
import { en, zhCN } from '../src/i18n/catalogue';
import { ARTIFACTS, expectAccessible, launchBrowser, screenshots, watchPage, type Browser } from './browser';
import { startPlatform, type DemoEnterprise, type Platform } from './platform';
import { call, journeyEnterprise, lenderToken, simulatorOutcome, until, type Json } from './journey.data';
import { TAMPERED_SEQ, useRecordedAnswers } from './recorded';

// The enterprise portal in a real browser (Debian's Chromium via playwright-core) against the platform as
// `npm start` runs it, the provider simulator on: login and every page, then an enterprise's whole journey on
// real services (bind, the simulator confirms and streams statistics, grant a lender's request, the
// self-query with its chart, a declaration, an objection the simulator answers, verify an activity item,
// revoke). Each page step of the tour asks the API whether its route exists, so a service that is not
// deployed must be said plainly ("not available yet"). axe-core on every page; screenshots at 1280 and
// 390 px in .artifacts/portal/.

jest.setTimeout(300_000); // a page step waits up to 60 s; a test walks several pages

let platform: Platform;
let browser: Browser;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startPlatform(), launchBrowser()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
}, 60_000);

const portal = (path = '') => `${platform.gateway}/portal/${path}`;

/** Whether the gateway has this route yet (an unknown route is 404 "no route …"). */
async function routeExists(path: string, token?: string, method: 'GET' | 'POST' = 'GET'): Promise<boolean> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  // POST with an empty body: an existing route refuses it (400) without doing anything.
  const body = method === 'POST' ? '{}' : undefined;
  if (body) headers['content-type'] = 'application/json';
  const res = await fetch(`${platform.gateway}${path}`, { method, headers, body });
  if (res.status !== 404) return true;
  const problem = (await res.json().catch(() => ({}))) as { detail?: string };
  return !String(problem.detail ?? '').startsWith('no route ');
}

async function freshPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  // The CI machine is a loaded 2-core one: every wait is on a positive marker, so a long ceiling costs nothing when things are fast.
  page.setDefaultTimeout(60_000);
  const { problems } = watchPage(page);
  await page.goto(portal());
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  return { page, problems };
}

const h1 = (page: Page, text: string) => page.getByRole('heading', { level: 1, name: text }).waitFor();

async function logIn(page: Page, e: DemoEnterprise): Promise<string> {
  await page.goto(portal('login'));
  await h1(page, zhCN['login.title']);
  await page.getByLabel(zhCN['login.uscc']).fill(e.uscc);
  await page.getByLabel(zhCN['login.name']).fill(e.legalRepName);
  await page.getByLabel(zhCN['login.idNumber']).fill(e.legalRepIdNumber);
  const challenge = page.waitForResponse((r) => r.url().endsWith('/v1/subject/login/challenge') && r.status() === 200);
  await page.getByRole('button', { name: zhCN['login.sendCode'] }).click();
  const { challengeId } = (await (await challenge).json()) as { challengeId: string };
  await page.getByText(zhCN['login.demoNote']).waitFor();
  await page.getByLabel(zhCN['login.code']).fill(await platform.smsCode(challengeId));
  await page.getByRole('button', { name: zhCN['login.submit'], exact: true }).click();
  await h1(page, zhCN['home.title']);
  const stored = JSON.parse((await page.evaluate(() => sessionStorage.getItem('cfc.portal.session'))) ?? '{}') as { token?: string; uscc?: string };
  expect(stored.uscc).toBe(e.uscc);
  return stored.token as string;
}

/** A page whose data comes from `api`: it shows its content, or, while the route does not exist, "not available yet". */
async function expectContentOrNotYet(page: Page, name: string, available: boolean): Promise<void> {
  const notYet = page.locator('main [data-state="not-available"]').first();
  if (available) {
    await page.locator('main .loading').first().waitFor({ state: 'detached' });
    expect({ page: name, notAvailable: await notYet.count(), errors: await page.locator('main .notice--error').allTextContents() }).toEqual({ page: name, notAvailable: 0, errors: [] });
  } else {
    await notYet.waitFor();
    expect(await notYet.textContent()).toContain(zhCN['common.notAvailable.title']);
  }
}

describe('the enterprise portal in a browser', () => {
  it('reads the FAQ and the service guide before logging in', async () => {
    const { page, problems } = await freshPage();
    await h1(page, zhCN['welcome.title']);
    await expectAccessible(page, 'welcome');
    await screenshots(page, 'welcome');

    await page.locator('main').getByRole('link', { name: zhCN['welcome.faq'] }).click();
    await h1(page, zhCN['guide.section.faq']);
    const first = page.locator('.faq details').first();
    await first.locator('summary').click();
    await first.locator('p').first().waitFor({ state: 'visible' });
    expect((await first.locator('p').first().textContent())?.length).toBeGreaterThan(10);
    await expectAccessible(page, 'faq');
    await screenshots(page, 'faq');

    const guideServed = await routeExists('/v1/guide');
    await page.getByRole('navigation', { name: zhCN['app.nav.label'] }).getByRole('link', { name: zhCN['nav.guide'] }).click();
    await h1(page, zhCN['guide.title']);
    await page.getByText(zhCN[guideServed ? 'guide.source.server' : 'guide.source.builtin']).waitFor();
    expect(await page.locator('main section.card h2').count()).toBeGreaterThanOrEqual(guideServed ? 1 : 4);
    await expectAccessible(page, 'guide');
    await screenshots(page, 'guide');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('explains login problems beside the fields and above the form', async () => {
    const { page, problems } = await freshPage();
    const e = platform.demo.enterprises[1];
    await page.goto(portal('login'));
    await h1(page, zhCN['login.title']);
    const wrongCheck = e.uscc.slice(0, 17) + (e.uscc[17] === '1' ? '2' : '1');
    await page.getByLabel(zhCN['login.uscc']).fill(wrongCheck);
    await page.getByLabel(zhCN['login.name']).fill(e.legalRepName);
    await page.getByLabel(zhCN['login.idNumber']).fill(e.legalRepIdNumber);
    await page.getByRole('button', { name: zhCN['login.sendCode'] }).click();
    await page.locator('#uscc-error').waitFor();
    expect(await page.locator('#uscc-error').textContent()).toBe(zhCN['login.field.USCC_CHECK_CHARACTER']);
    expect(await page.getByLabel(zhCN['login.uscc']).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'login-field-error');
    await screenshots(page, 'login-field-error');

    await page.getByLabel(zhCN['login.uscc']).fill(e.uscc);
    await page.getByLabel(zhCN['login.name']).fill(`${e.legalRepName}甲`);
    await page.getByRole('button', { name: zhCN['login.sendCode'] }).click();
    await page.getByRole('alert').getByText(zhCN['login.error.LOGIN_FAILED']).waitFor();
    expect(await page.locator('#uscc-error').count()).toBe(0);

    await page.getByLabel(zhCN['login.name']).fill(e.legalRepName);
    await page.getByRole('button', { name: zhCN['login.sendCode'] }).click();
    await page.getByText(zhCN['login.demoNote']).waitFor();
    await page.getByLabel(zhCN['login.code']).fill('000000');
    await page.getByRole('button', { name: zhCN['login.submit'], exact: true }).click();
    // 000000 may, once in a million runs, be the real code: then the home page shows instead.
    await Promise.race([page.getByRole('alert').getByText(zhCN['login.error.WRONG_CODE']).waitFor(), h1(page, zhCN['home.title'])]);
    await expectAccessible(page, 'login-code');
    await screenshots(page, 'login-code');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('logs in with the code from the SMS outbox, visits every page, switches to English and logs out', async () => {
    const { page, problems } = await freshPage();
    const e = platform.demo.enterprises[0];
    const token = await logIn(page, e);
    expect(await page.locator('.session-info').textContent()).toContain(e.uscc);
    const available = {
      bindings: await routeExists('/v1/subject/bindings', token),
      authorizations: await routeExists('/v1/subject/authorizations', token),
      activity: await routeExists('/v1/subject/activity', token),
      objections: await routeExists('/v1/subject/objections', token),
      messages: await routeExists('/v1/subject/messages', token),
      declarations: await routeExists('/v1/subject/declarations', token),
      queries: await routeExists('/v1/subject/queries', token, 'POST'),
    };

    // Home: four sections, each loaded on its own.
    for (const [title, ok] of [[zhCN['home.accounts'], available.bindings], [zhCN['home.pending'], available.authorizations], [zhCN['home.activity'], available.activity], [zhCN['home.objections'], available.objections]] as const) {
      const section = page.locator('section.card', { has: page.getByRole('heading', { name: title }) });
      if (ok) await section.locator('.loading').waitFor({ state: 'detached' });
      else await section.locator('[data-state="not-available"]').waitFor();
    }
    await expectAccessible(page, 'home');
    await screenshots(page, 'home');

    const pages: Array<[string, string, boolean]> = [
      ['accounts', zhCN['accounts.title'], available.bindings],
      ['authorizations', zhCN['authz.title'], available.authorizations],
      ['activity', zhCN['activity.title'], available.activity],
      ['messages', zhCN['messages.title'], available.messages],
      ['declarations', zhCN['declarations.title'], available.declarations],
      ['objections', zhCN['objections.title'], available.objections],
    ];
    for (const [path, title, ok] of pages) {
      await page.getByRole('navigation', { name: zhCN['app.nav.label'] }).getByRole('link', { name: title, exact: false }).first().click();
      await h1(page, title);
      await expectContentOrNotYet(page, path, ok);
      await expectAccessible(page, path);
      await screenshots(page, path);
    }

    // My report: the self-query, or "not available yet" while the report service is not there.
    await page.getByRole('navigation', { name: zhCN['app.nav.label'] }).getByRole('link', { name: zhCN['nav.report'] }).click();
    await h1(page, zhCN['report.title']);
    await page.getByRole('button', { name: zhCN['report.query.CREDIT_REPORT'] }).click();
    if (available.queries) await page.locator('main .report, main .notice--error').first().waitFor();
    else await page.locator('main [data-state="not-available"]').waitFor();
    await expectAccessible(page, 'report');
    await screenshots(page, 'report');

    // English and back: every word comes from the catalogue of the chosen language.
    await page.getByRole('button', { name: zhCN['app.language.switchLabel'] }).click();
    await h1(page, en['report.title']);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('navigation', { name: en['app.nav.label'] }).getByRole('link', { name: en['nav.home'] }).click();
    await h1(page, en['home.title']);
    await expectAccessible(page, 'home-en');
    await screenshots(page, 'home-en');
    await page.getByRole('button', { name: en['app.language.switchLabel'] }).click();
    await h1(page, zhCN['home.title']);

    // Logout revokes the token at the gateway and forgets it in the tab.
    await page.getByRole('button', { name: zhCN['nav.logout'] }).click();
    await page.getByText(zhCN['session.loggedOut']).waitFor();
    await h1(page, zhCN['welcome.title']);
    expect(await page.evaluate(() => sessionStorage.getItem('cfc.portal.session'))).toBeNull();
    const after = await fetch(`${platform.gateway}/v1/subject/session`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('drops an expired session by itself and says so', async () => {
    const { page, problems } = await freshPage();
    await logIn(page, platform.demo.enterprises[2]);
    // Make the stored session end two seconds from now, as if its 15 minutes were nearly over.
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('cfc.portal.session') as string);
      sessionStorage.setItem('cfc.portal.session', JSON.stringify({ ...s, expiresAt: new Date(Date.now() + 2000).toISOString() }));
    });
    await page.reload();
    await h1(page, zhCN['home.title']);
    await page.getByText(zhCN['session.expired']).waitFor({ timeout: 15_000 });
    await h1(page, zhCN['welcome.title']);
    expect(await page.evaluate(() => sessionStorage.getItem('cfc.portal.session'))).toBeNull();
    await expectAccessible(page, 'session-expired');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('with a recorded activity record: a tampered entry fails verification loudly (WebCrypto in the page)', async () => {
    const { page, problems } = await freshPage();
    await logIn(page, platform.demo.enterprises[3]);
    await useRecordedAnswers(page);
    await page.getByRole('navigation', { name: zhCN['app.nav.label'] }).getByRole('link', { name: zhCN['nav.activity'] }).click();
    await h1(page, zhCN['activity.title']);
    const good = page.locator('li[data-seq="3"]');
    await good.getByRole('button', { name: zhCN['activity.verify'] }).click();
    await good.locator('[data-verdict="ok"]').waitFor();
    expect(await good.locator('[data-verdict="ok"]').textContent()).toContain(zhCN['activity.verified'].split('{size}')[0] + '11');
    expect(await good.locator('[data-verdict="ok"]').textContent()).toContain('audit-test-1');
    const bad = page.locator(`li[data-seq="${TAMPERED_SEQ}"]`);
    await bad.getByRole('button', { name: zhCN['activity.verify'] }).click();
    await bad.locator('[data-verdict="failed"]').waitFor();
    expect(await bad.locator('[data-verdict="failed"]').getAttribute('data-failure')).toBe('ROOT_MISMATCH');
    await expectAccessible(page, 'activity-tampered');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("an enterprise's journey on the real services: bind, grant, self-query, declare, object, verify, revoke", async () => {
    const { page, problems } = await freshPage();
    const { enterprise, account } = journeyEnterprise(platform.demo);
    const token = await logIn(page, enterprise);
    const nav = (name: string) => page.getByRole('navigation', { name: zhCN['app.nav.label'] }).getByRole('link', { name, exact: false }).first().click();

    // Bind an account: the agreement in full, an explicit accept; the simulator confirms it (polled on the page).
    await nav(zhCN['accounts.title']);
    await h1(page, zhCN['accounts.title']);
    const agreement = (await call(platform, 'GET', '/v1/subject/agreement', token)).body as { version: string; sha256: string };
    await page.locator('.agreement').waitFor();
    expect(await page.locator('main').textContent()).toContain(agreement.sha256);
    await page.locator('#bind-provider').fill(account.provider);
    await page.locator('#bind-number').fill(account.number);
    await page.locator('#bind-type').selectOption(account.type);
    await page.locator('#bind-accept').check();
    await page.getByRole('button', { name: zhCN['accounts.bind.submit'] }).click();
    const masked = `${account.number.slice(0, 4)}${'*'.repeat(account.number.length - 8)}${account.number.slice(-4)}`;
    const row = page.locator('tr[data-binding]', { hasText: masked.slice(-4) });
    await row.first().waitFor();
    await page.locator('tr[data-binding][data-status="ACTIVE"]').waitFor({ timeout: 60_000 });
    expect(await row.first().textContent()).toContain(zhCN['binding.status.ACTIVE']);
    expect(await page.locator('main').textContent()).not.toContain(account.number);
    const bindingId = (await page.locator('tr[data-binding][data-status="ACTIVE"]').getAttribute('data-binding')) as string;
    await expectAccessible(page, 'accounts-bound');
    await screenshots(page, 'accounts-bound');

    // A lender asks (through the API, with its client credentials); the enterprise grants it in the page.
    const lender = platform.demo.lenders[0];
    const lenderBearer = await lenderToken(platform, lender);
    const asked = await call(platform, 'POST', '/v1/authorizations', lenderBearer, { subject: enterprise.uscc, purpose: 'CREDIT_LINE_REVIEW', products: ['CREDIT_REPORT', 'DETAIL_SUMMARY'], months: 12, validDays: 30 });
    expect(asked.status).toBe(201);
    const authorizationId = asked.body.id as string;
    await nav(zhCN['authz.title']);
    await h1(page, zhCN['authz.title']);
    const request = page.locator(`article[data-authorization="${authorizationId}"]`);
    // consent's lists are eventually consistent (its projection polls): reload until the request is listed
    await until('the request in the page', async () => {
      await page.locator('#authz-pending').waitFor();
      if ((await request.count()) > 0) return true;
      await page.reload();
      return false;
    }, Boolean, 30_000, 500);
    expect(await request.getAttribute('data-status')).toBe('PENDING');
    expect(await request.textContent()).toContain(lender.institutionId);
    await expectAccessible(page, 'authorizations-pending');
    await screenshots(page, 'authorizations-pending');
    await request.getByRole('button', { name: zhCN['authz.grant'] }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator(`input[id="grant-${authorizationId}-${bindingId}"]`).check();
    await dialog.getByRole('button', { name: zhCN['authz.grant.confirm'] }).click();
    await page.locator(`article[data-authorization="${authorizationId}"][data-status="ACTIVE"]`).waitFor();
    const granted = await call(platform, 'GET', `/v1/authorizations/${authorizationId}`, lenderBearer);
    expect([granted.body.status, (granted.body.scope as Json).accounts]).toEqual(['ACTIVE', [bindingId]]);
    await expectAccessible(page, 'authorizations-active');

    // The self-query on real figures: wait until the simulator's 36 months are in the report service.
    const full = await until('36 months of statistics in the self-query', () => call(platform, 'POST', '/v1/subject/queries', token, { product: 'CREDIT_REPORT' }), (r) => {
      const coverage = r.body.coverage as { accountMonthsExpected?: number; accountMonthsPresent?: number } | undefined;
      return r.status === 200 && Boolean(coverage?.accountMonthsPresent) && coverage?.accountMonthsPresent === coverage?.accountMonthsExpected;
    }, 90_000, 1500);
    const series = (full.body.consolidated as { groups: Array<{ indicators: Array<{ id: string; value: { from: string; values: Array<number | null> } }> }> }).groups.flatMap((g) => g.indicators).find((i) => i.id === 'OPS_MONTHLY_INFLOW')?.value;
    expect(series?.values.length).toBeGreaterThan(0);
    await nav(zhCN['nav.report']);
    await h1(page, zhCN['report.title']);
    await page.getByRole('button', { name: zhCN['report.query.CREDIT_REPORT'] }).click();
    await page.locator('main .report[data-report="CREDIT_REPORT"]').waitFor();
    const canvas = page.locator('[data-chart="cash-flow"] canvas').first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box && box.width > 300 && box.height > 200).toBe(true);
    const rows = page.locator('table.figures tbody tr');
    expect(await rows.count()).toBe(series?.values.filter((v) => v !== null).length);
    const firstRow = page.locator(`table.figures tr[data-period="${series?.from}"]`);
    expect(await firstRow.locator('td').first().textContent()).toBe(formatFen(series?.values[0] as number, 'zh-CN'));
    // The indicator's name and, a tap away, what it measures: both from the report's legend, in the page's language.
    const legendEntry = ((full.body.legend as Json).indicators as Record<string, { zh: string; definition: { zh: string } }>).OPS_INFLOW_12M;
    const term = page.locator('[data-indicator="OPS_INFLOW_12M"] dt');
    expect(await term.locator('summary').textContent()).toBe(legendEntry.zh);
    await term.locator('summary').click();
    await term.locator('details[open] p').waitFor();
    expect(await term.locator('details p').textContent()).toBe(legendEntry.definition.zh);
    await expectAccessible(page, 'report-real');
    await screenshots(page, 'report-real');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.masthead').isVisible()).toBe(false);
    await page.pdf({ path: join(ARTIFACTS, 'report.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: zhCN['report.query.DETAIL_SUMMARY'] }).click();
    await page.locator('main .report[data-report="DETAIL_SUMMARY"] table.figures').waitFor();
    const latestMonth = (await page.locator('table.figures tbody tr').last().getAttribute('data-period')) as string;
    expect(latestMonth).toMatch(/^\d{4}-\d{2}$/);

    // A declaration on that month of the account, listed as made.
    const declarationText = `二〇二六年验收测试声明：${latestMonth} 的大额流入为股东借款。`;
    await nav(zhCN['declarations.title']);
    await h1(page, zhCN['declarations.title']);
    await page.locator('#declaration-text').fill(declarationText);
    await page.locator('#scope-month').check();
    await page.locator('#declaration-binding').selectOption(bindingId);
    await page.locator('#declaration-period').fill(latestMonth);
    await page.getByRole('button', { name: zhCN['declarations.submit'] }).last().click();
    await page.getByText(zhCN['declarations.done']).waitFor();
    const declaration = page.locator('li.declaration[data-status="ACTIVE"]', { hasText: declarationText });
    await declaration.waitFor();
    expect(await declaration.textContent()).toContain(formatMonth(latestMonth, 'zh-CN'));
    await expectAccessible(page, 'declarations-made');
    await screenshots(page, 'declarations-made');

    // An objection on the same month: SUBMITTED with its due date, then the simulator's answer (its rule is known).
    await nav(zhCN['objections.title']);
    await h1(page, zhCN['objections.title']);
    await page.locator(`#objection-binding option[value="${bindingId}"]`).waitFor({ state: 'attached' });
    await page.locator('#objection-binding').selectOption(bindingId);
    await page.locator('#objection-period').fill(latestMonth);
    await page.locator('#objection-field-inflow').check();
    await page.locator('#objection-reason').fill('该月流入金额与我方账簿不符。');
    const raisedAnswer = page.waitForResponse((r) => r.url().endsWith('/v1/subject/objections') && r.request().method() === 'POST');
    await page.getByRole('button', { name: zhCN['objections.submit'] }).click();
    const raised = (await (await raisedAnswer).json()) as { id: string; status: string; dueBy: string };
    expect(raised.status).toBe('SUBMITTED');
    const dueDate = formatDate(raised.dueBy, 'zh-CN');
    await page.getByText(zhCN['objections.done'].replace('{date}', dueDate)).waitFor();
    const objection = page.locator(`li[data-objection="${raised.id}"]`);
    await objection.waitFor();
    expect(await objection.textContent()).toContain(zhCN['objections.dueBy'].replace('{date}', dueDate));
    expect(await objection.textContent()).toContain(formatMonth(latestMonth, 'zh-CN'));
    const outcome = simulatorOutcome(raised.id);
    await until(`the simulator's ${outcome}`, async () => {
      await page.reload();
      await objection.waitFor();
      return objection.getAttribute('data-status');
    }, (status) => status === outcome, 60_000, 1500);
    expect(await objection.locator('.tag').textContent()).toBe(zhCN[`objections.status.${outcome}`]);
    if (outcome === 'UPHELD') expect(await objection.textContent()).toContain(zhCN['objections.resolution'].split('{note}')[0]);
    await expectAccessible(page, 'objections-answered');
    await screenshots(page, 'objections-answered');

    // The activity record: verify the grant's entry in the page (SHA-256, RFC 9162 path, Ed25519 in WebCrypto).
    await nav(zhCN['activity.title']);
    await h1(page, zhCN['activity.title']);
    await page.locator('#activity-kind').selectOption('AUTHORIZATION');
    const record = await until('the grant in the activity record', () => call(platform, 'GET', '/v1/subject/activity?kind=AUTHORIZATION', token), (r) => (r.body.items as Array<{ type: string }> | undefined)?.some((i) => i.type === 'authorization.granted') === true, 30_000);
    const grantSeq = (record.body.items as Array<{ seq: number; type: string }>).find((i) => i.type === 'authorization.granted')?.seq as number;
    await page.locator('#activity-kind').selectOption('');
    await page.locator('#activity-kind').selectOption('AUTHORIZATION');
    const item = page.locator(`li.activity-item[data-seq="${grantSeq}"]`);
    await item.waitFor();
    await item.getByRole('button', { name: zhCN['activity.verify'] }).click();
    const verdict = item.locator('[data-verdict]');
    await verdict.waitFor({ timeout: 30_000 });
    const proof = (await call(platform, 'GET', `/v1/subject/activity/${grantSeq}/proof`, token)).body as { checkpoint: { keyId: string } };
    expect([await verdict.getAttribute('data-verdict'), await verdict.getAttribute('data-failure')]).toEqual(['ok', null]);
    expect(await verdict.textContent()).toContain(proof.checkpoint.keyId);
    await expectAccessible(page, 'activity-verified');
    await screenshots(page, 'activity-verified');

    // Revoke: from that instant the lender's query is refused.
    const before = await call(platform, 'POST', '/v1/queries', lenderBearer, { authorizationId, product: 'CREDIT_REPORT' });
    expect(before.status).toBe(200);
    await nav(zhCN['authz.title']);
    await h1(page, zhCN['authz.title']);
    const active = page.locator(`article[data-authorization="${authorizationId}"][data-status="ACTIVE"]`);
    await active.getByRole('button', { name: zhCN['authz.revoke'] }).click();
    await page.locator('dialog[open]').getByRole('button', { name: zhCN['authz.revoke'] }).click();
    await page.locator(`article[data-authorization="${authorizationId}"][data-status="REVOKED"]`).waitFor();
    const after = await call(platform, 'POST', '/v1/queries', lenderBearer, { authorizationId, product: 'CREDIT_REPORT' });
    expect([after.status, after.body.code]).toEqual([403, 'NOT_ACTIVE']);
    await expectAccessible(page, 'authorizations-revoked');
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);

  it('a two-bank enterprise with gaps: coverage account by account; its lender paused, resumed, extended and a second request rejected in the page', async () => {
    const { page, problems } = await freshPage();
    // 青岛市南蓝湾物流: the simulator's gaps profile, three accounts at two providers (tools/provider-simulator README).
    const enterprise = platform.demo.enterprises[8];
    expect(enterprise.accounts.length).toBeGreaterThan(2);
    const token = await logIn(page, enterprise);
    const nav = (name: string) => page.getByRole('navigation', { name: zhCN['app.nav.label'] }).getByRole('link', { name, exact: false }).first().click();

    // Its accounts bound through the API (the page's bind form is the journey's), confirmed and streamed by the simulator.
    const agreement = (await call(platform, 'GET', '/v1/subject/agreement', token)).body as { version: string };
    const bindingIds: string[] = [];
    for (const a of enterprise.accounts) {
      const res = await call(platform, 'POST', '/v1/subject/bindings', token, { provider: a.provider, accountNumber: a.number, accountType: a.type, agreementVersion: agreement.version, agreementAccepted: true });
      expect(res.status).toBe(202);
      bindingIds.push(res.body.id as string);
    }
    type Coverage = { accounts: Array<{ bindingId: string; monthsPresent: number; missingPeriods: string[] }> };
    await until('every account with statistics in the self-query', () => call(platform, 'POST', '/v1/subject/queries', token, { product: 'CREDIT_REPORT' }), (r) => {
      const accounts = (r.body.coverage as Coverage | undefined)?.accounts ?? [];
      return r.status === 200 && accounts.length === bindingIds.length && accounts.every((a) => a.monthsPresent > 0);
    }, 90_000, 1500);

    // The page says which account each missing month is in: the same as the answer it was given.
    await nav(zhCN['nav.report']);
    await h1(page, zhCN['report.title']);
    const answered = page.waitForResponse((r) => r.url().endsWith('/v1/subject/queries') && r.request().method() === 'POST');
    await page.getByRole('button', { name: zhCN['report.query.CREDIT_REPORT'] }).click();
    const coverage = ((await (await answered).json()) as { coverage: Coverage }).coverage;
    expect(coverage.accounts.some((a) => a.missingPeriods.length > 0)).toBe(true);
    const rows = page.locator('table.coverage tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(bindingIds.length);
    expect(await page.locator('section[aria-labelledby="report-coverage"]').textContent()).toContain(zhCN['report.coverage.gapsAnyAccount'].split('{months}')[0]);
    for (const a of coverage.accounts) {
      const cells = page.locator(`table.coverage tr[data-binding="${a.bindingId}"] td`);
      const missing = a.missingPeriods.length > 0 ? a.missingPeriods.map((p) => formatMonth(p, 'zh-CN')).join('、') : zhCN['report.coverage.none'];
      expect([await cells.nth(0).textContent(), await cells.nth(2).textContent()]).toEqual([String(a.monthsPresent), missing]);
    }
    const number = enterprise.accounts[0].number;
    expect(await page.locator(`table.coverage tr[data-binding="${bindingIds[0]}"] th`).textContent()).toContain(number.slice(-4));
    expect(await page.locator('main').textContent()).not.toContain(number);
    await expectAccessible(page, 'report-coverage-by-account');
    await screenshots(page, 'report-coverage-by-account');

    // A lender's authorisation over the first account: paused (its query refused), resumed, extended by 10 days and an account.
    const lenderBearer = await lenderToken(platform, platform.demo.lenders[0]);
    const asked = await call(platform, 'POST', '/v1/authorizations', lenderBearer, { subject: enterprise.uscc, purpose: 'CREDIT_LINE_REVIEW', products: ['CREDIT_REPORT'], months: 12, validDays: 30, accounts: [bindingIds[0]] });
    expect(asked.status).toBe(201);
    const id = asked.body.id as string;
    const card = (status: string) => page.locator(`article[data-authorization="${id}"][data-status="${status}"]`);
    const query = () => call(platform, 'POST', '/v1/queries', lenderBearer, { authorizationId: id, product: 'CREDIT_REPORT' });
    await nav(zhCN['authz.title']);
    await h1(page, zhCN['authz.title']);
    await until('the request in the page', async () => {
      await page.locator('#authz-pending').waitFor();
      if ((await card('PENDING').count()) > 0) return true;
      await page.reload();
      return false;
    }, Boolean, 30_000, 500);
    await card('PENDING').getByRole('button', { name: zhCN['authz.grant'] }).click();
    await page.locator('dialog[open]').getByRole('button', { name: zhCN['authz.grant.confirm'] }).click();
    await card('ACTIVE').waitFor();
    const granted = (await call(platform, 'GET', `/v1/authorizations/${id}`, lenderBearer)).body.scope as { accounts: string[]; validUntil: string };
    expect(granted.accounts).toEqual([bindingIds[0]]);

    await card('ACTIVE').getByRole('button', { name: zhCN['authz.pause'] }).click();
    await page.locator('dialog[open]').getByRole('button', { name: zhCN['authz.pause'] }).click();
    await card('PAUSED').waitFor();
    expect(await query()).toMatchObject({ status: 403, body: { code: 'PAUSED' } });
    await expectAccessible(page, 'authorizations-paused');
    await screenshots(page, 'authorizations-paused');
    await card('PAUSED').getByRole('button', { name: zhCN['authz.resume'] }).click();
    await card('ACTIVE').waitFor();
    expect((await query()).status).toBe(200);

    await card('ACTIVE').getByRole('button', { name: zhCN['authz.extend'] }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator(`#extend-days-${id}`).fill('10');
    await dialog.locator(`input[id="extend-${id}-${bindingIds[1]}"]`).check();
    await expectAccessible(page, 'authorizations-extend');
    await dialog.getByRole('button', { name: zhCN['authz.extend.confirm'] }).click();
    const extended = await until('the extension in the lender\'s view', () => call(platform, 'GET', `/v1/authorizations/${id}`, lenderBearer), (r) => (r.body.scope as { accounts: string[] }).accounts.length === 2, 30_000, 500);
    const scope = extended.body.scope as { accounts: string[]; validUntil: string };
    expect([...scope.accounts].sort()).toEqual([bindingIds[0], bindingIds[1]].sort());
    expect(Date.parse(scope.validUntil) - Date.parse(granted.validUntil)).toBe(10 * 86_400_000);

    // A second request, for the detail summary, rejected in the page: the lender sees it rejected, and cannot query.
    const second = await call(platform, 'POST', '/v1/authorizations', lenderBearer, { subject: enterprise.uscc, purpose: 'LOAN_APPLICATION', products: ['DETAIL_SUMMARY'], months: 6, validDays: 7 });
    expect(second.status).toBe(201);
    const secondCard = (status: string) => page.locator(`article[data-authorization="${second.body.id as string}"][data-status="${status}"]`);
    await until('the second request in the page', async () => {
      await page.reload();
      await page.locator('#authz-pending').waitFor();
      return (await secondCard('PENDING').count()) > 0;
    }, Boolean, 30_000, 500);
    await secondCard('PENDING').getByRole('button', { name: zhCN['authz.reject'] }).click();
    await page.locator('dialog[open]').getByRole('button', { name: zhCN['authz.reject'] }).click();
    await secondCard('REJECTED').waitFor();
    expect((await call(platform, 'GET', `/v1/authorizations/${second.body.id as string}`, lenderBearer)).body.status).toBe('REJECTED');
    expect((await call(platform, 'POST', '/v1/queries', lenderBearer, { authorizationId: second.body.id, product: 'DETAIL_SUMMARY' })).status).toBe(403);
    await expectAccessible(page, 'authorizations-rejected');
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);
});
