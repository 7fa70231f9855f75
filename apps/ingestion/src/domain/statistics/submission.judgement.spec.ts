import { attachBindings, highestPerMonth, submissionOutcome, withinMessage } from './submission.judgement';
import { sampleRecord } from './statistics.fixture';

const agreement = { version: '1.0', sha256: 'a'.repeat(64) };
const valid = (index: number, overrides = {}) => ({ index, record: sampleRecord(overrides) });

describe('a submission judged record by record', () => {
  it('refuses records without an ACTIVE binding and keeps their siblings', () => {
    const { candidates, rejections } = attachBindings([valid(0), valid(1), valid(2)], [{ bindingId: 'b1', agreement }, null, { bindingId: 'b3', agreement }]);
    expect(candidates.map((c) => [c.index, c.record.bindingId])).toEqual([[0, 'b1'], [2, 'b3']]);
    expect(rejections).toEqual([expect.objectContaining({ index: 1, reason: 'UNBOUND_ACCOUNT' })]);
  });

  it('refuses a binding without a signed agreement as unbound', () => {
    expect(attachBindings([valid(0)], [{ bindingId: 'b1' }]).rejections[0].reason).toBe('UNBOUND_ACCOUNT');
    expect(() => attachBindings([valid(0)], [])).toThrow(/1 accounts/);
  });

  it('within one message: a second copy of a revision is a duplicate with the same figures, a conflict with others', () => {
    const { candidates } = attachBindings([valid(0), valid(1), valid(2, { inflow: { amount: 1, count: 1 } }), valid(3, { revision: 2 })], [0, 1, 2, 3].map(() => ({ bindingId: 'b1', agreement })));
    const backwards = Object.fromEntries(Object.entries(candidates[1].record).reverse()) as typeof candidates[1]['record'];
    const reordered = { ...candidates[1], record: backwards }; // same figures, keys in another order
    expect(JSON.stringify(backwards)).not.toBe(JSON.stringify(candidates[0].record));
    const { unique, duplicates, rejections } = withinMessage([candidates[0], reordered, candidates[2], candidates[3]]);
    expect(unique.map((c) => c.index)).toEqual([0, 3]);
    expect(duplicates).toEqual([1]);
    expect(rejections).toEqual([expect.objectContaining({ index: 2, reason: 'REVISION_CONFLICT' })]);
  });

  it('adds up the store answers: stored, acknowledged duplicates, conflicts, in record order', () => {
    const { candidates } = attachBindings([valid(0), valid(1, { period: '2026-09' }), valid(2, { period: '2026-08' })], [0, 1, 2].map(() => ({ bindingId: 'b1', agreement })));
    const outcome = submissionOutcome({ unique: candidates, answers: ['STORED', 'SAME_ALREADY_STORED', 'OTHER_ALREADY_STORED'], duplicatesInMessage: [5], rejections: [{ index: 4, reason: 'UNBOUND_ACCOUNT' }] });
    expect(outcome.stored.map((c) => c.index)).toEqual([0]);
    expect(outcome.duplicateRecords).toBe(2);
    expect(outcome.acceptedRecords).toBe(3);
    expect(outcome.rejections.map((r) => [r.index, r.reason])).toEqual([[2, 'REVISION_CONFLICT'], [4, 'UNBOUND_ACCOUNT']]);
  });

  it('offers only the highest revision of each month for current', () => {
    const { candidates } = attachBindings([valid(0, { revision: 2 }), valid(1, { revision: 3 }), valid(2, { period: '2026-09' })], [0, 1, 2].map(() => ({ bindingId: 'b1', agreement })));
    expect(highestPerMonth(candidates).map((c) => c.index).sort()).toEqual([1, 2]);
  });
});
