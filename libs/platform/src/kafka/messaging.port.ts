// The project's own messaging port. Services and libs depend on these interfaces only, never on kafkajs,
// so the client behind them (kafkajs today; Confluent's KafkaJS-compatible API or @platformatic/kafka
// tomorrow) can be replaced in one folder. See STACK.md gotcha 10.

/** A message to publish. Keys carry ordering (e.g. the subject's uscc); headers are UTF-8 strings. */
export interface OutgoingMessage {
  key?: string | null;
  value: Buffer | string | null;
  headers?: Record<string, string>;
  partition?: number;
}

/** A message as a consumer sees it; offsets are decimal strings because they may exceed 2^53. */
export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  timestamp: number;
}

/** A topic, or some of its partitions, for pause/resume. */
export interface TopicPartitions {
  topic: string;
  partitions?: number[];
}

export interface ProducerOptions {
  /** Idempotent producer: broker de-duplicates retries; forces one in-flight request per connection. */
  idempotent?: boolean;
  /** Acks: -1 = all in-sync replicas (default), 1 = leader only. */
  acks?: -1 | 1;
}

/** Publishes messages; connect() fails with a clear error when the cluster is unreachable. */
export interface MessageProducer {
  connect(): Promise<void>;
  send(topic: string, messages: OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}

export interface ConsumerOptions {
  /** Explicit consumer group name (from libs/contracts); no framework-added suffix. */
  groupId: string;
  /** Default 12 s: how long partitions of a member that died stay with it. */
  sessionTimeoutMs?: number;
  /** Default 2 s. */
  heartbeatIntervalMs?: number;
  /** Largest number of bytes fetched per partition per request. */
  maxBytesPerPartition?: number;
  /**
   * A fetch waits until this many bytes are ready, or `maxWaitMs` passed: under load, fewer and larger
   * batches for a bounded extra delay when quiet. Defaults 1 byte (answer at once) and 1000 ms.
   */
  minBytes?: number;
  maxWaitMs?: number;
}

/** A batch of messages from one topic-partition, with commit control for batch handlers. */
export interface IncomingBatch {
  topic: string;
  partition: number;
  messages: IncomingMessage[];
  /** Marks the batch processed up to and including this offset and commits it to the group. */
  commit(offset: string): Promise<void>;
  /** Keeps the group membership alive during long batches. */
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping or the partition was revoked: stop early. */
  isActive(): boolean;
}

/**
 * How to consume. Exactly one handler. Per-message: the offset is committed after the handler
 * resolves; a throw leaves it uncommitted, so the message is delivered again (at least once).
 * Per-batch: the handler commits what it finished via batch.commit(); nothing is committed otherwise.
 */
export type ConsumerRun =
  | { eachMessage: (message: IncomingMessage) => Promise<void>; eachBatch?: never }
  | { eachBatch: (batch: IncomingBatch) => Promise<void>; eachMessage?: never };

/** A group member: subscribe, run, pause/resume for backpressure, stop. */
export interface MessageConsumer {
  connect(): Promise<void>;
  subscribe(topics: string[], options?: { fromBeginning?: boolean }): Promise<void>;
  run(handler: ConsumerRun): Promise<void>;
  /** Commits offsets explicitly (the offset is the next one to read, Kafka style). */
  commit(offsets: Array<{ topic: string; partition: number; offset: string }>): Promise<void>;
  pause(targets: TopicPartitions[]): void;
  resume(targets: TopicPartitions[]): void;
  /** Stops fetching, waits for the handler in flight to finish, leaves the group. */
  stop(): Promise<void>;
  disconnect(): Promise<void>;
}

export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor?: number;
  configs?: Record<string, string>;
}

/** Offsets of one partition, as decimal strings (they may exceed 2^53). */
export interface PartitionOffsets {
  partition: number;
  low: string;
  high: string;
}

/** Cluster administration that services need at start and for /readyz. */
export interface MessagingAdmin {
  connect(): Promise<void>;
  /** Creates the topics that do not exist yet; existing ones are left alone. */
  ensureTopics(topics: TopicSpec[]): Promise<void>;
  listTopics(): Promise<string[]>;
  /**
   * Per partition, the first offset still held and the high watermark (the offset the next message will
   * get): where a reader that keeps its own position starts and stops.
   */
  topicOffsets(topic: string): Promise<PartitionOffsets[]>;
  /** Resolves when the cluster answers a metadata request within the timeout; rejects otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  disconnect(): Promise<void>;
}

/** Makes producers, consumers and admins for one cluster. */
export interface MessagingClient {
  readonly brokers: readonly string[];
  producer(options?: ProducerOptions): MessageProducer;
  consumer(options: ConsumerOptions): MessageConsumer;
  admin(): MessagingAdmin;
}
