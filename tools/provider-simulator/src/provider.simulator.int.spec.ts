import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { providerOutboundTopic, validateStatisticsRecord, type ProviderKey, type StatisticsRecord } from '@cfc/contracts';
import { describeIntegration, integrationStack, uniqueName } from '@cfc/testing';
import { addMonths, lastCompletePeriod, periodRange } from './domain/periods';
import { recordProblems } from './domain/statistics/statistics.invariants';
import { startProviderSimulator, type RunningSimulator } from './provider.simulator';
import { RETRY_DELAYS_MS, type SimulatorConfig } from './simulator.config';
import { enterpriseWithProfile, eventually, publish, recordingLogger, superUserLogin, testKafka, TopicReader, uniqueProviderId, verifies, writeDemoData } from './testing/platform-side';

// The platform's side played with kafkajs against the real broker: binding requests and ends, objections
// and feedback on each provider's outbound topic; what the providers sign and send read from the inbound.
describeIntegration('provider simulator against the broker', () => {
  const bank = uniqueProviderId('B');
  const payments = uniqueProviderId('P');
  const steady = enterpriseWithProfile('steady');
  const growing = enterpriseWithProfile('growing');
  const accounts = {
    steadyBasic: { number: '6222000000000000001', type: 'BASIC' as const },
    steadyGeneral: { number: '6222000000000000002', type: 'GENERAL' as const },
    growingBasic: { number: '6222000000000000003', type: 'BASIC' as const },
    growingPayment: { number: '8801000000000004', type: 'PAYMENT' as const },
  };
  const inbound = uniqueName('cfc.provider.inbound.test');
  let dir: string;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let reader: TopicReader;
  let keys: ProviderKey[];
  let simulator: RunningSimulator;
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  const logger = recordingLogger();

  const request = (bindingId: string, subject: string, account: { number: string; type: 'BASIC' | 'GENERAL' | 'PAYMENT' }) => ({
    type: 'binding.requested',
    schemaVersion: 1,
    bindingId,
    subject,
    account,
    agreement: { version: '2026-01', sha256: 'ab'.repeat(32), acceptedAt: clock.now().toISOString() },
  });
  const statisticsOf = (bindingKey: string) =>
    reader.messages.filter((m) => m.json.type === 'statistics.submitted' && m.key === bindingKey).flatMap((m) => (m.json.records as StatisticsRecord[]).map((r) => ({ ...r, offset: m.offset })));

  beforeAll(async () => {
    const { kafkaBrokers } = integrationStack();
    dir = mkdtempSync(join(tmpdir(), 'cfc-simulator-'));
    const enterprises = [
      { uscc: steady, accounts: [{ provider: bank, ...accounts.steadyBasic }, { provider: bank, ...accounts.steadyGeneral }] },
      { uscc: growing, accounts: [{ provider: bank, ...accounts.growingBasic }, { provider: payments, ...accounts.growingPayment }] },
    ];
    const demo = writeDemoData(dir, { brokers: kafkaBrokers, providers: [bank, payments], enterprises, login: superUserLogin });
    keys = demo.keys;
    kafka = testKafka('simulator-int');
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
    const config: SimulatorConfig = {
      demoDataPath: demo.path,
      stateFile: join(dir, 'state.json'),
      settings: { streamDelayMs: 0, maxRecordsPerMessage: 1000, objectionPolicy: 'by-id', retryDelaysMs: RETRY_DELAYS_MS },
      tickMs: 200,
      logLevel: 'info',
    };
    // The providers wait for the platform's topics: create them only once the simulator is starting.
    simulator = startProviderSimulator({ config, clock, logger, inboundTopic: inbound });
    await eventually(() => logger.lines.filter((l) => l.msg.includes('waiting for the platform to create')).length === 2, 20_000, 'both providers waiting for topics');
    await admin.createTopics({ topics: [inbound, providerOutboundTopic(bank), providerOutboundTopic(payments)].map((topic) => ({ topic, numPartitions: 1 })), waitForLeaders: true });
    await simulator.ready;
    reader = await TopicReader.start(kafka, inbound, uniqueName('platform-side'));
  }, 60_000);

  afterAll(async () => {
    await simulator?.stop();
    await reader?.stop();
    await Promise.all([admin?.disconnect(), producer?.disconnect()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('confirms an account the enterprise holds, signed with the provider key, then streams 36 valid signed months', async () => {
    const last = lastCompletePeriod(clock.now());
    await publish(producer, providerOutboundTopic(bank), request('bind-steady', steady, accounts.steadyBasic));
    const [confirmed] = await reader.waitFor({ type: 'binding.confirmed', bindingId: 'bind-steady' });
    expect(confirmed.json).toEqual({ type: 'binding.confirmed', schemaVersion: 1, bindingId: 'bind-steady', provider: bank });
    expect(confirmed.headers['cfc-provider']).toBe(bank);
    expect(await verifies(confirmed, keys)).toBe(true);

    await eventually(() => statisticsOf('bind-steady').length >= 36, 30_000, '36 months of statistics');
    const records = statisticsOf('bind-steady');
    expect(records.map((r) => r.period)).toEqual(periodRange(addMonths(last, -35), last));
    for (const { offset: _offset, ...record } of records) {
      expect(validateStatisticsRecord.check(record).ok).toBe(true);
      expect(recordProblems(record)).toEqual([]);
      expect(record).toMatchObject({ subject: steady, account: accounts.steadyBasic, revision: 1 });
    }
    const messages = reader.where({ type: 'statistics.submitted' }).filter((m) => m.key === 'bind-steady');
    expect(messages.every((m) => (m.json.records as unknown[]).length <= 1000 && m.json.provider === bank)).toBe(true);
    for (const m of messages) expect(await verifies(m, keys)).toBe(true);
    expect(records[0].offset).toBeGreaterThan(confirmed.offset);
  });

  it("rejects an account the enterprise does not hold there (unknown, or held at the other provider) with ACCOUNT_NOT_HELD_BY_SUBJECT", async () => {
    await publish(producer, providerOutboundTopic(bank), request('bind-unknown', steady, { number: '6222999999999999999', type: 'BASIC' }));
    await publish(producer, providerOutboundTopic(bank), request('bind-elsewhere', growing, accounts.growingPayment));
    for (const bindingId of ['bind-unknown', 'bind-elsewhere']) {
      const [rejected] = await reader.waitFor({ type: 'binding.rejected', bindingId });
      expect(rejected.json).toEqual({ type: 'binding.rejected', schemaVersion: 1, bindingId, provider: bank, reason: 'ACCOUNT_NOT_HELD_BY_SUBJECT' });
      expect(await verifies(rejected, keys)).toBe(true);
    }
    // The payment account is confirmed by its own provider, on its own topic, under its own key.
    await publish(producer, providerOutboundTopic(payments), request('bind-payment', growing, accounts.growingPayment));
    const [confirmed] = await reader.waitFor({ type: 'binding.confirmed', bindingId: 'bind-payment' });
    expect(confirmed.json.provider).toBe(payments);
    expect(await verifies(confirmed, keys)).toBe(true);
    expect(statisticsOf('bind-unknown')).toEqual([]);
  });

  it('answers a redelivered request nothing, skips what it cannot read, and keeps going', async () => {
    await publish(producer, providerOutboundTopic(bank), request('bind-twice', growing, accounts.growingBasic));
    await reader.waitFor({ type: 'binding.confirmed', bindingId: 'bind-twice' });
    await eventually(() => statisticsOf('bind-twice').length >= 36, 30_000, 'the first stream');
    await publish(producer, providerOutboundTopic(bank), request('bind-twice', growing, accounts.growingBasic), 'not json', { type: 'binding.deleted', bindingId: 'x' });
    // A marker behind them on the same partition: once it is answered, they have been handled.
    await publish(producer, providerOutboundTopic(bank), request('bind-marker', steady, { number: '6222888888888888888', type: 'BASIC' }));
    await reader.waitFor({ type: 'binding.rejected', bindingId: 'bind-marker' });
    expect(reader.where({ type: 'binding.confirmed', bindingId: 'bind-twice' })).toHaveLength(1);
    expect(statisticsOf('bind-twice')).toHaveLength(36);
    expect(logger.lines.filter((l) => l.msg.startsWith(`${bank} ignored a message on its outbound topic`))).toHaveLength(2);
  });

  it('stops supplying an account after binding.ended, while the next month still reaches the bound ones', async () => {
    await publish(producer, providerOutboundTopic(bank), request('bind-ends', steady, accounts.steadyGeneral), request('bind-stays', steady, accounts.steadyBasic));
    // bind-stays names bind-steady's account again: the platform allows one active binding per account, the provider does not need to.
    await reader.waitFor({ type: 'binding.confirmed', bindingId: 'bind-stays' });
    await eventually(() => statisticsOf('bind-ends').length >= 36 && statisticsOf('bind-stays').length >= 36, 30_000, 'both streams');
    const ended = { type: 'binding.ended', schemaVersion: 1, bindingId: 'bind-ends', subject: steady, account: accounts.steadyGeneral, endedAt: clock.now().toISOString() };
    await publish(producer, providerOutboundTopic(bank), ended);
    await eventually(() => logger.lines.some((l) => l.msg.startsWith(`${bank} binding ended`) && (l.fields as { bindingId?: string }).bindingId === 'bind-ends'), 20_000, 'the end handled');

    const before = lastCompletePeriod(clock.now());
    offsetMs += 32 * 86_400_000; // into the next month: a new month is due for every active binding
    const next = addMonths(before, 1);
    expect(lastCompletePeriod(clock.now())).toBe(next);
    await simulator.tick();
    const watermark = Number((await admin.fetchTopicOffsets(inbound))[0].high);
    await eventually(() => reader.messages.length >= watermark, 20_000, 'every message sent so far');
    expect(statisticsOf('bind-stays').map((r) => r.period)).toContain(next);
    expect(statisticsOf('bind-ends').map((r) => r.period)).not.toContain(next);
    expect(statisticsOf('bind-ends')).toHaveLength(36);
  });

  it('answers objections by their id: an even last digit is corrected (new revision first), an odd one upheld with a note', async () => {
    await publish(producer, providerOutboundTopic(payments), request('bind-objected', growing, accounts.growingPayment));
    await eventually(() => statisticsOf('bind-objected').length >= 36, 30_000, 'the stream to object to');
    const period = statisticsOf('bind-objected')[10].period;
    const objection = (objectionId: string) => ({
      type: 'objection.raised',
      schemaVersion: 1,
      objectionId,
      bindingId: 'bind-objected',
      account: accounts.growingPayment,
      period,
      fields: ['inflow'],
      reason: '流入金额与账务记录不符',
      dueBy: new Date(clock.now().getTime() + 20 * 86_400_000).toISOString(),
    });
    await publish(producer, providerOutboundTopic(payments), objection('obj-0b7c1e52-4'), objection('obj-0b7c1e52-7'));

    const [corrected] = await reader.waitFor({ type: 'objection.resolved', objectionId: 'obj-0b7c1e52-4' });
    expect(corrected.json).toMatchObject({ provider: payments, outcome: 'CORRECTED', correctedRevision: 2 });
    expect(await verifies(corrected, keys)).toBe(true);
    const revisions = statisticsOf('bind-objected').filter((r) => r.period === period);
    expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
    expect(revisions[1].offset).toBeLessThan(corrected.offset);
    const { offset: _o, ...revision2 } = revisions[1];
    expect(recordProblems(revision2)).toEqual([]);
    expect(revision2.inflow.amount).not.toBe(revisions[0].inflow.amount);

    const [upheld] = await reader.waitFor({ type: 'objection.resolved', objectionId: 'obj-0b7c1e52-7' });
    expect(upheld.json).toMatchObject({ provider: payments, outcome: 'UPHELD', note: expect.stringContaining(period) });
    expect(upheld.json.correctedRevision).toBeUndefined();
    expect(await verifies(upheld, keys)).toBe(true);
  });

  it('logs the submission feedback it receives', async () => {
    const at = clock.now().toISOString();
    await publish(
      producer,
      providerOutboundTopic(bank),
      { type: 'submission.accepted', schemaVersion: 1, submissionId: 'sub-logged-1', provider: bank, acceptedRecords: 36, at },
      { type: 'submission.rejected', schemaVersion: 1, submissionId: 'sub-logged-2', provider: bank, records: [{ index: 3, reason: 'PERIOD_IN_FUTURE' }], at },
    );
    const logged = (submissionId: string) => logger.lines.find((l) => (l.fields as { submissionId?: string }).submissionId === submissionId);
    await eventually(() => logged('sub-logged-1') !== undefined && logged('sub-logged-2') !== undefined, 20_000, 'both feedback lines');
    expect(logged('sub-logged-1')).toMatchObject({ level: 'info', msg: `${bank} submission accepted: 36 record(s) stored` });
    expect(logged('sub-logged-2')).toMatchObject({ level: 'warn', fields: { reasons: { PERIOD_IN_FUTURE: 1 } } });
  });
});
