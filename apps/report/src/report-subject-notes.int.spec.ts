import { contextEventsTopic } from '@cfc/contracts';
import { describeIntegration, uniqueName } from '@cfc/testing';
import type { StandInAuthorization } from './testing/consent-check.stand-in';
import { knownRecords } from './testing/known-statistics.fixture';
import { objectionCorrectedEvent, objectionOverdueEvent, objectionRaisedEvent, objectionUpheldEvent, type TestObjection } from './testing/objection-events';
import { eventually, ReportTestStack } from './testing/report.test-stack';
import { acceptedRecord, bindingEvents, bindingView, statisticsAcceptedEvent, type TestBinding } from './testing/statistics-events';

// Declarations and objections in the reports, end to end: the enterprise declares and withdraws through the
// real gateway and identity, identity's relay publishes declaration.made / withdrawn, and the report
// service prints them in a lender's report and in a self-query; objection events are produced with kafkajs
// in the shape ingestion is agreeing on. Real PostgreSQL and SASL broker; consent and binding are stand-ins.
// The clock reads 2026-11-15: reports end with 2026-10, and 2026-11 is the current month.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- reports are checked field by field

describeIntegration('declarations and objections in reports', () => {
  let stack: ReportTestStack;
  let subject: string;
  let enterprise: string;
  let stranger: string;
  let lenderToken: string;
  const id = uniqueName('notes');
  const a: TestBinding = { bindingId: `${id}-a`, subject: '', provider: 'B0001', number: '6222020200112233445', type: 'BASIC' };
  const b: TestBinding = { bindingId: `${id}-b`, subject: '', provider: 'P0001', number: '8800110022003300', type: 'PAYMENT' };

  const call = async (path: string, init: { method?: string; body?: unknown; token?: string } = {}) => {
    const headers: Record<string, string> = { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) };
    const res = await fetch(`${stack.gatewayUrl}${path}`, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const login = async (index: number) => {
    const e = stack.demo!.enterprises[index];
    const challenge = await call('/v1/subject/login/challenge', { body: { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber } });
    return (await call('/v1/subject/login', { body: { challengeId: challenge.body.challengeId, code: stack.smsCode(challenge.body.challengeId) } })).body.access_token as string;
  };
  /** A lender's report over `accounts` (12 months) under a fresh authorisation. */
  const lenderReport = async (product: 'CREDIT_REPORT' | 'DETAIL_SUMMARY', accounts: TestBinding[]) => {
    const auth: StandInAuthorization = { authorizationId: uniqueName('auth'), subject, lender: 'L0001', status: 'ACTIVE', products: [product], accounts: accounts.map((x) => x.bindingId), months: 12, validUntil: '2027-01-01T00:00:00Z' };
    stack.consent.put(auth);
    const answer = await call('/v1/queries', { body: { authorizationId: auth.authorizationId, product }, token: lenderToken });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const selfReport = async (product: 'CREDIT_REPORT' | 'DETAIL_SUMMARY') => {
    const answer = await call('/v1/subject/queries', { body: { product }, token: enterprise });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const row = async (table: 'declarations' | 'objections', key: string, value: string) => (await stack.sql<Json>(`SELECT * FROM report.${table} WHERE ${key} = $1`, [value]))[0];
  const statuses = async (...objections: TestObjection[]) => {
    const rows = await stack.sql<{ objection_id: string; status: string }>(`SELECT objection_id, status FROM report.objections WHERE objection_id = ANY($1)`, [objections.map((o) => o.objectionId)]);
    return objections.map((o) => rows.find((r) => r.objection_id === o.objectionId)?.status).join();
  };

  beforeAll(async () => {
    stack = await ReportTestStack.start({ gateway: true, at: '2026-11-15T04:00:00Z' });
    subject = a.subject = b.subject = stack.demo!.enterprises[4].uscc;
    const { clientId, clientSecret } = stack.demo!.lenders[0];
    const token = await fetch(`${stack.gatewayUrl}/v1/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=client_credentials&client_id=${clientId}&client_secret=${encodeURIComponent(clientSecret)}` });
    lenderToken = ((await token.json()) as Json).access_token;
    [enterprise, stranger] = [await login(4), await login(5)];
    stack.bindings.put(bindingView(a), bindingView(b));
    await stack.publish(contextEventsTopic('binding'), [...bindingEvents(a), ...bindingEvents(b)]);
    const statistics = statisticsAcceptedEvent('B0001', knownRecords(a, b));
    await stack.publish(contextEventsTopic('ingestion'), [statistics]);
    await stack.handled(statistics.eventId);
  }, 180_000); // services start slowly on a loaded machine
  afterAll(() => stack?.stop());

  it("prints the declarations a report touches to lenders and in self-queries, exactly as written; a withdrawn one is gone from the next report", async () => {
    const declare = async (body: Json): Promise<{ id: string; at: string; text: string }> => {
      const answer = await call('/v1/subject/declarations', { body, token: enterprise });
      expect(answer.status).toBe(201);
      return { id: answer.body.id, at: answer.body.at, text: body.text };
    };
    const whole = await declare({ text: '本企业声明：<b>十月流入</b>含股东借款\n"第二行" & more' });
    const onA = await declare({ text: 'A 账户为收款专户', bindingId: a.bindingId });
    const onBSeptember = await declare({ text: 'B 账户九月含一笔退款', bindingId: b.bindingId, period: '2026-09' });
    const onANovember = await declare({ text: 'A 账户十一月（报告尚未覆盖）', bindingId: a.bindingId, period: '2026-11' });
    const mine = [whole, onA, onBSeptember, onANovember];
    await eventually('the declarations in the report read model', async () => (await stack.sql(`SELECT 1 FROM report.declarations WHERE declaration_id = ANY($1) AND text IS NOT NULL`, [mine.map((d) => d.id)])).length === mine.length);

    const printed = (report: Json) => {
      expect(report.declarations.title).toEqual({ zh: '本人声明', en: "Subject's declarations" });
      return (report.declarations.items as Json[]).filter((d) => mine.some((m) => m.id === d.declarationId));
    };
    const expected = (...ds: typeof mine) => [...ds].sort((x, y) => (x.at === y.at ? (x.id < y.id ? -1 : 1) : x.at < y.at ? -1 : 1)).map((d) => d.id);
    const onlyA = printed(await lenderReport('CREDIT_REPORT', [a]));
    expect(onlyA.map((d) => d.declarationId)).toEqual(expected(whole, onA));
    expect(onlyA[0]).toEqual({ declarationId: whole.id, scope: 'REPORT', text: whole.text, declaredAt: whole.at });
    expect(onlyA[1]).toEqual({ declarationId: onA.id, scope: 'ACCOUNT', bindingId: a.bindingId, text: 'A 账户为收款专户', declaredAt: onA.at });
    expect(printed(await lenderReport('DETAIL_SUMMARY', [b])).map((d) => d.declarationId)).toEqual(expected(whole, onBSeptember));
    const self = printed(await selfReport('DETAIL_SUMMARY'));
    expect(self.map((d) => d.declarationId)).toEqual(expected(whole, onA, onBSeptember));
    expect(self.find((d) => d.declarationId === onBSeptember.id)).toMatchObject({ scope: 'MONTH', bindingId: b.bindingId, period: '2026-09' });

    // Another enterprise can neither withdraw it nor make it disappear.
    expect(await call(`/v1/subject/declarations/${whole.id}`, { method: 'DELETE', token: stranger })).toMatchObject({ status: 404, body: { code: 'DECLARATION_NOT_FOUND' } });
    expect((await call(`/v1/subject/declarations/${whole.id}`, { method: 'DELETE', token: enterprise })).status).toBe(200);
    await eventually('the withdrawal in the report read model', async () => (await row('declarations', 'declaration_id', whole.id))?.withdrawn_at);
    expect(printed(await lenderReport('CREDIT_REPORT', [a])).map((d) => d.declarationId)).toEqual([onA.id]);
    expect(printed(await selfReport('CREDIT_REPORT')).map((d) => d.declarationId)).toEqual(expected(onA, onBSeptember));
  });

  it('marks disputed months while objections are open, then flags the corrected figures and drops the answered ones', async () => {
    const objection = (suffix: string, binding: TestBinding, period: string): TestObjection => ({ objectionId: `${id}-${suffix}`, subject, bindingId: binding.bindingId, period });
    const [september, october, august] = [objection('o-sep', a, '2026-09'), objection('o-oct', a, '2026-10'), objection('o-aug', b, '2026-08')];
    const other = objection('o-elsewhere', { ...a, bindingId: `${id}-not-authorised` }, '2026-09');
    await stack.publish(contextEventsTopic('ingestion'), [
      objectionRaisedEvent(september, '2026-11-02T01:00:00.000Z', ['inflow']),
      objectionRaisedEvent(october, '2026-11-03T01:00:00.000Z'),
      objectionRaisedEvent(august, '2026-11-04T01:00:00.000Z', ['balance.end', 'outflow']),
      objectionRaisedEvent(other, '2026-11-04T01:00:00.000Z'),
    ]);
    await eventually('four open objections', async () => (await statuses(september, october, august, other)) === 'SUBMITTED,SUBMITTED,SUBMITTED,SUBMITTED');

    const open = await lenderReport('DETAIL_SUMMARY', [a, b]);
    expect(open.disputes.title).toEqual({ zh: '异议标注', en: 'Disputed months' });
    expect(open.disputes.items).toEqual([
      { objectionId: september.objectionId, bindingId: a.bindingId, period: '2026-09', status: 'SUBMITTED', fields: ['inflow'], raisedAt: '2026-11-02T01:00:00.000Z', dueBy: '2026-11-22T01:00:00.000Z' },
      { objectionId: october.objectionId, bindingId: a.bindingId, period: '2026-10', status: 'SUBMITTED', fields: [], raisedAt: '2026-11-03T01:00:00.000Z', dueBy: '2026-11-23T01:00:00.000Z' },
      { objectionId: august.objectionId, bindingId: b.bindingId, period: '2026-08', status: 'SUBMITTED', fields: ['balance.end', 'outflow'], raisedAt: '2026-11-04T01:00:00.000Z', dueBy: '2026-11-24T01:00:00.000Z' },
    ]);
    const monthOf = (report: Json, binding: TestBinding, period: string) => report.detail.find((d: Json) => d.bindingId === binding.bindingId).months.find((m: Json) => m.period === period);
    expect([monthOf(open, a, '2026-09').disputed, monthOf(open, a, '2026-08').disputed, monthOf(open, b, '2026-08').disputed]).toEqual([true, false, true]);
    expect((await selfReport('CREDIT_REPORT')).disputes.items.map((d: Json) => d.objectionId)).toEqual([september.objectionId, october.objectionId, august.objectionId]);

    // The provider corrects September (revision 2 of the statistics, then the answer); October goes
    // overdue; August is upheld.
    const corrected = statisticsAcceptedEvent('B0001', [acceptedRecord(a, '2026-09', 2, { inflow: { amount: 9_999_999, count: 51 }, outflow: { amount: 800_000, count: 40 }, balance: { end: 3_000_000, averageDaily: 1_500_000, min: 500_000, max: 3_000_000 } })]);
    await stack.publish(contextEventsTopic('ingestion'), [corrected]);
    await stack.handled(corrected.eventId);
    await stack.publish(contextEventsTopic('ingestion'), [
      objectionCorrectedEvent(september, 2, '2026-11-10T02:00:00.000Z'),
      objectionOverdueEvent(october, '2026-11-23T01:00:00.000Z'),
      objectionUpheldEvent(august, '2026-11-12T02:00:00.000Z'),
    ]);
    await eventually('the answers in the read model', async () => (await statuses(september, october, august)) === 'CORRECTED,OVERDUE,UPHELD');

    const answered = await lenderReport('DETAIL_SUMMARY', [a, b]);
    expect(answered.disputes.items).toEqual([expect.objectContaining({ objectionId: october.objectionId, status: 'OVERDUE', period: '2026-10' })]);
    expect(answered.corrections).toEqual({
      title: { zh: '异议更正', en: 'Corrected figures' },
      items: [{ objectionId: september.objectionId, bindingId: a.bindingId, period: '2026-09', correctedRevision: 2, resolvedAt: '2026-11-10T02:00:00.000Z', revisionShown: 2 }],
    });
    expect(monthOf(answered, a, '2026-09')).toMatchObject({ revision: 2, inflow: { amount: 9_999_999, count: 51 }, disputed: false, corrected: true });
    expect(monthOf(answered, a, '2026-10')).toMatchObject({ disputed: true, corrected: false });
    expect(monthOf(answered, b, '2026-08')).toMatchObject({ disputed: false, corrected: false });
    // The credit report computes on the corrected figures: A's 12 months were 12,660,000; September (i = 10)
    // was 1,100,000 and is now 9,999,999: 12,660,000 − 1,100,000 + 9,999,999 = 21,559,999.
    const credit = await lenderReport('CREDIT_REPORT', [a]);
    const inflow = credit.consolidated.groups.flatMap((g: Json) => g.indicators).find((i: Json) => i.id === 'OPS_INFLOW_12M');
    expect(inflow).toMatchObject({ status: 'OK', value: 21_559_999 });
    expect(credit.corrections.items.map((c: Json) => c.objectionId)).toEqual([september.objectionId]);
    // A late copy of the raised event never reopens an answered objection.
    await stack.publish(contextEventsTopic('ingestion'), [objectionRaisedEvent(september, '2026-11-02T01:00:00.000Z', ['inflow'])]);
    const marker = objectionRaisedEvent(objection('o-marker', a, '2026-06'), '2026-11-14T00:00:00.000Z');
    await stack.publish(contextEventsTopic('ingestion'), [marker]);
    await eventually('the marker objection', async () => (await statuses(objection('o-marker', a, '2026-06'))) === 'SUBMITTED');
    expect(await statuses(september)).toBe('CORRECTED');
  });
});
