// @cfc/eventing: event store, command handler, outbox relay, idempotent consumers, projections on PostgreSQL.
export { ConsumerRunner, type ConsumerRunnerOptions } from './consumer/consumer.runner';
export { envelopeDecoder, PoisonMessageError, type MessageDecoder } from './consumer/decoders';
export { CommandHandler, type CommandHandlerOptions, type HandledCommand } from './decider/command-handler';
export { asEvents, fold, type DecideContext, type Decider } from './decider/decider';
export { Metric, MetricsRegistry } from './metrics/metrics.registry';
export { readCommittedAfter, type Checkpoint } from './outbox/committed-events.reader';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox.relay';
export { RelayThread, type RelayThreadOptions } from './outbox/relay.thread';
export type { Projection } from './projection/projection';
export { ProjectionRunner, type ProjectionRunnerOptions } from './projection/projection.runner';
export { pgDatabase } from './sql/pg.database';
export type { SqlDatabase, SqlExecutor, SqlResult } from './sql/sql.port';
export { typeormDatabase, type DataSourceLike } from './sql/typeorm.database';
export { migrateEventing } from './store/eventing.migration';
export { PostgresEventStore, type AppendResult, type EventStoreOptions, type StreamRead } from './store/postgres.event-store';
export type { AppendContext, DomainEvent, StoredEvent } from './store/stored-event';
export { StreamVersionConflictError } from './store/stream-version-conflict.error';
export { Upcasters, type Upcaster } from './store/upcasters';
