import { generateKeyPairSync } from 'node:crypto';
import { canonicalJsonBytes } from '../jcs/jcs';
import { CompactRange } from '../merkle/compact-range';
import { MemoryNodeStore } from '../merkle/node-reader';
import { consistencyProof } from '../merkle/proofs';
import { auditLogFixture, checkpointBytes, sampleAuditEntry } from '../testing/audit-log-fixture';
import { referenceLeafHash, referenceRoot } from '../testing/reference-tree';
import { replayAuditLog, type ReplayInput } from './replay-verifier';
import type { ReplayProblemKind } from './replay-problems';

const log = auditLogFixture(1000, 100);
const replay = (over: Partial<ReplayInput> = {}) => replayAuditLog({ entries: log.entries, checkpoints: log.checkpoints, trustedKeys: log.trustedKeys, ...over });
const kinds = (problems: readonly { kind: ReplayProblemKind }[]) => [...new Set(problems.map((p) => p.kind))].sort();
async function* slowly<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

describe('replayAuditLog', () => {
  it('verifies a clean log: every root, signature and pair of checkpoints, with progress along the way', async () => {
    const seen: number[] = [];
    const result = await replay({ entries: slowly(log.entries), checkpoints: slowly(log.checkpoints), onProgress: (p) => seen.push(p.entries), progressEvery: 250 });
    expect(result).toMatchObject({ ok: true, firstBadSeq: undefined, problems: [], treeSize: 1000 });
    expect(result.counts).toMatchObject({ entries: 1000, checkpoints: 10, checkpointsVerified: 10, entriesCovered: 1000, problems: 0 });
    expect(result.rootHash).toBe(referenceRoot(log.entries.map(referenceLeafHash)).toString('base64'));
    expect(result.lastVerifiedCheckpoint?.treeSize).toBe(1000);
    expect(seen).toEqual([250, 500, 750, 1000, 1000]);
  });

  it('takes entries one by one or in batches, from sync or async sources, with the same verdict', async () => {
    const damaged = [...log.entries];
    damaged[5] = Buffer.from(`${damaged[5].toString()} `);
    async function* batches(size: number) {
      for (let i = 0; i < damaged.length; i += size) yield await Promise.resolve(damaged.slice(i, i + size));
    }
    const single = await replay({ entries: damaged });
    expect(single.problems.map((p) => p.kind)).toEqual(['ENTRY_NOT_CANONICAL']);
    for (const entries of [batches(7), batches(1000), slowly(damaged), [damaged.slice(0, 3), ...damaged.slice(3)]]) {
      expect(await replay({ entries, batchSize: 64 })).toEqual(single);
    }
  });

  it('names a dropped entry as a gap at its seq', async () => {
    const result = await replay({ entries: log.entries.filter((_, i) => i !== 437) });
    expect(result.firstBadSeq).toBe(437);
    expect(result.problems.find((p) => p.kind === 'SEQ_GAP')).toMatchObject({ fromSeq: 437, toSeq: 437, message: 'seq 437 is missing (gap before offset 437)' });
    expect(kinds(result.problems)).toEqual(['CHECKPOINTS_INCONSISTENT', 'CHECKPOINT_BEYOND_LOG', 'ROOT_MISMATCH', 'SEQ_GAP']);
    expect(result.problems.find((p) => p.kind === 'ROOT_MISMATCH')).toMatchObject({ treeSize: 500, fromSeq: 400, toSeq: 499 });
    expect(result.counts.entriesCovered).toBe(400);
  });

  it('names two swapped entries as one out of order', async () => {
    const swapped = [...log.entries];
    [swapped[611], swapped[612]] = [swapped[612], swapped[611]];
    const result = await replay({ entries: swapped });
    expect(result.firstBadSeq).toBe(611);
    expect(result.problems.filter((p) => p.kind.startsWith('SEQ_'))).toEqual([{ kind: 'SEQ_OUT_OF_ORDER', position: 611, seq: 612, message: 'seq 612 appears before seq 611, at offset 611' }]);
    expect(result.counts.byKind.ROOT_MISMATCH).toBe(4);
  });

  it('names an entry moved far back as late, and a duplicated seq as a duplicate', async () => {
    const moved = [...log.entries];
    const [late] = moved.splice(200, 1);
    moved.splice(260, 0, late);
    const movedResult = await replay({ entries: moved });
    expect(movedResult.problems.filter((p) => p.kind.startsWith('SEQ_'))).toEqual([{ kind: 'SEQ_OUT_OF_ORDER', position: 260, seq: 200, message: 'seq 200 arrived late, after seq 260' }]);
    const forged = canonicalJsonBytes({ ...sampleAuditEntry(300), data: { forged: true } });
    const injected = [...log.entries.slice(0, 301), forged, ...log.entries.slice(301)];
    const injectedResult = await replay({ entries: injected });
    expect(injectedResult.problems.filter((p) => p.kind.startsWith('SEQ_'))).toEqual([{ kind: 'SEQ_DUPLICATE', position: 301, seq: 300, message: 'seq 300 appears again at offset 301' }]);
    expect(injectedResult.firstBadSeq).toBe(301);
  });

  it('brackets an altered entry that is still canonical JSON between the checkpoints around it', async () => {
    const altered = [...log.entries];
    altered[555] = Buffer.from(altered[555].toString().replace('"amountFen":55500', '"amountFen":95500'));
    const result = await replay({ entries: altered });
    expect(result.firstBadSeq).toBe(500);
    expect(result.problems[0]).toMatchObject({ kind: 'ROOT_MISMATCH', checkpoint: 5, treeSize: 600, fromSeq: 500, toSeq: 599 });
    expect(result.counts.byKind).toMatchObject({ ROOT_MISMATCH: 5, CHECKPOINTS_INCONSISTENT: 1 });
  });

  it('names a damaged entry precisely: not JSON, or not its canonical bytes (the root still matching)', async () => {
    const broken = [...log.entries];
    broken[42] = Buffer.from(broken[42].toString().slice(0, -1));
    const notJson = await replay({ entries: broken });
    expect(notJson.problems[0]).toMatchObject({ kind: 'ENTRY_NOT_JSON', position: 42 });
    expect(notJson.firstBadSeq).toBe(42);
    const spaced = [...log.entries];
    spaced[42] = Buffer.from(`${spaced[42].toString()} `);
    const notCanonical = await replay({ entries: spaced });
    expect(notCanonical.problems).toEqual([expect.objectContaining({ kind: 'ENTRY_NOT_CANONICAL', position: 42, seq: 42 })]);
    expect(notCanonical.firstBadSeq).toBe(42);
    expect(notCanonical.counts.checkpointsVerified).toBe(10);
  });

  it('names a checkpoint signed by an unknown key, and one whose signature does not verify', async () => {
    const stranger = generateKeyPairSync('ed25519');
    const root = referenceRoot(log.entries.slice(0, 300).map(referenceLeafHash));
    const checkpoints = [...log.checkpoints];
    checkpoints[2] = checkpointBytes(300, root, stranger.privateKey, 'rogue-key');
    checkpoints[4] = checkpointBytes(500, referenceRoot(log.entries.slice(0, 500).map(referenceLeafHash)), stranger.privateKey, log.keyId);
    const result = await replay({ checkpoints });
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'UNKNOWN_KEY', checkpoint: 2, keyId: 'rogue-key', treeSize: 300 }),
      expect.objectContaining({ kind: 'BAD_SIGNATURE', checkpoint: 4, keyId: log.keyId, treeSize: 500 }),
    ]);
    expect(result.firstBadSeq).toBeUndefined();
    expect(result.counts).toMatchObject({ checkpointsVerified: 8, entriesCovered: 1000 });
  });

  it('names malformed, republished-older and beyond-the-log checkpoints', async () => {
    const checkpoints = [log.checkpoints[0], Buffer.from('{"treeSize":'), log.checkpoints[1], log.checkpoints[0], ...log.checkpoints.slice(2)];
    const result = await replay({ checkpoints, entries: log.entries.slice(0, 950) });
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'CHECKPOINT_MALFORMED', checkpoint: 1 }),
      expect.objectContaining({ kind: 'CHECKPOINT_OUT_OF_ORDER', checkpoint: 3, treeSize: 100, message: 'checkpoint 3 (size 100) comes after one of size 200; its root matches' }),
      expect.objectContaining({ kind: 'CHECKPOINT_BEYOND_LOG', checkpoint: 11, treeSize: 1000, fromSeq: 950, toSeq: 999 }),
    ]);
    expect(result.firstBadSeq).toBe(950);
  });

  it('accepts a checkpoint of the empty tree and one repeated at the same size', async () => {
    const empty = checkpointBytes(0, referenceRoot([]), log.privateKey, log.keyId);
    const result = await replay({ checkpoints: [empty, ...log.checkpoints.slice(0, 3), log.checkpoints[2], ...log.checkpoints.slice(3)] });
    expect(result).toMatchObject({ ok: true, counts: { checkpoints: 12, checkpointsVerified: 12 } });
  });

  it('with the log\'s own consistency proofs, tells a tampered topic from a forked log', async () => {
    const store = new MemoryNodeStore();
    const tree = CompactRange.empty();
    for (const e of log.entries) store.put(tree.appendData(e));
    const logConsistencyProof = (m: number, n: number) => consistencyProof(m, n, store);
    const altered = [...log.entries];
    altered[555] = Buffer.from(altered[555].toString().replace('"amountFen":55500', '"amountFen":95500'));
    const tampered = await replay({ entries: altered, logConsistencyProof });
    expect(tampered.counts.byKind).toMatchObject({ ROOT_MISMATCH: 5, CHECKPOINTS_INCONSISTENT: 0 });
    const fork = [...log.checkpoints];
    fork[6] = checkpointBytes(700, referenceRoot(altered.slice(0, 700).map(referenceLeafHash)), log.privateKey, log.keyId);
    const forked = await replay({ checkpoints: fork, logConsistencyProof });
    expect(forked.problems.map((p) => [p.kind, p.checkpoint])).toEqual([['ROOT_MISMATCH', 6], ['CHECKPOINTS_INCONSISTENT', 6], ['CHECKPOINTS_INCONSISTENT', 7]]);
  });

  it('keeps the first problems and counts the rest', async () => {
    const everyOther = log.entries.filter((_, i) => i % 2 === 0);
    const result = await replay({ entries: everyOther, maxProblems: 10 });
    expect(result.problems).toHaveLength(10);
    expect(result.counts.byKind.SEQ_GAP).toBe(499);
    expect(result.problemsDropped).toBe(result.counts.problems - 10);
  });
});
