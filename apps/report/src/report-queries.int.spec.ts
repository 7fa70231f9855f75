import { createHash } from 'node:crypto';
import { contextEventsTopic, maskAccountNumber, type QueryPerformedData } from '@cfc/contracts';
import { describeIntegration, serviceAuthHeaders, uniqueName } from '@cfc/testing';
import type { StandInAuthorization } from './testing/consent-check.stand-in';
import { KNOWN_PERIODS, knownRecords } from './testing/known-statistics.fixture';
import { eventually, ReportTestStack } from './testing/report.test-stack';
import { bindingEvents, bindingView, statisticsAcceptedEvent, type TestBinding } from './testing/statistics-events';

// The two query routes through the real gateway (lender tokens and enterprise logins from the real
// identity), the report service on PostgreSQL and the broker, and the stand-ins of consent's check and
// binding's API. The report service's clock reads 2026-11-15, so authorised months end with 2026-10.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- reports are checked field by field

describeIntegration('report queries through the gateway', () => {
  let stack: ReportTestStack;
  let subject: string;
  let lender: string;
  let lenderToken: string;
  const id = uniqueName('q');
  const a: TestBinding = { bindingId: `${id}-a`, subject: '', provider: 'B0001', number: '6222020200112233445', type: 'BASIC' };
  const b: TestBinding = { bindingId: `${id}-b`, subject: '', provider: 'P0001', number: '8800110022003300', type: 'PAYMENT' };

  const call = async (path: string, body: unknown, token?: string, base = stack.gatewayUrl) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, body: JSON.parse(bytes.toString('utf8')) as Json };
  };
  const authorization = (over: Partial<StandInAuthorization> = {}): StandInAuthorization => ({
    authorizationId: uniqueName('auth'), subject, lender, status: 'ACTIVE', products: ['CREDIT_REPORT', 'DETAIL_SUMMARY'], accounts: [a.bindingId, b.bindingId], months: 12, validUntil: '2027-01-01T00:00:00Z', ...over,
  });
  const indicator = (groups: Json[], indicatorId: string) => groups.flatMap((g) => g.indicators).find((i: Json) => i.id === indicatorId);

  beforeAll(async () => {
    stack = await ReportTestStack.start({ gateway: true, at: '2026-11-15T04:00:00Z' });
    subject = a.subject = b.subject = stack.demo!.enterprises[0].uscc;
    lender = stack.demo!.lenders[0].institutionId;
    const { clientId, clientSecret } = stack.demo!.lenders[0];
    const token = await fetch(`${stack.gatewayUrl}/v1/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=client_credentials&client_id=${clientId}&client_secret=${encodeURIComponent(clientSecret)}` });
    lenderToken = ((await token.json()) as Json).access_token;
    stack.bindings.put(bindingView(a), bindingView(b));
    await stack.publish(contextEventsTopic('binding'), [...bindingEvents(a), ...bindingEvents(b)]);
    const statistics = statisticsAcceptedEvent('B0001', knownRecords(a, b));
    await stack.publish(contextEventsTopic('ingestion'), [statistics]);
    await stack.handled(statistics.eventId);
    await eventually('both bindings in the read model', async () => (await stack.sql(`SELECT 1 FROM report.bindings WHERE binding_id = ANY($1) AND status = 'ACTIVE'`, [[a.bindingId, b.bindingId]])).length === 2);
  }, 180_000); // identity, the gateway and the report service start slowly on a loaded machine

  afterAll(() => stack?.stop());

  it('computes the credit report over the authorised accounts and months, figures as worked out by hand', async () => {
    const auth = authorization();
    stack.consent.put(auth);
    const { status, body } = await call('/v1/queries', { authorizationId: auth.authorizationId, product: 'CREDIT_REPORT' }, lenderToken);
    expect(status).toBe(200);
    expect(body).toMatchObject({ product: 'CREDIT_REPORT', schemaVersion: 3, catalogueVersion: 2, subject: { uscc: subject }, period: { from: '2025-11', to: '2026-10', months: 12 } });
    expect(body.query).toMatchObject({ kind: 'INSTITUTION', institution: lender, authorizationId: auth.authorizationId });
    expect(body.accounts).toEqual([
      { bindingId: a.bindingId, provider: 'B0001', accountType: 'BASIC', accountNumber: '6222***********3445' },
      { bindingId: b.bindingId, provider: 'P0001', accountType: 'PAYMENT', accountNumber: '8800********3300' },
    ]);
    const all = body.consolidated.groups;
    const [ofA, ofB] = body.byAccount.map((x: Json) => x.groups);
    // 经营状况: A 12 × 1,000,000 + 10,000 × (0 + … + 11) = 12,660,000; B 6 × 100,000 = 600,000
    expect(indicator(all, 'OPS_INFLOW_12M')).toMatchObject({ status: 'OK', value: 13_260_000, months: 12 });
    expect(indicator(ofA, 'OPS_INFLOW_12M')).toMatchObject({ value: 12_660_000 });
    expect(indicator(ofB, 'OPS_INFLOW_12M')).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'MONTHS_MISSING' });
    // 收支状况: 12,660,000 − 12 × 800,000 + (600,000 − 600,000) = 3,060,000
    expect(indicator(all, 'IE_NET_FLOW_12M')).toMatchObject({ value: 3_060_000 });
    // 偿债能力: mean balance (6 × 1,500,000 + 6 × 1,510,000) / 12 = 1,505,000; buffer days over 365 days:
    // 18,060,000 × 365 / (12 × 10,200,000) = 53.855 -> 53.9; A's debt service 600,000 / (12,660,000 − 300,000) = 0.0485
    expect(indicator(all, 'SOL_MEAN_DAILY_BALANCE')).toMatchObject({ value: 1_505_000 });
    expect(indicator(all, 'SOL_CASH_BUFFER_DAYS')).toMatchObject({ value: 53.9 });
    expect(indicator(ofA, 'SOL_DEBT_SERVICE_RATIO')).toMatchObject({ value: 0.0485 });
    // 履约能力: A paid government in 8 of 12 months; consolidated, only months 0..5 have every breakdown (B has none): 6 of 6
    expect(indicator(ofA, 'PERF_TAX_PAYMENT_REGULARITY')).toMatchObject({ value: 0.6667 });
    expect(indicator(all, 'PERF_TAX_PAYMENT_REGULARITY')).toMatchObject({ value: 1, months: 6 });
    // 交易对手: months 0..5: (6 × 700,000 + 10,000 × 15) / (6 × 1,000,000 + 10,000 × 15) = 4,350,000 / 6,150,000 = 0.7073
    expect(indicator(all, 'CP_ENTERPRISE_INFLOW_SHARE')).toMatchObject({ value: 0.7073, months: 6 });
    // 现金: A 12 × 50,000 / 12,660,000 = 0.0474
    expect(indicator(ofA, 'CASH_DEPOSIT_SHARE')).toMatchObject({ value: 0.0474 });
    // 稳定性: A's inflow 100 + i (×10,000): 12 × 133,706 − 1,266² = 1,716; √1,716 / 1,266 = 0.0327
    expect(indicator(ofA, 'ST_INFLOW_CV')).toMatchObject({ value: 0.0327 });
    // 数据覆盖: (12 + 6) / 24 account-months; B misses 6 months in a row
    expect(indicator(all, 'COV_ACCOUNT_MONTH_COVERAGE')).toMatchObject({ value: 0.75 });
    expect(indicator(ofB, 'COV_LONGEST_GAP')).toMatchObject({ value: 6 });
    expect(body.coverage).toMatchObject({ accountMonthsExpected: 24, accountMonthsPresent: 18 });
  });

  it('serves the exact bytes whose SHA-256 query.performed records, and no full account number', async () => {
    const auth = authorization();
    stack.consent.put(auth);
    const { status, bytes, body } = await call('/v1/queries', { authorizationId: auth.authorizationId, product: 'DETAIL_SUMMARY' }, lenderToken);
    expect(status).toBe(200);
    expect(bytes.toString('utf8')).not.toContain(a.number);
    expect(body.detail[0].months.map((m: Json) => m.period)).toEqual(KNOWN_PERIODS);
    // 2026-10 of A (i = 11): 1,110,000 − 800,000
    expect(body.detail[0].months[11].derived).toMatchObject({ netFlow: 310_000, cashDepositShare: 0.045 }); // 50,000 / 1,110,000 = 0.04505
    const event = await eventually('query.performed', () => stack.reportEvents.find((e) => (e.data as QueryPerformedData).reportId === body.reportId));
    const data = event.data as QueryPerformedData;
    expect(data.reportSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(data).toMatchObject({
      kind: 'INSTITUTION', subject, requester: { kind: 'institution', id: lender }, authorizationId: auth.authorizationId, product: 'DETAIL_SUMMARY', reportBytes: bytes.length,
      period: { from: '2025-11', to: '2026-10', months: 12 },
      accounts: [{ bindingId: a.bindingId, accountNumber: maskAccountNumber(a.number) }, { bindingId: b.bindingId, accountNumber: maskAccountNumber(b.number) }],
    });
    expect(event).toMatchObject({ type: 'query.performed', subject, actor: { kind: 'institution', id: lender } });
  });

  it('asks consent before each query, with consume: true and a fresh query id', async () => {
    const auth = authorization();
    stack.consent.put(auth);
    for (let i = 0; i < 2; i++) expect((await call('/v1/queries', { authorizationId: auth.authorizationId, product: 'CREDIT_REPORT' }, lenderToken)).status).toBe(200);
    const checks = stack.consent.checks.filter((c) => c.authorizationId === auth.authorizationId);
    expect(checks).toHaveLength(2);
    for (const c of checks) expect(c).toMatchObject({ lender, product: 'CREDIT_REPORT', consume: true, principal: { kind: 'lender', id: lender } });
    expect(checks[0].queryId).not.toBe(checks[1].queryId);
    expect(checks[0]).not.toHaveProperty('accounts');
  });

  it.each([
    ['NOT_ACTIVE', { status: 'PENDING' }],
    ['NOT_ACTIVE', { status: 'REVOKED' }],
    ['EXPIRED', { validUntil: '2026-11-01T00:00:00Z' }],
    ['PAUSED', { status: 'PAUSED' }],
    ['NOT_YOURS', { lender: 'L0002' }],
    ['PRODUCT_NOT_COVERED', { products: ['DETAIL_SUMMARY'] }],
  ] as const)('refuses with 403 %s when consent says so (%j), and records nothing', async (reason, change) => {
    const auth = authorization(change as Partial<StandInAuthorization>);
    stack.consent.put(auth);
    const { status, body, headers } = await call('/v1/queries', { authorizationId: auth.authorizationId, product: 'CREDIT_REPORT' }, lenderToken);
    expect({ status, code: body.code }).toEqual({ status: 403, code: reason });
    expect(headers.get('content-type')).toContain('application/problem+json');
    expect(await stack.sql(`SELECT 1 FROM eventing.events WHERE data->>'authorizationId' = $1`, [auth.authorizationId])).toEqual([]);
  });

  it('refuses ACCOUNT_NOT_COVERED and ACCOUNT_UNBOUND with 403, QUERY_LIMIT_REACHED with 429 and retry-after, an unknown id with 404', async () => {
    const notCovered = authorization();
    stack.consent.put(notCovered);
    stack.consent.refuseNext(notCovered.authorizationId, 'ACCOUNT_NOT_COVERED', 'an account is not covered');
    expect((await call('/v1/queries', { authorizationId: notCovered.authorizationId, product: 'CREDIT_REPORT' }, lenderToken)).body).toMatchObject({ status: 403, code: 'ACCOUNT_NOT_COVERED' });
    const c: TestBinding = { ...a, bindingId: `${id}-c`, number: '6222000011112222' };
    stack.bindings.put(bindingView(c, 'ENDED'));
    const unbound = authorization({ accounts: [a.bindingId, c.bindingId] });
    stack.consent.put(unbound);
    expect((await call('/v1/queries', { authorizationId: unbound.authorizationId, product: 'CREDIT_REPORT' }, lenderToken)).body).toMatchObject({ status: 403, code: 'ACCOUNT_UNBOUND' });
    const capped = authorization({ queryLimit: { count: 1, perDays: 30 } });
    stack.consent.put(capped);
    expect((await call('/v1/queries', { authorizationId: capped.authorizationId, product: 'CREDIT_REPORT' }, lenderToken)).status).toBe(200);
    const limited = await call('/v1/queries', { authorizationId: capped.authorizationId, product: 'CREDIT_REPORT' }, lenderToken);
    expect({ status: limited.status, code: limited.body.code }).toEqual({ status: 429, code: 'QUERY_LIMIT_REACHED' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(29 * 86_400); // the one query falls out of the window in 30 days
    expect((await call('/v1/queries', { authorizationId: 'no-such-authorization', product: 'CREDIT_REPORT' }, lenderToken)).body).toMatchObject({ status: 404, code: 'AUTHORIZATION_NOT_FOUND' });
  });

  it('lets an enterprise query itself over its ACTIVE bindings and the last 36 months', async () => {
    const e = stack.demo!.enterprises[0];
    const challenge = await call('/v1/subject/login/challenge', { uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdNumber: e.legalRepIdNumber });
    const token = (await call('/v1/subject/login', { challengeId: challenge.body.challengeId, code: stack.smsCode(challenge.body.challengeId) })).body.access_token as string;
    const { status, bytes, body } = await call('/v1/subject/queries', { product: 'CREDIT_REPORT' }, token);
    expect(status).toBe(200);
    // a and b are ACTIVE; c (above) is ENDED and left out
    expect(body.accounts.map((x: Json) => x.bindingId)).toEqual([a.bindingId, b.bindingId]);
    expect(body).toMatchObject({ query: { kind: 'SELF' }, subject: { uscc: subject }, period: { from: '2023-11', to: '2026-10', months: 36 } });
    expect(indicator(body.consolidated.groups, 'COV_MONTHS_WITH_DATA')).toMatchObject({ value: 12 });
    const event = await eventually('query.performed (self)', () => stack.reportEvents.find((x) => (x.data as QueryPerformedData).reportId === body.reportId));
    expect(event.data).toMatchObject({ kind: 'SELF', requester: { kind: 'enterprise', id: subject }, reportSha256: createHash('sha256').update(bytes).digest('hex') });
    expect(event.data).not.toHaveProperty('authorizationId');
    expect((await call('/v1/queries', { authorizationId: 'x', product: 'CREDIT_REPORT' }, token)).body).toMatchObject({ status: 403, code: 'ROLE_FORBIDDEN' });
  });

  it('checks the caller again inside the report service, and asks binding for an account whose events have not arrived', async () => {
    const direct = await call('/v1/queries', { authorizationId: 'x', product: 'CREDIT_REPORT' }, undefined, stack.reportUrl);
    expect(direct.body).toMatchObject({ status: 401, code: 'SERVICE_AUTH_REQUIRED' });
    const late: TestBinding = { ...a, bindingId: `${id}-late`, number: '6222999988887777' };
    stack.bindings.put(bindingView(late));
    const auth = authorization({ accounts: [late.bindingId] });
    stack.consent.put(auth);
    const headers = { 'content-type': 'application/json', ...(await serviceAuthHeaders('report', { principal: { kind: 'enterprise', id: subject } })) };
    const asEnterprise = await fetch(`${stack.reportUrl}/v1/queries`, { method: 'POST', headers, body: JSON.stringify({ authorizationId: auth.authorizationId, product: 'CREDIT_REPORT' }) });
    expect(((await asEnterprise.json()) as Json).code).toBe('ROLE_FORBIDDEN');
    const { body } = await call('/v1/queries', { authorizationId: auth.authorizationId, product: 'CREDIT_REPORT' }, lenderToken);
    expect(body.accounts).toEqual([{ bindingId: late.bindingId, provider: 'B0001', accountType: 'BASIC', accountNumber: '6222********7777' }]);
    expect(body.coverage).toMatchObject({ accountMonthsPresent: 0 });
  });
});
