import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { contextEventsTopic, type EventEnvelope } from '@cfc/contracts';
import { createKafkaClient } from '@cfc/platform';
import { describeIntegration, integrationStack, uniqueName } from '@cfc/testing';
import { historyWindow } from '../domain/authorization/history-window';
import { eventually, STACK_START_TIMEOUT_MS, startConsentStack, type ConsentTestStack } from '../testing/consent-test-stack';

// The enforcement check against the real stack: two consent replicas on one database, identity, and
// binding (bindings confirmed by a provider played with kafkajs). Every reason code, the cap under concurrency, revocation at the instant.
describeIntegration('consent: the enforcement check', () => {
  let stack: ConsentTestStack;
  const LENDER = { kind: 'lender' as const, id: 'L0001' };
  const enterprise = (i: number) => ({ kind: 'enterprise' as const, id: stack.demo.enterprises[i].uscc });

  // Two new bindings of the enterprise for each request, unless it uses those it has (`bindNew` false).
  const request = async (i: number, overrides: Record<string, unknown> = {}, bindNew = true) => {
    const uscc = stack.demo.enterprises[i].uscc;
    const accounts = bindNew ? await Promise.all([stack.binding.bind(uscc), stack.binding.bind(uscc)]) : [];
    const res = await stack.internal('/v1/authorizations', { body: { subject: uscc, purpose: 'LOAN_APPLICATION', products: ['CREDIT_REPORT'], months: 12, validDays: 30, ...overrides }, as: LENDER });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, accounts, uscc };
  };
  const granted = async (i: number, overrides: Record<string, unknown> = {}, grant: Record<string, unknown> = {}, bindNew = true) => {
    const r = await request(i, overrides, bindNew);
    const res = await stack.internal(`/v1/subject/authorizations/${r.id}/grant`, { body: grant, as: enterprise(i) });
    expect(res.status).toBe(200);
    return r;
  };
  const act = (i: number, id: string, action: string) => stack.internal(`/v1/subject/authorizations/${id}/${action}`, { method: 'POST', as: enterprise(i) });
  const check = (id: string, body: Record<string, unknown> = {}, replica = 0) =>
    stack.internal(`/internal/authorizations/${id}/check`, { body: { lender: 'L0001', product: 'CREDIT_REPORT', consume: true, queryId: randomUUID(), ...body }, service: 'report', replica });
  const uses = async (id: string) => (await stack.storedEvents(id)).filter((e) => e.type === 'authorization.used').length;

  beforeAll(async () => {
    stack = await startConsentStack({ consentReplicas: 2 });
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
  });

  it('allows an active authorisation with its exact scope: accounts bound now, the months window, queries left', async () => {
    const { id, accounts, uscc } = await granted(0);
    const before = historyWindow(12, new Date());
    const res = await check(id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ allowed: true, authorizationId: id, subject: uscc, lender: 'L0001', product: 'CREDIT_REPORT', remainingQueries: 3 });
    expect(res.body.accounts.sort()).toEqual([...accounts].sort());
    expect([before, historyWindow(12, new Date())]).toContainEqual(res.body.period);
    expect(Date.parse(res.body.validUntil) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(await uses(id)).toBe(1);
  });

  it.each([
    ['NOT_YOURS', 'another lender', async () => (await granted(1)).id, { lender: 'L0002' }],
    ['NOT_YOURS', 'an unknown id', async () => randomUUID(), {}],
    ['NOT_ACTIVE', 'a pending request', async () => (await request(1)).id, {}],
    ['PRODUCT_NOT_COVERED', 'another product', async () => (await granted(1)).id, { product: 'DETAIL_SUMMARY' }],
  ] as const)('refuses %s for %s', async (reason, _what, make, body) => {
    const id = await make();
    expect((await check(id, body)).body).toMatchObject({ allowed: false, reason });
    expect(await uses(id)).toBe(0);
  });

  it('refuses PAUSED while paused, and allows again once resumed', async () => {
    const { id } = await granted(2);
    expect((await act(2, id, 'pause')).status).toBe(200);
    expect((await check(id)).body).toMatchObject({ allowed: false, reason: 'PAUSED' });
    expect((await act(2, id, 'resume')).status).toBe(200);
    expect((await check(id)).body).toMatchObject({ allowed: true });
  });

  it('refuses ACCOUNT_NOT_COVERED outside the grant and ACCOUNT_UNBOUND once unbound; narrows to what is still bound', async () => {
    const { id } = await granted(3);
    const narrow = await request(3);
    await stack.internal(`/v1/subject/authorizations/${narrow.id}/grant`, { body: { accounts: [narrow.accounts[0]] }, as: enterprise(3) });
    expect((await check(narrow.id, { accounts: [narrow.accounts[1]], consume: false })).body).toMatchObject({ allowed: false, reason: 'ACCOUNT_NOT_COVERED' });
    const covered = (await check(id, { consume: false })).body.accounts;
    expect(covered.length).toBeGreaterThanOrEqual(2);
    await stack.binding.end(covered[0]);
    expect((await check(id, { accounts: [covered[0]], consume: false })).body).toMatchObject({ allowed: false, reason: 'ACCOUNT_UNBOUND' });
    expect((await check(id, { consume: false })).body.accounts).not.toContain(covered[0]);
    for (const a of covered.slice(1)) await stack.binding.end(a);
    expect((await check(id)).body).toMatchObject({ allowed: false, reason: 'ACCOUNT_UNBOUND' });
  });

  it('refuses QUERY_LIMIT_REACHED with the seconds until the window frees a query; a retried queryId is counted once', async () => {
    const { id } = await granted(4, { queryLimit: { count: 2, perDays: 1 } });
    const queryId = randomUUID();
    expect((await check(id, { queryId })).body).toMatchObject({ allowed: true, remainingQueries: 1 });
    expect((await check(id, { queryId }, 1)).body).toMatchObject({ allowed: true, remainingQueries: 1 });
    expect((await check(id, { consume: false })).body).toMatchObject({ allowed: true, remainingQueries: 1 });
    expect((await check(id)).body).toMatchObject({ allowed: true, remainingQueries: 0 });
    const refused = (await check(id)).body;
    expect(refused).toMatchObject({ allowed: false, reason: 'QUERY_LIMIT_REACHED' });
    expect(refused.retryAfterSeconds).toBeGreaterThan(86_000);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(86_400);
    expect((await check(id, { queryId })).body).toMatchObject({ allowed: true }); // counted before: still yes, not counted again
    expect(await uses(id)).toBe(2);
  });

  it('holds the cap under 20 concurrent checks on two replicas: exactly 5 pass', async () => {
    const { id } = await granted(5, { purpose: 'POST_LOAN_MANAGEMENT', validDays: 90 });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => check(id, {}, i % 2)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.allowed).length).toBe(5);
    expect(results.filter((r) => r.body.reason === 'QUERY_LIMIT_REACHED').length).toBe(15);
    expect(results.filter((r) => r.body.allowed).map((r) => r.body.remainingQueries).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(await uses(id)).toBe(5);
  });

  it('never lets a check pass once a revocation returned, even on a replica that had the stream cached', async () => {
    const { id } = await granted(6, { queryLimit: { count: 4, perDays: 1 } });
    const seen: Array<{ startedAt: number; allowed: boolean; reason?: string }> = [];
    let stop = false;
    const loop = (async () => {
      while (!stop) {
        const startedAt = Date.now();
        const { body } = await check(id, { consume: seen.length % 2 === 0 && seen.length < 4 });
        seen.push({ startedAt, allowed: body.allowed, reason: body.reason });
      }
    })();
    await eventually('checks passing before the revocation', () => seen.filter((s) => s.allowed).length >= 2);
    const revoke = await act(6, id, 'revoke');
    const revokedAt = Date.now();
    expect(revoke.status).toBe(200);
    await eventually('checks after the revocation', () => seen.filter((s) => s.startedAt > revokedAt).length >= 5);
    stop = true;
    await loop;
    const after = seen.filter((s) => s.startedAt > revokedAt);
    expect(after.every((s) => !s.allowed && s.reason === 'NOT_ACTIVE')).toBe(true);
    expect((await check(id, {}, 0)).body).toMatchObject({ allowed: false, reason: 'NOT_ACTIVE' });
  });

  it('refuses EXPIRED once the clock passes validUntil, before any sweep ran', async () => {
    const { id } = await granted(7, { validDays: 1 });
    expect((await check(id, { consume: false })).body).toMatchObject({ allowed: true });
    try {
      await stack.moveClock(2 * 86_400_000);
      expect((await check(id, { consume: false })).body).toMatchObject({ allowed: false, reason: 'EXPIRED' });
      expect((await check(id, {}, 1)).body).toMatchObject({ allowed: false, reason: 'EXPIRED' });
    } finally {
      await stack.moveClock(0);
    }
  });

  it('answers only the report service, and checks the body', async () => {
    const { id } = await granted(8);
    const body = { lender: 'L0001', product: 'CREDIT_REPORT', consume: false, queryId: 'q-1' };
    expect(await stack.internal(`/internal/authorizations/${id}/check`, { body, service: 'gateway' })).toMatchObject({ status: 403, body: { code: 'CALLER_FORBIDDEN' } });
    expect((await stack.call(`${stack.consentUrls[0]}/internal/authorizations/${id}/check`, { body })).status).toBe(401);
    const bad = await stack.internal(`/internal/authorizations/${id}/check`, { body: { ...body, product: 'EVERYTHING', extra: 1 }, service: 'report' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'product']);
  });

  it('relays every transition with its actor, and each counted query, to cfc.consent.events.v1', async () => {
    const { id, uscc } = await granted(9);
    await check(id);
    await act(9, id, 'pause');
    await act(9, id, 'resume');
    await act(9, id, 'revoke');
    const client = createKafkaClient({ brokers: integrationStack().kafkaBrokers, sasl: integrationStack().kafkaSasl, clientId: 'consent-relay-spec' });
    const consumer = client.consumer({ groupId: uniqueName('consent-relay-spec') });
    const seen: EventEnvelope[] = [];
    const keys = new Set<string | null>();
    await consumer.connect();
    try {
      await consumer.subscribe([contextEventsTopic('consent')], { fromBeginning: true });
      await consumer.run({
        eachMessage: async (m) => {
          const e = JSON.parse(String(m.value)) as EventEnvelope;
          if (e.streamId !== `authorization-${id}`) return;
          seen.push(e);
          keys.add(m.key);
        },
      });
      await eventually('the authorisation on the topic', () => seen.some((e) => e.type === 'authorization.revoked'));
    } finally {
      await consumer.stop();
      await consumer.disconnect();
    }
    expect(seen.map((e) => [e.type, e.actor.kind])).toEqual([
      ['authorization.requested', 'institution'],
      ['authorization.granted', 'enterprise'],
      ['authorization.used', 'institution'],
      ['authorization.paused', 'enterprise'],
      ['authorization.resumed', 'enterprise'],
      ['authorization.revoked', 'enterprise'],
    ]);
    expect([...keys]).toEqual([uscc]);
  });

  it('measures the check (printed, not asserted)', async () => {
    // Each authorisation covers the same two bindings of its enterprise: every check asks binding about two accounts.
    for (const i of [10, 11]) await Promise.all([stack.binding.bind(enterprise(i).id), stack.binding.bind(enterprise(i).id)]);
    const ids = await Promise.all(Array.from({ length: 21 }, (_, i) => granted(10 + (i % 2), { queryLimit: { count: 4, perDays: 1 } }, {}, false)));
    const readable = ids.pop()!;
    // In-service time from consent's own counters (binding call and PostgreSQL included, HTTP excluded).
    const serviceSeconds = async (outcome: string) => {
      const text = (await stack.call(`${stack.consentUrls[0]}/metrics`)).body as unknown as string;
      const value = (name: string) => Number(new RegExp(`^${name}\\{outcome="${outcome}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
      return { count: value('cfc_consent_checks_total'), seconds: value('cfc_consent_check_seconds_total') };
    };
    const run = async (outcome: string, checks: Array<() => Promise<unknown>>) => {
      const before = await serviceSeconds(outcome);
      const cpu = process.cpuUsage();
      const rtt: number[] = [];
      for (const c of checks) {
        const t = process.hrtime.bigint();
        await c();
        rtt.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      const used = process.cpuUsage(cpu);
      const after = await serviceSeconds(outcome);
      const sorted = rtt.sort((a, b) => a - b);
      const at = (p: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(2));
      return { checks: checks.length, httpP50Ms: at(0.5), httpP99Ms: at(0.99), inServiceMeanMs: Number((((after.seconds - before.seconds) / (after.count - before.count)) * 1000).toFixed(2)), processCpuMsPerCheck: Number(((used.user + used.system) / 1000 / checks.length).toFixed(2)) };
    };
    const counted = await run('COUNTED', ids.flatMap(({ id }) => Array.from({ length: 4 }, () => () => check(id))));
    const readOnly = await run('ALLOWED', Array.from({ length: 100 }, () => () => check(readable.id, { consume: false })));
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 8 }, () => Promise.all(Array.from({ length: 20 }, () => check(readable.id, { consume: false })))));
    const parallelPerSecond = Math.round(160 / ((Date.now() - t0) / 1000));
    const line = { counted, readOnly, parallelReadOnlyChecksPerSecond: parallelPerSecond, loadAverage1m: Number(loadavg()[0].toFixed(1)) };
    process.stdout.write(`\nconsent check (one process: test client, identity, binding, consent): ${JSON.stringify(line)}\n`);
    expect(counted.checks).toBe(80);
  }, 150_000); // 4 provider-confirmed bindings, 21 authorisations, then 340 checks: a busy machine makes it slow
});
