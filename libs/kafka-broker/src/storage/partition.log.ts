import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { ErrorCode } from '../codec/error-codes';
import type { BrokerLog } from '../broker.context';
import { ProducerState } from './producer.state';
import { batchCrcMatches, BATCH_HEADER_BYTES, readBatchHeader, setBaseOffset } from './record-batch';
import { Segment } from './segment';
import { scanSegment } from './segment.scanner';
import { StorageError, type AppendResult, type ReadResult, type TopicConfig } from './storage.port';

const HOT_TAIL_BYTES = 4 * 1024 * 1024;

interface PendingWrite {
  readonly segment: Segment;
  readonly position: number;
  readonly batch: Buffer;
  readonly nextOffset: number;
  readonly resolve: (r: AppendResult) => void;
  readonly reject: (e: Error) => void;
  readonly baseOffset: number;
}

/**
 * One partition's log: segments, offsets, idempotence, and a group-commit write path (appends made
 * in the same tick go to the file in one writev; the high watermark moves once they are written).
 */
export class PartitionLog {
  private readonly segments: Segment[] = [];
  private readonly producers = new ProducerState();
  private pending: PendingWrite[] = [];
  private flushing: Promise<void> | null = null;
  private nextOffset = 0;
  highWatermark = 0;
  logStartOffset = 0;
  closed = false;

  constructor(
    readonly dir: string,
    private config: TopicConfig,
    private readonly sync: boolean,
    private readonly onWritten: () => void,
    private readonly log: BrokerLog,
  ) {}

  /** Opens (or creates) the partition directory, rebuilding the index and truncating a torn tail. */
  open(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const bases = readdirSync(this.dir)
      .filter((f) => /^\d{20}\.log$/.test(f))
      .map((f) => Number(f.slice(0, 20)))
      .sort((a, b) => a - b);
    if (bases.length === 0) bases.push(0);
    bases.forEach((base, i) => {
      const segment = Segment.open(this.dir, base, this.sync);
      const last = i === bases.length - 1;
      const scan = scanSegment(segment.fd, Math.max(base, this.nextOffset), last);
      if (scan.truncatedBytes > 0) {
        this.log('warn', 'truncated torn segment tail', { segment: segment.path, bytes: scan.truncatedBytes, reason: scan.reason });
      }
      for (const { header: h } of scan.batches) {
        const lastOffset = h.baseOffset + h.lastOffsetDelta;
        segment.place(h.baseOffset, lastOffset, h.size, h.maxTimestamp);
        if (h.producerId >= 0) this.producers.record(h.producerId, h.producerEpoch, h.baseSequence, h.baseSequence + h.lastOffsetDelta, h.baseOffset);
        this.nextOffset = lastOffset + 1;
      }
      if (this.segments.length === 0) this.logStartOffset = segment.empty ? base : segment.firstOffsets[0];
      this.nextOffset = Math.max(this.nextOffset, base);
      this.segments.push(segment);
    });
    this.highWatermark = this.nextOffset;
  }

  updateConfig(config: TopicConfig): void {
    this.config = config;
  }

