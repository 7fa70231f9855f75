// Kafka header names, spelled here only. Values are UTF-8 strings.
export const Headers = {
  /** Provider-signed inbound messages (CONTRACT.md). */
  provider: 'cfc-provider',
  keyId: 'cfc-key-id',
  signature: 'cfc-signature',
  /** Set by the outbox relay on every published domain event. */
  eventId: 'cfc-event-id',
  eventType: 'cfc-event-type',
  schemaVersion: 'cfc-schema-version',
  correlationId: 'cfc-correlation-id',
  /** Set on dead-lettered messages: why, and where the message came from. */
  error: 'cfc-error',
  errorReason: 'cfc-error-reason',
  originalTopic: 'cfc-original-topic',
  originalPartition: 'cfc-original-partition',
  originalOffset: 'cfc-original-offset',
  consumerGroup: 'cfc-consumer-group',
  attempts: 'cfc-attempts',
} as const;
