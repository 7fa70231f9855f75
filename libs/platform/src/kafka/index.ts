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
