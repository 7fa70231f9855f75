import type { Consumer, Kafka, Producer } from 'kafkajs';
import { contextEventsTopic, providerOutboundTopic, signProviderMessage, Topics } from '@cfc/contracts';
import { testKafka } from './test-kafka';
import { uniqueName } from './unique-name';

/** One message the tap saw: topic, key, parsed value, headers as text. */
export interface Seen {
  topic: string;
  key: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- values are checked field by field
  value: any;
  raw: string;
  headers: Record<string, string>;
}

export interface SigningProvider {
  institutionId: string;
  keyId: string;
  privateKeyPem: string;
}

/**
 * The providers' side, played by a plain kafkajs client (as a bank's system would): reads their outbound
 * topics, the dead-letter topic and binding's events topic from the start (one group, one join), and
 * writes signed answers to cfc.provider.inbound.v1. Topics are shared by every suite on the broker, so
 * tests look for their own binding ids. It logs in as the run's super user: it plays several providers
 * and reads binding's events too; a provider's own rights are proven by the broker's conformance suites.
 */
export class ProviderTap {
  readonly seen: Seen[] = [];
  private readonly kafka: Kafka;
  private consumer?: Consumer;
  private producer?: Producer;

  constructor(private readonly providers: readonly string[]) {
    this.kafka = testKafka('test-provider');
  }

  async start(): Promise<void> {
    this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await this.producer.connect();
    const admin = this.kafka.admin();
    await admin.connect();
    const topics = [...this.providers.map(providerOutboundTopic), Topics.ingestionDeadLetter, contextEventsTopic('binding')];
    // The outbound topics may not exist yet (binding creates one on its first message); the others are provisioned.
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 3 })) }).catch(() => undefined);
    await admin.disconnect();
    this.consumer = this.kafka.consumer({ groupId: uniqueName('test-provider'), allowAutoTopicCreation: false });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        const raw = message.value?.toString('utf8') ?? '';
        let value: unknown;
        try {
          value = JSON.parse(raw);
        } catch {
          value = raw;
        }
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]));
        this.seen.push({ topic, key: message.key?.toString() ?? null, value, raw, headers });
      },
    });
  }

  /** Waits for a message matching `test`; fails after the timeout naming `what`. */
  async waitFor(what: string, test: (m: Seen) => boolean, timeoutMs = 30_000): Promise<Seen> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.seen.find(test);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Sends `value` to the inbound topic exactly as these bytes, signed by `signer` (or not signed at all). */
  async answer(value: object | string, signer: SigningProvider | 'unsigned', headers: Record<string, string> = {}): Promise<string> {
    const bytes = Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
    const signature = signer === 'unsigned' ? {} : signProviderMessage({ provider: signer.institutionId, keyId: signer.keyId, privateKeyPem: signer.privateKeyPem, value: bytes });
    await this.producer!.send({ topic: Topics.providerInbound, messages: [{ key: null, value: bytes, headers: { ...signature, ...headers } }] });
    return bytes.toString('utf8');
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }
}
