import { Inject, Injectable, type OnApplicationShutdown, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import type { MessageConsumer, MessageProducer, MessagingAdmin, MessagingClient } from '../kafka';
import { ReadinessRegistry } from '../health/readiness.registry';
import { MESSAGING_CLIENT } from '../service/platform.tokens';

/**
 * Owns the service's Kafka connections: connects explicitly at boot (a clear error, not a hang),
 * feeds /readyz, and on shutdown stops consumers first (in-flight handlers finish) and producers last.
 */
@Injectable()
export class MessagingLifecycle implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  private readonly admin: MessagingAdmin;
  private readonly consumers: MessageConsumer[] = [];
  private readonly producers: MessageProducer[] = [];

  constructor(
    @Inject(MESSAGING_CLIENT) client: MessagingClient,
    private readonly readiness: ReadinessRegistry,
    private readonly logger: PinoLogger,
  ) {
    this.admin = client.admin();
    logger.setContext('Messaging');
  }

  async onModuleInit(): Promise<void> {
    await this.admin.connect();
    this.readiness.register({ name: 'kafka', check: () => this.admin.ping() });
  }

  /** Consumers registered here are stopped before the database closes. */
  manageConsumer(consumer: MessageConsumer): void {
    this.consumers.push(consumer);
  }

  /** Producers registered here are disconnected after consumers and HTTP have stopped. */
  manageProducer(producer: MessageProducer): void {
    this.producers.push(producer);
  }

  async onModuleDestroy(): Promise<void> {
    this.readiness.markStopping();
    await Promise.all(this.consumers.map((c) => c.stop().then(() => c.disconnect()).catch((err) => this.logger.warn({ err }, 'consumer stop failed'))));
    if (this.consumers.length > 0) this.logger.info({ consumers: this.consumers.length }, 'consumers stopped');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.producers.map((p) => p.disconnect().catch((err) => this.logger.warn({ err }, 'producer disconnect failed'))));
    await this.admin.disconnect().catch(() => undefined);
  }
}
