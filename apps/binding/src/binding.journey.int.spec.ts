import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { contextEventsTopic, maskAccountNumber, providerOutboundTopic, Topics } from '@cfc/contracts';
import { describeIntegration, integrationStack, ProviderTap, serviceAuthHeaders } from '@cfc/testing';
import { startBindingStack, type BindingStack } from './testing/binding.stack';

const run = promisify(execFile);
const repoRoot = join(__dirname, '..', '..', '..');

describeIntegration('binding through the gateway: bind, confirm, list, unbind, reject, conflicts, ownership', () => {
  let stack: BindingStack;
  let tap: ProviderTap;
  let tokens: string[];
  const eventually = async <T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const account = (enterprise: number, index = 0) => stack.demo.enterprises[enterprise].accounts[index];
  const signer = (provider: string) => stack.demo.providers.find((p) => p.institutionId === provider)!;
  const bind = (token: string, acct: { provider: string; number: string; type: string }, extra: Record<string, unknown> = {}) =>
    stack.call('/v1/subject/bindings', { token, body: { provider: acct.provider, accountNumber: acct.number, accountType: acct.type, agreementVersion: '1.0', agreementAccepted: true, ...extra } });
  const statusOf = async (token: string, id: string) => (await stack.call(`/v1/subject/bindings/${id}`, { token })).body.status as string;
  const requestOnOutbound = (id: string, provider: string) =>
    tap.waitFor(`binding.requested ${id}`, (m) => m.topic === providerOutboundTopic(provider) && m.value?.type === 'binding.requested' && m.value.bindingId === id);
  const internal = async (path: string, body?: unknown) => {
    const res = await fetch(`${stack.binding}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...(await serviceAuthHeaders('binding', {}, 'ingestion')), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked field by field
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    stack = await startBindingStack();
    tap = new ProviderTap(['B0001', 'P0001']);
    await tap.start();
    tokens = await Promise.all([0, 1, 2, 3].map((i) => stack.enterpriseToken(i)));
  });
  afterAll(async () => {
    await tap?.stop();
    await stack?.close();
  });

  it('serves the agreement in force, with the SHA-256 of its exact UTF-8 bytes, to enterprises only', async () => {
    const { status, body } = await stack.call('/v1/subject/agreement', { token: tokens[0] });
    expect(status).toBe(200);
    expect(body).toMatchObject({ version: '1.0', title: '资金流信用信息委托提供协议', current: true });
    expect(body.sha256).toBe(createHash('sha256').update(Buffer.from(body.text, 'utf8')).digest('hex'));
    expect(body.text).toContain('解除绑定');
    expect(await stack.call('/v1/subject/agreement?version=1.0', { token: tokens[0] })).toMatchObject({ status: 200, body: { sha256: body.sha256 } });
    expect(await stack.call('/v1/subject/agreement?version=0.9', { token: tokens[0] })).toMatchObject({ status: 404, body: { code: 'AGREEMENT_VERSION_NOT_FOUND' } });
    expect((await stack.call('/v1/subject/agreement')).status).toBe(401);
    const doc = (await stack.call('/docs/openapi.json')).body;
    expect(Object.keys(doc.paths['/v1/subject/bindings/{id}']).sort()).toEqual(['delete', 'get']);
    expect(doc.paths['/v1/subject/bindings'].post.responses['202']).toBeDefined();
    expect(doc.paths['/v1/subject/agreement'].get).toBeDefined();
  });

  it('binds; the provider (kafkajs) gets the request and confirms; the list shows it masked and ACTIVE; unbinding ends it at once and tells the provider', async () => {
    const acct = account(0);
    const accepted = await bind(tokens[0], acct);
    expect(accepted).toMatchObject({ status: 202, body: { status: 'PENDING_PROVIDER' } });
    const id = accepted.body.id as string;

    const request = await requestOnOutbound(id, acct.provider);
    expect(request.key).toBe(id);
    expect(request.value).toMatchObject({ schemaVersion: 1, subject: stack.demo.enterprises[0].uscc, account: { number: acct.number, type: acct.type }, agreement: { version: '1.0' } });
    const agreement = (await stack.call('/v1/subject/agreement', { token: tokens[0] })).body;
    expect(request.value.agreement.sha256).toBe(agreement.sha256);
    const requested = await tap.waitFor('the binding.requested event', (m) => m.topic === contextEventsTopic('binding') && m.value?.type === 'binding.requested' && m.value.data.bindingId === id);
    expect(requested.value.actor).toEqual({ kind: 'enterprise', id: stack.demo.enterprises[0].uscc });
    expect(requested.value.data.agreement).toEqual(request.value.agreement);

    await tap.answer({ type: 'binding.confirmed', bindingId: id, provider: acct.provider }, signer(acct.provider));
    await eventually('ACTIVE', async () => (await statusOf(tokens[0], id)) === 'ACTIVE');

    const list = await stack.call('/v1/subject/bindings', { token: tokens[0] });
    const mine = list.body.bindings.find((b: { id: string }) => b.id === id);
    expect(mine).toMatchObject({ provider: acct.provider, status: 'ACTIVE', account: { number: maskAccountNumber(acct.number), type: acct.type }, agreement: { version: '1.0', sha256: agreement.sha256, acceptedAt: request.value.agreement.acceptedAt } });
    expect(mine.activatedAt).toBeDefined();
    expect(JSON.stringify(list.body)).not.toContain(acct.number);
    const resolved = await internal('/internal/bindings/resolve', { provider: acct.provider, accounts: [{ subject: stack.demo.enterprises[0].uscc, number: acct.number, type: acct.type }] });
    expect(resolved.body.results[0]).toMatchObject({ bindingId: id, agreement: { version: '1.0' } });

    const ended = await stack.call(`/v1/subject/bindings/${id}`, { method: 'DELETE', token: tokens[0] });
    expect(ended).toMatchObject({ status: 200, body: { id, status: 'ENDED' } });
    // No wait: the moment DELETE answered, what ingestion and consent ask says ENDED.
    expect((await internal('/internal/bindings/status', { bindingIds: [id] })).body.bindings[0].status).toBe('ENDED');
    expect((await internal('/internal/bindings/resolve', { provider: acct.provider, accounts: [{ subject: stack.demo.enterprises[0].uscc, number: acct.number, type: acct.type }] })).body.results).toEqual([null]);
    const told = await tap.waitFor(`binding.ended ${id}`, (m) => m.topic === providerOutboundTopic(acct.provider) && m.value?.type === 'binding.ended' && m.value.bindingId === id);
    expect(told.value).toMatchObject({ schemaVersion: 1, account: { number: acct.number }, endedAt: ended.body.endedAt });
    expect(await stack.call(`/v1/subject/bindings/${id}`, { method: 'DELETE', token: tokens[0] })).toMatchObject({ status: 409, body: { code: 'BINDING_ALREADY_ENDED' } });
  });

  it("records the provider's rejection with its reason; the account may then be bound again", async () => {
    const acct = account(1);
    const id = (await bind(tokens[1], acct)).body.id as string;
    await requestOnOutbound(id, acct.provider);
    await tap.answer({ type: 'binding.rejected', bindingId: id, provider: acct.provider, reason: 'ACCOUNT_NOT_HELD_BY_SUBJECT' }, signer(acct.provider));
    await eventually('REJECTED', async () => (await statusOf(tokens[1], id)) === 'REJECTED');
    expect((await stack.call(`/v1/subject/bindings/${id}`, { token: tokens[1] })).body).toMatchObject({ status: 'REJECTED', rejectionReason: 'ACCOUNT_NOT_HELD_BY_SUBJECT' });
    expect(await stack.call(`/v1/subject/bindings/${id}`, { method: 'DELETE', token: tokens[1] })).toMatchObject({ status: 409, body: { code: 'BINDING_NOT_ACTIVE' } });
    expect(await bind(tokens[1], acct)).toMatchObject({ status: 202 });
  });

  it('answers 409 for the same account twice, and for an account another enterprise holds without saying who; of concurrent requests one wins', async () => {
    const acct = account(2);
    const first = await bind(tokens[2], acct);
    expect(first.status).toBe(202);
    expect(await bind(tokens[2], acct)).toMatchObject({ status: 409, body: { code: 'BINDING_ALREADY_EXISTS', bindingId: first.body.id } });
    const other = await bind(tokens[3], acct);
    expect(other).toMatchObject({ status: 409, body: { code: 'ACCOUNT_ALREADY_BOUND' } });
    expect(JSON.stringify(other.body)).not.toContain(stack.demo.enterprises[2].uscc);

    const contested = account(2, 1);
    const answers = await Promise.all([2, 3, 2, 3, 2, 3].map((i) => bind(tokens[i], contested)));
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => ['BINDING_ALREADY_EXISTS', 'ACCOUNT_ALREADY_BOUND'].includes(a.body.code))).toBe(true);
  });

  it("lets no other enterprise see or unbind a binding (404), and refuses bad input with a specific problem", async () => {
    const acct = account(3);
    const id = (await bind(tokens[3], acct)).body.id as string;
    expect(await stack.call(`/v1/subject/bindings/${id}`, { token: tokens[0] })).toMatchObject({ status: 404, body: { code: 'BINDING_NOT_FOUND' } });
    expect(await stack.call(`/v1/subject/bindings/${id}`, { method: 'DELETE', token: tokens[0] })).toMatchObject({ status: 404, body: { code: 'BINDING_NOT_FOUND' } });
    expect((await stack.call('/v1/subject/bindings', { token: tokens[0] })).body.bindings.map((b: { id: string }) => b.id)).not.toContain(id);
    expect(await statusOf(tokens[3], id)).toBe('PENDING_PROVIDER');
    expect((await stack.call('/v1/subject/bindings/not-a-binding-id', { token: tokens[3] })).status).toBe(404);

    const field = async (extra: Record<string, unknown>) => (await bind(tokens[3], account(3, 1), extra)).body;
    expect(await field({ agreementAccepted: false })).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'agreementAccepted', code: 'AGREEMENT_NOT_ACCEPTED' }] });
    expect(await field({ accountNumber: '6222-0202' })).toMatchObject({ errors: [{ field: 'accountNumber', code: 'ACCOUNT_NUMBER_FORMAT' }] });
    expect(await field({ accountNumber: '1234567' })).toMatchObject({ errors: [{ field: 'accountNumber', code: 'ACCOUNT_NUMBER_FORMAT' }] });
    expect(await field({ accountType: 'SAVINGS' })).toMatchObject({ errors: [{ field: 'accountType', code: 'ACCOUNT_TYPE_UNKNOWN' }] });
    expect(await field({ provider: 'X9999' })).toMatchObject({ code: 'PROVIDER_NOT_REGISTERED' });
    expect(await field({ provider: 'L0001' })).toMatchObject({ code: 'PROVIDER_NOT_REGISTERED' }); // registered, but a lender
    expect(await field({ agreementVersion: '0.9' })).toMatchObject({ code: 'AGREEMENT_VERSION_NOT_CURRENT', currentVersion: '1.0' });
    expect(await field({ extra: 1 })).toMatchObject({ errors: [{ field: 'extra', code: 'UNKNOWN_FIELD' }] });
    expect((await fetch(`${stack.binding}/v1/subject/bindings`)).status).toBe(401); // binding itself wants a service token
  });

  it('hears a provider answering with kcat as itself (its own Kafka login from demo.json), signed by the node helper', async () => {
    const acct = account(0, 1);
    const id = (await bind(tokens[0], acct)).body.id as string;
    await requestOnOutbound(id, acct.provider);
    const answerFile = join(stack.dataDir, `answer-${id}.json`);
    writeFileSync(answerFile, JSON.stringify({ type: 'binding.confirmed', bindingId: id, provider: acct.provider }));
    const { stdout } = await run(process.execPath, [join(repoRoot, 'tools/provider/sign-message.mjs'), join(stack.dataDir, 'demo.json'), acct.provider, answerFile]);
    const headerArgs = stdout.trim().split(/\s+/);
    expect(headerArgs.filter((a) => a === '-H')).toHaveLength(3);
    const login = signer(acct.provider).kafka;
    const sasl = login ? ['-X', 'security.protocol=SASL_PLAINTEXT', '-X', `sasl.mechanisms=${login.mechanism}`, '-X', `sasl.username=${login.username}`, '-X', `sasl.password=${login.password}`] : [];
    if (integrationStack().kafkaSasl) expect(login?.username).toBe(acct.provider); // a broker with SASL: the provider's own principal
    await run('kcat', ['-P', '-b', stack.brokers[0], ...sasl, '-t', Topics.providerInbound, ...headerArgs, answerFile]);
    await eventually('ACTIVE after the kcat answer', async () => (await statusOf(tokens[0], id)) === 'ACTIVE');
  });
});
