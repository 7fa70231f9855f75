import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { consentEventContracts, ContractRegistry, contextEventsTopic, deadLetterTopic, platformTopic, type AuthorizationRequestedData, type EventEnvelope } from '@cfc/contracts';
import { ConsumerRunner, envelopeDecoder, typeormDatabase, type DataSourceLike } from '@cfc/eventing';
import { CLOCK, MESSAGING_CLIENT, nestPlatformLogger, SERVICE_CONFIG, type Clock, type MessagingClient } from '@cfc/platform';
import { authorizationRequestNotice, stillAnswerable } from '../domain/notices/authorization-request.notice';
import type { IdentityConfig } from '../identity.config';
import { IDENTITY_RUNTIME, type IdentityRuntime } from '../identity.runtime';

/**
 * Tells the enterprise's registered mobile when a lender asks for authorisation (consent's
 * authorization.requested). Identity owns the mobiles and the SMS port; once per event id (inbox).
 * A crash between the send and the inbox commit sends the notice again: at least once, never lost.
 */
@Injectable()
export class ConsentNoticesConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private runner?: ConsumerRunner<EventEnvelope>;
  private readonly logger = new Logger('ConsentNoticesConsumer');
  private readonly log = nestPlatformLogger('ConsentNoticesConsumer');

  constructor(
    @Inject(MESSAGING_CLIENT) private readonly messaging: MessagingClient,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
    @Inject(IDENTITY_RUNTIME) private readonly runtime: IdentityRuntime,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSourceLike,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topic = contextEventsTopic('consent');
    const deadLetters = deadLetterTopic('identity');
    const admin = this.messaging.admin();
    await admin.connect();
    // Only its own dead-letter topic: consent's topic is consent's to create, and is provisioned before
    // any service starts (PLATFORM_TOPICS), so identity needs neither CREATE on it nor consent up first.
    await admin.ensureTopics([platformTopic(deadLetters)]);
    await admin.disconnect();
    this.runner = new ConsumerRunner<EventEnvelope>({
      db: typeormDatabase(this.dataSource),
      client: this.messaging,
      groupId: this.config.IDENTITY_CONSENT_NOTICES_GROUP,
      topics: [topic],
      deadLetterTopic: deadLetters,
      decode: envelopeDecoder(new ContractRegistry(consentEventContracts)),
      handle: (event) => this.notify(event),
      logger: this.log,
    });
    await this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner?.stop();
  }

  private async notify(event: EventEnvelope): Promise<void> {
    if (event.type !== 'authorization.requested') return;
    const request = event.data as AuthorizationRequestedData;
    const now = this.clock.now();
    if (!stillAnswerable(request, now)) return; // a late or replayed request: the enterprise can no longer answer
    const to = await this.runtime.registry.mobileOf(request.subject);
    if (!to) {
      this.logger.warn({ authorizationId: request.authorizationId }, 'no registered mobile for the subject of an authorisation request; no notice sent');
      return;
    }
    const text = authorizationRequestNotice(request);
    await this.runtime.sms.sendNotice({ to, text, at: now.toISOString(), noticeId: event.eventId, kind: 'AUTHORIZATION_REQUESTED', ref: request.authorizationId });
  }
}
