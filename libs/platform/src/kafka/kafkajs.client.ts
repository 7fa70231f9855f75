import { Kafka, Partitioners, type SASLOptions } from 'kafkajs';
import { silentLogger, type PlatformLogger } from '../logging/logger.port';
import type { KafkaSasl } from './kafka-sasl';
import type { ConsumerOptions, MessagingClient, ProducerOptions } from './messaging.port';
import { KafkajsAdmin } from './kafkajs.admin';
import { KafkajsConsumer } from './kafkajs.consumer';
import { kafkajsLogCreator } from './kafkajs.mapping';
import { KafkajsProducer } from './kafkajs.producer';

export interface KafkaClientOptions {
  /** host:port list, e.g. from KAFKA_BROKERS split on commas. */
  brokers: readonly string[];
  clientId: string;
  logger?: PlatformLogger;
  /** How long connect() may take before it fails with KafkaUnreachableError. */
  connectTimeoutMs?: number;
  /**
   * Appended to every consumer group id after a dot (KAFKA_GROUP_SUFFIX: side-by-side test stacks on one
   * broker). A suffix, not a prefix: the group stays under its owner's `cfc.<context>.` ACL prefix.
   */
  groupSuffix?: string;
  /** SASL credentials (kafkaSaslFromConfig); unset: no authentication. */
  sasl?: KafkaSasl;
}

/** The one place that knows the client library: everything else sees MessagingClient. */
export function createKafkaClient(options: KafkaClientOptions): MessagingClient {
  const brokers = [...options.brokers];
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers,
    sasl: options.sasl && kafkajsSasl(options.sasl),
    connectionTimeout: Math.min(connectTimeoutMs, 3000),
    retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
    logCreator: kafkajsLogCreator(options.logger ?? silentLogger),
  });
  return {
    brokers,
    producer: (p: ProducerOptions = {}) =>
      new KafkajsProducer(
        kafka.producer({
          idempotent: p.idempotent ?? false,
          maxInFlightRequests: p.idempotent ? 1 : undefined,
          createPartitioner: Partitioners.DefaultPartitioner,
          allowAutoTopicCreation: false,
        }),
        brokers,
        connectTimeoutMs,
        p.idempotent ? -1 : (p.acks ?? -1),
      ),
    consumer: (c: ConsumerOptions) =>
      new KafkajsConsumer(
        kafka.consumer({
          groupId: options.groupSuffix ? `${c.groupId}.${options.groupSuffix}` : c.groupId,
          // A member SIGKILLed mid-work holds its partitions until its session ends: 12 s (kafkajs says 30 s)
          // is how long a restarted service waits for its work. Heartbeats go out between fetches, so an
          // idle fetch waits at most 1 s (kafkajs says 5 s) and a session sees several.
          sessionTimeout: c.sessionTimeoutMs ?? 12_000,
          heartbeatInterval: c.heartbeatIntervalMs ?? 2000,
          maxBytesPerPartition: c.maxBytesPerPartition,
          minBytes: c.minBytes,
          maxWaitTimeInMs: c.maxWaitMs ?? 1000,
          allowAutoTopicCreation: false,
        }),
        brokers,
        connectTimeoutMs,
      ),
    admin: () => new KafkajsAdmin(kafka.admin(), brokers, connectTimeoutMs),
  };
}

function kafkajsSasl({ mechanism, username, password }: KafkaSasl): SASLOptions {
  return mechanism === 'plain' ? { mechanism, username, password } : { mechanism, username, password };
}

/** Parses KAFKA_BROKERS ("host:port,host:port") into a list, rejecting empty entries. */
export function parseBrokers(value: string): string[] {
  const brokers = value.split(',').map((b) => b.trim()).filter((b) => b.length > 0);
  if (brokers.length === 0) throw new Error('no brokers given');
  return brokers;
}
