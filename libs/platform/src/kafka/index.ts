// Also `@cfc/platform/kafka`: the Kafka client without Nest, TypeORM or pino, for worker threads (the outbox relay).
export type {
  ConsumerOptions,
  ConsumerRun,
  IncomingBatch,
  IncomingMessage,
  MessageConsumer,
  MessageProducer,
  MessagingAdmin,
  MessagingClient,
  OutgoingMessage,
  PartitionOffsets,
  ProducerOptions,
  TopicPartitions,
  TopicSpec,
} from './messaging.port';
export { KafkaUnreachableError } from './kafka-unreachable.error';
export { createKafkaClient, parseBrokers, type KafkaClientOptions } from './kafkajs.client';
export { kafkaSaslFromConfig, type KafkaSasl, type KafkaSaslVariables } from './kafka-sasl';
export { silentLogger, type PlatformLogger } from '../logging/logger.port';
