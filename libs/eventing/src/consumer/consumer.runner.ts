import type { IncomingBatch, IncomingMessage, MessageConsumer, MessageProducer, MessagingClient, PlatformLogger } from '@cfc/platform';
import { silentLogger } from '@cfc/platform';
import type { MetricsRegistry } from '../metrics/metrics.registry';
import type { SqlDatabase, SqlExecutor } from '../sql/sql.port';
import { PoisonMessageError, type MessageDecoder } from './decoders';
import { deadLetterReason, deadLetterRecord } from './dead-letter';
import { alreadyHandled, markAllHandled, markHandled } from './inbox';

export interface ConsumerRunnerOptions<T> {
  db: SqlDatabase;
  client: MessagingClient;
  /** Explicit group id from @cfc/contracts; also the inbox's consumer name. */
  groupId: string;
  topics: string[];
  deadLetterTopic: string;
  decode: MessageDecoder<T>;
  /** The effects of one message, written through `tx`; the inbox row joins the same transaction. Give this or handleMany. */
  handle?(value: T, tx: SqlExecutor, message: IncomingMessage): Promise<void>;
  /** The effects of several new messages at once (e.g. one multi-row INSERT); called with one item on the slow path. */
  handleMany?(items: Array<{ value: T; message: IncomingMessage }>, tx: SqlExecutor): Promise<void>;
  /** Attempts before a failing message is dead-lettered. Default 3. */
  maxAttempts?: number;
  retryDelayMs?: number;
  fromBeginning?: boolean;
  /** Messages handled together in one transaction on the fast path. Default 100. */
  maxTransactionSize?: number;
  /** Bounds the work fetched ahead per partition (one batch in flight per partition). Default 1 MiB. */
  maxBytesPerPartition?: number;
  /**
   * Batching under load: a fetch waits for this many bytes, or at most `fetchMaxWaitMs` (the extra
   * delay a quiet topic sees). Default 1 byte: every message at once, in small batches.
   */
  fetchMinBytes?: number;
  fetchMaxWaitMs?: number;
  metrics?: MetricsRegistry;
  logger?: PlatformLogger;
}

type Outcome = 'handled' | 'duplicate' | 'dead-lettered' | 'skipped';

/**
 * Runs a consumer group so that each message's effects happen once: effects and inbox row commit in
 * one transaction, offsets are committed after, and redeliveries find the inbox row. A message that
 * keeps failing is dead-lettered with its error and the partition moves on.
 */
export class ConsumerRunner<T> {
  private consumer?: MessageConsumer;
  private producer?: MessageProducer;

  constructor(private readonly options: ConsumerRunnerOptions<T>) {
    if (!options.handle === !options.handleMany) throw new Error('ConsumerRunner needs exactly one of handle and handleMany');
  }

  /** Connects, subscribes and starts consuming; resolves once running. */
  async start(): Promise<void> {
    const o = this.options;
    this.producer = o.client.producer({ idempotent: true });
    this.consumer = o.client.consumer({
      groupId: o.groupId,
      maxBytesPerPartition: o.maxBytesPerPartition ?? 1 << 20,
      minBytes: o.fetchMinBytes,
      maxWaitMs: o.fetchMaxWaitMs,
    });
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe(o.topics, { fromBeginning: o.fromBeginning ?? true });
    await this.consumer.run({ eachBatch: (batch) => this.onBatch(batch) });
  }

  /** Finishes the message in flight, commits, leaves the group. */
  async stop(): Promise<void> {
    await this.consumer?.stop();
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.consumer = this.producer = undefined;
  }

  // Fast path: a chunk of messages in one transaction. Any failure (or an undecodable message) sends the
  // chunk down the slow path: one transaction per message, with retries and dead letters.
  private async onBatch(batch: IncomingBatch): Promise<void> {
    const size = this.options.maxTransactionSize ?? 100;
    let done: string | undefined;
    try {
      for (let i = 0; i < batch.messages.length; i += size) {
        if (!batch.isActive()) return;
        const chunk = batch.messages.slice(i, i + size);
        const together = await this.handleTogether(chunk);
        if (together.ok) {
          done = chunk[chunk.length - 1].offset;
          continue;
        }
        for (const message of chunk) {
          if (!batch.isActive()) return;
          await this.process(message, batch, message.offset === together.failedOffset ? 1 : 0);
          done = message.offset;
        }
      }
    } finally {
      if (done !== undefined) await batch.commit(done);
    }
  }

