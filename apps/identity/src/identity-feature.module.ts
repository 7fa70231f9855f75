import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Logger } from '@nestjs/common';
import { typeormDatabase, type DataSourceLike } from '@cfc/eventing';
import { SERVICE_CONFIG } from '@cfc/platform';
import type { IdentityConfig } from './identity.config';
import { createIdentityRuntime, IDENTITY_RUNTIME } from './identity.runtime';
import { IdentityOutboxRelay } from './identity-outbox.relay';
import { LoginHttpController } from './login/login.http.controller';
import { TokenHttpController } from './oauth/token.http.controller';
import { InternalHttpController } from './tokens/internal.http.controller';
import { ProviderKeysHttpController } from './institutions/provider-keys.http.controller';
import { InstitutionDirectoryHttpController } from './institutions/institution-directory.http.controller';
import { ConsentNoticesConsumer } from './notices/consent-notices.consumer';
import { SubjectsInternalHttpController } from './subjects/subjects.internal.http.controller';

const logger = new Logger('identity');

/** Identity's use cases and HTTP endpoints: login, OAuth2 tokens, logout, JWKS, provider keys, subjects; notices to enterprises. */
@Module({
  controllers: [LoginHttpController, TokenHttpController, InternalHttpController, ProviderKeysHttpController, InstitutionDirectoryHttpController, SubjectsInternalHttpController],
  providers: [
    IdentityOutboxRelay,
    ConsentNoticesConsumer,
    {
      provide: IDENTITY_RUNTIME,
      inject: [getDataSourceToken(), SERVICE_CONFIG],
      useFactory: (dataSource: DataSourceLike, config: IdentityConfig) =>
        createIdentityRuntime(typeormDatabase(dataSource), config, {
          debug: (o, m) => logger.debug(o, m),
          info: (o, m) => logger.log(o, m),
          warn: (o, m) => logger.warn(o, m),
          error: (o, m) => logger.error(o, m),
        }),
    },
  ],
})
export class IdentityFeatureModule {}
