// Who owns which message type on cfc.provider.inbound.v1 (CONTRACT.md "Kafka: providers").

/** Binding's: binding.confirmed / binding.rejected; binding authenticates and dead-letters them itself. */
export const BINDING_REPLY_TYPES: ReadonlySet<string> = new Set(['binding.confirmed', 'binding.rejected']);

/** Ingestion's own types; anything else (and anything unparsable) ingestion dead-letters as nobody's. */
export type IngestionInboundType = 'statistics.submitted' | 'objection.resolved';
export const INGESTION_INBOUND_TYPES: ReadonlySet<string> = new Set<IngestionInboundType>(['statistics.submitted', 'objection.resolved']);
