import type { Batch, Consumer, EachBatchPayload } from 'kafkajs';
import { explicitly } from './kafka-unreachable.error';
import type { ConsumerRun, IncomingMessage, MessageConsumer, TopicPartitions } from './messaging.port';
import { fromKafkajsMessage } from './kafkajs.mapping';

/**
 * MessageConsumer over a kafkajs Consumer with autoCommit off: offsets are committed only after
 * the handler succeeded, so a crash or a throw means redelivery (at least once), never loss.
 */
export class KafkajsConsumer implements MessageConsumer {
  private running = false;

  constructor(
    private readonly consumer: Consumer,
    private readonly brokers: readonly string[],
    private readonly connectTimeoutMs: number,
  ) {}

  async connect(): Promise<void> {
    try {
      await explicitly(this.brokers, 'consumer connect', this.connectTimeoutMs, () => this.consumer.connect());
    } catch (error) {
      await this.consumer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async subscribe(topics: string[], options: { fromBeginning?: boolean } = {}): Promise<void> {
    try {
      await this.consumer.subscribe({ topics, fromBeginning: options.fromBeginning ?? false });
    } catch (error) {
      // Consumers never create topics: say which one is missing and who creates it, not kafkajs's riddle.
      if ((error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
      throw new Error(`cannot subscribe to ${topics.join(', ')}: a topic does not exist (or this login may not see it); the platform's topics are created before services start (PLATFORM_TOPICS of @cfc/contracts: npm start, kafka-init.sh)`, { cause: error });
    }
  }

  async run(handler: ConsumerRun): Promise<void> {
    this.running = true;
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => (handler.eachMessage ? this.perMessage(payload, handler.eachMessage) : handler.eachBatch!(this.batchView(payload))),
    });
  }

  commit(offsets: Array<{ topic: string; partition: number; offset: string }>): Promise<void> {
    return this.consumer.commitOffsets(offsets);
  }

  pause(targets: TopicPartitions[]): void {
    this.consumer.pause(targets);
  }

  resume(targets: TopicPartitions[]): void {
    this.consumer.resume(targets);
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.consumer.stop();
  }

  async disconnect(): Promise<void> {
    this.running = false;
    await this.consumer.disconnect();
  }

  /** Handles messages one by one; commits the last finished one at the end of the batch or on failure. */
  private async perMessage(payload: EachBatchPayload, each: (m: IncomingMessage) => Promise<void>): Promise<void> {
    const { batch } = payload;
    let done: string | undefined;
    try {
      for (const raw of batch.messages) {
        if (!this.active(payload) || this.isPaused(batch)) break;
        await each(fromKafkajsMessage(batch.topic, batch.partition, raw));
        payload.resolveOffset(raw.offset);
        done = raw.offset;
        await payload.heartbeat();
      }
    } finally {
      if (done !== undefined) await this.commitAfter(payload, done);
    }
  }

  private batchView(payload: EachBatchPayload) {
    const { batch } = payload;
    return {
      topic: batch.topic,
      partition: batch.partition,
      messages: batch.messages.map((m) => fromKafkajsMessage(batch.topic, batch.partition, m)),
      commit: async (offset: string) => {
        payload.resolveOffset(offset);
        await this.commitAfter(payload, offset);
      },
      heartbeat: () => payload.heartbeat(),
      isActive: () => this.active(payload),
    };
  }

  private active(payload: EachBatchPayload): boolean {
    return this.running && payload.isRunning() && !payload.isStale();
  }

  private isPaused(batch: Batch): boolean {
    return this.consumer
      .paused()
      .some((p) => p.topic === batch.topic && p.partitions.includes(batch.partition));
  }

  /**
   * Commits through the batch payload: kafkajs' consumer.commitOffsets() silently drops commits once
   * stop() has begun, which would lose the commit of the message finished during a graceful shutdown.
   */
  private commitAfter(payload: EachBatchPayload, offset: string): Promise<void> {
    const { topic, partition } = payload.batch;
    const next = (BigInt(offset) + 1n).toString();
    return payload.commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset: next }] }] });
  }
}
