import { Logger, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { contextOutboxRelay, type DataSourceLike, typeormDatabase } from '@cfc/eventing';
import { CLOCK, INTERNAL_CLIENT, type Clock, type InternalClient } from '@cfc/platform';
import { AgreementHttpController } from './agreement/agreement.http.controller';
import { BINDING_RUNTIME, createBindingRuntime } from './binding.runtime';
import { EndBindingHttpController } from './end-binding/end-binding.http.controller';
import { ExpirySweeper } from './expiry/expiry.sweeper';
import { BindingsInternalHttpController } from './internal-api/bindings.internal.http.controller';
import { ListBindingsHttpController } from './list-bindings/list-bindings.http.controller';
import { ProviderOutboundForwarder } from './provider-forwarding/provider-outbound.forwarder';
import { ProviderRepliesConsumer } from './provider-replies/provider-replies.consumer';
import { providerRepliesProviders } from './provider-replies/provider-replies.transport';
import { RequestBindingHttpController } from './request-binding/request-binding.http.controller';

const logger = new Logger('binding');

/** Binding's use cases: the agreement, bind / list / unbind, the internal API, the providers' answers, expiry. */
@Module({
  controllers: [AgreementHttpController, RequestBindingHttpController, ListBindingsHttpController, EndBindingHttpController, BindingsInternalHttpController, ProviderRepliesConsumer],
  providers: [
    {
      provide: BINDING_RUNTIME,
      inject: [getDataSourceToken(), CLOCK, INTERNAL_CLIENT],
      useFactory: async (dataSource: DataSourceLike, clock: Clock, internal: InternalClient) => {
        const runtime = await createBindingRuntime(typeormDatabase(dataSource), clock, internal);
        logger.log({ agreements: runtime.agreements.map((a) => `${a.version}:${a.sha256.slice(0, 12)}`) }, 'binding runtime ready');
        return runtime;
      },
    },
    ...providerRepliesProviders,
    contextOutboxRelay('binding', BINDING_RUNTIME), // cfc.binding.events.v1 from the event table
    ProviderOutboundForwarder,
    ExpirySweeper,
  ],
})
export class BindingModule {}
