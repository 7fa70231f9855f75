import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { loadConfig } from '../config';
import { kafkaSaslFromConfig } from '../kafka/kafka-sasl';
import { refuseDeepJson } from '../http/json-depth';
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

/** Largest request body a service accepts unless its definition says otherwise (413 beyond). */
export const DEFAULT_MAX_BODY_BYTES = 100 * 1024;

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
  // After configure, so middleware a service puts ahead of body parsing (the gateway's front door) runs first.
  const limit = definition.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  app.useBodyParser('json', { limit, verify: refuseDeepJson });
  app.useBodyParser('urlencoded', { limit, extended: false });
  return { app, config, logger: rootLogger };
}
