/** Per-topic settings; retention limits are checked by dropping whole old segments. */
export interface TopicConfig {
  /** Milliseconds to keep data, -1 = forever (default). */
  readonly retentionMs: number;
  /** Bytes to keep per partition, -1 = unlimited (default). */
  readonly retentionBytes: number;
  /** Size at which the active segment is rolled. */
  readonly segmentBytes: number;
}

export interface TopicInfo {
  readonly name: string;
  readonly partitions: number;
  readonly config: TopicConfig;
  /** Configs as given at creation (name -> value), echoed to admin clients. */
  readonly rawConfigs: Readonly<Record<string, string>>;
}

export interface PartitionOffsets {
  readonly logStartOffset: number;
  readonly highWatermark: number;
}

export interface AppendResult {
  readonly baseOffset: number;
  readonly logStartOffset: number;
  /** True when an idempotent producer resent a batch already in the log: nothing was appended. */
  readonly duplicate: boolean;
}

export interface ReadResult extends PartitionOffsets {
  /** Whole record batches starting at or before the asked offset, back to back; empty when none. */
  readonly records: Buffer;
}

/** Failure with the Kafka error code a handler should put in its reply. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** The log store behind Produce/Fetch/ListOffsets and the topic admin APIs; engines live beside it. */
export interface StoragePort {
  listTopics(): TopicInfo[];
  getTopic(name: string): TopicInfo | undefined;
  /** Throws StorageError (TOPIC_ALREADY_EXISTS, INVALID_TOPIC_EXCEPTION, INVALID_PARTITIONS, INVALID_CONFIG). */
  createTopic(name: string, partitions: number, configs: Record<string, string>): Promise<TopicInfo>;
  /** Throws StorageError UNKNOWN_TOPIC_OR_PARTITION when absent. */
  deleteTopic(name: string): Promise<void>;
  /**
   * Appends one record batch (v2) whose base offset is rewritten in place; resolves once the bytes are
   * in the file (and fsynced with fsync 'always'). Appends to one partition keep call order.
   */
  append(topic: string, partition: number, batch: Buffer): Promise<AppendResult>;
  /** Batches from `offset`, up to about maxBytes (at least one whole batch if any). */
  read(topic: string, partition: number, offset: number, maxBytes: number): Promise<ReadResult>;
  offsets(topic: string, partition: number): PartitionOffsets;
  /** First offset whose batch max timestamp is >= timestamp; the high watermark if none. */
  offsetForTimestamp(topic: string, partition: number, timestamp: number): number;
  /** Calls fn after the next append to any of the partitions; returns a function that cancels. */
  onAppend(partitions: ReadonlyArray<{ topic: string; partition: number }>, fn: () => void): () => void;
  /** Allocates a producer id never handed out before by this data dir. */
  nextProducerId(): Promise<number>;
  close(): Promise<void>;
}
