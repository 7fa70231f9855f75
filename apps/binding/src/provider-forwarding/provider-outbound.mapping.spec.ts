import { bindingRequested, type EventEnvelope } from '@cfc/contracts';
import { providerOutboundMessages } from './provider-outbound.mapping';

const account = { number: '6222020200112233445', type: 'BASIC' as const };
const base = { bindingId: 'b-1', subject: '91110000600037341L', provider: 'B0001', account };
const envelope = (type: string, data: object): EventEnvelope => ({
  eventId: '0b6c1f5e-2f0a-4a57-9f61-2a8a3c1d9e01', type, schemaVersion: 1, streamId: 'binding-b-1', streamVersion: 1,
  subject: base.subject, actor: { kind: 'enterprise', id: base.subject }, occurredAt: '2026-11-01T02:00:00.000Z', correlationId: 'c', data,
});
const agreement = { version: '1.0', sha256: 'f'.repeat(64), acceptedAt: '2026-11-01T02:00:00.000Z' };

describe('what providers are told', () => {
  it('asks the binding\'s own provider to confirm, with the full account and the agreement accepted', () => {
    const [message] = providerOutboundMessages(envelope('binding.requested', { ...base, agreement, requestedAt: agreement.acceptedAt }));
    expect(message.topic).toBe('cfc.provider.B0001.outbound.v1');
    expect(message.key).toBe('b-1');
    const value = JSON.parse(String(message.value));
    expect(value).toEqual({ type: 'binding.requested', schemaVersion: 1, bindingId: 'b-1', subject: base.subject, account, agreement });
    expect(() => bindingRequested.validate(value)).not.toThrow();
  });

  it('tells it when the enterprise unbinds', () => {
    const [message] = providerOutboundMessages(envelope('binding.ended', { ...base, endedAt: '2026-11-02T02:00:00.000Z' }));
    expect(message.topic).toBe('cfc.provider.B0001.outbound.v1');
    expect(JSON.parse(String(message.value))).toEqual({ type: 'binding.ended', schemaVersion: 1, bindingId: 'b-1', subject: base.subject, account, endedAt: '2026-11-02T02:00:00.000Z' });
  });

  it('sends nothing for confirmations, rejections and expiries', () => {
    expect(providerOutboundMessages(envelope('binding.confirmed', { ...base, confirmedAt: agreement.acceptedAt }))).toEqual([]);
    expect(providerOutboundMessages(envelope('binding.rejected', { ...base, reason: 'X', rejectedAt: agreement.acceptedAt }))).toEqual([]);
    expect(providerOutboundMessages(envelope('binding.expired', { ...base, expiredAt: agreement.acceptedAt }))).toEqual([]);
  });

  it('refuses (so the forwarder dead-letters) an event whose message would break the contract', () => {
    expect(() => providerOutboundMessages(envelope('binding.requested', { ...base, agreement: { ...agreement, sha256: 'nope' }, requestedAt: agreement.acceptedAt }))).toThrow();
  });
});
