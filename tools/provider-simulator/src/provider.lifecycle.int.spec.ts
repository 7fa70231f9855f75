import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { providerOutboundTopic, type BindingRequested, type StatisticsRecord } from '@cfc/contracts';
import { describeIntegration, integrationStack, uniqueName } from '@cfc/testing';
import { answerBindingRequest } from './domain/desk/binding-request.decision';
import { holdingsOf } from './domain/desk/holdings';
import { startProviderSimulator, type RunningSimulator } from './provider.simulator';
import { RETRY_DELAYS_MS, type SimulatorConfig } from './simulator.config';
import { StateFile } from './state.file';
import { enterpriseWithProfile, eventually, publish, recordingLogger, superUserLogin, testKafka, TopicReader, uniqueProviderId, verifies, writeDemoData } from './testing/platform-side';

// Idempotency across restarts: the state file remembers answers, and its outbox sends after a crash what
// was decided but not sent, with the same bytes, exactly once more. And a provider whose topics do not
// exist yet holds up nobody.
describeIntegration('provider simulator across restarts and starts', () => {
  const bank = uniqueProviderId('R');
  const subject = enterpriseWithProfile('seasonal');
  const basic = { number: '6222000000000000101', type: 'BASIC' as const };
  const general = { number: '6222000000000000102', type: 'GENERAL' as const };
  const inbound = uniqueName('cfc.provider.inbound.restart');
  let dir: string;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let reader: TopicReader;
  let config: SimulatorConfig;
  let keysOk: (m: Parameters<typeof verifies>[0]) => Promise<boolean>;
  let simulator: RunningSimulator | undefined;
  const logger = recordingLogger();
  const clock = { now: () => new Date() };
  const start = async () => {
    const started = startProviderSimulator({ config, clock, logger, inboundTopic: inbound });
    await started.ready;
    return started;
  };
  const request = (bindingId: string, account: typeof basic | typeof general): BindingRequested => ({
    type: 'binding.requested',
    schemaVersion: 1,
    bindingId,
    subject,
    account,
    agreement: { version: '2026-01', sha256: 'cd'.repeat(32), acceptedAt: new Date().toISOString() },
  });
  const marker = (bindingId: string) => request(bindingId, { number: '6222777777777777777', type: 'BASIC' });
  const recordsOf = (bindingId: string) => reader.where({ type: 'statistics.submitted' }).filter((m) => m.key === bindingId).flatMap((m) => m.json.records as StatisticsRecord[]);

  beforeAll(async () => {
    const { kafkaBrokers } = integrationStack();
    dir = mkdtempSync(join(tmpdir(), 'cfc-simulator-restart-'));
    const demo = writeDemoData(dir, { brokers: kafkaBrokers, providers: [bank], enterprises: [{ uscc: subject, accounts: [{ provider: bank, ...basic }, { provider: bank, ...general }] }], login: superUserLogin });
    keysOk = (m) => verifies(m, demo.keys);
    config = {
      demoDataPath: demo.path,
      stateFile: join(dir, 'state.json'),
      settings: { streamDelayMs: 0, maxRecordsPerMessage: 12, objectionPolicy: 'by-id', retryDelaysMs: RETRY_DELAYS_MS },
      tickMs: 200,
      logLevel: 'info',
    };
    kafka = testKafka('simulator-restart-int');
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
    await admin.createTopics({ topics: [{ topic: inbound, numPartitions: 1 }, { topic: providerOutboundTopic(bank), numPartitions: 1 }], waitForLeaders: true });
    reader = await TopicReader.start(kafka, inbound, uniqueName('platform-side'));
  }, 60_000);

  afterAll(async () => {
    await simulator?.stop();
    await reader?.stop();
    await Promise.all([admin?.disconnect(), producer?.disconnect()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a request redelivered after a restart nothing more, and streams in messages of the configured size', async () => {
    simulator = await start();
    await publish(producer, providerOutboundTopic(bank), request('bind-once', basic));
    await reader.waitFor({ type: 'binding.confirmed', bindingId: 'bind-once' });
    await eventually(() => recordsOf('bind-once').length >= 36, 30_000, 'the stream of bind-once');
    await simulator.stop();
    simulator = undefined;

    await publish(producer, providerOutboundTopic(bank), request('bind-once', basic), marker('marker-1'));
    simulator = await start();
    await reader.waitFor({ type: 'binding.rejected', bindingId: 'marker-1' });
    expect(reader.where({ type: 'binding.confirmed', bindingId: 'bind-once' })).toHaveLength(1);
    expect(recordsOf('bind-once')).toHaveLength(36);
    const sizes = reader.where({ type: 'statistics.submitted' }).filter((m) => m.key === 'bind-once').map((m) => (m.json.records as unknown[]).length);
    expect(sizes).toEqual([12, 12, 12]);
    await simulator.stop();
    simulator = undefined;
  });

  it('sends after a crash what was decided but not sent, once, with the same signed bytes', async () => {
    // As if a run decided to confirm bind-crash, wrote the state file, and died before sending.
    const store = StateFile.open(config.stateFile);
    const context = { provider: bank, now: new Date(), holdings: holdingsOf([{ provider: bank, subject, ...general }]), settings: config.settings };
    store.commit(answerBindingRequest(store.desk, context, request('bind-crash', general)));
    expect(store.pending(bank)).toHaveLength(1);
    // Its offset was not committed either: the request comes again.
    await publish(producer, providerOutboundTopic(bank), request('bind-crash', general), marker('marker-2'));
    simulator = await start();
    await reader.waitFor({ type: 'binding.rejected', bindingId: 'marker-2' });
    const confirmations = reader.where({ type: 'binding.confirmed', bindingId: 'bind-crash' });
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0].value.toString()).toBe(JSON.stringify({ type: 'binding.confirmed', schemaVersion: 1, bindingId: 'bind-crash', provider: bank }));
    expect(await keysOk(confirmations[0])).toBe(true);
    await eventually(() => recordsOf('bind-crash').length >= 36, 30_000, 'the stream of bind-crash');
    expect(recordsOf('bind-crash')).toHaveLength(36);
    expect(StateFile.open(config.stateFile).pending(bank)).toEqual([]);
    await simulator.stop();
    simulator = undefined;
  });

  it('lets a provider whose topic exists serve, delayed streams included, while another still waits for its topic', async () => {
    const absent = uniqueProviderId('W');
    const demo = writeDemoData(join(dir, 'two'), {
      brokers: integrationStack().kafkaBrokers,
      providers: [bank, absent],
      enterprises: [{ uscc: subject, accounts: [{ provider: bank, ...basic }, { provider: absent, number: '8801000000000109', type: 'PAYMENT' }] }],
      login: superUserLogin,
    });
    const delayed = { ...config, demoDataPath: demo.path, stateFile: join(dir, 'two', 'state.json'), settings: { ...config.settings, streamDelayMs: 300 } };
    simulator = startProviderSimulator({ config: delayed, clock, logger, inboundTopic: inbound });
    try {
      await eventually(() => logger.lines.some((l) => l.msg.startsWith(`${absent} waiting for the platform to create ${providerOutboundTopic(absent)}`)), 20_000, 'the second provider waiting');
      await eventually(() => logger.lines.some((l) => l.msg === `${bank} consuming its outbound topic`), 20_000, 'the first provider consuming');
      await publish(producer, providerOutboundTopic(bank), request('bind-while-waiting', basic));
      await reader.waitFor({ type: 'binding.confirmed', bindingId: 'bind-while-waiting' });
      await eventually(() => recordsOf('bind-while-waiting').length >= 36, 30_000, 'the delayed stream, sent by the timer');
      expect(recordsOf('bind-while-waiting')).toHaveLength(36);
    } finally {
      await simulator.stop();
      simulator = undefined;
    }
  });
});
