import { HASH_SIZE } from '../merkle/hashing';
import { checkEntry, type CheckedEntry } from './entry-check';

// Batches of entries cross to worker threads as two transferable buffers (bytes and end offsets) and
// come back as flat arrays: no per-entry structured cloning.

export interface EncodedBatch {
  readonly data: Uint8Array;
  readonly ends: Uint32Array;
}

export interface CheckedBatch {
  readonly leaves: Uint8Array;
  /** -1 where the entry has no usable seq. */
  readonly seqs: Float64Array;
  /** 0 none, else 1 + index in PROBLEM_CODES. */
  readonly problems: Uint8Array;
  readonly reasons: Record<number, string>;
}

const PROBLEM_CODES = ['ENTRY_NOT_JSON', 'ENTRY_NOT_CANONICAL', 'ENTRY_WITHOUT_SEQ'] as const;

export function encodeBatch(entries: readonly Uint8Array[]): EncodedBatch {
  const ends = new Uint32Array(entries.length);
  let total = 0;
  entries.forEach((e, i) => (ends[i] = total += e.length));
  const data = new Uint8Array(total);
  let offset = 0;
  for (const e of entries) {
    data.set(e, offset);
    offset += e.length;
  }
  return { data, ends };
}

export function checkBatch(batch: EncodedBatch): CheckedBatch {
  const n = batch.ends.length;
  const out: CheckedBatch = { leaves: new Uint8Array(n * HASH_SIZE), seqs: new Float64Array(n), problems: new Uint8Array(n), reasons: {} };
  let start = 0;
  for (let i = 0; i < n; i++) {
    const checked = checkEntry(batch.data.subarray(start, batch.ends[i]));
    start = batch.ends[i];
    out.leaves.set(checked.leaf, i * HASH_SIZE);
    out.seqs[i] = checked.seq ?? -1;
    if (checked.problem) {
      out.problems[i] = PROBLEM_CODES.indexOf(checked.problem.kind) + 1;
      out.reasons[i] = checked.problem.reason;
    }
  }
  return out;
}

export function decodeCheckedBatch(batch: CheckedBatch): CheckedEntry[] {
  return Array.from(batch.seqs, (seq, i) => {
    const code = batch.problems[i];
    return {
      leaf: batch.leaves.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE),
      seq: seq < 0 ? undefined : seq,
      ...(code ? { problem: { kind: PROBLEM_CODES[code - 1], reason: batch.reasons[i] } } : {}),
    };
  });
}
