// @cfc/platform: shared plumbing only (config, logging, health, problems, database, messaging). No business rules.
export * from './kafka';
export * from './config';
export { silentLogger, type PlatformLogger } from './logging/logger.port';
export { createRootLogger, REDACTED_PATHS } from './logging/pino.logger';
export { REQUEST_ID_HEADER } from './logging/request-id';
export { currentCorrelationId, runWithCorrelation } from './logging/correlation.context';
export { ReadinessRegistry, type ReadinessCheck } from './health/readiness.registry';
export { ProblemException } from './problem/problem.exception';
export { PROBLEM_CONTENT_TYPE, ProblemFilter, type ProblemBody } from './problem/problem.filter';
export { openServiceDatabase, describeUrl } from './database/data-source.factory';
export { runMigrationsLocked } from './database/migration.runner';
export { embeddedPostgresSettings } from './database/embedded-postgres.settings';
export { MessagingLifecycle } from './messaging/messaging.lifecycle';
export { MetricsSources, type MetricsSource } from './metrics/metrics.sources';
export { MESSAGING_CLIENT, SERVICE_CONFIG, SERVICE_NAME } from './service/platform.tokens';
export type { PlatformConfig, ServiceDefinition } from './service/service.definition';
export { createServiceApp, type ServiceApp } from './service/service.app';
export { EXIT_CONFIG, runService } from './service/service.runner';
