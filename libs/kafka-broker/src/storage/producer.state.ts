import { ErrorCode } from '../codec/error-codes';

// Kafka keeps the last five batches per producer so that a retried in-flight window is recognised.
const REMEMBERED_BATCHES = 5;

interface SequencedBatch {
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly baseOffset: number;
}

interface ProducerEntry {
  epoch: number;
  batches: SequencedBatch[];
}

export type SequenceVerdict =
  | { readonly kind: 'append' }
  | { readonly kind: 'duplicate'; readonly baseOffset: number }
  | { readonly kind: 'reject'; readonly code: number; readonly message: string };

/** Idempotent-producer bookkeeping for one partition: which sequence numbers each producer id has written. */
export class ProducerState {
  private readonly producers = new Map<number, ProducerEntry>();

  /** Decides what to do with a batch from (producerId, epoch) carrying sequences firstSeq..lastSeq. */
  check(producerId: number, epoch: number, firstSeq: number, lastSeq: number): SequenceVerdict {
    const entry = this.producers.get(producerId);
    if (!entry) return { kind: 'append' };
    if (epoch < entry.epoch) {
      return { kind: 'reject', code: ErrorCode.INVALID_PRODUCER_EPOCH, message: `epoch ${epoch} is older than ${entry.epoch}` };
    }
    if (epoch > entry.epoch) {
      return firstSeq === 0
        ? { kind: 'append' }
        : { kind: 'reject', code: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, message: `new epoch ${epoch} must start at sequence 0, got ${firstSeq}` };
    }
    const seen = entry.batches.find((b) => b.firstSeq === firstSeq && b.lastSeq === lastSeq);
    if (seen) return { kind: 'duplicate', baseOffset: seen.baseOffset };
    const last = entry.batches[entry.batches.length - 1];
    const expected = last ? (last.lastSeq + 1) % 2 ** 31 : 0;
    if (firstSeq === expected) return { kind: 'append' };
    return {
      kind: 'reject',
      code: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
      message: `producer ${producerId} sent sequence ${firstSeq}, expected ${expected}`,
    };
  }

  /** Records an appended batch (also used when rebuilding from the log on start). */
  record(producerId: number, epoch: number, firstSeq: number, lastSeq: number, baseOffset: number): void {
    let entry = this.producers.get(producerId);
    if (!entry || entry.epoch !== epoch) {
      entry = { epoch, batches: [] };
      this.producers.set(producerId, entry);
    }
    entry.batches.push({ firstSeq, lastSeq, baseOffset });
    if (entry.batches.length > REMEMBERED_BATCHES) entry.batches.shift();
  }
}
