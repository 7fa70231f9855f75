import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { describeIntegration, uniqueName } from '@cfc/testing';
import { buildBrokerCli, freePort, spawnBrokerCli, type BrokerProcess } from './broker.process';
import { apiVersionsV3, seedCorpus, type SeedFrame } from './fuzz.corpus';
import { Rng, mutate, pickMutation } from './fuzz.mutator';
import { fuzzSession, type SessionOutcome } from './fuzz.session';
import { RawClient, requestFrame } from './raw.client';

// Bad input must never take the broker down: each bad frame gets a Kafka error or a closed
// connection, other connections carry on, and a real client still works afterwards. The broker
// runs as its own process (the CLI), so "still up" and its event-loop stalls are its own.
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_cfc);
const MAX_MUTATED = 8000;
const BUDGET_MS = 20_000;
const WORKERS = 16;

describeIntegration(`broker under malformed input (FUZZ_SEED=${SEED})`, () => {
  let broker: BrokerProcess;
  let dataDir: string;

  beforeAll(async () => {
    await buildBrokerCli();
    dataDir = mkdtempSync(join(tmpdir(), 'cfc-fuzz-'));
    broker = await spawnBrokerCli({ port: await freePort(), dataDir });
  }, 120_000);
  afterAll(async () => {
    await broker?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const apiVersionsV0 = (correlationId: number) => requestFrame(18, 0, correlationId, Buffer.alloc(0));

  it("answers librdkafka's ApiVersions v3 probe with UNSUPPORTED_VERSION and a v0 body, keeping the connection", async () => {
    const client = await RawClient.open(broker.address);
    try {
      client.write(apiVersionsV3(41));
      const reply = await client.readFrame();
      expect(reply?.readInt32BE(0)).toBe(41);
      expect(reply?.readInt16BE(4)).toBe(35);
      expect(apiKeysOf(reply as Buffer).get(18)?.[0]).toBe(0); // ApiVersions min 0
      client.write(apiVersionsV0(42));
      const second = await client.readFrame();
      expect(second?.readInt32BE(0)).toBe(42);
      expect(second?.readInt16BE(4)).toBe(0);
    } finally {
      client.close();
    }
  });

  it.each([
    ['of 2 GiB', 0x7fffffff],
    ['above max-request-bytes', 100 * 1024 * 1024 + 1],
    ['of negative size', -5],
  ])('closes a connection announcing a request %s', async (_name, size) => {
    const client = await RawClient.open(broker.address);
    const prefix = Buffer.alloc(8);
    prefix.writeInt32BE(size);
    client.write(prefix);
    expect(await client.waitClosed(3000)).toBe(true);
  });

  it('answers or closes on an unknown API key, while another connection carries on', async () => {
    const bystander = await RawClient.open(broker.address);
    const client = await RawClient.open(broker.address);
    try {
      client.write(requestFrame(1000, 0, 7, Buffer.from([1, 2, 3])));
      const reply = await client.readFrame(3000);
      if (reply) expect(reply.readInt32BE(0)).toBe(7);
      bystander.write(apiVersionsV0(8));
      expect((await bystander.readFrame())?.readInt32BE(0)).toBe(8);
    } finally {
      client.close();
      bystander.close();
    }
  });

  it('refuses a Produce whose record batch fails its CRC with CORRUPT_MESSAGE', async () => {
    const topic = uniqueName('fuzz_crc');
    const produce = (await seedCorpus(topic, 'unused')).find((s) => s.name === 'Produce v3') as SeedFrame;
    const bad = Buffer.from(produce.bytes);
    bad[bad.length - 20] ^= 0xff; // inside the records, covered by the CRC
    await ensureTopic(broker.address, topic);
    const client = await RawClient.open(broker.address);
    try {
      client.write(bad);
      const reply = (await client.readFrame()) as Buffer;
      const at = 4 + 4 + 2 + Buffer.byteLength(topic) + 4 + 4; // correlation, [topics], name, [partitions], partition
      expect(reply.readInt16BE(at)).toBe(2);
    } finally {
      client.close();
    }
  });

  it(`survives thousands of mutated and random frames, then kafkajs still produces and reads back`, async () => {
    const topic = uniqueName('fuzz_topic');
    await ensureTopic(broker.address, topic);
    const corpus = await seedCorpus(topic, uniqueName('fuzz_group'));
    const canary = await startCanary(broker.address);
    const started = Date.now();
    const outcomes: Record<SessionOutcome, number> = { refused: 0, closed: 0, 'carried-on': 0, silent: 0 };
    let mutated = 0;
    // One generator per worker, so the frames each worker sends do not depend on scheduling.
    const worker = async (index: number) => {
      const rng = new Rng(SEED + index);
      while (mutated < MAX_MUTATED && Date.now() - started < BUDGET_MS) {
        const frames = Array.from({ length: rng.int(3) }, () => rng.pick(corpus).bytes);
        frames.push(mutate(pickMutation(rng), rng.pick(corpus).bytes, rng.pick(corpus).bytes, rng));
        mutated++;
        outcomes[await fuzzSession(broker.address, frames, rng.int(96), 250)]++;
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i)));
    const canaryResult = await canary.stop();
    const errors = broker.output().split('\n').filter((l) => l.includes('"level":"error"'));
    const report = JSON.stringify({ seed: SEED, ms: Date.now() - started, mutated, outcomes, canary: canaryResult, errors: errors.slice(0, 5) });

    expect({ report, refused: outcomes.refused }).toEqual({ report, refused: 0 });
    expect({ report, canaryMissed: canaryResult.missed }).toEqual({ report, canaryMissed: 0 });
    expect({ report, errorLines: errors.length }).toEqual({ report, errorLines: 0 });
    expect(mutated).toBeGreaterThanOrEqual(2000);
    expect(outcomes['carried-on']).toBeGreaterThan(0); // some bad requests got a Kafka error, not a hang-up
    await expectKafkajsRoundTrip(broker.address, uniqueName('fuzz_after'));
  }, 90_000);
});

// The v0 ApiVersions body after correlation id and error code: [api_key min max].
function apiKeysOf(reply: Buffer): Map<number, [number, number]> {
  const keys = new Map<number, [number, number]>();
  const count = reply.readInt32BE(6);
  for (let i = 0, o = 10; i < count; i++, o += 6) keys.set(reply.readInt16BE(o), [reply.readInt16BE(o + 2), reply.readInt16BE(o + 4)]);
  return keys;
}

async function ensureTopic(address: string, topic: string): Promise<void> {
  const admin = new Kafka({ clientId: 'fuzz-admin', brokers: [address], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

// A well-behaved connection that keeps asking ApiVersions during the fuzz: it must always be answered.
async function startCanary(address: string) {
  const client = await RawClient.open(address);
  let running = true;
  let asked = 0;
  let missed = 0;
  let worstMs = 0;
  const loop = (async () => {
    while (running) {
      const correlationId = ++asked;
      const sent = Date.now();
      client.write(requestFrame(18, 0, correlationId, Buffer.alloc(0)));
      const reply = await client.readFrame(3000).catch(() => undefined);
      if (reply?.readInt32BE(0) !== correlationId) {
        missed++;
        break;
      }
      worstMs = Math.max(worstMs, Date.now() - sent);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      client.close();
      return { asked, missed, worstMs };
    },
  };
}

async function expectKafkajsRoundTrip(address: string, topic: string): Promise<void> {
  const kafka = new Kafka({ clientId: 'fuzz-after', brokers: [address], logLevel: logLevel.NOTHING });
  await ensureTopic(address, topic);
  const producer = kafka.producer();
  await producer.connect();
  const values = Array.from({ length: 20 }, (_, i) => `after-fuzz-${i}`);
  await producer.send({ topic, acks: -1, messages: values.map((value) => ({ value })) });
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: uniqueName('fuzz_after_group') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const seen: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve) => {
    timer = setTimeout(resolve, 20_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        seen.push(String(message.value));
        if (seen.length === values.length) resolve();
      },
    });
  });
  clearTimeout(timer);
  await consumer.disconnect();
  expect(seen).toEqual(values);
}
