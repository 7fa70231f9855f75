import { ACTIVITY_KINDS } from '@cfc/contracts';
import { activityHolding, proofProblems } from './support/activity';
import { enterpriseLogin, gatewayClient, institutionToken, requestBinding, type Call } from './support/api';
import { lastCompleteMonths, monthRecord, ProviderClient, statisticsMessage } from './support/kafka';
import { auditKeys, regulatorVerify } from './support/regulator';
import { eventually, startStack, STACK_START_MS, type Stack } from './support/stack';

// Issue 15's main journey on one platform started as `npm start` starts it, through the public contract only:
// HTTP to the gateway, the SMS outbox, Kafka as the provider B0001 and as the regulator R0001 with their own
// logins. The simulator is off: this suite plays B0001 itself, with figures it can add up.

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- report JSON (docs/report.schema.json)
const indicator = (report: any, id: string) => report.consolidated.groups.flatMap((g: any) => g.indicators).find((i: any) => i.id === id);

describe('issue 15 journey: bind, stream, authorise, query, declare, object, correct, revoke, prove, verify (embedded stack)', () => {
  let stack: Stack;
  let call: Call;
  let provider: ProviderClient;

  beforeAll(async () => {
    stack = await startStack('journey', { CFC_SIMULATOR: 'off' });
    call = gatewayClient(stack.gateway);
    provider = new ProviderClient(stack, 'B0001');
  }, STACK_START_MS + 10_000);

  afterAll(async () => {
    await provider?.stop();
    await stack?.stop();
  }, 60_000);

  it('goes from the first login to a verified audit stream', async () => {
    const enterprise = stack.demo.enterprises[0];
    const account = enterprise.accounts.find((a) => a.provider === 'B0001')!;

    // 1. The enterprise logs in with the code from the SMS outbox and binds its account, accepting the agreement.
    const token = await enterpriseLogin(stack, call, enterprise);
    const agreement = await call('GET', '/v1/subject/agreement', { token });
    const bindingId = await requestBinding(call, token, account);

    // 2. The provider hears the request on its own topic, with the agreement the enterprise signed, and confirms.
    await provider.start();
    const requested = await provider.told('binding.requested', (m) => m.json.type === 'binding.requested' && m.json.bindingId === bindingId);
    expect(requested.json).toMatchObject({ subject: enterprise.uscc, account: { number: account.number, type: account.type }, agreement: { version: agreement.body.version, sha256: agreement.body.sha256 } });
    await provider.send({ type: 'binding.confirmed', bindingId, provider: 'B0001' }, bindingId);
    const active = await eventually('the binding to be ACTIVE', async () => {
      const res = await call('GET', `/v1/subject/bindings/${bindingId}`, { token });
      return res.body.status === 'ACTIVE' ? res.body : undefined;
    });
    expect(active.account.number).not.toBe(account.number); // masked to its enterprise too
    expect(active.account.number.slice(-4)).toBe(account.number.slice(-4));

    // 3. 36 months of signed statistics, figures chosen so that every total can be worked out here.
    const months = lastCompleteMonths(36);
    const inflows = months.map((_, i) => 1_000_000 + i * 10_000);
    const outflows = months.map((_, i) => 800_000 + i * 5_000);
    const records = months.map((period, i) => monthRecord({ account, subject: enterprise.uscc, period, inflow: inflows[i], outflow: outflows[i], inflowCount: 20 + i }));
    const submission = statisticsMessage('B0001', records);
    await provider.send(submission, bindingId);
    const accepted = await provider.told('submission.accepted', (m) => m.json.type === 'submission.accepted' && m.json.submissionId === submission.submissionId);
    expect(accepted.json.acceptedRecords).toBe(36);
    // The report's read model trails ingestion's events: the enterprise's own queries (not capped) show when it is there.
    await eventually('the 36 months in the self-query', async () => {
      const res = await call('POST', '/v1/subject/queries', { token, body: { product: 'DETAIL_SUMMARY' } });
      return res.status === 200 && res.body.coverage.accountMonthsPresent === 36 ? true : undefined;
    }, 60_000, 1000);

    // 4. A lender asks for both products over the account; the enterprise sees the request and grants it.
    const lender = await institutionToken(stack, stack.demo.lenders[0]);
    const asked = await call('POST', '/v1/authorizations', { token: lender, body: { subject: enterprise.uscc, purpose: 'CREDIT_LINE_REVIEW', products: ['CREDIT_REPORT', 'DETAIL_SUMMARY'], months: 36, validDays: 30, accounts: [bindingId] } });
    expect(asked).toMatchObject({ status: 201, body: { status: 'PENDING' } });
    const authorizationId = asked.body.id as string;
    await eventually('the request in the enterprise list', async () => {
      const res = await call('GET', '/v1/subject/authorizations?status=PENDING', { token });
      return res.body.items?.some((a: { id: string }) => a.id === authorizationId) ? true : undefined;
    });
    const granted = await call('POST', `/v1/subject/authorizations/${authorizationId}/grant`, { token, body: {} });
    expect(granted).toMatchObject({ status: 200, body: { status: 'ACTIVE', scope: { accounts: [bindingId], months: 36 } } });

    // 5. The lender's two products carry exactly what was streamed.
    const detail = await call('POST', '/v1/queries', { token: lender, body: { authorizationId, product: 'DETAIL_SUMMARY' } });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ product: 'DETAIL_SUMMARY', subject: { uscc: enterprise.uscc }, period: { from: months[0], to: months[35], months: 36 }, query: { kind: 'INSTITUTION', authorizationId } });
    const detailMonths = detail.body.detail[0].months as { period: string; inflow: { amount: number; count: number }; outflow: { amount: number }; derived: { netFlow: number } }[];
    expect(detailMonths.map((m) => m.period)).toEqual(months);
    expect(detailMonths.map((m) => m.inflow.amount)).toEqual(inflows);
    expect(detailMonths.map((m) => m.outflow.amount)).toEqual(outflows);
    expect(sum(detailMonths.map((m) => m.derived.netFlow))).toBe(sum(inflows) - sum(outflows));
    expect(JSON.stringify(detail.body)).not.toContain(account.number);

    const credit = await call('POST', '/v1/queries', { token: lender, body: { authorizationId, product: 'CREDIT_REPORT' } });
    expect(credit.status).toBe(200);
    expect(credit.body.coverage).toMatchObject({ accountMonthsExpected: 36, accountMonthsPresent: 36 });
    expect(indicator(credit.body, 'OPS_INFLOW_12M')).toMatchObject({ status: 'OK', value: sum(inflows.slice(-12)), months: 12 });
    expect(indicator(credit.body, 'OPS_OUTFLOW_12M')).toMatchObject({ status: 'OK', value: sum(outflows.slice(-12)) });
    expect(indicator(credit.body, 'OPS_INFLOW_COUNT_12M')).toMatchObject({ status: 'OK', value: sum(records.slice(-12).map((r) => r.inflow.count)) });
    expect(indicator(credit.body, 'OPS_MONTHLY_INFLOW').value).toEqual({ from: months[0], to: months[35], values: inflows });
    expect(indicator(credit.body, 'IE_NET_FLOW_12M')).toMatchObject({ status: 'OK', value: sum(inflows.slice(-12)) - sum(outflows.slice(-12)) });

    // 6. The enterprise queries itself, leaves a message, declares on one month and objects to another.
    const self = await call('POST', '/v1/subject/queries', { token, body: { product: 'CREDIT_REPORT' } });
    expect(self).toMatchObject({ status: 200, body: { query: { kind: 'SELF' } } });
    expect(indicator(self.body, 'OPS_INFLOW_12M').value).toBe(sum(inflows.slice(-12)));
    expect(await call('POST', '/v1/subject/messages', { token, body: { text: '绑定后多久能看到数据？' } })).toMatchObject({ status: 201 });
    const declarationText = `${months[35]} 流入含股东借款 50 万元`;
    expect(await call('POST', '/v1/subject/declarations', { token, body: { text: declarationText, bindingId, period: months[35] } })).toMatchObject({ status: 201 });
    const disputed = months[33];
    const objection = await call('POST', '/v1/subject/objections', { token, body: { bindingId, period: disputed, fields: ['inflow.amount'], reason: '该月流入金额多计了一笔退款' } });
    expect(objection).toMatchObject({ status: 201, body: { status: 'SUBMITTED' } });
    const dueInDays = (Date.parse(objection.body.dueBy) - Date.now()) / 86_400_000;
    expect(dueInDays).toBeGreaterThan(19.9);
    expect(dueInDays).toBeLessThanOrEqual(20);

    // 7. The provider hears the objection, sends the month again as revision 2, then answers CORRECTED.
    const objectionId = objection.body.id as string;
    const raised = await provider.told('objection.raised', (m) => m.json.type === 'objection.raised' && m.json.objectionId === objectionId);
    expect(raised.json).toMatchObject({ bindingId, period: disputed, fields: ['inflow.amount'] });
    const correctedInflow = inflows[33] - 200_000;
    const correction = statisticsMessage('B0001', [monthRecord({ account, subject: enterprise.uscc, period: disputed, revision: 2, inflow: correctedInflow, outflow: outflows[33], inflowCount: 20 + 33 })]);
    await provider.send(correction, bindingId);
    await provider.told('the correction accepted', (m) => m.json.type === 'submission.accepted' && m.json.submissionId === correction.submissionId);
    await provider.send({ type: 'objection.resolved', objectionId, provider: 'B0001', outcome: 'CORRECTED', note: '退款已剔除', correctedRevision: 2 }, bindingId);
    await eventually('the objection CORRECTED', async () => {
      const res = await call('GET', '/v1/subject/objections', { token });
      return res.body.objections?.find((o: { id: string; status: string }) => o.id === objectionId && o.status === 'CORRECTED');
    });
    await eventually('the correction in the self-query', async () => {
      const res = await call('POST', '/v1/subject/queries', { token, body: { product: 'DETAIL_SUMMARY' } });
      return res.body.corrections?.items?.some((c: { objectionId: string; revisionShown: number }) => c.objectionId === objectionId && c.revisionShown === 2) ? true : undefined;
    }, 60_000, 1000);
    const corrected = await call('POST', '/v1/queries', { token: lender, body: { authorizationId, product: 'DETAIL_SUMMARY' } });
    const correctedMonth = corrected.body.detail[0].months.find((m: { period: string }) => m.period === disputed);
    expect(correctedMonth).toMatchObject({ revision: 2, corrected: true, disputed: false, inflow: { amount: correctedInflow } });
    expect(corrected.body.declarations.items).toEqual([expect.objectContaining({ text: declarationText, scope: 'MONTH', bindingId, period: months[35] })]);

    // 8. The enterprise revokes; from that instant the lender is refused.
    expect(await call('POST', `/v1/subject/authorizations/${authorizationId}/revoke`, { token, body: {} })).toMatchObject({ status: 200, body: { status: 'REVOKED' } });
    const refused = await call('POST', '/v1/queries', { token: lender, body: { authorizationId, product: 'CREDIT_REPORT' } });
    expect(refused).toMatchObject({ status: 403, body: { code: 'NOT_ACTIVE' } });

    // 9. The activity record, rebuilt from the audit stream, holds every kind; each entry's proof verifies here.
    const items = await activityHolding(call, token, [
      'binding.requested', 'binding.confirmed', 'authorization.requested', 'authorization.granted', 'authorization.revoked',
      'query.performed', 'message.left', 'declaration.made', 'objection.raised', 'objection.resolved', 'subject.logged-in',
    ]);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(ACTIVITY_KINDS));
    const institutionQueries = items.filter((i) => i.kind === 'INSTITUTION_QUERY');
    expect(institutionQueries).toHaveLength(3); // the refused one disclosed nothing
    expect(institutionQueries.every((i) => i.entry.data.authorizationId === authorizationId)).toBe(true);
    expect(JSON.stringify(items)).not.toContain(account.number);
    const { keys } = await auditKeys(stack, call);
    expect(await proofProblems(call, token, items, keys)).toEqual([]);

    // 10. The regulator replays cfc.audit.v1 and its checkpoints from offset 0 with its own tool and login.
    const verified = await regulatorVerify(stack, call);
    expect([verified.code, verified.stderr]).toEqual([0, '']);
    expect(verified.stdout).toMatch(/verif/i);
  }, 420_000);
});
