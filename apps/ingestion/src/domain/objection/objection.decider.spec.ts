import { fold } from '@cfc/eventing';
import { objectionDecider, statusAt, ObjectionRuleViolation, type ObjectionCommand } from './objection.decider';
import type { ObjectionEvent } from './objection.events';

const T0 = new Date('2026-11-02T02:00:00Z');
const raise: ObjectionCommand = {
  type: 'RaiseObjection',
  objectionId: 'obj-1',
  binding: { bindingId: 'b-1', subject: '91110000600037341L', provider: 'B0001', account: { number: '6222020200112233445', type: 'BASIC' } },
  period: '2026-10',
  fields: ['inflow'],
  reason: '<b>十月</b>流入有误',
  disputedRevision: 1,
};
const at = (days: number) => new Date(T0.getTime() + days * 86_400_000);
const given = (...commands: Array<[ObjectionCommand, Date]>) =>
  commands.reduce<ObjectionEvent[]>((events, [command, now]) => [...events, ...objectionDecider.decide(command, fold(objectionDecider, events), { now }) as ObjectionEvent[]], []);
const when = (events: ObjectionEvent[], command: ObjectionCommand, now: Date) => objectionDecider.decide(command, fold(objectionDecider, events), { now }) as ObjectionEvent[];
const refusal = (events: ObjectionEvent[], command: ObjectionCommand, now: Date) => {
  try {
    when(events, command, now);
  } catch (error) {
    return (error as ObjectionRuleViolation).code;
  }
  return 'accepted';
};
const corrected = (revision: number, revisionStored = true): ObjectionCommand => ({ type: 'ResolveObjection', provider: 'B0001', outcome: 'CORRECTED', note: '已更正', correctedRevision: revision, revisionStored });
const upheld: ObjectionCommand = { type: 'ResolveObjection', provider: 'B0001', outcome: 'UPHELD', note: '复核无误', revisionStored: false };

describe('an objection', () => {
  it('is raised SUBMITTED, due 20 days later, its reason kept exactly as written', () => {
    const [event] = given([raise, T0]);
    expect(event).toEqual({ type: 'objection.raised', data: expect.objectContaining({ objectionId: 'obj-1', status: 'SUBMITTED', raisedAt: T0.toISOString(), dueBy: at(20).toISOString(), reason: '<b>十月</b>流入有误', disputedRevision: 1 }) });
    expect(refusal([event], raise, T0)).toBe('OBJECTION_EXISTS');
  });

  it('is corrected by a higher revision that was received, or refused naming why', () => {
    const events = given([raise, T0]);
    expect(when(events, corrected(2), at(3))).toEqual([{ type: 'objection.resolved', data: expect.objectContaining({ outcome: 'CORRECTED', status: 'CORRECTED', correctedRevision: 2, disputedRevision: 1, late: false }) }]);
    expect(refusal(events, corrected(1), at(3))).toBe('CORRECTION_NOT_HIGHER');
    expect(refusal(events, corrected(3, false), at(3))).toBe('CORRECTION_NOT_RECEIVED');
    expect(refusal(events, { type: 'ResolveObjection', provider: 'P0001', outcome: 'CORRECTED', correctedRevision: 2, revisionStored: true }, at(3))).toBe('OBJECTION_OF_ANOTHER_PROVIDER');
    expect(refusal([], corrected(2), at(3))).toBe('UNKNOWN_OBJECTION');
  });

  it('is upheld with a note; the same answer again changes nothing, a contrary one is refused', () => {
    const events = given([raise, T0], [upheld, at(5)]);
    expect(events[1].data).toMatchObject({ status: 'UPHELD', note: '复核无误' });
    expect(events[1].data).not.toHaveProperty('correctedRevision');
    expect(when(events, upheld, at(6))).toEqual([]);
    expect(refusal(events, corrected(2), at(6))).toBe('OBJECTION_NOT_OPEN');
  });

  it('goes OVERDUE at dueBy unanswered (by the clock, and recorded once by the sweep); a late answer still closes it, marked late', () => {
    const events = given([raise, T0]);
    expect(when(events, { type: 'MarkOverdue' }, at(19.9))).toEqual([]);
    expect(statusAt('SUBMITTED', at(20).toISOString(), at(19.9))).toBe('SUBMITTED');
    expect(statusAt('SUBMITTED', at(20).toISOString(), at(20))).toBe('OVERDUE');
    const overdue = given([raise, T0], [{ type: 'MarkOverdue' }, at(21)]);
    expect(overdue[1]).toEqual({ type: 'objection.overdue', data: expect.objectContaining({ status: 'OVERDUE', overdueAt: at(21).toISOString() }) });
    expect(when(overdue, { type: 'MarkOverdue' }, at(22))).toEqual([]);
    expect(when(overdue, upheld, at(23))[0].data).toMatchObject({ status: 'UPHELD', late: true });
    expect(statusAt('UPHELD', at(20).toISOString(), at(30))).toBe('UPHELD');
  });
});
