import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { describeIntegration, uniqueName } from '@cfc/testing';
import { startBroker, type RunningBroker } from '../index';
import { apiVersionsV3, seedCorpus, type SeedFrame } from './fuzz.corpus';
import { MUTATIONS, Rng, mutate } from './fuzz.mutator';
import { fuzzSession } from './fuzz.session';
import { RawClient, requestFrame } from './raw.client';

// Bad input must never take the broker down: each bad frame gets a Kafka error or a closed
// connection, other connections carry on, and a real client still works afterwards.
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_cfc);
const MAX_FRAMES = 6000;
const BUDGET_MS = 18_000;
const WORKERS = 6;

describeIntegration(`broker under malformed input (FUZZ_SEED=${SEED})`, () => {
  let broker: RunningBroker;
  let dataDir: string;
  const logs = { info: 0, warn: 0, error: 0, samples: [] as string[] };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cfc-fuzz-'));
    broker = await startBroker({
      port: 0,
      dataDir,
      log: (level, msg) => {
        logs[level]++;
        if (level !== 'info' && logs.samples.length < 20) logs.samples.push(`${level}: ${msg}`);
      },
    });
  });
  afterAll(async () => {
    await broker?.stop();
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
      const keys = apiKeysOf(reply as Buffer);
      expect(keys.get(18)?.[0]).toBe(0); // ApiVersions min 0
      client.write(apiVersionsV0(42));
      const second = await client.readFrame();
      expect(second?.readInt32BE(0)).toBe(42);
      expect(second?.readInt16BE(4)).toBe(0);
    } finally {
      client.close();
    }
  });

  it.each([
    ['2 GiB', 0x7fffffff],
    ['above max-request-bytes', 100 * 1024 * 1024 + 1],
    ['negative', -5],
  ])('closes a connection announcing a %s request', async (_name, size) => {
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
    const corpus = await seedCorpus(topic, 'unused');
    const produce = corpus.find((s) => s.name === 'Produce v3') as SeedFrame;
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

  it(`survives ${MAX_FRAMES} mutated and random frames, then kafkajs still produces and reads back`, async () => {
    const topic = uniqueName('fuzz_topic');
    await ensureTopic(broker.address, topic);
    const corpus = await seedCorpus(topic, uniqueName('fuzz_group'));
    const canary = await startCanary(broker.address);
    const started = Date.now();
    const stats = { frames: 0, sessions: 0, refused: 0, closedByBroker: 0, answered: 0 };
    // One generator per worker, so the frames each worker sends do not depend on scheduling.
    const worker = async (index: number) => {
      const rng = new Rng(SEED + index);
      while (stats.frames < MAX_FRAMES && Date.now() - started < BUDGET_MS) {
        const frames = Array.from({ length: 1 + rng.int(12) }, () => {
          const seed = rng.pick(corpus).bytes;
          return rng.int(8) === 0 ? seed : mutate(rng.pick(MUTATIONS), seed, rng.pick(corpus).bytes, rng);
        });
        stats.frames += frames.length;
        stats.sessions++;
        const outcome = await fuzzSession(broker.address, frames, rng.int(64), 300);
        if (outcome.refused) stats.refused++;
        if (outcome.closedByBroker) stats.closedByBroker++;
        if (outcome.bytesBack > 0) stats.answered++;
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i)));
    const canaryResult = await canary.stop();
    const report = JSON.stringify({ seed: SEED, ms: Date.now() - started, ...stats, canary: canaryResult, logs });

    expect({ report, refused: stats.refused }).toEqual({ report, refused: 0 });
    expect({ report, canaryMissed: canaryResult.missed }).toEqual({ report, canaryMissed: 0 });
    expect(stats.frames).toBeGreaterThanOrEqual(2000);
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
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        seen.push(String(message.value));
        if (seen.length === values.length) resolve();
      },
    });
  });
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 20_000));
  await Promise.race([done, timeout]);
  await consumer.disconnect();
  expect(seen).toEqual(values);
}
