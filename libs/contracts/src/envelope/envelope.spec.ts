import { ContractViolationError } from '../schema/validator';
import { validateEnvelope, type EventEnvelope } from './envelope';

const valid: EventEnvelope = {
  eventId: '0b0d5a3e-8f0c-4c62-9d55-6a8b2b0c1e11',
  type: 'authorization.granted',
  schemaVersion: 1,
  streamId: 'authorization-42',
  streamVersion: 3,
  subject: '91110000600037341L',
  actor: { kind: 'enterprise', id: '91110000600037341L' },
  occurredAt: '2026-11-01T02:00:00Z',
  correlationId: 'req-1',
  causationId: 'cmd-1',
  data: { accounts: [] },
};

describe('event envelope contract', () => {
  it('accepts a complete envelope, and one without subject and causation', () => {
    expect(validateEnvelope(valid)).toBe(valid);
    const { subject: _s, causationId: _c, ...minimal } = valid;
    expect(validateEnvelope.check(minimal).ok).toBe(true);
  });

  it.each([
    ['bad subject check character', { subject: '91110000600037341M' }],
    ['unknown actor kind', { actor: { kind: 'robot', id: 'x' } }],
    ['version 0', { streamVersion: 0 }],
    ['non-RFC 3339 time', { occurredAt: 'yesterday' }],
    ['type not dotted lower case', { type: 'AuthorizationGranted' }],
    ['unknown field', { extra: 1 }],
  ])('rejects %s', (_why, patch) => {
    expect(() => validateEnvelope({ ...valid, ...patch })).toThrow(ContractViolationError);
  });

  it('names the failing path in the error', () => {
    const result = validateEnvelope.check({ ...valid, eventId: 'nope' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('/eventId');
  });
});
