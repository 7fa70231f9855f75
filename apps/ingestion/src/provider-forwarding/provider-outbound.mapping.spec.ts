import { randomUUID } from 'node:crypto';
import { Headers, providerOutboundTopic, Topics, type EventEnvelope, type ProviderMessageDeadLetteredData } from '@cfc/contracts';
import { ingestionOutboundMessages } from './provider-outbound.mapping';

const deadLettered = (data: Partial<ProviderMessageDeadLetteredData>): EventEnvelope => ({
  eventId: randomUUID(), type: 'provider-message.dead-lettered', schemaVersion: 1, streamId: `inbound-${randomUUID()}`, streamVersion: 1,
  actor: { kind: 'institution', id: 'B0001' }, occurredAt: '2026-11-20T08:00:00.000Z', correlationId: randomUUID(),
  data: {
    reason: 'BAD_SIGNATURE', detail: 'the signature does not verify', provider: 'B0001', submissionId: 'c7d1c0de-0000-4000-8000-000000000001',
    messageType: 'statistics.submitted', origin: { topic: Topics.providerInbound, partition: 1, offset: '42', timestamp: 1764576000000 },
    key: 'k', headers: { 'cfc-provider': 'B0001' }, valueBase64: Buffer.from('{"type":"statistics.submitted"}').toString('base64'), at: '2026-11-20T08:00:00.000Z',
    ...data,
  } satisfies ProviderMessageDeadLetteredData,
});

describe('what a refused provider message owes the outside world', () => {
  it('parks a refused message as it came, with its reason and origin, and tells its provider', () => {
    const [parked, told] = ingestionOutboundMessages(deadLettered({}));
    expect(parked.topic).toBe(Topics.ingestionDeadLetter);
    expect(parked.value).toEqual(Buffer.from('{"type":"statistics.submitted"}'));
    expect(parked.headers).toMatchObject({ 'cfc-provider': 'B0001', [Headers.errorReason]: 'BAD_SIGNATURE', [Headers.originalOffset]: '42', [Headers.originalPartition]: '1' });
    expect(told.topic).toBe(providerOutboundTopic('B0001'));
    expect(JSON.parse(String(told.value))).toMatchObject({ type: 'submission.rejected', reason: 'BAD_SIGNATURE', records: [] });
  });

  it('parks a message refused in part (RECORDS_REFUSED) without telling the provider twice: its submission.rejected named each record', () => {
    const messages = ingestionOutboundMessages(deadLettered({ reason: 'RECORDS_REFUSED', detail: '1 of 2 records refused (index reason): 1 UNBOUND_ACCOUNT' }));
    expect(messages.map((m) => [m.topic, m.headers?.[Headers.errorReason]])).toEqual([[Topics.ingestionDeadLetter, 'RECORDS_REFUSED']]);
  });

  it('tells no one of a message whose provider is unknown, but parks it', () => {
    expect(ingestionOutboundMessages(deadLettered({ provider: undefined })).map((m) => m.topic)).toEqual([Topics.ingestionDeadLetter]);
  });
});
