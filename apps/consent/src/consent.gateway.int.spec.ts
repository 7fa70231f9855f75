import { usccCheckCharacter } from '@cfc/contracts';
import { describeIntegration } from '@cfc/testing';
import { eventually, STACK_START_TIMEOUT_MS, startConsentStack, type ConsentTestStack, type Reply } from './testing/consent-test-stack';

// Through the gateway, as lenders and enterprises use it: identity, binding (bindings confirmed by a
// provider played with kafkajs) and consent run in-process behind it, on real PostgreSQL and the run's broker.
describeIntegration('consent through the gateway', () => {
  let stack: ConsentTestStack;
  let lender: string;
  let otherLender: string;
  let regulator: string;
  const enterprises: string[] = [];
  const at = (path: string, init: Parameters<ConsentTestStack['call']>[1] = {}) => stack.call(`${stack.gatewayUrl}${path}`, init);
  const uscc = (i: number) => stack.demo.enterprises[i].uscc;
  const ask = (token: string, body: Record<string, unknown>) => at('/v1/authorizations', { token, body: { purpose: 'LOAN_APPLICATION', products: ['CREDIT_REPORT'], months: 12, validDays: 20, ...body } });
  const decide = (i: number, id: string, action: string, body?: unknown) => at(`/v1/subject/authorizations/${id}/${action}`, { method: 'POST', token: enterprises[i], body });
  const expectStatus = (res: Reply, status: number, code?: string) => expect({ status: res.status, code: res.body?.code }).toEqual({ status, code: code ?? res.body?.code });
  const clientToken = async (c: { clientId: string; clientSecret: string }) =>
    (await at('/v1/oauth/token', { body: `grant_type=client_credentials&client_id=${c.clientId}&client_secret=${encodeURIComponent(c.clientSecret)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).body.access_token as string;
  const login = async (i: number) => {
    const e = stack.demo.enterprises[i];
    const { body } = await at('/v1/subject/login/challenge', { body: { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber } });
    return (await at('/v1/subject/login', { body: { challengeId: body.challengeId, code: stack.loginCode(body.challengeId) } })).body.access_token as string;
  };

  beforeAll(async () => {
    stack = await startConsentStack({ gateway: true });
    [lender, otherLender, regulator] = await Promise.all([clientToken(stack.demo.lenders[0]), clientToken(stack.demo.lenders[1]), clientToken(stack.demo.regulators[0])]);
    for (const i of [0, 1, 2]) enterprises.push(await login(i));
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
  });

  it('serves the purpose catalogue to lenders and enterprises', async () => {
    const res = await at('/v1/authorizations/purposes', { token: lender });
    expect(res.status).toBe(200);
    expect(res.body.map((p: { purpose: string }) => p.purpose)).toEqual(['LOAN_APPLICATION', 'CREDIT_LINE_REVIEW', 'POST_LOAN_MANAGEMENT']);
    expect(res.body[2]).toMatchObject({ maxValidDays: 365, maxMonths: 12, queryLimit: { count: 5, perDays: 30 }, description: expect.any(String) });
    expect((await at('/v1/authorizations/purposes', { token: enterprises[0] })).status).toBe(200);
    expectStatus(await at('/v1/authorizations/purposes', { token: regulator }), 403, 'ROLE_FORBIDDEN');
  });

  it("a lender asks: 201 PENDING, and the enterprise's registered mobile gets a notice with no personal data", async () => {
    const res = await ask(lender, { subject: uscc(0), products: ['CREDIT_REPORT', 'DETAIL_SUMMARY'] });
    expect(res).toMatchObject({ status: 201, body: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'PENDING' } });
    const [notice] = await eventually('the SMS notice', () => stack.notices(res.body.id).length > 0 && stack.notices(res.body.id));
    const e = stack.demo.enterprises[0];
    expect(notice.to).toBe(e.mobile);
    expect(notice.text).toContain('L0001');
    for (const personal of [e.legalRepName, e.legalRepIdNumber, e.mobile]) expect(notice.text).not.toContain(personal);
    const view = await at(`/v1/authorizations/${res.body.id}`, { token: lender });
    expect(view.body).toMatchObject({ status: 'PENDING', subject: e.uscc, lender: 'L0001', request: { products: ['CREDIT_REPORT', 'DETAIL_SUMMARY'], queryLimit: { count: 4, perDays: 1 } } });
    expect(view.body.history).toEqual([expect.objectContaining({ type: 'authorization.requested', actor: { kind: 'institution', id: 'L0001' }, at: expect.any(String) })]);
  });

  it('refuses out-of-template requests naming the rule, bad fields naming the field, unknown enterprises and foreign accounts', async () => {
    expectStatus(await ask(lender, { subject: uscc(0), validDays: 90 }), 400, 'PURPOSE_VALIDITY_EXCEEDED');
    expectStatus(await ask(lender, { subject: uscc(0), months: 30 }), 400, 'PURPOSE_MONTHS_EXCEEDED');
    const capped = await ask(lender, { subject: uscc(0), queryLimit: { count: 10, perDays: 1 } });
    expect(capped.body).toMatchObject({ status: 400, code: 'PURPOSE_QUERY_LIMIT_EXCEEDED', violations: [{ field: 'queryLimit' }] });
    expect((await ask(lender, { subject: uscc(0), months: 40 })).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'months', code: 'MONTHS_RANGE' }] });
    expect((await ask(lender, { subject: `${uscc(0).slice(0, 17)}${uscc(0)[17] === '0' ? '1' : '0'}` })).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'subject' }] });
    const base = '91110108MA01ABCDE';
    expectStatus(await ask(lender, { subject: base + usccCheckCharacter(base) }), 422, 'SUBJECT_NOT_FOUND');
    const foreign = await stack.binding.bind(uscc(1));
    expect((await ask(lender, { subject: uscc(0), accounts: [foreign] })).body).toMatchObject({ status: 422, code: 'ACCOUNTS_NOT_ACTIVE', accounts: [foreign] });
    expectStatus(await ask(lender, { subject: uscc(0), queryLimit: { count: 2, perDays: 7 } }), 201);
  });

  it('grants the accounts the lender named, else all active ones, or narrows to those chosen', async () => {
    const [b1, b2, b3] = await Promise.all([stack.binding.bind(uscc(2)), stack.binding.bind(uscc(2)), stack.binding.bind(uscc(2))]);
    const named = (await ask(lender, { subject: uscc(2), accounts: [b1, b2] })).body.id;
    const open = (await ask(lender, { subject: uscc(2) })).body.id;
    const narrowed = (await ask(lender, { subject: uscc(2) })).body.id;
    expect((await decide(2, named, 'grant', {})).body).toMatchObject({ status: 'ACTIVE', scope: { accounts: [b1, b2] } });
    expect((await decide(2, open, 'grant')).body.scope.accounts.sort()).toEqual([b1, b2, b3].sort());
    expect((await decide(2, narrowed, 'grant', { accounts: [b3] })).body.scope).toMatchObject({ accounts: [b3], products: ['CREDIT_REPORT'], months: 12 });
    const other = (await ask(lender, { subject: uscc(2) })).body.id;
    expect((await decide(2, other, 'grant', { accounts: [await stack.binding.bind(uscc(1))] })).body).toMatchObject({ status: 422, code: 'ACCOUNTS_NOT_ACTIVE' });
    const mine = await eventually('the list', async () => {
      const list = await at('/v1/subject/authorizations?status=ACTIVE', { token: enterprises[2] });
      return list.body.items.length >= 3 && list.body.items;
    });
    expect(mine.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([named, open, narrowed]));
    expect(mine.every((a: { status: string; subject: string }) => a.status === 'ACTIVE' && a.subject === uscc(2))).toBe(true);
    const asked = await at('/v1/authorizations?status=PENDING', { token: lender });
    expect(asked.body.items.map((a: { id: string }) => a.id)).toContain(other);
    expect(asked.body.items.every((a: { lender: string }) => a.lender === 'L0001')).toBe(true);
  });

  it('extends with accounts and days, never past the purpose limit or 365 days from the grant', async () => {
    const [extra] = await Promise.all([stack.binding.bind(uscc(0)), stack.binding.bind(uscc(0))]);
    const id = (await ask(lender, { subject: uscc(0), validDays: 10 })).body.id;
    const grant = (await decide(0, id, 'grant', { accounts: [await stack.binding.bind(uscc(0))] })).body.scope;
    const extended = (await decide(0, id, 'extend', { addAccounts: [extra], extendDays: 20 })).body;
    expect(extended.scope.accounts).toContain(extra);
    expect(Date.parse(extended.scope.validUntil) - Date.parse(grant.grantedAt)).toBe(30 * 86_400_000);
    expectStatus(await decide(0, id, 'extend', { extendDays: 1 }), 400, 'EXTENSION_PAST_PURPOSE_LIMIT');
    expect((await decide(0, id, 'extend', {})).body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ code: 'EXTENSION_EMPTY' }] });
    expectStatus(await decide(0, id, 'extend', { addAccounts: [await stack.binding.bind(uscc(1))] }), 422, 'ACCOUNTS_NOT_ACTIVE');
    const year = (await ask(lender, { subject: uscc(0), purpose: 'POST_LOAN_MANAGEMENT', validDays: 365 })).body.id;
    expectStatus(await decide(0, year, 'grant'), 200);
    expectStatus(await decide(0, year, 'extend', { extendDays: 1 }), 400, 'EXTENSION_PAST_365_DAYS');
    expect((await at(`/v1/authorizations/${id}`, { token: lender })).body.history.map((h: { type: string }) => h.type)).toEqual(['authorization.requested', 'authorization.granted', 'authorization.extended']);
  });

  it('pauses, resumes, revokes and rejects; illegal transitions are 409 with stable codes; the history has each change with time and actor', async () => {
    await stack.binding.bind(uscc(1));
    const id = (await ask(lender, { subject: uscc(1) })).body.id;
    expectStatus(await decide(1, id, 'revoke'), 409, 'NOT_YET_GRANTED');
    expectStatus(await decide(1, id, 'grant'), 200);
    expectStatus(await decide(1, id, 'reject'), 409, 'ALREADY_GRANTED');
    expect((await decide(1, id, 'pause')).body.status).toBe('PAUSED');
    expectStatus(await decide(1, id, 'pause'), 409, 'ALREADY_PAUSED');
    expect((await decide(1, id, 'resume')).body.status).toBe('ACTIVE');
    expectStatus(await decide(1, id, 'resume'), 409, 'NOT_PAUSED');
    expect((await decide(1, id, 'revoke')).body.status).toBe('REVOKED');
    expectStatus(await decide(1, id, 'grant'), 409, 'AUTHORIZATION_REVOKED');
    expectStatus(await decide(1, id, 'resume'), 409, 'AUTHORIZATION_REVOKED');
    const history = (await at(`/v1/authorizations/${id}`, { token: lender })).body.history as Array<{ type: string; at: string; actor: { kind: string; id: string } }>;
    expect(history.map((h) => [h.type, h.actor.kind, h.actor.id])).toEqual([
      ['authorization.requested', 'institution', 'L0001'],
      ['authorization.granted', 'enterprise', uscc(1)],
      ['authorization.paused', 'enterprise', uscc(1)],
      ['authorization.resumed', 'enterprise', uscc(1)],
      ['authorization.revoked', 'enterprise', uscc(1)],
    ]);
    expect([...history.map((h) => h.at)].sort()).toEqual(history.map((h) => h.at));
    const rejected = (await ask(lender, { subject: uscc(1) })).body.id;
    expect((await decide(1, rejected, 'reject')).body.status).toBe('REJECTED');
    expect((await decide(1, rejected, 'extend', { extendDays: 1 })).body).toMatchObject({ status: 409, code: 'AUTHORIZATION_REJECTED', action: 'extend', authorizationStatus: 'REJECTED' });
  });

  it('expires an unanswered request after 7 days and a grant at its end, by the clock at once; the sweep records both', async () => {
    await stack.binding.bind(uscc(2));
    const unanswered = (await ask(lender, { subject: uscc(2) })).body.id;
    const paused = (await ask(lender, { subject: uscc(2), validDays: 1 })).body.id;
    expectStatus(await decide(2, paused, 'grant'), 200);
    expectStatus(await decide(2, paused, 'pause'), 200);
    try {
      await stack.moveClock(7 * 86_400_000 + 60_000);
      const view = (await at(`/v1/authorizations/${unanswered}`, { token: lender })).body;
      expect(view.status).toBe('EXPIRED');
      expect(view.history.at(-1)).toMatchObject({ type: 'authorization.expired', actor: { kind: 'system' }, data: { phase: 'REQUEST' } });
      expectStatus(await decide(2, unanswered, 'grant'), 409, 'AUTHORIZATION_EXPIRED');
      expectStatus(await decide(2, paused, 'resume'), 409, 'AUTHORIZATION_EXPIRED');
      const expired = (await at('/v1/subject/authorizations?status=EXPIRED', { token: enterprises[2] })).body.items.map((a: { id: string }) => a.id);
      expect(expired).toEqual(expect.arrayContaining([unanswered, paused]));
      for (const [id, phase] of [[unanswered, 'REQUEST'], [paused, 'GRANT']]) {
        const recorded = await eventually('the recorded expiry', async () => (await stack.storedEvents(id)).find((e) => e.type === 'authorization.expired'));
        expect(recorded).toMatchObject({ actor: { kind: 'system', id: 'consent' }, data: { phase } });
      }
    } finally {
      await stack.moveClock(0);
    }
  });

  it('another lender or enterprise can neither see nor act (404); the wrong role is 403', async () => {
    await stack.binding.bind(uscc(0));
    const id = (await ask(lender, { subject: uscc(0) })).body.id;
    expectStatus(await at(`/v1/authorizations/${id}`, { token: otherLender }), 404, 'AUTHORIZATION_NOT_FOUND');
    expectStatus(await at(`/v1/subject/authorizations/${id}`, { token: enterprises[1] }), 404, 'AUTHORIZATION_NOT_FOUND');
    for (const action of ['grant', 'reject', 'revoke', 'extend', 'pause', 'resume']) {
      expectStatus(await decide(1, id, action, action === 'extend' ? { extendDays: 1 } : {}), 404, 'AUTHORIZATION_NOT_FOUND');
    }
    expect((await at('/v1/authorizations', { token: otherLender })).body.items.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await at('/v1/subject/authorizations', { token: enterprises[1] })).body.items.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await at(`/v1/subject/authorizations/${id}`, { token: enterprises[0] })).body.status).toBe('PENDING');
    expectStatus(await at('/v1/authorizations', { token: enterprises[0], body: { subject: uscc(0) } }), 403, 'ROLE_FORBIDDEN');
    expectStatus(await at(`/v1/subject/authorizations/${id}/grant`, { token: lender, body: {} }), 403, 'ROLE_FORBIDDEN');
    expectStatus(await at(`/v1/authorizations/${id}`, { token: regulator }), 403, 'ROLE_FORBIDDEN');
    expectStatus(await at(`/v1/authorizations/${id}`), 401, 'AUTHENTICATION_REQUIRED');
    expectStatus(await at('/v1/authorizations/not-an-id', { token: lender }), 404);
    expect((await at(`/v1/subject/authorizations/${id}`, { token: enterprises[0] })).body.history).toHaveLength(1);
  });

  it('documents the consent routes in OpenAPI, and never logs mobiles or ID numbers', async () => {
    const doc = (await at('/docs/openapi.json')).body;
    for (const path of ['/v1/authorizations', '/v1/authorizations/purposes', '/v1/authorizations/{id}', '/v1/subject/authorizations', '/v1/subject/authorizations/{id}/grant', '/v1/subject/authorizations/{id}/extend', '/v1/subject/authorizations/{id}/revoke']) {
      expect(doc.paths[path]).toBeDefined();
    }
    const text = stack.logs.join('');
    expect(text).toContain('/v1/authorizations');
    for (const e of stack.demo.enterprises) for (const secret of [e.legalRepIdNumber, e.mobile]) expect(text).not.toContain(secret);
  });
});
