import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { RawKafkaClient } from '../testing/raw-kafka.client';
import { authenticateScram, saslAuthenticate, saslHandshake } from '../testing/sasl.kit';
import { ScramTestClient } from '../testing/scram.client';
import { startTempBroker } from '../testing/temp-broker';
import { buildAuthFile, writeAuthFile, type AuthFileSpec } from './auth-file.writer';

const METADATA = 3;
const PASSWORDS = { alice: 'alice-Secret-1', admin: 'admin-Secret-2', later: 'later-Secret-3' };
const spec: AuthFileSpec = {
  users: [
    { name: 'alice', password: PASSWORDS.alice },
    { name: 'admin', password: PASSWORDS.admin },
  ],
  superUsers: ['User:admin'],
  acls: [{ principal: 'User:alice', resourceType: 'TOPIC', patternType: 'LITERAL', resourceName: 'alice-topic', operation: 'ALL' }],
};

type Broker = Awaited<ReturnType<typeof startTempBroker>>;

async function brokerWithAuth(dir: string, options: { maxFailedLogins?: number } = {}): Promise<{ broker: Broker; file: string; lines: string[] }> {
  const file = join(dir, 'kafka-auth.json');
  writeAuthFile(file, await buildAuthFile(spec));
  const lines: string[] = [];
  const broker = await startTempBroker({
    dataDir: join(dir, 'data'),
    auth: { file, failedLoginDelayMs: 10, maxFailedLogins: options.maxFailedLogins ?? 1000 },
    log: (level, msg, fields) => lines.push(JSON.stringify({ level, msg, ...fields })),
  });
  return { broker, file, lines };
}

const kafka = (address: string, sasl?: SASLOptions) =>
  new Kafka({ clientId: 'sasl-spec', brokers: [address], sasl, logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 3000 });

