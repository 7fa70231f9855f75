import { type DynamicModule, Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { CLOCK, SystemClock } from '../clock/clock';
import { ConfigError } from '../config';
import { openServiceDatabase } from '../database/data-source.factory';
import { DatabaseReadiness } from '../database/database.readiness';
import { HealthController } from '../health/health.controller';
import { ReadinessRegistry } from '../health/readiness.registry';
import { INTERNAL_CLIENT, InternalClient, SERVICE_AUTH, ServiceAuthGuard, serviceUrlsFrom, ServiceTokens, type ServiceAuth } from '../internal-auth';
import { createKafkaClient, kafkaSaslFromConfig } from '../kafka';
import { CorrelationMiddleware } from '../logging/correlation.middleware';
import { requestIdFor } from '../logging/request-id';
import { MessagingLifecycle } from '../messaging/messaging.lifecycle';
import { ALL_ROUTES, HttpMetrics, HttpMetricsMiddleware } from '../metrics/http.metrics';
import { MetricsController } from '../metrics/metrics.controller';
import { MetricsRegistration } from '../metrics/metrics.registration';
import { MetricsSources } from '../metrics/metrics.sources';
import { ProblemFilter } from '../problem/problem.filter';
import { ProblemValidationPipe } from '../validation/problem-validation.pipe';
import { MESSAGING_CLIENT, SERVICE_CONFIG, SERVICE_NAME } from './platform.tokens';
import { TransportsStarter } from './transports';
import type { PlatformConfig, ServiceDefinition } from './service.definition';

const quietPaths = /^\/(healthz|readyz|metrics)(\?|$)/;

/** Everything a service gets for free: config, logs with request ids, health, problems, database, Kafka. */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware, HttpMetricsMiddleware).forRoutes(ALL_ROUTES);
  }

  static forRoot(definition: ServiceDefinition, config: PlatformConfig, rootLogger: Logger): DynamicModule {
    const logLevel = (status: number, err?: Error) => (err || status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info');
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger: rootLogger,
            genReqId: requestIdFor,
            customLogLevel: (_req, res, err) => logLevel(res.statusCode, err),
            autoLogging: { ignore: (req) => quietPaths.test(req.url ?? '') },
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ type: 'postgres', autoLoadEntities: true, entities: definition.entities ?? [], toRetry: () => false }),
          dataSourceFactory: async (options) =>
            openServiceDatabase({
              service: definition.name,
              url: config.DATABASE_URL,
              poolMax: config.DATABASE_POOL_MAX,
              entities: options?.entities ?? [],
              migrations: definition.migrations,
              logger: rootLogger.child({ context: 'Database' }),
            }),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_NAME, useValue: definition.name },
        {
          provide: MESSAGING_CLIENT,
          useValue: createKafkaClient({
            brokers: config.KAFKA_BROKERS,
            clientId: config.KAFKA_CLIENT_ID ?? `cfc-${definition.name}`,
            groupSuffix: config.KAFKA_GROUP_SUFFIX,
            sasl: kafkaSaslFromConfig(config),
            logger: rootLogger.child({ context: 'kafka' }),
          }),
        },
        ReadinessRegistry,
        DatabaseReadiness,
        MessagingLifecycle,
        MetricsSources,
        HttpMetrics,
        MetricsRegistration,
        TransportsStarter,
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: CLOCK, useValue: new SystemClock(config.CFC_CLOCK_OFFSET_FILE) },
        { provide: SERVICE_AUTH, useFactory: () => serviceAuth(definition, config) },
        { provide: INTERNAL_CLIENT, inject: [SERVICE_AUTH], useFactory: (auth: ServiceAuth) => new InternalClient(auth.tokens, serviceUrlsFrom(config)) },
        { provide: APP_GUARD, useClass: ServiceAuthGuard },
        { provide: APP_PIPE, useClass: ProblemValidationPipe },
      ],
      exports: [CLOCK, SERVICE_CONFIG, SERVICE_NAME, MESSAGING_CLIENT, SERVICE_AUTH, INTERNAL_CLIENT, ReadinessRegistry, MessagingLifecycle, MetricsSources, TransportsStarter],
    };
  }
}

function serviceAuth(definition: ServiceDefinition, config: PlatformConfig): ServiceAuth {
  try {
    return { tokens: new ServiceTokens(config.INTERNAL_AUTH_SECRET, definition.name), enforce: !definition.publicEdge };
  } catch (error) {
    throw new ConfigError([(error as Error).message]);
  }
}
