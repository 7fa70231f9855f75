import type { ReplayProblem } from './replay-problems';

const MAX_TRACKED = 10_000;

/**
 * Seq continuity over the entries topic, one entry of lookahead so that it can name what happened:
 * a missing seq (SEQ_GAP), a seq seen twice (SEQ_DUPLICATE), or one out of place (SEQ_OUT_OF_ORDER:
 * two swapped entries, or an entry moved or injected ahead of its turn). Holds only the open gaps and
 * the early arrivals, each capped.
 */
export class SeqTracker {
  private expected = 0;
  private highest = -1;
  private readonly gaps: { from: number; to: number; position: number }[] = [];
  private readonly early = new Set<number>();

  constructor(private readonly report: (problem: ReplayProblem) => void) {}

  /** Judges the entry at `position` carrying `seq`, given the seq of the entry after it. */
  judge(position: number, seq: number | undefined, nextSeq: number | undefined): void {
    if (seq === undefined || seq === this.expected) return this.advance(this.expected);
    this.highest = Math.max(this.highest, seq);
    if (seq < this.expected) {
      if (this.fillGap(seq)) this.report({ kind: 'SEQ_OUT_OF_ORDER', position, seq, message: `seq ${seq} arrived late, after seq ${this.highest}` });
      else this.report({ kind: 'SEQ_DUPLICATE', position, seq, message: `seq ${seq} appears again at offset ${position}` });
      return;
    }
    if (nextSeq === this.expected && this.early.size < MAX_TRACKED) {
      if (this.early.has(seq)) this.report({ kind: 'SEQ_DUPLICATE', position, seq, message: `seq ${seq} appears again at offset ${position}` });
      else this.report({ kind: 'SEQ_OUT_OF_ORDER', position, seq, message: `seq ${seq} appears before seq ${this.expected}, at offset ${position}` });
      this.early.add(seq);
      return;
    }
    this.openGap(this.expected, seq - 1, position);
    this.advance(seq);
  }

  /** Reports the gaps no late entry filled. */
  finish(): void {
    for (const gap of this.gaps) this.reportGap(gap);
    this.gaps.length = 0;
  }

  private advance(seq: number): void {
    this.highest = Math.max(this.highest, seq);
    this.expected = seq + 1;
    while (this.early.delete(this.expected)) this.expected++;
  }

  private openGap(from: number, to: number, position: number): void {
    let start = from;
    for (const seq of [...this.early].filter((s) => s >= from && s <= to).sort((a, b) => a - b)) {
      this.early.delete(seq);
      if (seq > start) this.pushGap({ from: start, to: seq - 1, position });
      start = seq + 1;
    }
    if (start <= to) this.pushGap({ from: start, to, position });
  }

  private pushGap(gap: { from: number; to: number; position: number }): void {
    // Past the cap a gap is reported at once: a late arrival into it then reads as a duplicate.
    if (this.gaps.length < MAX_TRACKED) this.gaps.push(gap);
    else this.reportGap(gap);
  }

  private fillGap(seq: number): boolean {
    const i = this.gaps.findIndex((g) => g.from <= seq && seq <= g.to);
    if (i < 0) return false;
    const gap = this.gaps[i];
    const parts = [
      ...(gap.from < seq ? [{ ...gap, to: seq - 1 }] : []),
      ...(seq < gap.to ? [{ ...gap, from: seq + 1 }] : []),
    ];
    this.gaps.splice(i, 1, ...parts);
    return true;
  }

  private reportGap(gap: { from: number; to: number; position: number }): void {
    const what = gap.from === gap.to ? `seq ${gap.from} is missing` : `seqs ${gap.from}..${gap.to} are missing`;
    this.report({ kind: 'SEQ_GAP', position: gap.position, fromSeq: gap.from, toSeq: gap.to, message: `${what} (gap before offset ${gap.position})` });
  }
}
