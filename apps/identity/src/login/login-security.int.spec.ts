import { randomUUID } from 'node:crypto';
import { challengeRefOf, contextEventsTopic, Headers } from '@cfc/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { createTestDatabase, describeIntegration, integrationStack, uniqueName, type TestDatabase } from '@cfc/testing';
import { startIdentity, type IdentityTestApp } from '../testing/identity.test-app';

// Issue 8's attacks on the login, each through the real service, PostgreSQL and broker.
describeIntegration('login security: challenge ids stay private, strangers cannot lock, limits do not confirm details', () => {
  let db: TestDatabase;
  let identity: IdentityTestApp;
  const submit = (challengeId: string, code: string, address: string, requestId = randomUUID()) =>
    identity.post('/v1/subject/login', { challengeId, code }, { 'x-cfc-client-address': address, 'x-request-id': requestId });
  const wrongCode = (code: string) => (code === '000000' ? '111111' : '000000');

  beforeAll(async () => {
    db = await createTestDatabase('identity_sec');
    identity = await startIdentity(db.url, integrationStack().kafkaBrokers, { ...integrationStack().kafkaServiceEnv('identity'), LOGIN_CHALLENGES_PER_USCC: '3' });
  });
  afterAll(async () => {
    await identity?.close();
    await db?.drop();
  });

  it('publishes no challenge id on Kafka: events name the challenge by its reference (a reader of the topic learns nothing to submit codes with)', async () => {
    const ids = { challenge: randomUUID(), wrong: randomUUID(), login: randomUUID() };
    const asked = await identity.challenge(0, '198.51.100.1', { requestId: ids.challenge });
    const challengeId = asked.body.challengeId as string;
    const code = identity.smsFor(challengeId);
    expect((await submit(challengeId, wrongCode(code), '198.51.100.1', ids.wrong)).status).toBe(401);
    expect((await submit(challengeId, code, '198.51.100.1', ids.login)).status).toBe(200);

    // Read the topic until the four events of these requests arrived (issued, failed, logged in, account opened).
    const ours = new Set<string>(Object.values(ids));
    const seen: Array<{ key: string; value: string; headers: Record<string, string> }> = [];
    const consumer = new Kafka({ clientId: 'login-security-spec', brokers: integrationStack().kafkaBrokers, sasl: integrationStack().kafkaSasl, logLevel: logLevel.NOTHING }).consumer({ groupId: uniqueName('reader') });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: contextEventsTopic('identity'), fromBeginning: true });
      const four = new Promise<void>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) => {
            const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
            if (!ours.has(headers[Headers.correlationId])) return;
            seen.push({ key: String(message.key), value: String(message.value), headers });
            if (seen.length === 4) resolve();
          },
        });
      });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([four, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`saw ${seen.length} of 4 events`)), 30_000)))]);
      clearTimeout(timer);
    } finally {
      await consumer.disconnect();
    }
    const envelopes = seen.map((m) => JSON.parse(m.value) as { type: string; schemaVersion: number; streamId: string; data: Record<string, unknown> });
    expect(envelopes.map((e) => e.type).sort()).toEqual(['data-account.opened', 'login-challenge.issued', 'subject.logged-in', 'subject.login-failed']);
    for (const message of seen) expect(JSON.stringify(message)).not.toContain(challengeId);
    const ref = challengeRefOf(challengeId);
    expect(envelopes.every((e) => e.schemaVersion === 2 && e.data.challengeRef === ref)).toBe(true);
    expect(envelopes.find((e) => e.type === 'login-challenge.issued')?.streamId).toBe(`login-challenge-${ref}`);
    // Nor is it anywhere in the event store.
    expect(JSON.stringify(await identity.sql(`SELECT stream_id, data, metadata FROM eventing.events`))).not.toContain(challengeId);
  });

  it('does not let a client that did not request the challenge lock it: the requester\'s right code still logs in', async () => {
    const challengeId = (await identity.challenge(1, '198.51.100.2')).body.challengeId as string;
    const code = identity.smsFor(challengeId);
    const stranger = [];
    for (let i = 0; i < 10; i++) stranger.push((await submit(challengeId, wrongCode(code), `203.0.113.${i % 3}`)).body.reason);
    // Five wrong codes from other clients, then they are shut out (LOCKED for them); nothing else changes.
    expect(stranger).toEqual([...Array(5).fill('WRONG_CODE'), ...Array(5).fill('LOCKED')]);
    expect(await submit(challengeId, code, '203.0.113.9')).toMatchObject({ status: 401, body: { reason: 'LOCKED' } }); // their guesses are bounded
    expect(await submit(challengeId, code, '198.51.100.2')).toMatchObject({ status: 200, body: { token_type: 'Bearer' } });
    const ref = challengeRefOf(challengeId);
    expect((await identity.events('login-challenge.locked')).filter((e) => e.data.challengeRef === ref)).toEqual([]);
  });

  it('answers the same 429 for matched and unmatched details once a company\'s challenge limit is used up', async () => {
    for (let i = 0; i < 3; i++) expect((await identity.challenge(2, `198.51.100.${10 + i}`)).status).toBe(200);
    const other = identity.demo.enterprises[3];
    const answers = [
      await identity.challenge(2, '198.51.100.20'),
      await identity.challenge(2, '198.51.100.21', { legalRepName: '某某某' }),
      await identity.challenge(2, '198.51.100.22', { legalRepIdNumber: other.legalRepIdNumber }),
    ];
    const comparable = (a: { status: number; body: Record<string, unknown>; headers: globalThis.Headers }) => {
      const { requestId: _id, retryAfter: _wait, ...body } = a.body;
      return { status: a.status, body, retryAfter: Number(a.headers.get('retry-after')) > 0 };
    };
    expect(comparable(answers[0])).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' }, retryAfter: true });
    for (const answer of answers.slice(1)) expect(comparable(answer)).toEqual(comparable(answers[0]));
  });

  it('answers 40 concurrent wrong codes on one challenge with 401 or 429, never a 500, and still locks it after five', async () => {
    const challengeId = (await identity.challenge(4, '198.51.100.30')).body.challengeId as string;
    const code = identity.smsFor(challengeId);
    const answers = await Promise.all(Array.from({ length: 40 }, () => submit(challengeId, wrongCode(code), '198.51.100.30')));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    for (const limited of answers.filter((a) => a.status === 429)) expect(limited.body).toMatchObject({ code: 'RATE_LIMITED' });
    const reasons = answers.filter((a) => a.status === 401).map((a) => a.body.reason as string);
    expect(reasons.filter((r) => r === 'WRONG_CODE')).toHaveLength(5);
    expect(reasons.filter((r) => r !== 'WRONG_CODE' && r !== 'LOCKED')).toEqual([]);
    expect(await submit(challengeId, code, '198.51.100.30')).toMatchObject({ status: 401, body: { reason: 'LOCKED' } });
    const ref = challengeRefOf(challengeId);
    expect((await identity.events('login-challenge.locked')).filter((e) => e.data.challengeRef === ref)).toHaveLength(1);
  });
});
