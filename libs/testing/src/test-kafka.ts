import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { integrationStack } from './stack';

/**
 * kafkajs settings for the run's broker, logged in as the run's super user: for suites that play a
 * provider or the platform with a plain client, read topics or create their own. A suite that starts a
 * service gives it the service's own principal instead (integrationStack().kafkaServiceEnv).
 */
export function testKafkaConfig(clientId: string, overrides: Partial<KafkaConfig> = {}): KafkaConfig {
  const stack = integrationStack();
  return { clientId, brokers: stack.kafkaBrokers, sasl: stack.kafkaSasl, logLevel: logLevel.NOTHING, ...overrides };
}

/** A kafkajs client on the run's broker as its super user (testKafkaConfig). */
export function testKafka(clientId: string, overrides: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka(testKafkaConfig(clientId, overrides));
}

/** KAFKA_SASL_* of the run's super user, for a test-only service that has no principal of its own ({} without SASL). */
export function kafkaSuperUserEnv(): Record<string, string> {
  const sasl = integrationStack().kafkaSasl;
  return sasl ? { KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256', KAFKA_SASL_USERNAME: sasl.username, KAFKA_SASL_PASSWORD: sasl.password } : {};
}
