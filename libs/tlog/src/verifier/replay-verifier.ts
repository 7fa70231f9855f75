import type { KeyObject } from 'node:crypto';
import { parseCheckpoint, verifyCheckpoint, type JsonCheckpoint } from '../checkpoint/json-checkpoint';
import { toBase64 } from '../keys/base64';
import { CompactRange } from '../merkle/compact-range';
import { hashesEqual, type Hash } from '../merkle/hashing';
import { consistencyProof } from '../merkle/proofs';
import { verifyConsistency } from '../merkle/verify';
import { ConsistencyWindow } from './consistency-window';
import type { CheckedEntry } from './entry-check';
import { checkEntries, type EntrySource } from './entry-checks';
import { ProblemLog, type ReplayProblem, type ReplayProblemKind } from './replay-problems';
import { SeqTracker } from './seq-tracker';

type Source = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface ReplayInput {
  /** Values of cfc.audit.v1 from offset 0, raw bytes, in topic order; single or in batches. */
  readonly entries: EntrySource;
  /** Values of cfc.audit.checkpoints.v1 from offset 0, raw bytes, in topic order. */
  readonly checkpoints: Source;
  /** keyId -> Ed25519 public key, as published at /v1/regulator/audit/keys. */
  readonly trustedKeys: ReadonlyMap<string, KeyObject>;
  readonly onProgress?: (progress: ReplayProgress) => void;
  /** Entries between progress calls (default 10,000). */
  readonly progressEvery?: number;
  /** Entries checked between awaits (default 512). */
  readonly batchSize?: number;
  /** Problems kept in the result (all are counted; default 1,000). */
  readonly maxProblems?: number;
  /**
   * The log's own consistency proofs (e.g. from /v1/regulator/audit/proofs/consistency). Without it the
   * proof between consecutive checkpoints is built from the replayed hashes, and so can only fail where a
   * root already mismatched; with it the check is the log's claim, independent of the topic's entries.
   */
  readonly logConsistencyProof?: (first: number, second: number) => Promise<readonly Hash[]>;
}

export interface ReplayProgress {
  readonly entries: number;
  readonly checkpoints: number;
  readonly problems: number;
}

export interface ReplayResult {
  readonly ok: boolean;
  /** The lowest seq (leaf index) found bad, or the start of the range a root mismatch brackets. */
  readonly firstBadSeq: number | undefined;
  readonly problems: readonly ReplayProblem[];
  readonly problemsDropped: number;
  readonly counts: {
    readonly entries: number;
    readonly checkpoints: number;
    /** Checkpoints whose signature and root both verified. */
    readonly checkpointsVerified: number;
    /** Entries covered by the last fully verified checkpoint. */
    readonly entriesCovered: number;
    readonly problems: number;
    readonly byKind: Readonly<Record<ReplayProblemKind, number>>;
  };
  /** Size and root of the tree of all entries replayed. */
  readonly treeSize: number;
  readonly rootHash: string;
  readonly lastVerifiedCheckpoint?: JsonCheckpoint;
}

interface Judged {
  readonly checkpoint: JsonCheckpoint;
  readonly root: Hash;
  /** Offset in the checkpoints topic. */
  readonly offset: number;
  readonly signatureOk: boolean;
}

/**
 * Replays the audit stream as a regulator: every entry's bytes, seq continuity from 0, the root at every
 * checkpoint, each checkpoint's signature, and consistency between consecutive checkpoints. Streams: it
 * holds the tree's right edge, the consistency window and the open seq gaps, never the entries.
 */
