import { runKcat } from './kcat.runner';
import { seededValue, startSecuredBroker, TOPICS, type SecuredBroker } from './secured.broker';

// librdkafka (kcat 1.7.1) against the broker with SASL and the platform's ACL table.
describe.each(['SCRAM-SHA-256', 'PLAIN'])('kcat with SASL %s and ACLs', (mechanism) => {
  let broker: SecuredBroker;
  beforeAll(async () => (broker = await startSecuredBroker()));
  afterAll(() => broker?.stop());

  const as = (user: string, password = broker.password(user)) => [
    '-b', broker.address,
    '-X', 'security.protocol=SASL_PLAINTEXT', '-X', `sasl.mechanisms=${mechanism}`, '-X', `sasl.username=${user}`, '-X', `sasl.password=${password}`,
  ];
  const readAll = (auth: string[], topic: string) => runKcat([...auth, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-m', '5'], { timeoutMs: 30_000 });
  const write = (auth: string[], topic: string, lines: string) => runKcat([...auth, '-P', '-t', topic, '-X', 'acks=all'], { input: lines, timeoutMs: 30_000 });

  it('lets a provider write the inbound topic and read its own outbound topic in its own group', async () => {
    const before = await broker.highWatermark(TOPICS.inbound);
    expect((await write(as('B0001'), TOPICS.inbound, '{"a":1}\n{"a":2}\n')).code).toBe(0);
    expect(await broker.highWatermark(TOPICS.inbound)).toBe(before + 2);
    const grouped = await runKcat([...as('B0001'), '-G', 'cfc.provider.B0001.kcat', '-X', 'auto.offset.reset=earliest', '-e', '-q', TOPICS.outboundB0001], { timeoutMs: 40_000 });
    expect(grouped).toMatchObject({ code: 0 });
    expect(grouped.stdout.toString()).toBe(`${seededValue(TOPICS.outboundB0001)}\n`);
  });

  it('gives a client without credentials nothing: the broker asks for SASL', async () => {
    const result = await runKcat(['-b', broker.address, '-C', '-t', TOPICS.outboundB0001, '-o', 'beginning', '-e', '-m', '3'], { timeoutMs: 30_000 });
    expect(result.code).not.toBe(0);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr).toMatch(/broker might require SASL authentication/);
  });

  it('refuses a wrong password with an authentication error', async () => {
    const result = await runKcat([...as('B0001', 'not-the-password'), '-C', '-t', TOPICS.outboundB0001, '-o', 'beginning', '-e', '-m', '3'], { timeoutMs: 30_000 });
    expect(result.code).not.toBe(0);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr).toMatch(/SASL authentication error: Authentication failed/);
  });

  it.each([TOPICS.outboundB0002, TOPICS.audit, TOPICS.checkpoints])('keeps %s from provider B0001', async (topic) => {
    const result = await readAll(as('B0001'), topic);
    expect(result.code).not.toBe(0);
    expect(result.stdout.toString()).not.toContain(seededValue(topic));
    expect(result.stderr).toMatch(/Topic authorization failed/);
  });

  it.each(['B0001', 'R0001'])('refuses %s a write to the audit topic', async (user) => {
    const result = await write(as(user), TOPICS.audit, 'forged\n');
    expect(result.stderr).toMatch(/Topic authorization failed/);
    expect(await broker.highWatermark(TOPICS.audit)).toBe(1);
  });

  it('lets a regulator read the audit stream and the dead letters, and write nothing', async () => {
    for (const topic of [TOPICS.audit, TOPICS.checkpoints, TOPICS.deadLetter]) {
      const result = await readAll(as('R0001'), topic);
      expect(result.stdout.toString()).toBe(`${seededValue(topic)}\n`);
    }
    expect((await write(as('R0001'), TOPICS.deadLetter, 'forged\n')).stderr).toMatch(/Topic authorization failed/);
    expect(await broker.highWatermark(TOPICS.deadLetter)).toBe(1);
  });
});
