import { randomUUID } from 'node:crypto';
import { Headers, type EventEnvelope } from '@cfc/contracts';
import { createKafkaClient, type IncomingMessage, type MessageProducer, type MessagingClient } from '@cfc/platform';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { describeIntegration, integrationStack, uniqueName } from '@cfc/testing';
import { createTopics, eventually } from '../testing/kafka.test-helper';
import { EventForwarder } from './event-forwarder';

const envelope = (type: string, data: Record<string, unknown>): EventEnvelope => ({
  eventId: randomUUID(), type, schemaVersion: 1, streamId: `order-${String(data.id)}`, streamVersion: 1,
  actor: { kind: 'system', id: 'test' }, occurredAt: new Date().toISOString(), correlationId: 'corr-1', data,
});

describeIntegration('EventForwarder: events to other topics, at least once', () => {
  let client: MessagingClient;
  let producer: MessageProducer;
  let events: string;
  let deadLetters: string;
  const prefix = uniqueName('cfc.test.fwd');
  const destination = (shop: string) => `${prefix}.${shop}`;

  const forwarder = (groupId: string, metrics?: MetricsRegistry) =>
    new EventForwarder({
      client, groupId, topics: [events], deadLetterTopic: deadLetters, retryDelayMs: 20, metrics,
      createTopic: (topic) => ({ topic, partitions: 2 }),
      map: (event) => {
        const data = event.data as { id: string; shop: string };
        switch (event.type) {
          case 'order.placed':
            return [{ topic: destination(data.shop), key: data.id, value: JSON.stringify({ type: 'order.placed', id: data.id }) }];
          case 'order.split':
            return [destination('a'), destination('b')].map((topic) => ({ topic, key: data.id, value: JSON.stringify({ type: 'order.split', id: data.id }) }));
          case 'order.broken':
            throw new Error('cannot map a broken order');
          default:
            return [];
        }
      },
    });

  const topicsExist = async (...topics: string[]) => {
    const admin = client.admin();
    await admin.connect();
    try {
      const existing = await admin.listTopics();
      return topics.every((t) => existing.includes(t));
    } finally {
      await admin.disconnect();
    }
  };

  // One throwaway group reading several topics from the start until `count` messages arrived.
  const readTopics = async (topics: string[], count: number) => {
    const consumer = client.consumer({ groupId: uniqueName('reader') });
    const seen: IncomingMessage[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe(topics, { fromBeginning: true });
      await consumer.run({ eachMessage: async (m) => void seen.push(m) });
      await eventually(`${count} messages`, () => seen.length >= count);
      return seen;
    } finally {
      await consumer.stop();
      await consumer.disconnect();
    }
  };

  beforeAll(async () => {
    client = createKafkaClient({ brokers: integrationStack().kafkaBrokers, sasl: integrationStack().kafkaSasl, clientId: 'forwarder-test' });
    [events, deadLetters] = await createTopics(client, { topic: `${prefix}.events`, partitions: 1 }, { topic: `${prefix}.dead-letter`, partitions: 1 });
    producer = client.producer({ idempotent: true });
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
  });

  it('sends each event as its messages (creating destination topics), skips what maps to none, dead-letters what cannot be mapped, and resumes after its commit', async () => {
    const placed = envelope('order.placed', { id: 'o1', shop: 'a' });
    const split = envelope('order.split', { id: 'o2', shop: 'a' });
    await producer.send(events, [
      { key: 's', value: JSON.stringify(placed) },
      { key: 's', value: JSON.stringify(envelope('order.viewed', { id: 'o1', shop: 'a' })) },
      { key: 's', value: JSON.stringify(envelope('order.broken', { id: 'o3', shop: 'a' })) },
      { key: 's', value: '{"not": "an envelope"}' },
      { key: 's', value: JSON.stringify(split) },
    ]);
    const groupId = uniqueName('cfc.test.forwarder');
    const first = forwarder(groupId);
    await first.start();
    let seen;
    try {
      await eventually('the destination topics, created by the forwarder', () => topicsExist(destination('a'), destination('b')));
      seen = await readTopics([destination('a'), destination('b'), deadLetters], 5);
    } finally {
      await first.stop();
    }
    const on = (topic: string) => seen.filter((m) => m.topic === topic).sort((x, y) => String(x.key).localeCompare(String(y.key)));
    // Two partitions: order holds per key, so compare by key.
    expect(on(destination('a')).map((m) => [m.key, JSON.parse(m.value!.toString()).type, m.headers[Headers.eventId]])).toEqual([
      ['o1', 'order.placed', placed.eventId],
      ['o2', 'order.split', split.eventId],
    ]);
    expect(on(destination('a'))[0].headers[Headers.correlationId]).toBe('corr-1');
    expect(on(destination('b')).map((m) => JSON.parse(m.value!.toString()))).toEqual([{ type: 'order.split', id: 'o2' }]);
    const parked = seen.filter((m) => m.topic === deadLetters);
    expect(parked.map((m) => m.headers[Headers.errorReason])).toEqual(['HANDLER_FAILED', 'CONTRACT_VIOLATION']);
    expect(parked[0].headers[Headers.error]).toContain('cannot map a broken order');

    // Same group again: only what came after its commit is forwarded.
    const later = envelope('order.placed', { id: 'o4', shop: 'b' });
    await producer.send(events, [{ key: 's', value: JSON.stringify(later) }]);
    const metrics = new MetricsRegistry();
    const second = forwarder(groupId, metrics);
    await second.start();
    try {
      await eventually('the later event forwarded', () => metrics.counter('cfc_event_forwarder_messages_total', '').get({ group: groupId, outcome: 'forwarded' }) >= 1);
    } finally {
      await second.stop();
    }
    expect(metrics.counter('cfc_event_forwarder_messages_total', '').get({ group: groupId, outcome: 'forwarded' })).toBe(1);
  });
});