  private async handleTogether(chunk: IncomingMessage[]): Promise<{ ok: true } | { ok: false; failedOffset?: string }> {
    const { db, groupId, decode, handle, handleMany } = this.options;
    if (chunk.length < 2) return { ok: false };
    let decoded: Array<{ id: string; value: T; message: IncomingMessage }>;
    let skipped = 0;
    try {
      decoded = chunk.flatMap((message) => {
        const d = decode(message);
        if (!d) skipped++;
        return d ? [{ ...d, message }] : [];
      });
    } catch {
      return { ok: false };
    }
    if (decoded.length === 0) {
      for (let i = 0; i < skipped; i++) this.count('skipped');
      return { ok: true };
    }
    let failedOffset: string | undefined;
    try {
      const outcomes = await db.transaction(async (tx) => {
        const ids = decoded.map((d) => d.id);
        const seen = new Set((await tx.query<{ message_id: string }>(`SELECT message_id FROM eventing.inbox WHERE consumer = $1 AND message_id = ANY($2::text[])`, [groupId, ids])).rows.map((r) => r.message_id));
        const outcomes = decoded.map((d): Outcome => {
          if (seen.has(d.id)) return 'duplicate'; // handled before, or twice in this chunk
          seen.add(d.id);
          return 'handled';
        });
        const fresh = decoded.filter((_, i) => outcomes[i] === 'handled');
        if (handleMany) await handleMany(fresh, tx);
        for (const d of handleMany ? [] : fresh) {
          failedOffset = d.message.offset;
          await handle!(d.value, tx, d.message);
          failedOffset = undefined;
        }
        if (!(await markAllHandled(tx, groupId, fresh.map((d) => d.id)))) throw new DuplicateRace();
        return outcomes;
      });
      outcomes.forEach((o) => this.count(o));
      for (let i = 0; i < skipped; i++) this.count('skipped');
      return { ok: true };
    } catch (error) {
      this.options.metrics?.counter('cfc_consumer_slow_path_total', 'Chunks handled message by message after a failure').inc({ group: groupId });
      (this.options.logger ?? silentLogger).debug({ err: error, group: groupId }, 'chunk failed; handling its messages one by one');
      return { ok: false, failedOffset };
    }
  }

  private async process(message: IncomingMessage, batch: IncomingBatch, attemptsSoFar: number): Promise<void> {
    const o = this.options;
    const maxAttempts = o.maxAttempts ?? 3;
    let decoded: { id: string; value: T } | undefined;
    try {
      decoded = o.decode(message);
    } catch (error) {
      return this.count(await this.deadLetter(message, error, 0));
    }
    if (!decoded) return this.count('skipped');
    for (let attempt = attemptsSoFar + 1; ; attempt++) {
      if (attempt > 1 && attempt === attemptsSoFar + 1) await this.backOff(message, batch, attempt - 1);
      try {
        return this.count(await this.handleOnce(decoded.id, decoded.value, message));
      } catch (error) {
        if (error instanceof PoisonMessageError || attempt >= maxAttempts) return this.count(await this.deadLetter(message, error, attempt));
        (o.logger ?? silentLogger).warn({ err: error, topic: message.topic, offset: message.offset, attempt }, 'handler failed; retrying');
        await this.backOff(message, batch, attempt);
      }
    }
  }

  private handleOnce(id: string, value: T, message: IncomingMessage): Promise<Outcome> {
    const { db, groupId, handle, handleMany } = this.options;
    return db
      .transaction(async (tx) => {
        if (await alreadyHandled(tx, groupId, id)) return 'duplicate' as const;
        await (handleMany ? handleMany([{ value, message }], tx) : handle!(value, tx, message));
        if (!(await markHandled(tx, groupId, id))) throw new DuplicateRace();
        return 'handled' as const;
      })
      .catch((error: unknown) => {
        if (error instanceof DuplicateRace) return 'duplicate' as const;
        throw error;
      });
  }

  // Pausing the partition while waiting keeps the client from fetching more work for it.
  private async backOff(message: IncomingMessage, batch: IncomingBatch, attempt: number): Promise<void> {
    const target = [{ topic: message.topic, partitions: [message.partition] }];
    this.consumer?.pause(target);
    try {
      await new Promise((r) => setTimeout(r, (this.options.retryDelayMs ?? 200) * attempt));
      await batch.heartbeat();
    } finally {
      this.consumer?.resume(target);
    }
  }

  private async deadLetter(message: IncomingMessage, error: unknown, attempts: number): Promise<Outcome> {
    const o = this.options;
    (o.logger ?? silentLogger).error({ err: error, topic: message.topic, offset: message.offset, reason: deadLetterReason(error) }, 'message dead-lettered');
    await this.producer!.send(o.deadLetterTopic, [deadLetterRecord(message, error, o.groupId, attempts)]);
    return 'dead-lettered';
  }

  private count(outcome: Outcome): void {
    this.options.metrics?.counter('cfc_consumer_messages_total', 'Messages finished by consumer runners, by outcome').inc({ group: this.options.groupId, outcome });
  }
}

class DuplicateRace extends Error {}
