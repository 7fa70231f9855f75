import { usccCheckCharacter, validateProviderInbound, validateStatisticsRecord, type BindingRequested, type ObjectionRaised, type StatisticsRecord, type StatisticsSubmitted } from '@cfc/contracts';
import { addMonths, periodRange } from '../periods';
import { isSuppliedMonth } from '../statistics/account-month.generator';
import { accountTraits } from '../statistics/account.traits';
import { profileOf } from '../statistics/enterprise.profiles';
import type { DeskContext, DeskSettings, Decision, Outgoing } from './desk.decision';
import { emptyDesk, type DeskState } from './desk.state';
import { holdingsOf } from './holdings';
import { handleOutbound } from './outbound.dispatch';
import { supplyDue } from './supply.decision';

const SUBJECT = '91110000600037341L';
const OTHER_SUBJECT = '91110000600037342J';
const BASIC = { number: '6222020200112233445', type: 'BASIC' as const };
const holdings = holdingsOf([
  { provider: 'B0001', subject: SUBJECT, ...BASIC },
  { provider: 'B0001', subject: OTHER_SUBJECT, number: '6222020200199999999', type: 'GENERAL' },
]);
const settings: DeskSettings = { streamDelayMs: 0, maxRecordsPerMessage: 1000, objectionPolicy: 'by-id', retryDelaysMs: [2000, 4000] };
// 2026-11-15 in Shanghai: the last complete month is 2026-10.
const NOW = new Date('2026-11-15T02:00:00Z');
const context = (patch: Partial<DeskContext> = {}): DeskContext => ({ provider: 'B0001', now: NOW, holdings, settings, ...patch });

const request = (bindingId: string, patch: Partial<BindingRequested> = {}): BindingRequested => ({
  type: 'binding.requested',
  schemaVersion: 1,
  bindingId,
  subject: SUBJECT,
  account: BASIC,
  agreement: { version: '2026-01', sha256: 'a'.repeat(64), acceptedAt: '2026-11-15T01:59:00Z' },
  ...patch,
});
const objection = (objectionId: string, patch: Partial<ObjectionRaised> = {}): ObjectionRaised => ({
  type: 'objection.raised',
  schemaVersion: 1,
  objectionId,
  bindingId: 'b-1',
  account: BASIC,
  period: '2026-08',
  fields: ['inflow'],
  reason: '八月流入金额有误',
  dueBy: '2026-12-05T02:00:00Z',
  ...patch,
});

/** Runs messages through the desk, then what is due, as the simulator does after each message. */
function run(state: DeskState, ctx: DeskContext, ...messages: Parameters<typeof handleOutbound>[2][]): Decision {
  let current: Decision = { state, send: [], notes: [] };
  for (const message of messages) {
    const handled = handleOutbound(current.state, ctx, message);
    const supplied = supplyDue(handled.state, ctx);
    current = { state: supplied.state, send: [...current.send, ...handled.send, ...supplied.send], notes: [...current.notes, ...handled.notes, ...supplied.notes] };
  }
  return current;
}
const statistics = (send: Outgoing[]) => send.map((o) => o.message).filter((m): m is StatisticsSubmitted => m.type === 'statistics.submitted');
const records = (send: Outgoing[]) => statistics(send).flatMap((m) => m.records as StatisticsRecord[]);

