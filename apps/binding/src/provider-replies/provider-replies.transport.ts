import { ConsumerGroups, httpProviderKeyRegistry, Topics, type ProviderKeyRegistry } from '@cfc/contracts';
import { ConsumerTransport, jsonTypeRouter } from '@cfc/eventing';
import { MESSAGING_CLIENT, SERVICE_AUTH, SERVICE_CONFIG, SERVICE_TOKEN_HEADER, type MessagingClient, type ServiceAuth } from '@cfc/platform';
import type { Provider } from '@nestjs/common';
import type { BindingConfig } from '../binding.config';
import { BINDING_RUNTIME, type BindingRuntime } from '../binding.runtime';

/** DI token (and @EventPattern transport id) of the consumer of the providers' answers. */
export const PROVIDER_REPLIES = Symbol('cfc.binding.provider-replies');
/** DI token of the provider key registry (identity's GET /internal/provider-keys, cached). */
export const PROVIDER_KEYS = Symbol('PROVIDER_KEYS');

export const providerRepliesProviders: Provider[] = [
  {
    provide: PROVIDER_KEYS,
    inject: [SERVICE_CONFIG, SERVICE_AUTH],
    useFactory: (config: BindingConfig, auth: ServiceAuth): ProviderKeyRegistry =>
      httpProviderKeyRegistry(config.IDENTITY_URL, { headers: async () => ({ [SERVICE_TOKEN_HEADER]: await auth.tokens.sign('identity') }) }),
  },
  {
    provide: PROVIDER_REPLIES,
    inject: [BINDING_RUNTIME, MESSAGING_CLIENT],
    useFactory: (runtime: BindingRuntime, client: MessagingClient) =>
      new ConsumerTransport({
        db: runtime.db,
        client,
        groupId: ConsumerGroups.bindingProviderReplies,
        topics: [Topics.providerInbound],
        deadLetterTopic: Topics.ingestionDeadLetter,
        transportId: PROVIDER_REPLIES,
        router: jsonTypeRouter(),
        // No ensureTopics: both topics are ingestion's (binding reads the one, writes the other), provisioned
        // before any service starts (PLATFORM_TOPICS); binding has no right to create them.
      }),
  },
];
