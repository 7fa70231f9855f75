import type { Admin } from 'kafkajs';
import { explicitly } from './kafka-unreachable.error';
import type { MessagingAdmin, PartitionOffsets, TopicSpec } from './messaging.port';

/** MessagingAdmin over a kafkajs Admin. */
export class KafkajsAdmin implements MessagingAdmin {
  constructor(
    private readonly admin: Admin,
    private readonly brokers: readonly string[],
    private readonly connectTimeoutMs: number,
  ) {}

  async connect(): Promise<void> {
    try {
      await explicitly(this.brokers, 'admin connect', this.connectTimeoutMs, () => this.admin.connect());
    } catch (error) {
      await this.admin.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    const existing = new Set(await this.admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length === 0) return;
    try {
      await this.admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.topic,
          numPartitions: t.partitions,
          replicationFactor: t.replicationFactor ?? -1,
          configEntries: Object.entries(t.configs ?? {}).map(([name, value]) => ({ name, value })),
        })),
      });
    } catch (error) {
      // Another service may have created the same topic in between: that is success.
      if (!isTopicExists(error)) throw error;
    }
  }

  listTopics(): Promise<string[]> {
    return this.admin.listTopics();
  }

  async topicOffsets(topic: string): Promise<PartitionOffsets[]> {
    const offsets = await this.admin.fetchTopicOffsets(topic);
    return offsets.map((o) => ({ partition: o.partition, low: o.low, high: o.high })).sort((a, b) => a.partition - b.partition);
  }

  async ping(timeoutMs = 2000): Promise<void> {
    await explicitly(this.brokers, 'metadata', timeoutMs, () => this.admin.fetchTopicMetadata({ topics: [] }));
  }

  disconnect(): Promise<void> {
    return this.admin.disconnect();
  }
}

function isTopicExists(error: unknown): boolean {
  const e = error as { type?: string; errors?: Array<{ type?: string }> };
  if (e.type === 'TOPIC_ALREADY_EXISTS') return true;
  return Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every((x) => x.type === 'TOPIC_ALREADY_EXISTS');
}
