import type { EventEnvelope } from '@cfc/contracts';
import { objectionChangeOf, UnreadableObjectionEvent } from './objection-events.adapter';

const USCC = '91110000600037341L';
const event = (type: string, data: Record<string, unknown>): EventEnvelope => ({
  eventId: '3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7', type, schemaVersion: 1, streamId: 'objection-o-1', streamVersion: 1, subject: USCC,
  actor: { kind: 'system', id: 'ingestion' }, occurredAt: '2026-11-05T01:00:00.000Z', correlationId: 'c-1', data,
});
const base = { objectionId: 'o-1', bindingId: 'b-1', period: '2026-10' };

describe('objection events as the report reads them', () => {
  it('reads a raised objection: open, with its fields and due date, raised when the event says (else when it occurred)', () => {
    expect(objectionChangeOf(event('objection.raised', { ...base, status: 'SUBMITTED', fields: ['inflow'], reason: '金额有误', dueBy: '2026-11-25T01:00:00.000Z', raisedAt: '2026-11-05T00:59:00.000Z' }))).toEqual({
      ...base, subject: USCC, status: 'SUBMITTED', fields: ['inflow'], raisedAt: '2026-11-05T00:59:00.000Z', dueBy: '2026-11-25T01:00:00.000Z',
    });
    expect(objectionChangeOf(event('objection.raised', base))).toMatchObject({ status: 'SUBMITTED', raisedAt: '2026-11-05T01:00:00.000Z' });
  });

  it('reads a correction with its revision, an upheld objection and an overdue one, from status or outcome', () => {
    expect(objectionChangeOf(event('objection.resolved', { ...base, status: 'CORRECTED', correctedRevision: 2, resolvedAt: '2026-11-10T00:00:00.000Z' }))).toEqual({
      ...base, subject: USCC, status: 'CORRECTED', correctedRevision: 2, resolvedAt: '2026-11-10T00:00:00.000Z',
    });
    expect(objectionChangeOf(event('objection.resolved', { ...base, outcome: 'UPHELD', note: '数据无误' }))).toMatchObject({ status: 'UPHELD', resolvedAt: '2026-11-05T01:00:00.000Z' });
    expect(objectionChangeOf(event('objection.overdue', base))).toMatchObject({ status: 'OVERDUE' });
  });

  it('ignores other types and refuses an event it follows but cannot read', () => {
    expect(objectionChangeOf(event('statistics.accepted', {}))).toBeUndefined();
    for (const [type, data] of [
      ['objection.raised', { objectionId: 'o-1', period: '2026-10' }],
      ['objection.raised', { ...base, period: '2026-13' }],
      ['objection.raised', { ...base, status: 'CORRECTED' }],
      ['objection.resolved', base],
      ['objection.resolved', { ...base, status: 'CORRECTED' }],
    ] as const) {
      expect(() => objectionChangeOf(event(type, data))).toThrow(UnreadableObjectionEvent);
    }
  });
});
