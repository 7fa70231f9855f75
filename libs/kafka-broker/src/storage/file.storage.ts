import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrokerLog, ResolvedBrokerConfig } from '../broker.context';
import { ErrorCode } from '../codec/error-codes';
import { fsyncDirectory, writeFileDurably } from './durable.file';
import { PartitionLog } from './partition.log';
import { ProducerIdBlock } from './producer-id.block';
import { StorageError, type AppendResult, type PartitionOffsets, type ReadResult, type StoragePort, type TopicInfo } from './storage.port';
import { parseTopicConfig, validateTopicName } from './topic.config';

const RETENTION_CHECK_MS = 30_000;

interface Topic {
  info: TopicInfo;
  partitions: PartitionLog[];
}

/** The file engine: a directory per topic (topic.json + a directory per partition of segment files). */
export class FileStorage implements StoragePort {
  private readonly topics = new Map<string, Topic>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly retentionTimer: NodeJS.Timeout;
  private readonly topicsDir: string;
  private readonly trashDir: string;
  private readonly producerIds: ProducerIdBlock;

  constructor(
    private readonly config: ResolvedBrokerConfig,
    private readonly log: BrokerLog,
  ) {
    this.topicsDir = join(config.dataDir, 'topics');
    mkdirSync(this.topicsDir, { recursive: true, mode: 0o700 }); // the data dir and all below: owner only
    this.producerIds = new ProducerIdBlock(join(config.dataDir, 'producer-ids.json'));
    // Deleted topics are renamed into trash/ first, so a crash mid-delete never resurrects half a topic.
    this.trashDir = join(config.dataDir, 'trash');
    rmSync(this.trashDir, { recursive: true, force: true });
    mkdirSync(this.trashDir, { recursive: true, mode: 0o700 });
    for (const entry of readdirSync(this.topicsDir)) {
      if (existsSync(join(this.topicsDir, entry, 'topic.json'))) this.load(entry);
    }
    this.retentionTimer = setInterval(() => this.enforceRetention(Date.now()), RETENTION_CHECK_MS).unref();
  }

  private load(name: string): void {
    const stored = JSON.parse(readFileSync(join(this.topicsDir, name, 'topic.json'), 'utf8')) as { partitions: number; configs: Record<string, string> };
    this.openTopic({ name, partitions: stored.partitions, config: parseTopicConfig(stored.configs), rawConfigs: stored.configs });
  }

  private openTopic(info: TopicInfo): Topic {
    const partitions = Array.from({ length: info.partitions }, (_, p) => {
      const log = new PartitionLog(join(this.topicsDir, info.name, String(p)), info.config, this.config.fsync === 'always', () => this.wake(info.name, p), this.log);
      log.open();
      return log;
    });
    const topic = { info, partitions };
    this.topics.set(info.name, topic);
    return topic;
  }

  listTopics(): TopicInfo[] {
    return [...this.topics.values()].map((t) => t.info);
  }

  getTopic(name: string): TopicInfo | undefined {
    return this.topics.get(name)?.info;
  }

  // Synchronous on purpose: concurrent auto-creations of one topic cannot race.
  async createTopic(name: string, partitions: number, configs: Record<string, string>): Promise<TopicInfo> {
    validateTopicName(name);
    if (this.topics.has(name)) throw new StorageError(ErrorCode.TOPIC_ALREADY_EXISTS, `topic "${name}" already exists`);
    if (!Number.isInteger(partitions) || partitions < 1 || partitions > 10_000) {
      throw new StorageError(ErrorCode.INVALID_PARTITIONS, `partitions must be 1..10000, got ${partitions}`);
    }
    const info: TopicInfo = { name, partitions, config: parseTopicConfig(configs), rawConfigs: { ...configs } };
    mkdirSync(join(this.topicsDir, name), { recursive: true, mode: 0o700 });
    // Partition directories first, then topic.json (which fsyncs the topic directory), then the topics directory.
    this.openTopic(info);
    writeFileDurably(join(this.topicsDir, name, 'topic.json'), JSON.stringify({ partitions, configs }));
    fsyncDirectory(this.topicsDir);
    this.log('info', 'topic created', { topic: name, partitions });
    return info;
  }

  async deleteTopic(name: string): Promise<void> {
    const topic = this.topics.get(name);
    if (!topic) throw new StorageError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `topic "${name}" does not exist`);
    this.topics.delete(name);
    const trash = join(this.trashDir, `${name}-${Date.now()}`);
    renameSync(join(this.topicsDir, name), trash);
    await Promise.all(topic.partitions.map((p) => p.close()));
    topic.partitions.forEach((_, p) => this.wake(name, p));
    await rm(trash, { recursive: true, force: true });
    this.log('info', 'topic deleted', { topic: name });
  }

  private partition(topic: string, partition: number): PartitionLog {
    const log = this.topics.get(topic)?.partitions[partition];
    if (!log) throw new StorageError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `unknown partition ${topic}-${partition}`);
    return log;
  }

  append(topic: string, partition: number, batch: Buffer): Promise<AppendResult> {
    try {
      return this.partition(topic, partition).append(batch);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  async read(topic: string, partition: number, offset: number, maxBytes: number): Promise<ReadResult> {
    return this.partition(topic, partition).read(offset, maxBytes);
  }

  offsets(topic: string, partition: number): PartitionOffsets {
    const log = this.partition(topic, partition);
    return { logStartOffset: log.logStartOffset, highWatermark: log.highWatermark };
  }

  offsetForTimestamp(topic: string, partition: number, timestamp: number): number {
    return this.partition(topic, partition).offsetForTimestamp(timestamp);
  }

  onAppend(partitions: ReadonlyArray<{ topic: string; partition: number }>, fn: () => void): () => void {
    const keys = partitions.map((p) => `${p.topic}\u0000${p.partition}`);
    let fired = false;
    const once = () => {
      if (fired) return;
      fired = true;
      cancel();
      fn();
    };
    const cancel = () =>
      keys.forEach((k) => {
        const set = this.waiters.get(k);
        set?.delete(once);
        if (set?.size === 0) this.waiters.delete(k);
      });
    for (const k of keys) {
      let set = this.waiters.get(k);
      if (!set) this.waiters.set(k, (set = new Set()));
      set.add(once);
    }
    return cancel;
  }

  private wake(topic: string, partition: number): void {
    const set = this.waiters.get(`${topic}\u0000${partition}`);
    if (!set || set.size === 0) return;
    for (const fn of [...set]) fn();
  }

  nextProducerId(): Promise<number> {
    return Promise.resolve(this.producerIds.next());
  }

  /** Runs retention now (also every 30 s); exposed for tests and operators. */
  enforceRetention(now: number): void {
    for (const t of this.topics.values()) for (const p of t.partitions) p.enforceRetention(now);
  }

  async close(): Promise<void> {
    clearInterval(this.retentionTimer);
    await Promise.all([...this.topics.values()].flatMap((t) => t.partitions.map((p) => p.close())));
    this.topics.clear();
  }
}

/** Opens the file engine under config.dataDir. */
export async function openFileStorage(config: ResolvedBrokerConfig, log: BrokerLog): Promise<StoragePort> {
  return new FileStorage(config, log);
}
