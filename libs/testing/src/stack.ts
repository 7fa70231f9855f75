/** The real PostgreSQL and Kafka that the jest global setup started (or found) for this run. */
export interface IntegrationStack {
  /** Connection string of the maintenance database; suites create their own with createTestDatabase. */
  databaseUrl: string;
  kafkaBrokers: string[];
  kind: 'embedded' | 'containers' | 'external';
}

export function integrationStack(): IntegrationStack {
  const databaseUrl = process.env.CFC_TEST_DATABASE_URL;
  const brokers = process.env.CFC_TEST_KAFKA_BROKERS;
  if (!databaseUrl || !brokers) {
    throw new Error('no integration stack: run through jest (tools/jest/global-setup.ts starts one)');
  }
  return {
    databaseUrl,
    kafkaBrokers: brokers.split(','),
    kind: (process.env.CFC_TEST_STACK_KIND as IntegrationStack['kind']) ?? 'embedded',
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
