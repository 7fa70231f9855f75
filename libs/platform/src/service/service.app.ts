import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { loadConfig } from '../config';
import { kafkaSaslFromConfig } from '../kafka/kafka-sasl';
import { quietNestLogger } from '../logging/nest.logger';
import { createRootLogger } from '../logging/pino.logger';
import { PlatformModule } from './platform.module';
import { connectTransports } from './transports';
import type { PlatformConfig, ServiceDefinition } from './service.definition';

export interface ServiceApp {
  app: INestApplication;
  config: PlatformConfig;
  logger: Logger;
}

/** Builds (but does not listen) a service's Nest application from validated config; tests use it too. */
export async function createServiceApp(definition: ServiceDefinition, env: NodeJS.ProcessEnv = process.env, logger?: Logger): Promise<ServiceApp> {
  const config = loadConfig(definition.schema, env) as PlatformConfig;
  kafkaSaslFromConfig(config); // all three KAFKA_SASL_* or none: a ConfigError at boot, not a failed login later
  const rootLogger = logger ?? createRootLogger(definition.name, config.LOG_LEVEL);

  @Module({ imports: [PlatformModule.forRoot(definition, config, rootLogger), ...definition.imports] })
  class ServiceRootModule {}

  const app = await NestFactory.create<NestExpressApplication>(ServiceRootModule, { bufferLogs: true, abortOnError: false });
  app.disable('x-powered-by'); // no framework fingerprint in responses
  app.useLogger(quietNestLogger(app.get(NestPinoLogger)));
  app.flushLogs();
  definition.configure?.(app, config as never);
  connectTransports(app, definition.transports ?? []);
  return { app, config, logger: rootLogger };
}
