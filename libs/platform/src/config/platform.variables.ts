import { defineConfig } from './config.schema';

/** Variables every service reads; a service spreads these into its own schema with its default port. */
export function platformVariables(defaultPort: number) {
  return defineConfig({
    PORT: { type: 'port', default: defaultPort, description: 'HTTP port of this service' },
    HOST: { type: 'string', default: '127.0.0.1', description: 'interface the HTTP server binds (0.0.0.0 in containers)' },
    DATABASE_URL: {
      type: 'url',
      required: true,
      protocols: ['postgres', 'postgresql'],
      secret: true,
      description: "this service's own PostgreSQL database, postgres://user:password@host:port/database",
    },
    DATABASE_POOL_MAX: { type: 'int', default: 10, min: 1, max: 200, description: 'largest number of pooled PostgreSQL connections' },
    KAFKA_BROKERS: { type: 'list', required: true, description: 'Kafka bootstrap servers, host:port[,host:port]' },
    KAFKA_CLIENT_ID: { type: 'string', description: 'Kafka client id (defaults to cfc-<service>)' },
    KAFKA_GROUP_SUFFIX: {
      type: 'string',
      description: 'tests and side-by-side stacks on one cluster only: appended (after a dot) to every consumer group the service joins, so two stacks do not split one group; the group keeps its cfc.<context>. start, which the prefixed group ACLs allow; unset in production',
    },
    INTERNAL_AUTH_SECRET: {
      type: 'string',
      required: true,
      secret: true,
      description: 'per-deployment secret (at least 32 characters) that signs and verifies the short-lived service tokens on internal routes; the same value for every service',
    },
    CFC_CLOCK_OFFSET_FILE: {
      type: 'string',
      description: 'tests and demos only: a file holding a clock offset in milliseconds that every service adds to the time (moves expiry and due dates); unset in production',
    },
    KAFKA_SASL_MECHANISM: {
      type: 'enum',
      values: ['SCRAM-SHA-256', 'PLAIN'],
      description: "SASL mechanism of this service's Kafka principal; unset: no SASL (set it with KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD)",
    },
    KAFKA_SASL_USERNAME: { type: 'string', description: "this service's Kafka user (cfc-<service> in the embedded stack and in docker-compose.yml)" },
    KAFKA_SASL_PASSWORD: { type: 'string', secret: true, description: "password of this service's Kafka user" },
    LOG_LEVEL: {
      type: 'enum',
      values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      default: 'info',
      description: 'lowest level of JSON log lines written to stdout',
    },
    SHUTDOWN_TIMEOUT_MS: {
      type: 'int',
      default: 10000,
      min: 100,
      description: 'on SIGTERM, how long in-flight work may take before the process exits anyway',
    },
  });
}

export type PlatformSchema = ReturnType<typeof platformVariables>;
