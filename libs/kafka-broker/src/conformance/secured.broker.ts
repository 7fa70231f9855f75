import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Admin, type SASLOptions } from 'kafkajs';
import { KAFKA_ADMIN_USER, kafkaAclRules, providerOutboundTopic, Topics } from '@cfc/contracts';
import { buildAuthFile, writeAuthFile } from '../auth/auth-file.writer';
import type { Principal } from '../auth/acl.types';
import { startTempBroker } from '../testing/temp-broker';

/** The contract's Kafka topics, and what a provider or regulator may find in them. */
export const TOPICS = {
  inbound: Topics.providerInbound,
  outboundB0001: providerOutboundTopic('B0001'),
  outboundB0002: providerOutboundTopic('B0002'),
  audit: Topics.audit,
  checkpoints: Topics.auditCheckpoints,
  deadLetter: Topics.ingestionDeadLetter,
} as const;

/** Each seeded topic holds one message whose value names the topic: a client that reads it shows it. */
export const seededValue = (topic: string) => `seed of ${topic}`;

export interface SecuredBroker {
  readonly address: string;
  /** Fresh random passwords per run, for B0001, B0002, R0001 and the admin super user. */
  password(user: string): string;
  sasl(user: string, mechanism?: 'scram-sha-256' | 'plain'): SASLOptions;
  /** A kafkajs admin as the super user, connected. */
  readonly admin: Admin;
  highWatermark(topic: string): Promise<number>;
  logs(): string[];
  stop(): Promise<void>;
}

/**
 * A broker with SASL and the platform's real ACL table (kafkaAclRules of @cfc/contracts) for two
 * providers and a regulator, with the contract's topics created and seeded.
 */
export async function startSecuredBroker(): Promise<SecuredBroker> {
  const dir = mkdtempSync(join(tmpdir(), 'kb-secured-'));
  const users = [KAFKA_ADMIN_USER, 'B0001', 'B0002', 'R0001'];
  const passwords = new Map(users.map((u) => [u, `${u}-${randomBytes(12).toString('base64url')}`]));
  const file = join(dir, 'kafka-auth.json');
  const acls = kafkaAclRules({ services: [], providers: ['B0001', 'B0002'], regulators: ['R0001'] });
  writeAuthFile(file, await buildAuthFile({ users: users.map((name) => ({ name, password: passwords.get(name)! })), superUsers: [`User:${KAFKA_ADMIN_USER}` as Principal], acls }));
  const lines: string[] = [];
  const broker = await startTempBroker({ dataDir: join(dir, 'data'), auth: { file, failedLoginDelayMs: 10, maxFailedLogins: 1000 }, log: (level, msg, fields) => lines.push(JSON.stringify({ level, msg, ...fields })) });
  const password = (user: string) => {
    const p = passwords.get(user);
    if (!p) throw new Error(`no such user ${user}`);
    return p;
  };
  const sasl = (user: string, mechanism: 'scram-sha-256' | 'plain' = 'scram-sha-256'): SASLOptions => ({ mechanism, username: user, password: password(user) }) as SASLOptions;
  const kafka = new Kafka({ clientId: 'secured-admin', brokers: [broker.address], sasl: sasl(KAFKA_ADMIN_USER), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: Object.values(TOPICS).map((topic) => ({ topic, numPartitions: topic === TOPICS.inbound ? 2 : 1 })), waitForLeaders: true });
  const producer = kafka.producer();
  await producer.connect();
  for (const topic of [TOPICS.outboundB0001, TOPICS.outboundB0002, TOPICS.audit, TOPICS.checkpoints, TOPICS.deadLetter]) {
    await producer.send({ topic, messages: [{ key: 'seed', value: seededValue(topic) }] });
  }
  await producer.disconnect();
  return {
    address: broker.address,
    password,
    sasl,
    admin,
    highWatermark: async (topic) => (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0),
    logs: () => lines,
    stop: async () => {
      await admin.disconnect();
      await broker.remove();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
