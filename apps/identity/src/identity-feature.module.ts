import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Logger } from '@nestjs/common';
import { contextOutboxRelay, type DataSourceLike, typeormDatabase } from '@cfc/eventing';
import { CLOCK, INTERNAL_CLIENT, SERVICE_CONFIG, type Clock, type InternalClient } from '@cfc/platform';
import type { IdentityConfig } from './identity.config';
import { createIdentityRuntime, IDENTITY_RUNTIME } from './identity.runtime';
import { LoginHttpController } from './login/login.http.controller';
import { TokenHttpController } from './oauth/token.http.controller';
import { InternalHttpController } from './tokens/internal.http.controller';
import { ProviderKeysHttpController } from './institutions/provider-keys.http.controller';
import { InstitutionDirectoryHttpController } from './institutions/institution-directory.http.controller';
import { ConsentNoticesConsumer } from './notices/consent-notices.consumer';
import { SubjectsInternalHttpController } from './subjects/subjects.internal.http.controller';
import { DeclarationsHttpController } from './declarations/declarations.http.controller';
import { GuideHttpController } from './guide/guide.http.controller';
import { MessagesHttpController } from './messages/messages.http.controller';
import { OperatorMessagesHttpController } from './messages/operator-messages.http.controller';

const logger = new Logger('identity');

/** Identity's use cases and HTTP endpoints: login, OAuth2 tokens, logout, JWKS, provider keys, subjects; notices to enterprises; the subject services (messages, declarations, guide). */
@Module({
  controllers: [
    LoginHttpController, TokenHttpController, InternalHttpController, ProviderKeysHttpController, InstitutionDirectoryHttpController, SubjectsInternalHttpController,
    MessagesHttpController, OperatorMessagesHttpController, DeclarationsHttpController, GuideHttpController,
  ],
  providers: [
    contextOutboxRelay('identity', IDENTITY_RUNTIME), // cfc.identity.events.v1 from the event table
    ConsentNoticesConsumer,
    {
      provide: IDENTITY_RUNTIME,
      inject: [getDataSourceToken(), SERVICE_CONFIG, INTERNAL_CLIENT, CLOCK],
      useFactory: (dataSource: DataSourceLike, config: IdentityConfig, internal: InternalClient, clock: Clock) =>
        createIdentityRuntime(
          typeormDatabase(dataSource),
          config,
          {
            debug: (o, m) => logger.debug(o, m),
            info: (o, m) => logger.log(o, m),
            warn: (o, m) => logger.warn(o, m),
            error: (o, m) => logger.error(o, m),
          },
          { internal, subjectServicesNow: () => clock.now() },
        ),
    },
  ],
})
export class IdentityFeatureModule {}
