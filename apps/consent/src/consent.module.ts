import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { contextOutboxRelay, type DataSourceLike, typeormDatabase } from '@cfc/eventing';
import { CLOCK, INTERNAL_CLIENT, MetricsSources, type Clock, type InternalClient } from '@cfc/platform';
import { CheckAuthorizationHttpController } from './check-authorization/check-authorization.http.controller';
import { CONSENT_RUNTIME, createConsentRuntime } from './consent.runtime';
import { EnterpriseAuthorizationsHttpController } from './enterprise-authorizations/enterprise-authorizations.http.controller';
import { ExpirySweep } from './expiry/expiry.sweep';
import { LenderAuthorizationsHttpController } from './lender-authorizations/lender-authorizations.http.controller';
import { PurposesHttpController } from './purposes/purposes.http.controller';
import { AuthorizationListRunner } from './read-model/authorization-list.runner';
import { RequestAuthorizationHttpController } from './request-authorization/request-authorization.http.controller';

/** Consent: authorisation requests and their lifecycle, the purpose catalogue, the enforcement check. */
@Module({
  // Purposes before the lender's /:id routes: Express matches in registration order.
  controllers: [PurposesHttpController, RequestAuthorizationHttpController, LenderAuthorizationsHttpController, EnterpriseAuthorizationsHttpController, CheckAuthorizationHttpController],
  providers: [
    {
      provide: CONSENT_RUNTIME,
      inject: [getDataSourceToken(), INTERNAL_CLIENT, CLOCK, MetricsSources],
      useFactory: (dataSource: DataSourceLike, internal: InternalClient, clock: Clock, metrics: MetricsSources) => createConsentRuntime(typeormDatabase(dataSource), internal, clock, metrics),
    },
    contextOutboxRelay('consent', CONSENT_RUNTIME), // cfc.consent.events.v1 from the event table
    AuthorizationListRunner,
    ExpirySweep,
  ],
})
export class ConsentModule {}
