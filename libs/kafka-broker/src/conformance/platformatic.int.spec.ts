import { KAFKA_ADMIN_USER } from '@cfc/contracts';
import { uniqueName } from '@cfc/testing';
import type { PeerAuth } from './peer.process';
import { runPlatformaticPeer as run } from './platformatic/platformatic.runner';
import { seededValue, startSecuredBroker, TOPICS, type SecuredBroker } from './secured.broker';

// @platformatic/kafka 2.x, the likely successor to kafkajs behind the platform's messaging port:
// it negotiates the highest version both sides speak (ApiVersions v3 first, SaslAuthenticate v2..0).
describe('@platformatic/kafka with SASL SCRAM-SHA-256 and ACLs', () => {
  let broker: SecuredBroker;
  beforeAll(async () => (broker = await startSecuredBroker()));
  afterAll(() => broker?.stop());

  const as = (username: string, password = broker.password(username)): PeerAuth => ({ bootstrap: broker.address, mechanism: 'SCRAM-SHA-256', username, password, deadlineS: 20 });

  it('administers, produces idempotently and consumes in a group as the super user', async () => {
    const topic = uniqueName('pk_topic');
    expect((await run(as(KAFKA_ADMIN_USER), ['admin-create', topic, '3'])).lines).toEqual([{ created: [expect.objectContaining({ topic })] }]);
    expect((await run(as(KAFKA_ADMIN_USER), ['admin-list'])).lines[0].topics).toEqual(expect.arrayContaining([topic, TOPICS.audit]));
    expect((await run(as(KAFKA_ADMIN_USER), ['produce', topic, '30'])).lines).toEqual([{ acked: 30, partitions: 3 }]);
    const consumed = await run(as(KAFKA_ADMIN_USER), ['consume', topic, uniqueName('pk_group'), '30']);
    expect((consumed.lines[0].values as string[]).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `v${i}`).sort());
    expect(await broker.highWatermark(topic)).toBe(30);
  });

  it('lets a provider write the inbound topic and read its own outbound topic in its own group', async () => {
    const before = await broker.highWatermark(TOPICS.inbound);
    expect((await run(as('B0001'), ['produce', TOPICS.inbound, '4'])).lines).toEqual([expect.objectContaining({ acked: 4 })]);
    expect(await broker.highWatermark(TOPICS.inbound)).toBe(before + 4);
    expect((await run(as('B0001'), ['consume', TOPICS.outboundB0001, 'cfc.provider.B0001.platformatic', '1'])).lines).toEqual([{ values: [seededValue(TOPICS.outboundB0001)] }]);
  });

  it('gives a client without credentials nothing', async () => {
    const result = await run({ bootstrap: broker.address, deadlineS: 20 }, ['admin-list']);
    expect(result.lines).toEqual([expect.objectContaining({ error: expect.any(String) })]);
    expect(result.lines[0].codes).toContain('PLT_KFK_NETWORK');
  });

  it('refuses a wrong password with SASL_AUTHENTICATION_FAILED', async () => {
    const result = await run(as('B0001', 'not-the-password'), ['admin-list']);
    expect(result.lines[0].codes).toEqual(expect.arrayContaining(['PLT_KFK_AUTHENTICATION', 'SASL_AUTHENTICATION_FAILED']));
  });

  it.each([TOPICS.outboundB0002, TOPICS.audit, TOPICS.checkpoints])('keeps %s from provider B0001', async (topic) => {
    const result = await run(as('B0001'), ['consume', topic, 'cfc.provider.B0001.platformatic-intruder', '1']);
    expect(result.lines).toEqual([expect.objectContaining({ codes: expect.arrayContaining(['TOPIC_AUTHORIZATION_FAILED']) })]);
  });

  it('refuses B0001 a write to the audit topic', async () => {
    const result = await run(as('B0001'), ['produce', TOPICS.audit, '1', 'plain']);
    expect(result.lines[0].codes).toContain('TOPIC_AUTHORIZATION_FAILED');
    expect(await broker.highWatermark(TOPICS.audit)).toBe(1);
  });

  it('refuses a regulator any write: no idempotent producer id, and TOPIC_AUTHORIZATION_FAILED on Produce', async () => {
    expect((await run(as('R0001'), ['produce', TOPICS.audit, '1'])).lines[0].codes).toContain('CLUSTER_AUTHORIZATION_FAILED');
    expect((await run(as('R0001'), ['produce', TOPICS.audit, '1', 'plain'])).lines[0].codes).toContain('TOPIC_AUTHORIZATION_FAILED');
    expect(await broker.highWatermark(TOPICS.audit)).toBe(1);
    expect((await run(as('R0001'), ['consume', TOPICS.audit, 'cfc.regulator.R0001.platformatic', '1'])).lines).toEqual([{ values: [seededValue(TOPICS.audit)] }]);
  });
});
