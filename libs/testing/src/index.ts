export { integrationStack, describeIntegration, type IntegrationStack, type KafkaSaslCredentials } from './stack';
export { createTestDatabase, type TestDatabase } from './test-database';
export { uniqueName } from './unique-name';
export { freePort, freePortRange } from './free-port';
export { serviceAuthHeaders, TEST_INTERNAL_AUTH_SECRET } from './service-auth';
export { kafkaSuperUserEnv, testKafka, testKafkaConfig } from './test-kafka';
export { ProviderTap, type Seen, type SigningProvider } from './provider-tap';