describe('SASL authentication', () => {
  let dir: string;
  let broker: Broker;
  let file: string;
  let lines: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-sasl-'));
    ({ broker, file, lines } = await brokerWithAuth(dir));
  });
  afterAll(async () => {
    await broker.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['scram-sha-256', 'plain'] as const)('lets kafkajs in with %s and serves it data', async (mechanism) => {
    const client = kafka(broker.address, { mechanism, username: 'alice', password: PASSWORDS.alice } as SASLOptions);
    const producer = client.producer();
    await producer.connect();
    await producer.send({ topic: 'alice-topic', messages: [{ value: `hello ${mechanism}` }] });
    await producer.disconnect();
    const admin = client.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets('alice-topic');
    await admin.disconnect();
    expect(Number(offsets[0].high)).toBeGreaterThan(0);
  });

  it('gives a client without credentials no data: its first Kafka request closes the connection', async () => {
    const c = await RawKafkaClient.open(broker.address);
    const versions = await c.request(18, 2, () => undefined);
    expect(versions.int16()).toBe(0); // ApiVersions is answered before authentication
    await expect(c.request(METADATA, 4, (w) => w.array(['alice-topic'], (w, t) => w.string(t)).boolean(false))).rejects.toThrow('connection closed');
    const admin = kafka(broker.address).admin();
    await expect(admin.connect().then(() => admin.listTopics())).rejects.toThrow(/Connection closed|closed/i);
    await admin.disconnect();
  });

  it.each(['scram-sha-256', 'plain'] as const)('refuses a wrong %s password with an authentication error', async (mechanism) => {
    const admin = kafka(broker.address, { mechanism, username: 'alice', password: 'wrong-password' } as SASLOptions).admin();
    await expect(admin.connect()).rejects.toThrow(/SASL .*authentication failed|Authentication failed/i);
    const unknown = kafka(broker.address, { mechanism, username: 'mallory', password: 'whatever' } as SASLOptions).admin();
    await expect(unknown.connect()).rejects.toThrow(/SASL .*authentication failed|Authentication failed/i);
  });

  it('answers a failed SaslAuthenticate with SASL_AUTHENTICATION_FAILED, then closes', async () => {
    const c = await RawKafkaClient.open(broker.address);
    const reply = await authenticateScram(c, 'alice', 'not-her-password');
    expect(reply.errorCode).toBe(58);
    expect(reply.errorMessage).toMatch(/invalid credentials/);
    await c.closed;
  });

  it('speaks bare SASL frames after SaslHandshake v0 (kafka-python, old librdkafka)', async () => {
    const c = await RawKafkaClient.open(broker.address);
    expect((await saslHandshake(c, 'SCRAM-SHA-256', 0)).errorCode).toBe(0);
    const scram = new ScramTestClient('alice', PASSWORDS.alice);
    const serverFirst = await c.sendRaw(scram.first());
    expect(scram.verifies(await c.sendRaw(scram.final(serverFirst)))).toBe(true);
    const meta = await c.request(METADATA, 4, (w) => w.array(['alice-topic'], (w, t) => w.string(t)).boolean(false));
    meta.int32();
    meta.array((r) => [r.int32(), r.string(), r.int32(), r.nullableString()]);
    meta.nullableString();
    meta.int32();
    expect(meta.array((r) => [r.int16(), r.string()])[0]).toEqual([0, 'alice-topic']);
    c.close();

    const plain = await RawKafkaClient.open(broker.address);
    expect((await saslHandshake(plain, 'PLAIN', 0)).errorCode).toBe(0);
    expect(await plain.sendRaw(Buffer.from(`\0alice\0${PASSWORDS.alice}`))).toEqual(Buffer.alloc(0));
    plain.close();

    const wrong = await RawKafkaClient.open(broker.address);
    await saslHandshake(wrong, 'PLAIN', 0);
    await expect(wrong.sendRaw(Buffer.from('\0alice\0nope'))).rejects.toThrow('connection closed');
  });

  it('refuses an unknown mechanism (listing its own) and SASL out of order, as Kafka does', async () => {
    const c = await RawKafkaClient.open(broker.address);
    expect(await saslHandshake(c, 'GSSAPI')).toEqual({ errorCode: 33, mechanisms: ['SCRAM-SHA-256', 'PLAIN'] });
    await c.closed;

    const early = await RawKafkaClient.open(broker.address);
    expect((await saslAuthenticate(early, Buffer.from('n,,n=alice,r=x'))).errorCode).toBe(34);
    await early.closed;

    const done = await RawKafkaClient.open(broker.address);
    expect((await authenticateScram(done, 'alice', PASSWORDS.alice)).errorCode).toBe(0);
    expect((await saslHandshake(done, 'PLAIN')).errorCode).toBe(34); // ILLEGAL_SASL_STATE, connection kept
    expect((await saslAuthenticate(done, Buffer.from('again'))).errorCode).toBe(34);
    expect((await done.request(18, 2, () => undefined)).int16()).toBe(0);
    done.close();
  });

  it('takes a new user from the changed auth file, and keeps the last good file when the next is invalid', async () => {
    const canLogIn = async (user: string, password: string) => {
      const c = await RawKafkaClient.open(broker.address);
      const reply = await authenticateScram(c, user, password).catch(() => ({ errorCode: -1 }));
      c.close();
      return reply.errorCode === 0;
    };
    expect(await canLogIn('later', PASSWORDS.later)).toBe(false);
    writeAuthFile(file, await buildAuthFile({ ...spec, users: [...spec.users, { name: 'later', password: PASSWORDS.later }] }));
    await until(() => canLogIn('later', PASSWORDS.later));

    writeFileSync(file, '{ "users": [ { "name": "later" } ] }');
    await until(async () => lines.some((l) => l.includes('auth file invalid; keeping the previous version')));
    expect(await canLogIn('later', PASSWORDS.later)).toBe(true);
    expect(await canLogIn('alice', PASSWORDS.alice)).toBe(true);
  });

  it('counts and logs failures without any password', () => {
    const stats = broker.securityStats();
    expect(stats.authenticationsFailed).toBeGreaterThanOrEqual(6);
    expect(stats.authenticationsSucceeded).toBeGreaterThanOrEqual(4);
    const failures = lines.filter((l) => l.includes('SASL authentication failed'));
    expect(failures.some((l) => l.includes('"username":"alice"') && l.includes('"reason":"wrong password"'))).toBe(true);
    const all = lines.join('\n');
    for (const secret of [...Object.values(PASSWORDS), 'wrong-password', 'not-her-password', 'nope']) expect(all).not.toContain(secret);
  });
});

describe('failed-login throttle', () => {
  it('refuses even the right password from an address that failed too often', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-throttle-'));
    const { broker, lines } = await brokerWithAuth(dir, { maxFailedLogins: 3 });
    try {
      for (let i = 0; i < 3; i++) {
        const c = await RawKafkaClient.open(broker.address);
        expect((await authenticateScram(c, 'alice', `guess-${i}`)).errorCode).toBe(58);
      }
      const c = await RawKafkaClient.open(broker.address);
      const reply = await authenticateScram(c, 'alice', PASSWORDS.alice);
      expect(reply).toMatchObject({ errorCode: 58, errorMessage: expect.stringMatching(/too many failed attempts/) });
      expect(broker.securityStats()).toMatchObject({ authenticationsFailed: 3, authenticationsThrottled: 1, authenticationsSucceeded: 0 });
      expect(lines.filter((l) => l.includes('too many failed logins'))).toHaveLength(1);
    } finally {
      await broker.remove();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
