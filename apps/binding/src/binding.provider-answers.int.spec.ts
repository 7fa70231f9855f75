import { generateKeyPairSync } from 'node:crypto';
import { contextEventsTopic, Headers, providerOutboundTopic, Topics } from '@cfc/contracts';
import { describeIntegration, ProviderTap, serviceAuthHeaders, type SigningProvider } from '@cfc/testing';
import { PENDING_PROVIDER_TTL_MS } from './domain/binding/binding.expiry';
import { startBindingStack, type BindingStack } from './testing/binding.stack';

describeIntegration('binding: provider answers refused, the internal API, expiry after 7 days', () => {
  let stack: BindingStack;
  let tap: ProviderTap;
  let tokens: string[];
  let bank: SigningProvider;
  let payments: SigningProvider;
  const eventually = async <T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const uscc = (i: number) => stack.demo.enterprises[i].uscc;
  const account = (enterprise: number, index = 0) => stack.demo.enterprises[enterprise].accounts[index];
  const bind = async (token: string, acct: { provider: string; number: string; type: string }) => {
    const res = await stack.call('/v1/subject/bindings', { token, body: { provider: acct.provider, accountNumber: acct.number, accountType: acct.type, agreementVersion: '1.0', agreementAccepted: true } });
    expect(res.status).toBe(202);
    const id = res.body.id as string;
    await tap.waitFor(`binding.requested ${id}`, (m) => m.topic === providerOutboundTopic(acct.provider) && m.value?.bindingId === id);
    return id;
  };
  const statusOf = async (token: string, id: string) => (await stack.call(`/v1/subject/bindings/${id}`, { token })).body.status as string;
  // Topics are shared with other suites: a dead letter is ours when it carries our exact bytes and the reason.
  const deadLetter = (raw: string, reason: string) =>
    tap.waitFor(`dead letter ${reason}`, (m) => m.topic === Topics.ingestionDeadLetter && m.raw === raw && m.headers[Headers.errorReason] === reason);
  const internal = async (path: string, body?: unknown, caller = 'consent') => {
    const res = await fetch(`${stack.binding}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...(await serviceAuthHeaders('binding', {}, caller)), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked field by field
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    stack = await startBindingStack();
    tap = new ProviderTap(['B0001', 'P0001']);
    await tap.start();
    tokens = await Promise.all([4, 5, 6, 7].map((i) => stack.enterpriseToken(i)));
    [bank, payments] = ['B0001', 'P0001'].map((id) => stack.demo.providers.find((p) => p.institutionId === id)!);
  });
  afterAll(async () => {
    stack?.moveClock(0);
    await tap?.stop();
    await stack?.close();
  });

  it('dead-letters unsigned, forged, unknown-key, mismatched, schema-breaking, unknown-binding and other-provider answers with their reason, and changes nothing', async () => {
    const acct = account(4); // at B0001
    const id = await bind(tokens[0], acct);
    const confirm = { type: 'binding.confirmed', bindingId: id, provider: 'B0001' };
    const { privateKey } = generateKeyPairSync('ed25519');
    const stranger = { institutionId: 'B0001', keyId: 'b0001-not-registered', privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
    const cases: Array<[string, Promise<string>]> = [
      ['MISSING_SIGNATURE_HEADERS', tap.answer(confirm, 'unsigned')],
      ['BAD_SIGNATURE', tap.answer(confirm, { ...bank, privateKeyPem: payments.privateKeyPem })], // B0001's key id, P0001's key
      ['UNKNOWN_KEY', tap.answer(confirm, stranger)],
      ['PROVIDER_MISMATCH', tap.answer({ ...confirm, provider: 'P0001' }, bank)], // B0001 signs, speaking for P0001
      ['SCHEMA_VIOLATION', tap.answer({ type: 'binding.rejected', bindingId: id, provider: 'B0001' }, bank)], // no reason
      ['UNKNOWN_BINDING', tap.answer({ ...confirm, bindingId: '00000000-0000-4000-8000-000000000000' }, bank)],
      ['BINDING_OF_ANOTHER_PROVIDER', tap.answer({ ...confirm, provider: 'P0001' }, payments)], // P0001 answers B0001's request
    ];
    for (const [reason, sent] of cases) {
      const parked = await deadLetter(await sent, reason);
      expect(parked.headers[Headers.originalTopic]).toBe(Topics.providerInbound);
      expect(parked.headers[Headers.consumerGroup]).toBe('cfc.binding.provider-replies');
    }
    expect((await deadLetter(await cases[1][1], 'BAD_SIGNATURE')).headers[Headers.provider]).toBe('B0001'); // the original headers travel along
    expect(await statusOf(tokens[0], id)).toBe('PENDING_PROVIDER');

    // The consumer went past them all: the genuine answer lands; then a contrary one is not pending any more.
    await tap.answer(confirm, bank);
    await eventually('ACTIVE', async () => (await statusOf(tokens[0], id)) === 'ACTIVE');
    const late = await tap.answer({ type: 'binding.rejected', bindingId: id, provider: 'B0001', reason: 'CHANGED_OUR_MIND' }, bank);
    await deadLetter(late, 'BINDING_NOT_PENDING');
    await tap.answer(confirm, bank); // the same answer again: nothing new, nothing refused
    const marker = await tap.answer({ ...confirm, bindingId: '00000000-0000-4000-8000-000000000001' }, bank);
    await deadLetter(marker, 'UNKNOWN_BINDING');
    expect(await statusOf(tokens[0], id)).toBe('ACTIVE');
    // The relay publishes a moment after the commit: wait for the confirmation, then give a second one time to show up.
    const confirmedOf = (m: { topic: string; value?: { type?: string; data?: { bindingId?: string } } }) => m.topic === contextEventsTopic('binding') && m.value?.type === 'binding.confirmed' && m.value?.data?.bindingId === id;
    await tap.waitFor('binding.confirmed on the binding topic', confirmedOf);
    await new Promise((r) => setTimeout(r, 1000));
    expect(tap.seen.filter(confirmedOf)).toHaveLength(1);
  });

  it('answers the internal API: by subject and status, status by ids, resolve in order with nulls; bad bodies are 400', async () => {
    const [first, second] = [account(5), account(5, 1)];
    const a = await bind(tokens[1], first);
    const b = await bind(tokens[1], second);
    await tap.answer({ type: 'binding.confirmed', bindingId: a, provider: first.provider }, first.provider === 'B0001' ? bank : payments);
    await eventually('ACTIVE', async () => (await statusOf(tokens[1], a)) === 'ACTIVE');

    const all = await internal(`/internal/bindings?subject=${uscc(5)}`);
    expect(all.body.bindings.map((v: { bindingId: string }) => v.bindingId).sort()).toEqual([a, b].sort());
    expect(all.body.bindings.find((v: { bindingId: string }) => v.bindingId === a)).toMatchObject({ subject: uscc(5), provider: first.provider, account: { number: first.number }, status: 'ACTIVE', agreement: { version: '1.0' } });
    const active = await internal(`/internal/bindings?subject=${uscc(5)}&status=ACTIVE`);
    expect(active.body.bindings.map((v: { bindingId: string }) => v.bindingId)).toEqual([a]);
    const statuses = await internal('/internal/bindings/status', { bindingIds: [a, b, 'no-such-binding'] });
    expect(Object.fromEntries(statuses.body.bindings.map((v: { bindingId: string; status: string }) => [v.bindingId, v.status]))).toEqual({ [a]: 'ACTIVE', [b]: 'PENDING_PROVIDER' });

    const resolved = await internal('/internal/bindings/resolve', {
      provider: first.provider,
      accounts: [
        { subject: uscc(6), number: first.number, type: first.type }, // right account, wrong subject
        { subject: uscc(5), number: first.number, type: first.type },
        { subject: uscc(5), number: first.number, type: first.type === 'BASIC' ? 'GENERAL' : 'BASIC' }, // wrong type
        { subject: uscc(5), number: second.number, type: second.type }, // pending, not active
      ],
    }, 'ingestion');
    expect(resolved.body.results).toEqual([null, { bindingId: a, agreement: expect.objectContaining({ version: '1.0' }) }, null, null]);

    expect(await internal('/internal/bindings?subject=not-a-uscc')).toMatchObject({ status: 400, body: { errors: [{ field: 'subject', code: 'USCC_FORMAT' }] } });
    expect(await internal('/internal/bindings/status', { bindingIds: [] })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await internal('/internal/bindings/resolve', { provider: 'B0001', accounts: [{ subject: uscc(5), number: 'x', type: 'BASIC' }] })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect((await fetch(`${stack.binding}/internal/bindings/status`, { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('expires a request left unanswered 7 days: EXPIRED on read at once, binding.expired recorded by the sweep, a late answer refused, the account free again', async () => {
    const acct = account(7);
    const id = await bind(tokens[3], acct);
    expect((await stack.call(`/v1/subject/bindings/${id}`, { token: tokens[3] })).body).toMatchObject({ status: 'PENDING_PROVIDER', expiresAt: expect.any(String) });
    try {
      stack.moveClock(PENDING_PROVIDER_TTL_MS + 60_000);
      await eventually('EXPIRED on read', async () => (await statusOf(tokens[3], id)) === 'EXPIRED');
      expect((await internal('/internal/bindings/status', { bindingIds: [id] })).body.bindings[0].status).toBe('EXPIRED');
      const recorded = await tap.waitFor('binding.expired', (m) => m.topic === contextEventsTopic('binding') && m.value?.type === 'binding.expired' && m.value.data.bindingId === id);
      expect(recorded.value.actor).toEqual({ kind: 'system', id: 'binding' });
      const late = await tap.answer({ type: 'binding.confirmed', bindingId: id, provider: acct.provider }, acct.provider === 'B0001' ? bank : payments);
      await deadLetter(late, 'BINDING_NOT_PENDING');
      expect(await statusOf(tokens[3], id)).toBe('EXPIRED');
      expect(await stack.call(`/v1/subject/bindings/${id}`, { method: 'DELETE', token: tokens[3] })).toMatchObject({ status: 409, body: { code: 'BINDING_NOT_ACTIVE' } });
      expect((await stack.call('/v1/subject/bindings', { token: tokens[3], body: { provider: acct.provider, accountNumber: acct.number, accountType: acct.type, agreementVersion: '1.0', agreementAccepted: true } })).status).toBe(202);
    } finally {
      stack.moveClock(0);
    }
  });
});
