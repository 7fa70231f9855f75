import { Partitioners, type Admin, type Consumer, type KafkaMessage, type Producer } from 'kafkajs';
import { providerOutboundTopic, providerSimulatorGroup, signProviderMessage } from '@cfc/contracts';
import type { Clock, PlatformLogger } from '@cfc/platform';
import type { DemoProvider } from './demo-data.file';
import type { DeskContext, DeskSettings, Decision } from './domain/desk/desk.decision';
import type { Holdings } from './domain/desk/holdings';
import { handleOutbound, parseOutbound } from './domain/desk/outbound.dispatch';
import { supplyDue } from './domain/desk/supply.decision';
import { providerKafka } from './provider.kafka';
import type { StateFile } from './state.file';

export interface AgentDependencies {
  brokers: string[];
  /** Where providers write (CONTRACT.md: cfc.provider.inbound.v1; tests use their own). */
  inboundTopic: string;
  store: StateFile;
  holdings: Holdings;
  settings: DeskSettings;
  clock: Clock;
  logger: PlatformLogger;
  /** Called when a provider's consumer stops for good (kafkajs will not restart it): main exits, the launcher restarts. */
  onFatal?: (provider: string, error: Error) => void;
}

const TOPIC_POLL_MS = 1000;

/**
 * One simulated provider: reads its own outbound topic in its own group, lets the desk decide, keeps the
 * decision in the state file, then signs and sends what was decided to the inbound topic.
 */
export class ProviderAgent {
  private readonly producer: Producer;
  private readonly consumer: Consumer;
  private readonly admin: Admin;
  private readonly outboundTopic: string;
  private flushing: Promise<void> = Promise.resolve();
  private stopped = false;
  /** Connected and consuming: only then does the timer send for it. */
  private running = false;

  constructor(
    private readonly provider: DemoProvider,
    private readonly deps: AgentDependencies,
  ) {
    const kafka = providerKafka(provider, deps.brokers, deps.logger);
    // Providers never create topics (their ACLs do not allow it): the platform's services own them.
    this.producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    // As the platform's own consumers (kafkajs says 30 s, 3 s, 5 s): a restarted simulator gets its partitions back
    // within 12 s, and a stop waits at most a second for the fetch in flight.
    this.consumer = kafka.consumer({ groupId: providerSimulatorGroup(provider.institutionId), allowAutoTopicCreation: false, sessionTimeout: 12_000, heartbeatInterval: 2_000, maxWaitTimeInMs: 1_000 });
    this.admin = kafka.admin();
    this.outboundTopic = providerOutboundTopic(provider.institutionId);
  }

  get institutionId(): string {
    return this.provider.institutionId;
  }

  /** Waits for both topics, sends what a crash left unsent, then consumes from the group's offset. */
  async start(): Promise<void> {
    await this.admin.connect();
    await this.waitForTopics();
    if (this.stopped) return;
    await this.producer.connect();
    await this.flush();
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopped) return;
      this.deps.logger.error({ provider: this.institutionId, err: payload.error }, `${this.institutionId} consumer stopped for good: ${payload.error.message}`);
      this.deps.onFatal?.(this.institutionId, payload.error);
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.outboundTopic], fromBeginning: true });
    await this.consumer.run({ eachMessage: async ({ message }) => this.onMessage(message) });
    this.running = true;
    this.deps.logger.info({ provider: this.institutionId, topic: this.outboundTopic, group: providerSimulatorGroup(this.institutionId) }, `${this.institutionId} consuming its outbound topic`);
  }

  /** Sends what is due now (new months, delayed streams, retries). A failed send is tried again next tick. */
  async tick(): Promise<void> {
    if (this.stopped || !this.running) return;
    this.apply(supplyDue(this.deps.store.desk, this.context()));
    await this.flush();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.running = false;
    await this.consumer.disconnect().catch(() => undefined);
    await this.flushing.catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }

  // A throw leaves the offset uncommitted: kafkajs delivers the message again, the desk answers nothing
  // twice, and the outbox still holds what was not sent.
  private async onMessage(message: KafkaMessage): Promise<void> {
    const parsed = parseOutbound(message.value);
    if (!parsed.ok) {
      this.deps.logger.warn({ provider: this.institutionId, topic: this.outboundTopic, offset: message.offset, why: parsed.why }, `${this.institutionId} ignored a message on its outbound topic: ${parsed.why}`);
      return;
    }
    this.apply(handleOutbound(this.deps.store.desk, this.context(), parsed.message));
    this.apply(supplyDue(this.deps.store.desk, this.context()));
    await this.flush();
  }

  private apply(decision: Decision): void {
    // The provider leads each line: the launcher's condensed output shows the message alone.
    for (const note of decision.notes) this.deps.logger[note.level](note.fields, `${this.institutionId} ${note.msg}`);
    this.deps.store.commit(decision);
  }

  /** Signs and sends this provider's outbox in order, one flush at a time. */
  private flush(): Promise<void> {
    const next = this.flushing.catch(() => undefined).then(() => this.sendPending());
    this.flushing = next;
    return next;
  }

  private async sendPending(): Promise<void> {
    const pending = this.deps.store.pending(this.institutionId);
    for (let first = 0; first < pending.length; first += 50) {
      const batch = pending.slice(first, first + 50);
      await this.producer.send({
        topic: this.deps.inboundTopic,
        messages: batch.map((entry) => {
          const value = Buffer.from(entry.value, 'utf8');
          const headers = signProviderMessage({ provider: this.institutionId, keyId: this.provider.keyId, privateKeyPem: this.provider.privateKeyPem, value });
          return { key: entry.key, value, headers };
        }),
      });
      this.deps.store.markSent(new Set(batch.map((e) => e.seq)));
    }
  }

  private context(): DeskContext {
    return { provider: this.institutionId, now: this.deps.clock.now(), holdings: this.deps.holdings, settings: this.deps.settings };
  }

  private async waitForTopics(): Promise<void> {
    let said = false;
    while (!this.stopped) {
      const topics = new Set(await this.admin.listTopics());
      const missing = [this.outboundTopic, this.deps.inboundTopic].filter((t) => !topics.has(t));
      if (missing.length === 0) return;
      if (!said) this.deps.logger.info({ provider: this.institutionId, missing }, `${this.institutionId} waiting for the platform to create ${missing.join(' and ')} (binding and ingestion do)`);
      said = true;
      await new Promise((resolve) => setTimeout(resolve, TOPIC_POLL_MS));
    }
  }
}