describe('the provider desk', () => {
  it('confirms a binding for an account the enterprise holds, then streams 36 valid months up to the last complete one', () => {
    const { send } = run(emptyDesk(), context(), request('b-1'));
    expect(send[0]).toEqual({ provider: 'B0001', key: 'b-1', message: { type: 'binding.confirmed', schemaVersion: 1, bindingId: 'b-1', provider: 'B0001' } });
    const sent = records(send);
    const months = periodRange('2023-11', '2026-10').filter((p) => isSuppliedMonth(profileOf(SUBJECT), accountTraits(BASIC), BASIC, p));
    expect(sent.map((r) => r.period)).toEqual(months);
    expect(sent.every((r) => r.revision === 1 && r.subject === SUBJECT && r.account.number === BASIC.number && validateStatisticsRecord.check(r).ok)).toBe(true);
    for (const o of send) expect(() => validateProviderInbound(o.message)).not.toThrow();
    expect(send.every((o) => o.key === 'b-1')).toBe(true);
  });

  it.each([
    ['an account it does not hold', { account: { number: '6222000000000000000', type: 'BASIC' as const } }],
    ['the right number with the wrong type', { account: { ...BASIC, type: 'GENERAL' as const } }],
    ["another enterprise's account", { subject: OTHER_SUBJECT }],
  ])('rejects %s with ACCOUNT_NOT_HELD_BY_SUBJECT and sends no statistics', (_why, patch) => {
    const { send } = run(emptyDesk(), context(), request('b-2', patch));
    expect(send.map((o) => o.message)).toEqual([{ type: 'binding.rejected', schemaVersion: 1, bindingId: 'b-2', provider: 'B0001', reason: 'ACCOUNT_NOT_HELD_BY_SUBJECT' }]);
  });

  it('answers a request seen again with nothing: confirmed once, streamed once', () => {
    const first = run(emptyDesk(), context(), request('b-1'));
    const again = run(first.state, context(), request('b-1'));
    expect(again.send).toEqual([]);
    expect(again.notes[0].msg).toMatch(/seen again/);
  });

  it('waits the stream delay after confirming before the first statistics', () => {
    const delayed = context({ settings: { ...settings, streamDelayMs: 3000 } });
    const confirmed = run(emptyDesk(), delayed, request('b-1'));
    expect(confirmed.send.map((o) => o.message.type)).toEqual(['binding.confirmed']);
    expect(supplyDue(confirmed.state, context({ now: new Date(NOW.getTime() + 2999) })).send).toEqual([]);
    expect(records(supplyDue(confirmed.state, context({ now: new Date(NOW.getTime() + 3000) })).send).length).toBeGreaterThan(30);
  });

  it('supplies each new month once the clock passes into the next, and nothing for an ended binding', () => {
    const both = run(emptyDesk(), context(), request('b-1'), request('b-3', { subject: OTHER_SUBJECT, account: { number: '6222020200199999999', type: 'GENERAL' } }));
    const ended = run(both.state, context(), { type: 'binding.ended', schemaVersion: 1, bindingId: 'b-1', subject: SUBJECT, account: BASIC, endedAt: NOW.toISOString() });
    expect(ended.notes[0].msg).toMatch(/binding ended/);
    expect(supplyDue(ended.state, context()).send).toEqual([]); // nothing new this month
    const december = supplyDue(ended.state, context({ now: new Date('2026-12-02T00:00:00Z') }));
    expect(records(december.send).map((r) => [r.account.number, r.period])).toEqual([['6222020200199999999', '2026-11']]);
    expect(supplyDue(december.state, context({ now: new Date('2026-12-03T00:00:00Z') })).send).toEqual([]);
  });

  it('splits a supply into messages of at most the configured size, with stable submission ids', () => {
    const small = context({ settings: { ...settings, maxRecordsPerMessage: 10 } });
    const first = statistics(run(emptyDesk(), small, request('b-1')).send);
    expect(first.map((m) => m.records.length)).toEqual([10, 10, 10, records(run(emptyDesk(), small, request('b-1')).send).length - 30]);
    expect(new Set(first.map((m) => m.submissionId)).size).toBe(4);
    expect(statistics(run(emptyDesk(), small, request('b-1')).send).map((m) => m.submissionId)).toEqual(first.map((m) => m.submissionId));
  });

  it('corrects an objection whose id ends in an even digit: the next revision first, then the resolution naming it', () => {
    const bound = run(emptyDesk(), context(), request('b-1'));
    const { send, state } = run(bound.state, context(), objection('obj-4'));
    expect(send.map((o) => o.message.type)).toEqual(['statistics.submitted', 'objection.resolved']);
    const [corrected] = records(send);
    expect(corrected).toMatchObject({ period: '2026-08', revision: 2, subject: SUBJECT });
    expect(send[1].message).toMatchObject({ objectionId: 'obj-4', provider: 'B0001', outcome: 'CORRECTED', correctedRevision: 2 });
    expect(send.every((o) => o.key === 'b-1')).toBe(true);
    // a second objection on the same month is corrected as revision 3
    const second = run(state, context(), objection('obj-6'));
    expect(records(second.send)[0].revision).toBe(3);
    expect(second.send[1].message).toMatchObject({ correctedRevision: 3 });
  });

  it('upholds an objection whose id ends in an odd digit, with a note, and answers each objection once', () => {
    const bound = run(emptyDesk(), context(), request('b-1'));
    const upheld = run(bound.state, context(), objection('obj-7'));
    expect(upheld.send.map((o) => o.message)).toEqual([expect.objectContaining({ type: 'objection.resolved', outcome: 'UPHELD', note: expect.stringContaining('2026-08') })]);
    expect(() => validateProviderInbound(upheld.send[0].message)).not.toThrow();
    expect(run(upheld.state, context(), objection('obj-7')).send).toEqual([]);
  });

  it('answers nothing under the ignore policy, and always corrects or upholds under the others', () => {
    const bound = run(emptyDesk(), context(), request('b-1'));
    const policy = (objectionPolicy: DeskSettings['objectionPolicy']) => context({ settings: { ...settings, objectionPolicy } });
    expect(run(bound.state, policy('ignore'), objection('obj-4')).send).toEqual([]);
    expect(run(bound.state, policy('correct'), objection('obj-7')).send[1].message).toMatchObject({ outcome: 'CORRECTED' });
    expect(run(bound.state, policy('uphold'), objection('obj-4')).send[0].message).toMatchObject({ outcome: 'UPHELD' });
  });

  it('upholds, saying why, what it cannot correct: a month never supplied, a gap month, an ended or unknown binding', () => {
    const bound = run(emptyDesk(), context(), request('b-1'));
    const note = (state: DeskState, o: ObjectionRaised) => {
      const [answer] = run(state, context(), o).send;
      expect(answer.message).toMatchObject({ outcome: 'UPHELD' });
      return (answer.message as { note: string }).note;
    };
    expect(note(bound.state, objection('obj-2', { period: '2026-11' }))).toMatch(/supplied no statistics for 2026-11/);
    expect(note(bound.state, objection('obj-2', { bindingId: 'b-unknown' }))).toMatch(/no record of that binding/);
    const ended = run(bound.state, context(), { type: 'binding.ended', schemaVersion: 1, bindingId: 'b-1', subject: SUBJECT, account: BASIC, endedAt: NOW.toISOString() });
    expect(note(ended.state, objection('obj-2'))).toMatch(/no longer bound/);

    let gapsSubject = '';
    for (let i = 1; !gapsSubject; i++) {
      const first17 = `9133010${String(i).padStart(10, '0')}`;
      if (profileOf(first17 + usccCheckCharacter(first17)).name === 'gaps') gapsSubject = first17 + usccCheckCharacter(first17);
    }
    const gapsHoldings = holdingsOf([{ provider: 'B0001', subject: gapsSubject, ...BASIC }]);
    const gapMonth = periodRange('2023-11', '2026-10').find((p) => !isSuppliedMonth(profileOf(gapsSubject), accountTraits(BASIC), BASIC, p))!;
    const gapsBound = run(emptyDesk(), context({ holdings: gapsHoldings }), request('b-1', { subject: gapsSubject }));
    expect(records(gapsBound.send).some((r) => r.period === gapMonth)).toBe(false);
    expect(note(gapsBound.state, objection('obj-2', { period: gapMonth }))).toMatch(new RegExp(`supplied no statistics for ${gapMonth}`));
  });

  it('sends months refused as unbound again after the retry delay, under a new submission id, and gives up after the last retry', () => {
    const bound = run(emptyDesk(), context(), request('b-1'));
    const [submission] = statistics(bound.send);
    const refused = (submissionId: string, indexes: number[]) => ({
      type: 'submission.rejected' as const,
      schemaVersion: 1 as const,
      submissionId,
      provider: 'B0001',
      records: indexes.map((index) => ({ index, reason: 'UNBOUND_ACCOUNT' })),
      at: NOW.toISOString(),
    });
    const rejected = run(bound.state, context(), refused(submission.submissionId, [0, 1]));
    expect(rejected.send).toEqual([]);
    expect(rejected.notes.map((n) => n.level)).toEqual(['warn', 'info']);
    expect(supplyDue(rejected.state, context({ now: new Date(NOW.getTime() + 1999) })).send).toEqual([]);
    const retried = supplyDue(rejected.state, context({ now: new Date(NOW.getTime() + 2000) }));
    const [again] = statistics(retried.send);
    expect((again.records as StatisticsRecord[]).map((r) => r.period)).toEqual((submission.records as StatisticsRecord[]).slice(0, 2).map((r) => r.period));
    expect(again.submissionId).not.toBe(submission.submissionId);

    const second = run(retried.state, context(), refused(again.submissionId, [0]));
    const third = supplyDue(second.state, context({ now: new Date(NOW.getTime() + 10_000) }));
    const [last] = statistics(third.send);
    const givenUp = run(third.state, context(), refused(last.submissionId, [0]));
    expect(givenUp.notes.map((n) => n.level)).toEqual(['warn', 'error']);
    expect(supplyDue(givenUp.state, context({ now: new Date(NOW.getTime() + 60_000) })).send).toEqual([]);
  });

  it('logs an acceptance and a whole-message rejection without sending anything', () => {
    const accepted = run(emptyDesk(), context(), { type: 'submission.accepted', schemaVersion: 1, submissionId: 's-1', provider: 'B0001', acceptedRecords: 36, at: NOW.toISOString() });
    expect(accepted.notes).toEqual([expect.objectContaining({ level: 'info', msg: 'submission accepted: 36 record(s) stored' })]);
    const refused = run(emptyDesk(), context(), { type: 'submission.rejected', schemaVersion: 1, provider: 'B0001', reason: 'BAD_SIGNATURE', records: [], at: NOW.toISOString() });
    expect(refused.notes).toEqual([expect.objectContaining({ level: 'error', msg: 'submission rejected as a whole: BAD_SIGNATURE' })]);
    expect([...accepted.send, ...refused.send]).toEqual([]);
  });

  it('starts the 36 months at the right month whatever the day', () => {
    const lateInMonth = context({ now: new Date('2026-10-31T16:30:00Z') }); // 2026-11-01 00:30 in Shanghai
    const sent = records(run(emptyDesk(), lateInMonth, request('b-1')).send);
    expect(sent[sent.length - 1].period).toBe('2026-10');
    expect(sent[0].period >= addMonths('2026-10', -35)).toBe(true);
  });
});