export async function replayAuditLog(input: ReplayInput): Promise<ReplayResult> {
  const problems = new ProblemLog(input.maxProblems ?? 1000);
  const report = (p: ReplayProblem): void => problems.add(p);
  const seqs = new SeqTracker(report);
  const tree = CompactRange.empty();
  const window = new ConsistencyWindow();
  const rootsAtCheckpoints = new Map<number, Hash>();
  const checkpointIterator = toAsyncIterator(input.checkpoints);
  const progressEvery = input.progressEvery ?? 10_000;
  let checkpointsSeen = 0;
  let verified = 0;
  let covered = 0;
  let lastMatchingSize = 0;
  let lastVerified: JsonCheckpoint | undefined;
  let previous: (Judged & { rootOk: boolean }) | undefined;
  let pending: Judged | undefined;
  let held: { position: number; seq: number | undefined } | undefined;

  const progress = (): void => input.onProgress?.({ entries: tree.size, checkpoints: checkpointsSeen, problems: problems.total });

  /** Judges a checkpoint against the tree as it is now (its size equals the tree's). */
  const judge = async (cp: Judged): Promise<void> => {
    const { treeSize } = cp.checkpoint;
    const computed = tree.root();
    const rootOk = hashesEqual(computed, cp.root);
    if (rootOk) lastMatchingSize = treeSize;
    else {
      report({
        kind: 'ROOT_MISMATCH', checkpoint: cp.offset, treeSize, fromSeq: lastMatchingSize, toSeq: treeSize - 1,
        expectedRoot: cp.checkpoint.rootHash, actualRoot: toBase64(computed),
        message: `checkpoint ${cp.offset} (tree size ${treeSize}) signs a root the entries do not give: an entry in seqs ${lastMatchingSize}..${treeSize - 1} differs, is missing or is extra`,
      });
    }
    // Replay-built proofs over a prefix already known bad would only repeat that finding.
    if (previous && previous.checkpoint.treeSize > 0 && (input.logConsistencyProof || previous.rootOk)) {
      const m = previous.checkpoint.treeSize;
      const proof = input.logConsistencyProof ? await input.logConsistencyProof(m, treeSize) : await consistencyProof(m, treeSize, window.reader());
      if (!verifyConsistency(m, treeSize, previous.root, cp.root, proof)) {
        report({ kind: 'CHECKPOINTS_INCONSISTENT', checkpoint: cp.offset, treeSize, message: `checkpoint ${cp.offset} (size ${treeSize}) is not an append-only extension of checkpoint ${previous.offset} (size ${m}) ${input.logConsistencyProof ? 'by the log\'s own proof' : 'over the replayed tree'}` });
      }
    }
    if (cp.signatureOk && rootOk) {
      verified++;
      covered = treeSize;
      lastVerified = cp.checkpoint;
    }
    rootsAtCheckpoints.set(treeSize, computed);
    previous = { ...cp, rootOk };
    window.reset(tree);
  };

  /** Reads checkpoints until one lies ahead of the tree (left pending) or the topic ends. */
  const advanceCheckpoints = async (entriesDone: boolean): Promise<void> => {
    for (;;) {
      const next = await checkpointIterator.next();
      if (next.done) return;
      const offset = checkpointsSeen++;
      const parsed = parseCheckpoint(next.value);
      if (!parsed.ok) {
        report({ kind: 'CHECKPOINT_MALFORMED', checkpoint: offset, message: `checkpoint ${offset}: ${parsed.reason}` });
        continue;
      }
      const { treeSize, keyId } = parsed.checkpoint;
      const trust = verifyCheckpoint(parsed.checkpoint, input.trustedKeys);
      const cp: Judged = { checkpoint: parsed.checkpoint, root: parsed.rootHash, offset, signatureOk: trust.ok };
      if (!trust.ok) {
        const why = trust.kind === 'UNKNOWN_KEY' ? `is signed with key "${keyId}", which is not a trusted audit key` : `has a signature that does not verify with key "${keyId}"`;
        report({ kind: trust.kind, checkpoint: offset, treeSize, keyId, message: `checkpoint ${offset} (tree size ${treeSize}) ${why}` });
      }
      if (treeSize < tree.size) {
        const known = rootsAtCheckpoints.get(treeSize);
        const rootNote = known === undefined ? 'its root cannot be checked any more' : hashesEqual(known, cp.root) ? 'its root matches' : 'and its root differs from the one replayed at that size';
        report({ kind: 'CHECKPOINT_OUT_OF_ORDER', checkpoint: offset, treeSize, message: `checkpoint ${offset} (size ${treeSize}) comes after one of size ${tree.size}; ${rootNote}` });
        if (known !== undefined && !hashesEqual(known, cp.root)) report({ kind: 'ROOT_MISMATCH', checkpoint: offset, treeSize, expectedRoot: cp.checkpoint.rootHash, actualRoot: toBase64(known), message: `checkpoint ${offset} (tree size ${treeSize}) signs a root the entries do not give` });
        continue;
      }
      if (treeSize === tree.size) await judge(cp);
      else if (entriesDone) beyondLog(cp);
      else {
        pending = cp;
        return;
      }
    }
  };

  const beyondLog = ({ offset, checkpoint: { treeSize } }: Judged): void =>
    report({ kind: 'CHECKPOINT_BEYOND_LOG', checkpoint: offset, treeSize, fromSeq: tree.size, toSeq: treeSize - 1, message: `checkpoint ${offset} covers ${treeSize} entries but the topic holds ${tree.size}: seqs ${tree.size}..${treeSize - 1} are missing` });

  const append = (entry: CheckedEntry): void => {
    const position = tree.size;
    if (entry.problem) report({ kind: entry.problem.kind, position, seq: entry.seq, message: `entry at offset ${position}${entry.seq === undefined ? '' : ` (seq ${entry.seq})`}: ${entry.problem.reason}` });
    window.observe(tree.append(entry.leaf));
    if (held) seqs.judge(held.position, held.seq, entry.seq);
    held = { position, seq: entry.seq };
    if (tree.size % progressEvery === 0) progress();
  };

  await advanceCheckpoints(false);
  for await (const batch of checkEntries(input.entries, input.batchSize ?? 512)) {
    for (const entry of batch) {
      append(entry);
      while (pending && pending.checkpoint.treeSize === tree.size) {
        const due = pending;
        pending = undefined;
        await judge(due);
        await advanceCheckpoints(false);
      }
    }
  }
  if (held) seqs.judge(held.position, held.seq, undefined);
  seqs.finish();
  if (pending) beyondLog(pending);
  await advanceCheckpoints(true);
  progress();

  return {
    ok: problems.total === 0,
    firstBadSeq: problems.firstBadSeq,
    problems: problems.kept,
    problemsDropped: problems.dropped,
    counts: { entries: tree.size, checkpoints: checkpointsSeen, checkpointsVerified: verified, entriesCovered: covered, problems: problems.total, byKind: problems.byKind },
    treeSize: tree.size,
    rootHash: toBase64(tree.root()),
    ...(lastVerified ? { lastVerifiedCheckpoint: lastVerified } : {}),
  };
}

function toAsyncIterator(source: Source): AsyncIterator<Uint8Array> | Iterator<Uint8Array> {
  return Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
}
