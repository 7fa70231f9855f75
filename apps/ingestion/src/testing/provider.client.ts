import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { contextEventsTopic, providerOutboundTopic, signProviderMessage, Topics } from '@cfc/contracts';
import { integrationStack, uniqueName } from '@cfc/testing';

/** One message the client saw: topic, key, parsed value (or the text), raw text, headers as text. */
export interface Seen {
  topic: string;
  key: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- values are checked field by field
  value: any;
  raw: Buffer;
  headers: Record<string, string>;
}

export interface SigningKey {
  institutionId: string;
  keyId: string;
  privateKeyPem: string;
}

/**
 * The providers' side played by a plain kafkajs client, as a bank's system would (logged in as the run's
 * super user: the test broker knows no provider logins): it writes signed messages to the inbound topic and
 * reads the providers' outbound topics, the dead-letter topic and ingestion's events from the start. Topics are
 * shared with other suites on the broker, so tests look for their own ids and bytes.
 */
export class ProviderClient {
  readonly seen: Seen[] = [];
  private readonly kafka: Kafka;
  private consumer?: Consumer;
  private producer?: Producer;

  constructor(brokers: string[], private readonly providers: readonly string[]) {
    this.kafka = new Kafka({ clientId: 'test-provider', brokers, sasl: integrationStack().kafkaSasl, logLevel: logLevel.NOTHING });
  }

  async start(): Promise<void> {
    this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await this.producer.connect();
    const topics = [...this.providers.map(providerOutboundTopic), Topics.ingestionDeadLetter, contextEventsTopic('ingestion')];
    this.consumer = this.kafka.consumer({ groupId: uniqueName('test-provider'), allowAutoTopicCreation: false, maxBytesPerPartition: 8 << 20 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        const raw = message.value ?? Buffer.alloc(0);
        let value: unknown;
        try {
          value = JSON.parse(raw.toString('utf8'));
        } catch {
          value = raw.toString('utf8');
        }
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]));
        this.seen.push({ topic, key: message.key?.toString() ?? null, value, raw, headers });
      },
    });
  }

  /** Waits for a message matching `test`; fails after the timeout naming `what`. */
  async waitFor(what: string, test: (m: Seen) => boolean, timeoutMs = 60_000): Promise<Seen> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.seen.find(test);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Sends these exact bytes to the inbound topic, signed by `key` (or unsigned); returns the bytes. */
  async send(value: object | string | Buffer, key: SigningKey | 'unsigned', options: { headers?: Record<string, string>; kafkaKey?: string } = {}): Promise<Buffer> {
    const bytes = Buffer.isBuffer(value) ? value : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
    const signature = key === 'unsigned' ? {} : signProviderMessage({ provider: key.institutionId, keyId: key.keyId, privateKeyPem: key.privateKeyPem, value: bytes });
    await this.producer!.send({ topic: Topics.providerInbound, messages: [{ key: options.kafkaKey ?? null, value: bytes, headers: { ...signature, ...options.headers } }] });
    return bytes;
  }

  /** Several signed messages in one produce request, in order on one partition (one key). */
  async sendAll(values: object[], key: SigningKey, kafkaKey: string): Promise<void> {
    const messages = values.map((v) => {
      const bytes = Buffer.from(JSON.stringify(v));
      return { key: kafkaKey, value: bytes, headers: signProviderMessage({ provider: key.institutionId, keyId: key.keyId, privateKeyPem: key.privateKeyPem, value: bytes }) };
    });
    await this.producer!.send({ topic: Topics.providerInbound, messages });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }
}
