import type { ReplayProblem } from './replay-problems';
import { SeqTracker } from './seq-tracker';

/** Runs seqs (in topic order) through the tracker; returns [kind, position, seq or gap] per problem. */
function track(seqs: readonly (number | undefined)[]): (string | number | undefined)[][] {
  const problems: ReplayProblem[] = [];
  const tracker = new SeqTracker((p) => problems.push(p));
  seqs.forEach((seq, i) => tracker.judge(i, seq, seqs[i + 1]));
  tracker.finish();
  return problems.map((p) => (p.kind === 'SEQ_GAP' ? [p.kind, p.position, `${p.fromSeq}..${p.toSeq}`] : [p.kind, p.position, p.seq]));
}

describe('SeqTracker', () => {
  it('accepts 0, 1, 2, ... and an empty topic', () => {
    expect(track([0, 1, 2, 3])).toEqual([]);
    expect(track([])).toEqual([]);
  });

  it('names gaps, including a missing start and a run of missing seqs', () => {
    expect(track([1, 2, 3])).toEqual([['SEQ_GAP', 0, '0..0']]);
    expect(track([0, 1, 5, 6])).toEqual([['SEQ_GAP', 2, '2..4']]);
    expect(track([0, 2, 4])).toEqual([['SEQ_GAP', 1, '1..1'], ['SEQ_GAP', 2, '3..3']]);
  });

  it('names duplicates, adjacent or not', () => {
    expect(track([0, 1, 1, 2])).toEqual([['SEQ_DUPLICATE', 2, 1]]);
    expect(track([0, 1, 2, 3, 1, 4])).toEqual([['SEQ_DUPLICATE', 4, 1]]);
  });

  it('names a swap, an entry moved ahead and one moved back, once each', () => {
    expect(track([0, 2, 1, 3])).toEqual([['SEQ_OUT_OF_ORDER', 1, 2]]);
    expect(track([0, 4, 1, 2, 3, 5])).toEqual([['SEQ_OUT_OF_ORDER', 1, 4]]);
    expect(track([0, 2, 3, 4, 1, 5])).toEqual([['SEQ_OUT_OF_ORDER', 4, 1]]);
  });

  it('names an injected entry with a seq far ahead without blaming the entries after it', () => {
    expect(track([0, 1, 999_999, 2, 3, 4])).toEqual([['SEQ_OUT_OF_ORDER', 2, 999_999]]);
  });

  it('lets an unreadable entry take the seq its place calls for', () => {
    expect(track([0, undefined, 2, 3])).toEqual([]);
    expect(track([0, undefined, 3])).toEqual([['SEQ_GAP', 2, '2..2']]);
  });

  it('splits a gap that a late entry partly fills', () => {
    expect(track([0, 5, 6, 2, 7])).toEqual([['SEQ_OUT_OF_ORDER', 3, 2], ['SEQ_GAP', 1, '1..1'], ['SEQ_GAP', 1, '3..4']]);
  });
});
