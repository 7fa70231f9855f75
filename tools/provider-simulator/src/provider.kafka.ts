import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { PlatformLogger } from '@cfc/platform';
import type { DemoProvider } from './demo-data.file';
import { saslOptions } from './kafka-login';

// The simulator stands in for a provider's own system, which would use a plain Kafka client with its own
// login: so it talks kafkajs directly (this file only) rather than the services' messaging port, and
// proves the public contract with nothing but what a provider is given.

/** A Kafka client logged in as this provider: SASL with its credentials when demo.json has them, plain otherwise. */
export function providerKafka(provider: DemoProvider, brokers: string[], logger: PlatformLogger): Kafka {
  return new Kafka({
    clientId: `cfc-provider-simulator-${provider.institutionId}`,
    brokers,
    ...(provider.kafka ? { sasl: saslOptions(provider.kafka) } : {}),
    connectionTimeout: 3000,
    retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      const { message, ...fields } = entry.log;
      const line = { provider: provider.institutionId, kafkajs: entry.namespace, ...fields };
      if (entry.level === logLevel.ERROR) logger.error(line, `kafkajs: ${message}`);
      else logger.warn(line, `kafkajs: ${message}`);
    },
  });
}
