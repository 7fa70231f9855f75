import type { SqlExecutor } from '@cfc/eventing';
import { ProblemException } from '@cfc/platform';
import { consistencyProof, inclusionProof, toBase64 } from '@cfc/tlog';
import { LogReader, type StoredCheckpoint } from './log.reader';
import { ProofCache } from './proof-cache';
import { sqlNodeReader } from './sql.node-reader';

/** An inclusion proof as CONTRACT.md words it, with the checkpoint it verifies against. */
export interface InclusionAnswer {
  seq: number;
  treeSize: number;
  rootHash: string;
  proof: string[];
  checkpoint: StoredCheckpoint['json'];
  /** The C2SP note of the same checkpoint (for the tlog-proof text). */
  note: string;
  proofHashes: Uint8Array[];
}

/** Inclusion and consistency proofs from the stored hashes (cached, as they never change), at signed tree sizes. */
export class LogProofs {
  readonly reader: LogReader;
  private readonly nodes: ReturnType<typeof sqlNodeReader>;

  constructor(db: SqlExecutor, cache = new ProofCache()) {
    this.reader = new LogReader(db);
    this.nodes = sqlNodeReader(db, cache);
  }

  /** Proof of `seq` in the checkpoint of `treeSize` (default: the latest). */
  async inclusion(seq: number, treeSize?: number): Promise<InclusionAnswer> {
    const checkpoint = treeSize === undefined ? await this.reader.latestCheckpoint() : await this.reader.checkpointAt(treeSize);
    if (!checkpoint) {
      if (treeSize === undefined) throw new ProblemException(404, 'NO_CHECKPOINT_YET', 'Not Found', 'the log has no signed checkpoint yet');
      throw new ProblemException(400, 'TREE_SIZE_NOT_CHECKPOINTED', 'Bad Request', `no checkpoint was signed at tree size ${treeSize}`);
    }
    if (seq >= checkpoint.treeSize) throw new ProblemException(400, 'SEQ_NOT_IN_TREE', 'Bad Request', `seq ${seq} is not in the tree of size ${checkpoint.treeSize}`);
    const proof = await inclusionProof(seq, checkpoint.treeSize, this.nodes);
    return { seq, treeSize: checkpoint.treeSize, rootHash: checkpoint.json.rootHash, proof: proof.map(toBase64), checkpoint: checkpoint.json, note: checkpoint.note, proofHashes: proof };
  }

  /** Proof that the tree of `first` leaves is a prefix of the tree of `second`, both within the latest checkpoint. */
  async consistency(first: number, second: number): Promise<{ first: number; second: number; proof: string[] }> {
    const latest = await this.reader.latestCheckpoint();
    if (!latest) throw new ProblemException(404, 'NO_CHECKPOINT_YET', 'Not Found', 'the log has no signed checkpoint yet');
    if (first < 1 || first > second || second > latest.treeSize) {
      throw new ProblemException(400, 'CONSISTENCY_RANGE', 'Bad Request', `need 1 <= first <= second <= ${latest.treeSize} (the latest checkpoint)`);
    }
    const proof = await consistencyProof(first, second, this.nodes);
    return { first, second, proof: proof.map(toBase64) };
  }
}
