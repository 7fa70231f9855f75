import { Logger, Module } from '@nestjs/common';
import { CLOCK, INTERNAL_CLIENT, SERVICE_AUTH, SERVICE_CONFIG, type Clock, type InternalClient, type ServiceAuth } from '@cfc/platform';
import { IngestionBackground } from './ingestion.background';
import type { IngestionConfig } from './ingestion.config';
import { createIngestionRuntime, INGESTION_RUNTIME } from './ingestion.runtime';
import { ObjectionsHttpController } from './objections/objections.http.controller';
import { ProvidersHttpController } from './regulator/providers.http.controller';

const logger = new Logger('ingestion');

/** Ingestion's use cases: provider statistics in, objections with providers, the regulator's views. */
@Module({
  controllers: [ObjectionsHttpController, ProvidersHttpController],
  providers: [
    {
      provide: INGESTION_RUNTIME,
      inject: [SERVICE_CONFIG, CLOCK, INTERNAL_CLIENT, SERVICE_AUTH],
      useFactory: (config: IngestionConfig, clock: Clock, internal: InternalClient, auth: ServiceAuth) =>
        createIngestionRuntime(config, clock, internal, auth, {
          debug: (o, m) => logger.debug(o, m),
          info: (o, m) => logger.log(o, m),
          warn: (o, m) => logger.warn(o, m),
          error: (o, m) => logger.error(o, m),
        }),
    },
    IngestionBackground,
  ],
})
export class IngestionModule {}
