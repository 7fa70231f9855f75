import { Headers, type EventEnvelope } from '@cfc/contracts';
import type { IncomingBatch, IncomingMessage, MessageConsumer, MessageProducer, MessagingClient, OutgoingMessage, PlatformLogger, TopicSpec } from '@cfc/platform';
import { silentLogger } from '@cfc/platform';
import { deadLetterRecord } from '../consumer/dead-letter';
import { envelopeDecoder } from '../consumer/decoders';
import type { MetricsRegistry } from '../metrics/metrics.registry';

/** One message to send for an event: where, under which key, what. */
export interface ForwardedMessage {
  topic: string;
  key?: string | null;
  value: string | Buffer;
  headers?: Record<string, string>;
}

export interface EventForwarderOptions {
  client: MessagingClient;
  /** Explicit group id from @cfc/contracts: the forwarder's position in the events topic. */
  groupId: string;
  /** The events topic(s) to forward from, e.g. contextEventsTopic('binding'). */
  topics: string[];
  /**
   * Only events of these types are decoded and mapped (read from the relay's cfc-event-type header); others
   * are passed over unread, so a topic of large events the forwarder does not map costs no parsing.
   */
  types?: readonly string[];
  /** Zero or more messages for one event. Pure; a throw dead-letters that event (a bug, not a glitch). */
  map(event: EventEnvelope): ForwardedMessage[];
  /** Undecodable events and events `map` throws on. */
  deadLetterTopic: string;
  /** Spec of a destination topic, created before its first send (clusters often refuse auto-creation); undefined: do not create. */
  createTopic?(topic: string): TopicSpec | undefined;
  /** First pause after a failed send, doubled up to 5 s; sends are retried until they succeed or the partition is taken away. */
  retryDelayMs?: number;
  fromBeginning?: boolean;
  metrics?: MetricsRegistry;
  logger?: PlatformLogger;
}

const decodeEnvelope = envelopeDecoder();

/**
 * Forwards a context's committed events to other topics (binding requests to each provider's outbound
 * topic, submission outcomes to providers): consume a batch, map each event to its messages, send them in
 * order, then commit. At least once: a crash between send and commit sends again, so receivers dedupe
 * (each forwarded message carries the source event's id in cfc-event-id). No database: nothing to keep.
 */
export class EventForwarder {
  private consumer?: MessageConsumer;
  private producer?: MessageProducer;
  private readonly created = new Set<string>();

  constructor(private readonly options: EventForwarderOptions) {}

  async start(): Promise<void> {
    const o = this.options;
    this.producer = o.client.producer({ idempotent: true });
    this.consumer = o.client.consumer({ groupId: o.groupId });
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe(o.topics, { fromBeginning: o.fromBeginning ?? true });
    await this.consumer.run({ eachBatch: (batch) => this.onBatch(batch) });
  }

  /** Finishes the batch in flight (or gives it up uncommitted), leaves the group. */
  async stop(): Promise<void> {
    await this.consumer?.stop();
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.consumer = this.producer = undefined;
  }

  private async onBatch(batch: IncomingBatch): Promise<void> {
    if (batch.messages.length === 0) return;
    const outgoing: ForwardedMessage[] = [];
    const dead: OutgoingMessage[] = [];
    for (const message of batch.messages) {
      try {
        outgoing.push(...this.messagesFor(message));
      } catch (error) {
        (this.options.logger ?? silentLogger).error({ err: error, topic: message.topic, offset: message.offset }, 'event not forwarded: dead-lettered');
        dead.push(deadLetterRecord(message, error, this.options.groupId, 1));
      }
    }
    const sent = await this.persistently(batch, async () => {
      for (const [topic, messages] of byTopic(outgoing)) {
        await this.ensureTopic(topic);
        await this.producer!.send(topic, messages);
      }
      if (dead.length) await this.producer!.send(this.options.deadLetterTopic, dead);
    });
    if (!sent) return; // partition taken away or stopping: the next owner forwards the batch again
    await batch.commit(batch.messages[batch.messages.length - 1].offset);
    this.count('forwarded', outgoing.length);
    this.count('dead-lettered', dead.length);
  }

  private messagesFor(message: IncomingMessage): ForwardedMessage[] {
    const type = message.headers[Headers.eventType];
    if (this.options.types && type !== undefined && !this.options.types.includes(type)) return [];
    const decoded = decodeEnvelope(message);
    if (!decoded) return [];
    const event = decoded.value;
    return this.options.map(event).map((m) => ({
      ...m,
      headers: { [Headers.eventId]: event.eventId, [Headers.correlationId]: event.correlationId, ...m.headers },
    }));
  }

  // Kafka being briefly away must not skip events: retry until sent, unless the batch is no longer ours.
  private async persistently(batch: IncomingBatch, send: () => Promise<void>): Promise<boolean> {
    let delay = this.options.retryDelayMs ?? 200;
    for (;;) {
      try {
        await send();
        return true;
      } catch (error) {
        (this.options.logger ?? silentLogger).warn({ err: error, topic: batch.topic, partition: batch.partition }, 'forwarding failed; retrying');
        if (!batch.isActive()) return false;
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 5_000);
        await batch.heartbeat().catch(() => undefined);
        if (!batch.isActive()) return false;
      }
    }
  }

  private async ensureTopic(topic: string): Promise<void> {
    if (this.created.has(topic)) return;
    const spec = this.options.createTopic?.(topic);
    if (spec) {
      const admin = this.options.client.admin();
      await admin.connect();
      try {
        await admin.ensureTopics([spec]);
      } finally {
        await admin.disconnect();
      }
    }
    this.created.add(topic);
  }

  private count(outcome: string, n: number): void {
    if (n > 0) this.options.metrics?.counter('cfc_event_forwarder_messages_total', 'Messages sent by event forwarders, by outcome').inc({ group: this.options.groupId, outcome }, n);
  }
}

/** Messages grouped by topic, each group in its original order (per-key order is what Kafka keeps). */
function byTopic(messages: ForwardedMessage[]): Map<string, OutgoingMessage[]> {
  const groups = new Map<string, OutgoingMessage[]>();
  for (const { topic, ...message } of messages) {
    const group = groups.get(topic) ?? [];
    group.push(message);
    groups.set(topic, group);
  }
  return groups;
}
