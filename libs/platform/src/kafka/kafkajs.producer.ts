import type { Producer } from 'kafkajs';
import { explicitly } from './kafka-unreachable.error';
import type { MessageProducer, OutgoingMessage } from './messaging.port';
import { toKafkajsMessage } from './kafkajs.mapping';

/** MessageProducer over a kafkajs Producer. */
export class KafkajsProducer implements MessageProducer {
  constructor(
    private readonly producer: Producer,
    private readonly brokers: readonly string[],
    private readonly connectTimeoutMs: number,
    private readonly acks: -1 | 1,
  ) {}

  async connect(): Promise<void> {
    try {
      await explicitly(this.brokers, 'producer connect', this.connectTimeoutMs, () => this.producer.connect());
    } catch (error) {
      await this.producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async send(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.producer.send({ topic, acks: this.acks, messages: messages.map(toKafkajsMessage) });
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}
