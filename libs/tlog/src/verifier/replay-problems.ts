// What a replay can find wrong, as stable machine-readable kinds.
export const REPLAY_PROBLEM_KINDS = [
  'ENTRY_NOT_JSON',
  'ENTRY_NOT_CANONICAL',
  'ENTRY_WITHOUT_SEQ',
  'SEQ_GAP',
  'SEQ_DUPLICATE',
  'SEQ_OUT_OF_ORDER',
  'CHECKPOINT_MALFORMED',
  'UNKNOWN_KEY',
  'BAD_SIGNATURE',
  'ROOT_MISMATCH',
  'CHECKPOINT_BEYOND_LOG',
  'CHECKPOINT_OUT_OF_ORDER',
  'CHECKPOINTS_INCONSISTENT',
] as const;

export type ReplayProblemKind = (typeof REPLAY_PROBLEM_KINDS)[number];

export interface ReplayProblem {
  readonly kind: ReplayProblemKind;
  readonly message: string;
  /** Leaf index: the entry's offset in the entries topic, which is the seq it should carry. */
  readonly position?: number;
  /** The seq the entry carries. */
  readonly seq?: number;
  /** Seqs [fromSeq, toSeq] a gap or a root mismatch spans. */
  readonly fromSeq?: number;
  readonly toSeq?: number;
  /** Offset of the checkpoint in the checkpoints topic. */
  readonly checkpoint?: number;
  readonly treeSize?: number;
  readonly keyId?: string;
  readonly expectedRoot?: string;
  readonly actualRoot?: string;
}

/**
 * Collects problems: all are counted, the first `limit` kept. Tracks the first bad seq: the lowest
 * position a problem names exactly, unless a root mismatch brackets an earlier range that no exact
 * finding explains (then the bracket's start).
 */
export class ProblemLog {
  readonly kept: ReplayProblem[] = [];
  dropped = 0;
  private exact: number | undefined;
  private bracket: { from: number; to: number } | undefined;
  readonly byKind = Object.fromEntries(REPLAY_PROBLEM_KINDS.map((k) => [k, 0])) as Record<ReplayProblemKind, number>;

  constructor(private readonly limit: number) {}

  get total(): number {
    return this.kept.length + this.dropped;
  }

  add(problem: ReplayProblem): void {
    this.byKind[problem.kind]++;
    if (this.kept.length < this.limit) this.kept.push(problem);
    else this.dropped++;
    if (problem.kind === 'ROOT_MISMATCH') {
      if (problem.fromSeq !== undefined && problem.toSeq !== undefined && (!this.bracket || problem.fromSeq < this.bracket.from)) this.bracket = { from: problem.fromSeq, to: problem.toSeq };
      return;
    }
    const at = problem.fromSeq ?? problem.position;
    if (at !== undefined && (this.exact === undefined || at < this.exact)) this.exact = at;
  }

  get firstBadSeq(): number | undefined {
    if (!this.bracket) return this.exact;
    return this.exact !== undefined && this.exact <= this.bracket.to ? this.exact : this.bracket.from;
  }
}
