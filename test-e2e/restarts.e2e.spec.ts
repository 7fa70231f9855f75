import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activityHolding, proofProblems, type ActivityItem } from './support/activity';
import { gatewayClient, institutionToken, requestBinding, type Answer, type Call } from './support/api';
import { monthRecord, ProviderClient, statisticsMessage } from './support/kafka';
import { Parties } from './support/parties';
import { auditKeys, regulatorVerify } from './support/regulator';
import { eventually, startStack, STACK_START_MS, type Stack } from './support/stack';

// Issue 15: each service SIGKILLed in the middle of the journey and restarted by the launcher, on one
// launcher-started stack (simulator off: the suite plays B0001). After each: no event lost, no effect
// twice, and, at the end, the audit stream still verifies. Each test kills a service the others do not.

type Month = { period: string; revision: number; inflow: { amount: number } };

/** Answers while the service behind the gateway is away are 5xx problems, never a 200 with partial data. */
function whileAway(res: Answer): Answer | undefined {
  if (res.status >= 500) {
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    return undefined;
  }
  return res;
}

describe('issue 15: each service killed with SIGKILL mid-journey and restarted by the launcher (embedded stack)', () => {
  let stack: Stack;
  let call: Call;
  let provider: ProviderClient;
  let parties: Parties;

  beforeAll(async () => {
    stack = await startStack('restarts', { CFC_SIMULATOR: 'off' });
    call = gatewayClient(stack.gateway);
    provider = new ProviderClient(stack, 'B0001');
    parties = new Parties(stack, call, provider);
  }, STACK_START_MS + 10_000);

  afterAll(async () => {
    await provider?.stop();
    await stack?.stop();
  }, 60_000);

  /** The enterprise's activity items about one binding or authorisation, once `types` are all there. */
  async function activityOf(token: string, key: 'bindingId' | 'authorizationId', id: string, types: string[]): Promise<ActivityItem[]> {
    const items = await activityHolding(call, token, types, 120_000);
    return items.filter((i) => i.entry.data[key] === id);
  }

  it('keeps every month and doubles none when ingestion is killed mid-stream', async () => {
    const mine = await parties.boundEnterprise(0);
    const periods = parties.months(12);
    const inflows = periods.map((_, i) => 3_000_000 + i * 7_000);
    const submissions = periods.map((period, i) => statisticsMessage('B0001', [monthRecord({ account: mine.account, subject: mine.enterprise.uscc, period, inflow: inflows[i], outflow: 1_500_000 })]));
    for (const submission of submissions.slice(0, 6)) await provider.send(submission, mine.bindingId);
    stack.killService('ingestion');
    for (const submission of submissions.slice(6)) await provider.send(submission, mine.bindingId);
    await stack.restarted('ingestion', 1);
    for (const submission of submissions) {
      await provider.told(`submission ${submission.submissionId} accepted`, (m) => m.json.type === 'submission.accepted' && m.json.submissionId === submission.submissionId, 150_000);
    }
    const detail = await eventually('the 12 months in the self-query', async () => {
      const res = await call('POST', '/v1/subject/queries', { token: mine.token, body: { product: 'DETAIL_SUMMARY' } });
      return res.status === 200 && res.body.coverage.accountMonthsPresent === 12 ? res.body : undefined;
    }, 90_000, 1000);
    expect(detail.detail[0].months.map((m: Month) => [m.period, m.revision, m.inflow.amount])).toEqual(periods.map((p, i) => [p, 1, inflows[i]]));
    // A resent message is the same bytes under the same id: acknowledged, never stored twice.
    await provider.send(Buffer.from(JSON.stringify(submissions[0])), mine.bindingId);
  }, 600_000);

  it('records a grant once when consent is killed between the request and the grant', async () => {
    const mine = await parties.boundEnterprise(3);
    const lender = await institutionToken(stack, stack.demo.lenders[0]);
    const asked = await call('POST', '/v1/authorizations', { token: lender, body: { subject: mine.enterprise.uscc, purpose: 'CREDIT_LINE_REVIEW', products: ['CREDIT_REPORT'], months: 3, validDays: 30 } });
    expect(asked.status).toBe(201);
    stack.killService('consent');
    await stack.restarted('consent', 1);
    // While consent is away the gateway answers 5xx; the enterprise tries again until its grant is taken.
    const granted = await eventually('the grant taken after the restart', async () => whileAway(await call('POST', `/v1/subject/authorizations/${asked.body.id}/grant`, { token: mine.token, body: {} })), 120_000, 1000);
    expect(granted).toMatchObject({ status: 200, body: { status: 'ACTIVE' } });
    expect((await call('POST', '/v1/queries', { token: lender, body: { authorizationId: asked.body.id, product: 'CREDIT_REPORT' } })).status).toBe(200);
    const items = await eventually('the query in the activity record', async () => {
      const ofIt = await activityOf(mine.token, 'authorizationId', asked.body.id, ['authorization.granted']);
      return ofIt.some((i) => i.type === 'query.performed') ? ofIt : undefined;
    }, 90_000, 1000);
    expect(items.map((i) => i.type).sort()).toEqual(['authorization.granted', 'authorization.requested', 'query.performed']);
  }, 600_000);

  it("activates a binding once when binding is killed before the provider's confirmation arrives", async () => {
    const enterprise = parties.freshEnterprise();
    const account = enterprise.accounts.find((a) => a.provider === 'B0001')!;
    const { token } = await parties.loggedIn(enterprise);
    const bindingId = await requestBinding(call, token, account);
    await provider.start();
    await provider.told('binding.requested', (m) => m.json.bindingId === bindingId);
    stack.killService('binding');
    // The confirmation waits on the provider-replies topic while binding is away; the provider also sends it twice.
    const confirmation = { type: 'binding.confirmed', bindingId, provider: 'B0001' };
    await provider.send(confirmation, bindingId);
    await stack.restarted('binding', 1);
    await provider.send(confirmation, bindingId);
    const active = await eventually('the binding ACTIVE after the restart', async () => {
      const res = whileAway(await call('GET', `/v1/subject/bindings/${bindingId}`, { token }));
      return res?.body.status === 'ACTIVE' ? res.body : undefined;
    }, 150_000, 1000);
    expect(active.id).toBe(bindingId);
    // Ending it after both confirmations were handled: one of each in the record, in order.
    expect((await call('DELETE', `/v1/subject/bindings/${bindingId}`, { token })).status).toBeLessThan(300);
    const items = await eventually('binding.ended in the record', async () => {
      const ofIt = await activityOf(token, 'bindingId', bindingId, ['binding.confirmed']);
      return ofIt.some((i) => i.type === 'binding.ended') ? ofIt : undefined;
    }, 120_000, 1000);
    expect(items.sort((a, b) => a.seq - b.seq).map((i) => i.type)).toEqual(['binding.requested', 'binding.confirmed', 'binding.ended']);
  }, 600_000);

  it("serves every month once when report is killed while ingestion's events stream to it", async () => {
    const mine = await parties.boundEnterprise(0);
    const { lender, id } = await parties.grantedAuthorization(mine.token, mine.enterprise.uscc);
    const periods = parties.months(12);
    const inflows = periods.map((_, i) => 4_000_000 + i * 3_000);
    const submissions = periods.map((period, i) => statisticsMessage('B0001', [monthRecord({ account: mine.account, subject: mine.enterprise.uscc, period, inflow: inflows[i], outflow: 2_000_000 })]));
    for (const submission of submissions.slice(0, 6)) await provider.send(submission, mine.bindingId);
    stack.killService('report');
    expect(whileAway(await call('POST', '/v1/queries', { token: lender, body: { authorizationId: id, product: 'CREDIT_REPORT' } }))).toBeUndefined();
    for (const submission of submissions.slice(6)) await provider.send(submission, mine.bindingId);
    for (const submission of submissions) {
      await provider.told(`submission ${submission.submissionId} accepted`, (m) => m.json.type === 'submission.accepted' && m.json.submissionId === submission.submissionId, 150_000);
    }
    await stack.restarted('report', 1);
    const detail = await eventually('the 12 months in the self-query after the restart', async () => {
      const res = whileAway(await call('POST', '/v1/subject/queries', { token: mine.token, body: { product: 'DETAIL_SUMMARY' } }));
      return res?.status === 200 && res.body.coverage.accountMonthsPresent === 12 ? res.body : undefined;
    }, 150_000, 1000);
    expect(detail.detail[0].months.map((m: Month) => [m.period, m.revision, m.inflow.amount])).toEqual(periods.map((p, i) => [p, 1, inflows[i]]));
    const credit = await call('POST', '/v1/queries', { token: lender, body: { authorizationId: id, product: 'CREDIT_REPORT' } });
    expect(credit.status).toBe(200);
    expect(credit.body.coverage).toMatchObject({ accountMonthsExpected: 12, accountMonthsPresent: 12 });
    const items = await eventually('the lender query in the record', async () => {
      const ofIt = await activityOf(mine.token, 'authorizationId', id, ['authorization.granted']);
      return ofIt.some((i) => i.type === 'query.performed') ? ofIt : undefined;
    }, 90_000, 1000);
    // The query refused while report was away disclosed nothing and was not counted.
    expect(items.filter((i) => i.type === 'query.performed')).toHaveLength(1);
  }, 600_000);

  it("keeps a login challenge and sends an authorisation notice once when identity is killed", async () => {
    const enterprise = parties.freshEnterprise();
    const challenge = await call('POST', '/v1/subject/login/challenge', { body: { uscc: enterprise.uscc, legalRepName: enterprise.legalRepName, legalRepIdNumber: enterprise.legalRepIdNumber } });
    expect(challenge.status).toBe(200);
    const lender = await institutionToken(stack, stack.demo.lenders[0]);
    const asked = await call('POST', '/v1/authorizations', { token: lender, body: { subject: enterprise.uscc, purpose: 'CREDIT_LINE_REVIEW', products: ['CREDIT_REPORT'], months: 3, validDays: 30 } });
    expect(asked.status).toBe(201);
    // identity dies with the challenge open and the request's notice perhaps not yet sent.
    stack.killService('identity');
    await stack.restarted('identity', 1);
    const code = smsOutbox(stack).find((line) => line.challengeId === challenge.body.challengeId)?.code;
    const login = await eventually('the login with the code sent before the kill', async () => whileAway(await call('POST', '/v1/subject/login', { body: { challengeId: challenge.body.challengeId, code } })), 120_000, 1000);
    expect(login.status).toBe(200);
    const notices = await eventually('the notice of the request', () => {
      const sent = smsOutbox(stack).filter((line) => line.kind === 'AUTHORIZATION_REQUESTED' && line.ref === asked.body.id);
      return sent.length > 0 ? sent : undefined;
    }, 120_000, 1000);
    // Delivery is at least once under the notice's id (an SMS gateway drops a repeat): one notice, to the enterprise.
    expect(new Set(notices.map((n) => n.noticeId)).size).toBe(1);
    expect(notices[0].to).toBe(enterprise.mobile);
    // The session from the surviving challenge is a working one: the enterprise sees the request it was told of.
    const seen = await call('GET', `/v1/subject/authorizations/${asked.body.id}`, { token: login.body.access_token });
    expect(seen).toMatchObject({ status: 200, body: { id: asked.body.id, status: 'PENDING' } });
  }, 600_000);

  it('logs every message once, each with a proof, when audit is killed mid-burst', async () => {
    const { token } = await parties.loggedIn(parties.freshEnterprise());
    const texts = Array.from({ length: 12 }, (_, i) => `重启测试留言 ${i + 1}`);
    for (const text of texts.slice(0, 6)) expect((await call('POST', '/v1/subject/messages', { token, body: { text } })).status).toBe(201);
    stack.killService('audit');
    for (const text of texts.slice(6)) expect((await call('POST', '/v1/subject/messages', { token, body: { text } })).status).toBe(201);
    await stack.restarted('audit', 1);
    const messages = await eventually('the 12 messages in the activity record', async () => {
      const res = whileAway(await call('GET', '/v1/subject/activity?kind=MESSAGE', { token }));
      const left = ((res?.body.items ?? []) as ActivityItem[]).filter((i) => i.type === 'message.left');
      return left.length >= texts.length ? left : undefined;
    }, 150_000, 1000);
    expect(messages).toHaveLength(texts.length);
    expect(new Set(messages.map((m) => m.seq)).size).toBe(texts.length);
    const { keys } = await auditKeys(stack, call);
    expect(await proofProblems(call, token, messages, keys)).toEqual([]);
  }, 600_000);

  it('serves the same tokens after the gateway is killed, from the moment /readyz says so', async () => {
    const mine = await parties.boundEnterprise(3);
    const lender = await institutionToken(stack, stack.demo.lenders[0]);
    stack.killService('gateway');
    await stack.restarted('gateway', 1);
    await eventually('the gateway ready again', async () => ((await fetch(`${stack.gateway}/readyz`)).status === 200 ? true : undefined), 120_000, 500);
    // Ready means serving: the very next calls, with tokens issued before the kill, go through.
    expect((await call('GET', `/v1/subject/bindings/${mine.bindingId}`, { token: mine.token })).body.status).toBe('ACTIVE');
    const asked = await call('POST', '/v1/authorizations', { token: lender, body: { subject: mine.enterprise.uscc, purpose: 'CREDIT_LINE_REVIEW', products: ['DETAIL_SUMMARY'], months: 3, validDays: 30 } });
    expect(asked.status).toBe(201);
    expect((await call('POST', `/v1/subject/authorizations/${asked.body.id}/grant`, { token: mine.token, body: {} })).status).toBe(200);
    const detail = await call('POST', '/v1/queries', { token: lender, body: { authorizationId: asked.body.id, product: 'DETAIL_SUMMARY' } });
    expect(detail.status).toBe(200);
    expect(detail.body.coverage.accountMonthsPresent).toBe(3);
  }, 600_000);

  it('ends with an audit stream the regulator verifies, every kill and restart included', async () => {
    const verified = await regulatorVerify(stack, call);
    expect([verified.code, verified.stderr]).toEqual([0, '']);
    for (const service of ['ingestion', 'consent', 'binding', 'report', 'identity', 'audit', 'gateway']) expect(stack.output()).toContain(`${service} exited (SIGKILL); restarting`);
  }, 300_000);
});

function smsOutbox(stack: Stack): { challengeId?: string; code?: string; kind?: string; ref?: string; noticeId?: string; to?: string }[] {
  return readFileSync(join(stack.dataDir, 'sms-outbox.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}
