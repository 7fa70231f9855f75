import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConsumerGroups, contextEventsTopic, deadLetterTopic, platformTopic } from '@cfc/contracts';
import { EventForwarder } from '@cfc/eventing';
import { MESSAGING_CLIENT, nestPlatformLogger, type MessagingClient } from '@cfc/platform';
import { BINDING_RUNTIME } from '../binding.runtime';
import { providerOutboundMessages } from './provider-outbound.mapping';

/**
 * Tells providers of binding requests and ends: cfc.binding.events.v1 -> cfc.provider.<id>.outbound.v1
 * (group cfc.binding.provider-forwarder), after the relay published the committed events. At least once;
 * providers dedupe by bindingId (or the cfc-event-id header).
 */
@Injectable()
export class ProviderOutboundForwarder implements OnApplicationBootstrap, OnModuleDestroy {
  private forwarder?: EventForwarder;
  private readonly log = nestPlatformLogger('ProviderOutboundForwarder');

  constructor(
    @Inject(MESSAGING_CLIENT) private readonly messaging: MessagingClient,
    // Depends on the runtime so migrations ran first (and the relay's topic is ensured below).
    @Inject(BINDING_RUNTIME) _runtime: unknown,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const events = contextEventsTopic('binding');
    const dead = deadLetterTopic('binding');
    const admin = this.messaging.admin();
    await admin.connect();
    await admin.ensureTopics([platformTopic(events), platformTopic(dead)]);
    await admin.disconnect();
    this.forwarder = new EventForwarder({
      client: this.messaging,
      groupId: ConsumerGroups.bindingProviderForwarder,
      topics: [events],
      deadLetterTopic: dead,
      map: providerOutboundMessages,
      createTopic: (topic) => ({ topic, partitions: 3 }),
      logger: this.log,
    });
    await this.forwarder.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.forwarder?.stop();
  }
}
