import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { eventually, REPO_ROOT, sleep, type KafkaLogin, type Stack } from './stack';

// Kafka as the outside parties use it: a provider (its own SASL login, writes the inbound topic, reads its
// own outbound topic) and a regulator (reads the audit and dead-letter topics). Signatures come from the
// provider tools the project ships (`npm run provider -- sign`), as a bank following the README would make them.

const PROVIDER_CLI = join(REPO_ROOT, 'tools', 'provider-simulator', 'provider.js');
const run = promisify(execFile);

export interface Received {
  key: string | null;
  value: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the contract's JSON shapes
  json: Record<string, any>;
  headers: Record<string, string>;
}

function kafkaAs(stack: Stack, login: KafkaLogin): Kafka {
  return new Kafka({
    clientId: `e2e-${login.username}`,
    brokers: [stack.brokers],
    sasl: { mechanism: login.mechanism.toLowerCase() as 'scram-sha-256', username: login.username, password: login.password },
    logLevel: logLevel.NOTHING,
    retry: { retries: 8 },
  });
}

/** Reads a topic from its beginning in a group of its own, keeping every message. */
class TopicReader {
  readonly seen: Received[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
    private readonly groupId: string,
  ) {}

  /** A topic the reader may not create is made by the platform on first use: subscribe once it exists. */
  async start(): Promise<void> {
    await eventually(`${this.topic} to exist`, async () => {
      const consumer = this.kafka.consumer({ groupId: this.groupId, maxWaitTimeInMs: 200 });
      try {
        await consumer.connect();
        await consumer.subscribe({ topic: this.topic, fromBeginning: true });
        this.consumer = consumer;
        return true;
      } catch (error) {
        await consumer.disconnect().catch(() => undefined);
        if (!/authoriz|does not host|UNKNOWN_TOPIC/i.test(String((error as Error).message))) throw error;
        return undefined;
      }
    }, 120_000, 1000);
    await this.consumer!.run({
      eachMessage: async ({ message }) => {
        const value = message.value?.toString('utf8') ?? '';
        let json: Received['json'] = {};
        try {
          json = JSON.parse(value);
        } catch {
          // a raw dead letter need not be JSON
        }
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        this.seen.push({ key: message.key?.toString('utf8') ?? null, value, json, headers });
      },
    });
  }

  /** The first message (from the start of the topic) that matches. */
  next(what: string, match: (m: Received) => boolean, timeoutMs = 90_000): Promise<Received> {
    return eventually(what, () => this.seen.find(match), timeoutMs);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

export class ProviderClient {
  readonly id: string;
  private readonly kafka: Kafka;
  private readonly outbound: TopicReader;
  private producer?: Producer;
  private readonly scratch = mkdtempSync(join(tmpdir(), 'cfc-e2e-provider-'));

  constructor(private readonly stack: Stack, id: string) {
    const provider = stack.demo.providers.find((p) => p.institutionId === id);
    if (!provider) throw new Error(`no demo provider ${id}`);
    this.id = id;
    this.kafka = kafkaAs(stack, provider.kafka);
    this.outbound = new TopicReader(this.kafka, `cfc.provider.${id}.outbound.v1`, `cfc.provider.${id}.e2e-${randomUUID()}`);
  }

  /** Reads its outbound topic from the beginning (once the platform has created it: the first binding request does). */
  async start(): Promise<void> {
    if (this.producer) return;
    this.producer = this.kafka.producer();
    await this.producer.connect();
    await this.outbound.start();
  }

  /** The first message on its outbound topic that matches. */
  told(what: string, match: (m: Received) => boolean, timeoutMs?: number): Promise<Received> {
    return this.outbound.next(what, match, timeoutMs);
  }

  get received(): readonly Received[] {
    return this.outbound.seen;
  }

  /** The signature headers of these exact bytes, from `npm run provider -- sign --format json`. */
  async sign(value: Buffer): Promise<Record<string, string>> {
    const file = join(this.scratch, `${randomUUID()}.json`);
    writeFileSync(file, value);
    const { stdout } = await run(process.execPath, [PROVIDER_CLI, 'sign', '--provider', this.id, '--file', file, '--format', 'json'], {
      env: { ...process.env, DEMO_DATA_PATH: join(this.stack.dataDir, 'demo.json') },
    });
    rmSync(file);
    return JSON.parse(stdout) as Record<string, string>;
  }

  /** Sends a message signed with its key (or with the headers given: forgeries). Answers the exact bytes sent. */
  async send(message: object | Buffer, key: string, headers?: Record<string, string>): Promise<Buffer> {
    const value = Buffer.isBuffer(message) ? message : Buffer.from(JSON.stringify(message));
    await this.producer!.send({ topic: 'cfc.provider.inbound.v1', messages: [{ key, value, headers: headers ?? (await this.sign(value)) }] });
    return value;
  }

  async stop(): Promise<void> {
    await Promise.all([this.outbound.stop(), this.producer?.disconnect()]);
    rmSync(this.scratch, { recursive: true, force: true });
  }
}

/** The regulator's read of the dead-letter topic (its ACLs allow it, in a group under cfc.regulator.<id>.). */
export async function regulatorDeadLetters(stack: Stack): Promise<{ next: TopicReader['next']; stop: () => Promise<void> }> {
  const regulator = stack.demo.regulators[0];
  const reader = new TopicReader(kafkaAs(stack, regulator.kafka), 'cfc.ingestion.dead-letter.v1', `cfc.regulator.${regulator.institutionId}.e2e-${randomUUID()}`);
  await reader.start();
  return { next: reader.next.bind(reader), stop: () => reader.stop() };
}

/** `count` calendar months ending with the last complete one (Asia/Shanghai), oldest first, as YYYY-MM. */
export function lastCompleteMonths(count: number, now = new Date()): string[] {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  const months: string[] = [];
  for (let back = count; back >= 1; back--) {
    const d = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - back, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  return months;
}

/** A month's statistics in the contract's shape, with figures a test can add up by hand (amounts in fen). */
export function monthRecord(input: { account: { number: string; type: string }; subject: string; period: string; revision?: number; inflow: number; outflow: number; inflowCount?: number; outflowCount?: number }) {
  const { inflow, outflow } = input;
  return {
    account: { number: input.account.number, type: input.account.type },
    subject: input.subject,
    period: input.period,
    revision: input.revision ?? 1,
    inflow: { amount: inflow, count: input.inflowCount ?? 20 },
    outflow: { amount: outflow, count: input.outflowCount ?? 15 },
    cash: { deposit: { amount: Math.floor(inflow / 10), count: 2 }, withdrawal: { amount: 0, count: 0 } },
    counterparties: [{ type: 'ENTERPRISE', inflow: { amount: Math.floor(inflow / 2), count: 10 }, outflow: { amount: Math.floor(outflow / 2), count: 8 }, distinct: 6 }],
    balance: { end: 5_000_000, averageDaily: 4_000_000, min: 1_000_000, max: 9_000_000 },
    features: { activeDays: 20, largestInflow: Math.floor(inflow / 5), largestOutflow: Math.floor(outflow / 5), zeroBalanceDays: 0, topCounterpartyShare: 0.25 },
  };
}

export function statisticsMessage(provider: string, records: object[]) {
  return { type: 'statistics.submitted', schemaVersion: 1, submissionId: randomUUID(), provider, sentAt: new Date().toISOString(), records };
}

export { sleep };
