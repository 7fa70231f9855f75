/** SASL credentials as kafkajs and the platform's messaging client take them. */
export interface KafkaSaslCredentials {
  mechanism: 'scram-sha-256';
  username: string;
  password: string;
}

/** The real PostgreSQL and Kafka that the jest global setup started (or found) for this run. */
export interface IntegrationStack {
  /** Connection string of the maintenance database; suites create their own with createTestDatabase. */
  databaseUrl: string;
  kafkaBrokers: string[];
  kind: 'embedded' | 'containers' | 'external';
  /** The run's Kafka super user: the embedded broker runs SASL and ACLs. Undefined where Kafka has no SASL. */
  kafkaSasl?: KafkaSaslCredentials;
  /** KAFKA_SASL_* for a service started by a suite, so it logs in as its own principal ({} without SASL). */
  kafkaServiceEnv(service: 'identity' | 'binding' | 'consent' | 'ingestion' | 'report' | 'audit' | 'gateway'): Record<string, string>;
  /**
   * The demo providers' (B0001, P0001) and regulator's (R0001) Kafka logins, each with its own ACLs, in the
   * file format of identity's DEMO_KAFKA_CREDENTIALS_PATH: give it to identity and demo.json carries them,
   * as under `npm start`. Undefined where Kafka has no SASL.
   */
  demoKafkaCredentialsPath?: string;
}

export function integrationStack(): IntegrationStack {
  const databaseUrl = process.env.CFC_TEST_DATABASE_URL;
  const brokers = process.env.CFC_TEST_KAFKA_BROKERS;
  if (!databaseUrl || !brokers) {
    throw new Error('no integration stack: run through jest (tools/jest/global-setup.ts starts one)');
  }
  const sasl = process.env.CFC_TEST_KAFKA_SASL ? (JSON.parse(process.env.CFC_TEST_KAFKA_SASL) as KafkaSaslCredentials) : undefined;
  const services = JSON.parse(process.env.CFC_TEST_KAFKA_SERVICES ?? '{}') as Record<string, { username: string; password: string }>;
  return {
    databaseUrl,
    kafkaBrokers: brokers.split(','),
    kind: (process.env.CFC_TEST_STACK_KIND as IntegrationStack['kind']) ?? 'embedded',
    kafkaSasl: sasl,
    demoKafkaCredentialsPath: process.env.CFC_TEST_DEMO_KAFKA_CREDENTIALS || undefined,
    kafkaServiceEnv: (service): Record<string, string> => {
      const user = services[service];
      return user ? { KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256', KAFKA_SASL_USERNAME: user.username, KAFKA_SASL_PASSWORD: user.password } : {};
    },
  };
}

/**
 * describe() for suites that need the real stack. When the requested stack cannot run here
 * (CFC_TEST_STACK=containers without a Docker engine) the suite is skipped and says why.
 */
export function describeIntegration(name: string, body: () => void): void {
  const unavailable = process.env.CFC_TEST_STACK_UNAVAILABLE;
  if (unavailable) {
    describe.skip(`${name} [skipped: ${unavailable}]`, body);
  } else {
    describe(name, body);
  }
}
