import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { staticProviderKeyRegistry, usccCheckCharacter, verifyProviderMessage, type ProviderKey } from '@cfc/contracts';
import type { PlatformLogger } from '@cfc/platform';
import { integrationStack, testKafka as runKafka } from '@cfc/testing';
import type { KafkaCredentials } from '../demo-data.file';
import { profileOf, type ProfileName } from '../domain/statistics/enterprise.profiles';

// Tests play the platform: they write the demo data set, create the topics, publish on the providers'
// outbound topics and read what the providers sign and send, with nothing but kafkajs.

/**
 * The run's super user as a demo.json login: the suites' made-up providers (uniqueProviderId) and topics
 * have no principal or ACLs on the test broker. The simulator still logs in with what demo.json gives it.
 */
export function superUserLogin(): KafkaCredentials | undefined {
  const sasl = integrationStack().kafkaSasl;
  return sasl && { mechanism: 'SCRAM-SHA-256', username: sasl.username, password: sasl.password };
}

/** A demo provider's own login on the test broker (B0001, P0001): its principal, with a provider's ACLs only. */
export function demoProviderLogin(institutionId: string): KafkaCredentials | undefined {
  const path = integrationStack().demoKafkaCredentialsPath;
  if (!path) return undefined;
  return (JSON.parse(readFileSync(path, 'utf8')) as { providers: Record<string, KafkaCredentials> }).providers[institutionId];
}

export interface TestEnterprise {
  uscc: string;
  accounts: Array<{ provider: string; number: string; type: 'BASIC' | 'GENERAL' | 'PAYMENT' }>;
}

/** Provider ids no other suite uses (the outbound topic is named after the provider). */
export function uniqueProviderId(letter: string): string {
  return `${letter}${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** A valid USCC whose enterprise has the given profile, different for each `nth`. */
export function enterpriseWithProfile(profile: ProfileName, nth = 0): string {
  let seen = 0;
  for (let i = 1; ; i++) {
    const first17 = `9144030${String(i).padStart(10, '0')}`;
    const uscc = first17 + usccCheckCharacter(first17);
    if (profileOf(uscc).name === profile && seen++ === nth) return uscc;
  }
}

/**
 * Writes a demo data set with fresh provider keys and, when `login` gives one, each provider's Kafka
 * login; returns its path and the providers' public keys.
 */
export function writeDemoData(
  dir: string,
  input: { brokers: string[]; providers: string[]; enterprises: TestEnterprise[]; login?: (institutionId: string) => KafkaCredentials | undefined },
): { path: string; keys: ProviderKey[] } {
  const providers = input.providers.map((institutionId) => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const kafka = input.login?.(institutionId);
    return {
      institutionId,
      keyId: `${institutionId.toLowerCase()}-k1`,
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      ...(kafka ? { kafka } : {}),
    };
  });
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'demo.json');
  const enterprises = input.enterprises.map((e) => ({ ...e, name: '测试有限公司', legalRepName: '张三', legalRepIdNumber: 'not-used', mobile: '13800000000' }));
  writeFileSync(path, JSON.stringify({ gateway: 'http://127.0.0.1:8080', kafka: input.brokers, enterprises, providers, lenders: [], regulators: [] }));
  return { path, keys: providers.map((p) => ({ institutionId: p.institutionId, keyId: p.keyId, publicKeyPem: p.publicKeyPem, status: 'ACTIVE' as const })) };
}

export interface ReceivedMessage {
  offset: number;
  key: string | null;
  value: Buffer;
  headers: Record<string, string>;
  json: Record<string, unknown>;
}

/** Reads a topic from the beginning into memory, as the platform's services would. */
export class TopicReader {
  readonly messages: ReceivedMessage[] = [];
  private constructor(private readonly consumer: Consumer) {}

  static async start(kafka: Kafka, topic: string, groupId: string): Promise<TopicReader> {
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    const reader = new TopicReader(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        reader.messages.push({ offset: Number(message.offset), key: message.key?.toString() ?? null, value: message.value!, headers, json: jsonOrNothing(message.value!) });
      },
    });
    return reader;
  }

  /** Messages whose JSON matches every given field. */
  where(fields: Record<string, unknown>): ReceivedMessage[] {
    return this.messages.filter((m) => Object.entries(fields).every(([k, v]) => m.json[k] === v));
  }

  /** Resolves with the matching messages once there are at least `count`; fails after the timeout. */
  async waitFor(fields: Record<string, unknown>, count = 1, timeoutMs = 30_000): Promise<ReceivedMessage[]> {
    await eventually(() => this.where(fields).length >= count, timeoutMs, `${count} message(s) like ${JSON.stringify(fields)}`);
    return this.where(fields);
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}

// A shared topic may carry anything (other suites' bad input included): such a message matches no fields.
function jsonOrNothing(value: Buffer): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(value.toString());
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Polls a condition until it holds: waiting for a positive sign, never for a fixed time. */
export async function eventually(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Publishes platform messages on a provider's outbound topic, keyed by binding (as binding would). */
export async function publish(producer: Producer, topic: string, ...messages: Array<object | string>): Promise<void> {
  const keyOf = (m: { bindingId?: string; submissionId?: string }) => m.bindingId ?? m.submissionId ?? null;
  await producer.send({ topic, messages: messages.map((m) => (typeof m === 'string' ? { key: null, value: m } : { key: keyOf(m), value: JSON.stringify(m) })) });
}

/** True when the message verifies with the provider's registered public key over its exact bytes. */
export async function verifies(message: ReceivedMessage, keys: ProviderKey[]): Promise<boolean> {
  return (await verifyProviderMessage(message.headers, message.value, staticProviderKeyRegistry(keys))).ok;
}

/** The platform's side: a kafkajs client on the run's broker as its super user. */
export function testKafka(clientId: string): Kafka {
  return runKafka(clientId);
}

/** A logger that keeps its lines, so a test can wait for one. */
export function recordingLogger(): PlatformLogger & { lines: Array<{ level: string; msg: string; fields: object }> } {
  const lines: Array<{ level: string; msg: string; fields: object }> = [];
  const at = (level: string) => (fields: object, msg?: string) => void lines.push({ level, msg: msg ?? '', fields });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