  /** Validates, dedupes and places one batch; resolves once it is in the file. */
  append(batch: Buffer): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StorageError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'partition is closed'));
    const h = readBatchHeader(batch);
    if (h.magic !== 2) throw new StorageError(ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT, `record batch magic ${h.magic}; only v2 is supported`);
    if (h.size !== batch.length || h.size < BATCH_HEADER_BYTES) throw new StorageError(ErrorCode.CORRUPT_MESSAGE, 'batch length does not match its bytes');
    if (!batchCrcMatches(batch, 0, batch.length)) throw new StorageError(ErrorCode.CORRUPT_MESSAGE, 'record batch CRC32C mismatch');
    if (h.lastOffsetDelta < 0) throw new StorageError(ErrorCode.CORRUPT_MESSAGE, 'negative lastOffsetDelta');
    if (h.producerId >= 0 && h.baseSequence >= 0) {
      const lastSeq = (h.baseSequence + h.lastOffsetDelta) % 2 ** 31;
      const verdict = this.producers.check(h.producerId, h.producerEpoch, h.baseSequence, lastSeq);
      switch (verdict.kind) {
        case 'duplicate':
          return this.afterWritten({ baseOffset: verdict.baseOffset, logStartOffset: this.logStartOffset, duplicate: true });
        case 'reject':
          throw new StorageError(verdict.code, verdict.message);
        case 'append':
          break;
        default: {
          const never: never = verdict;
          throw new Error(`unexpected verdict ${String(never)}`);
        }
      }
      this.producers.record(h.producerId, h.producerEpoch, h.baseSequence, lastSeq, this.nextOffset);
    }
    const baseOffset = this.nextOffset;
    const segment = this.segmentFor(batch.length);
    setBaseOffset(batch, baseOffset);
    this.nextOffset = baseOffset + h.lastOffsetDelta + 1;
    const position = segment.place(baseOffset, this.nextOffset - 1, batch.length, h.maxTimestamp);
    return new Promise((resolve, reject) => {
      this.pending.push({ segment, position, batch, baseOffset, nextOffset: this.nextOffset, resolve, reject });
      if (!this.flushing) this.flushing = new Promise<void>((r) => setImmediate(r)).then(() => this.flush());
    });
  }

  /** A duplicate is acknowledged only once the original is in the file. */
  private async afterWritten(result: AppendResult): Promise<AppendResult> {
    while (this.flushing) await this.flushing;
    return result;
  }

  private segmentFor(bytes: number): Segment {
    const active = this.segments[this.segments.length - 1];
    if (active.empty || active.size + bytes <= this.config.segmentBytes) return active;
    const next = Segment.open(this.dir, this.nextOffset, this.sync);
    this.segments.push(next);
    return next;
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        let i = 0;
        while (i < batch.length) {
          const segment = batch[i].segment;
          let j = i;
          while (j < batch.length && batch[j].segment === segment) j++;
          await segment.write(batch.slice(i, j).map((p) => p.batch), batch[i].position, this.sync);
          i = j;
        }
        this.highWatermark = batch[batch.length - 1].nextOffset;
        for (const p of batch) p.resolve({ baseOffset: p.baseOffset, logStartOffset: this.logStartOffset, duplicate: false });
        this.onWritten();
      } catch (e) {
        this.log('error', 'segment write failed', { dir: this.dir, error: (e as Error).message });
        for (const p of batch) p.reject(new StorageError(ErrorCode.KAFKA_STORAGE_ERROR, (e as Error).message));
      }
    }
    this.flushing = null;
    this.enforceRetention(Date.now());
  }

  /** Whole batches from `offset` up to about maxBytes, from one segment, never past the high watermark. */
  async read(offset: number, maxBytes: number): Promise<ReadResult> {
    const base = { logStartOffset: this.logStartOffset, highWatermark: this.highWatermark };
    if (offset < this.logStartOffset || offset > this.highWatermark) {
      throw new StorageError(ErrorCode.OFFSET_OUT_OF_RANGE, `offset ${offset} outside [${this.logStartOffset}, ${this.highWatermark}]`);
    }
    for (let s = this.segmentIndexFor(offset); s < this.segments.length; s++) {
      const seg = this.segments[s];
      const first = seg.find(offset);
      if (first < 0) continue;
      if (seg.firstOffsets[first] >= this.highWatermark) break;
      const from = seg.positions[first];
      let end = first + 1;
      const limit = from + Math.max(maxBytes, 0);
      while (end < seg.positions.length && seg.firstOffsets[end] < this.highWatermark) {
        const batchEnd = end + 1 < seg.positions.length ? seg.positions[end + 1] : seg.size;
        if (batchEnd > limit) break;
        end++;
      }
      const to = end < seg.positions.length ? seg.positions[end] : seg.size;
      // The active segment's last few MiB were just written: still in the page cache, so read them inline.
      const hot = s === this.segments.length - 1 && seg.size - from <= HOT_TAIL_BYTES;
      return { ...base, records: hot ? seg.readHot(from, to) : await seg.read(from, to) };
    }
    return { ...base, records: Buffer.alloc(0) };
  }

  private segmentIndexFor(offset: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.segments[mid].baseOffset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** First offset of the first batch whose max timestamp is >= timestamp; the high watermark if none. */
  offsetForTimestamp(timestamp: number): number {
    for (const seg of this.segments) {
      if (seg.maxTimestamp < timestamp) continue;
      const i = seg.maxTimestamps.findIndex((t, i) => t >= timestamp && seg.firstOffsets[i] < this.highWatermark);
      if (i >= 0) return Math.max(seg.firstOffsets[i], this.logStartOffset);
    }
    return this.highWatermark;
  }

  /** Drops whole old segments past retention.ms / retention.bytes; the active segment always stays. */
  enforceRetention(now: number): void {
    const { retentionMs, retentionBytes } = this.config;
    let total = this.segments.reduce((n, s) => n + s.size, 0);
    while (this.segments.length > 1 && !this.flushing) {
      const oldest = this.segments[0];
      const expired = retentionMs >= 0 && oldest.maxTimestamp >= 0 && oldest.maxTimestamp < now - retentionMs;
      const oversize = retentionBytes >= 0 && total - oldest.size >= retentionBytes;
      if (!expired && !oversize) return;
      this.segments.shift();
      total -= oldest.size;
      this.logStartOffset = this.segments[0].baseOffset;
      unlinkSync(oldest.path);
      void oldest.close();
      this.log('info', 'retention dropped a segment', { segment: oldest.path, logStartOffset: this.logStartOffset });
    }
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.closed = true;
    await Promise.all(this.segments.map((s) => s.close()));
  }
}
