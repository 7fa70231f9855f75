import type { SASLOptions } from 'kafkajs';
import type { KafkaCredentials } from './demo-data.file';

/** kafkajs spells mechanisms in lower case; demo.json in Kafka's upper case (SCRAM-SHA-256, PLAIN). */
export function saslOptions(credentials: KafkaCredentials): SASLOptions {
  const { username, password } = credentials;
  switch (credentials.mechanism.toUpperCase()) {
    case 'SCRAM-SHA-256':
      return { mechanism: 'scram-sha-256', username, password };
    case 'SCRAM-SHA-512':
      return { mechanism: 'scram-sha-512', username, password };
    case 'PLAIN':
      return { mechanism: 'plain', username, password };
    default:
      throw new Error(`unsupported Kafka SASL mechanism ${credentials.mechanism} (SCRAM-SHA-256, SCRAM-SHA-512 or PLAIN)`);
  }
}
