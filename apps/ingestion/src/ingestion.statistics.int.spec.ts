import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { ConsumerGroups, contextEventsTopic, Headers, providerOutboundTopic, Topics } from '@cfc/contracts';
import { describeIntegration, integrationStack } from '@cfc/testing';
import { shanghaiMonth } from './domain/statistics/period';
import { startIngestionStack, type IngestionStack } from './testing/ingestion.stack';
import type { Seen } from './testing/provider.client';
import { monthsAgo, recordFor, submission } from './testing/submissions';

const run = promisify(execFile);
const repoRoot = join(__dirname, '..', '..', '..');

describeIntegration('ingestion: provider statistics through the inbound topic', () => {
  let stack: IngestionStack;
  let db: Client;
  let token: string;
  let subject: string;
  let accounts: Array<{ provider: string; number: string; type: string }>;
  let bound: string[];
  const B = () => stack.signer('B0001');

  const outcome = (type: string, submissionId: string, provider = 'B0001') =>
    stack.provider.waitFor(`${type} ${submissionId}`, (m) => m.topic === providerOutboundTopic(provider) && m.value?.type === type && m.value.submissionId === submissionId);
  const accepted = (submissionId: string) =>
    stack.provider.waitFor(`statistics.accepted ${submissionId}`, (m) => m.topic === contextEventsTopic('ingestion') && m.value?.type === 'statistics.accepted' && m.value.data.submissionId === submissionId);
  const deadLetter = (raw: Buffer, reason: string) =>
    stack.provider.waitFor(`dead letter ${reason}`, (m) => m.topic === Topics.ingestionDeadLetter && m.raw.equals(raw) && m.headers[Headers.errorReason] === reason);
  const current = async (bindingId: string, period: string) =>
    (await db.query<{ revision: number }>(`SELECT revision FROM ingestion.current_statistics WHERE binding_id = $1 AND period = $2`, [bindingId, period])).rows[0]?.revision;
  const revisions = async (bindingId: string, period: string) =>
    (await db.query<{ revision: number }>(`SELECT revision FROM ingestion.statistics WHERE binding_id = $1 AND period = $2 ORDER BY revision`, [bindingId, period])).rows.map((r) => r.revision);

  beforeAll(async () => {
    stack = await startIngestionStack();
    db = new Client({ connectionString: stack.ingestionDb.url });
    await db.connect();
    token = await stack.enterpriseToken(0);
    subject = stack.demo.enterprises[0].uscc;
    accounts = stack.demo.enterprises[0].accounts;
    bound = [await stack.bindActive(token, accounts[0]), await stack.bindActive(token, accounts[1])]; // both at B0001
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    await stack?.close();
  });

  it('keeps the valid records of a mixed message, tells the provider the reason for each refused one, and parks the message for the regulator', async () => {
    const other = stack.demo.enterprises[1];
    const bad = recordFor(accounts[0], subject, monthsAgo(1));
    bad.counterparties = [{ type: 'ENTERPRISE', inflow: { amount: bad.inflow.amount + 1, count: 1 }, outflow: { amount: 0, count: 0 }, distinct: 1 }];
    const records = [
      recordFor(accounts[0], subject, monthsAgo(0)),
      bad,
      recordFor(other.accounts[0], other.uscc, monthsAgo(0)), // not bound by anyone
      recordFor(accounts[0], subject, shanghaiMonth(new Date())), // the month still running
      recordFor(accounts[1], subject, monthsAgo(0)),
      recordFor(accounts[2], subject, monthsAgo(0)), // P0001's account, sent by B0001
      { ...recordFor(accounts[1], subject, monthsAgo(2)), inflow: { amount: -5, count: 1 } },
    ];
    const message = submission('B0001', records);
    const raw = await stack.provider.send(message, B());
    expect((await outcome('submission.accepted', message.submissionId)).value).toEqual({ type: 'submission.accepted', schemaVersion: 1, submissionId: message.submissionId, provider: 'B0001', acceptedRecords: 2, at: expect.any(String) });
    const rejected = await outcome('submission.rejected', message.submissionId);
    expect(rejected.value.records.map((r: { index: number; reason: string }) => [r.index, r.reason])).toEqual([
      [1, 'COUNTERPARTY_EXCEEDS_TOTAL'], [2, 'UNBOUND_ACCOUNT'], [3, 'PERIOD_NOT_ENDED'], [5, 'UNBOUND_ACCOUNT'], [6, 'AMOUNT_INVALID'],
    ]);
    const event = await accepted(message.submissionId);
    expect(event.value.data.records.map((r: { bindingId: string; period: string }) => [r.bindingId, r.period])).toEqual([[bound[0], monthsAgo(0)], [bound[1], monthsAgo(0)]]);
    // The message itself is parked for the regulator (CONTRACT: unbound accounts and bad records are dead-lettered), its valid records kept.
    // Matched by reason too: suites running beside this one share the inbound and dead-letter topics, and their
    // ingestion, knowing other demo keys, parks this same message as BAD_SIGNATURE.
    const parked = await deadLetter(raw, 'RECORDS_REFUSED');
    expect(parked.headers[Headers.error]).toBe('5 of 7 records refused (index reason): 1 COUNTERPARTY_EXCEEDS_TOTAL, 2 UNBOUND_ACCOUNT, 3 PERIOD_NOT_ENDED, 5 UNBOUND_ACCOUNT, 6 AMOUNT_INVALID');
    expect(JSON.parse(parked.raw.toString('utf8')).records).toHaveLength(7);
    expect(await current(bound[0], monthsAgo(0))).toBe(1);
    expect(await current(bound[0], monthsAgo(1))).toBeUndefined();
  });

  it('keeps every revision; the highest is current whatever the arrival order; an equal one is acknowledged, a different one at the same revision refused', async () => {
    const period = monthsAgo(3);
    const second = submission('B0001', [recordFor(accounts[0], subject, period, 2, 200)]);
    const first = submission('B0001', [recordFor(accounts[0], subject, period, 1, 100)]);
    await stack.provider.sendAll([second, first], B(), bound[0]); // revision 2 before revision 1
    await outcome('submission.accepted', first.submissionId);
    expect(await revisions(bound[0], period)).toEqual([1, 2]);
    expect(await current(bound[0], period)).toBe(2);
    // The late revision 1 is stored for traceability and on the log, where every consumer keeps the highest.
    expect((await accepted(first.submissionId)).value.data.records[0]).toMatchObject({ revision: 1, bindingId: bound[0] });

    const again = submission('B0001', [recordFor(accounts[0], subject, period, 2, 200)]);
    const clash = submission('B0001', [recordFor(accounts[0], subject, period, 2, 999)]);
    const third = submission('B0001', [recordFor(accounts[0], subject, period, 3, 300)]);
    await stack.provider.sendAll([again, clash, third], B(), bound[0]);
    expect((await outcome('submission.accepted', again.submissionId)).value.acceptedRecords).toBe(1);
    expect((await outcome('submission.rejected', clash.submissionId)).value.records).toEqual([expect.objectContaining({ index: 0, reason: 'REVISION_CONFLICT' })]);
    await accepted(third.submissionId);
    expect(await revisions(bound[0], period)).toEqual([1, 2, 3]);
    expect(await current(bound[0], period)).toBe(3);
    const stream = await db.query(`SELECT type FROM eventing.events WHERE stream_id = $1 ORDER BY stream_version`, [`submission-${again.submissionId}`]);
    expect(stream.rows.map((r) => r.type)).toEqual(['submission.accepted']); // nothing stored again: no statistics.accepted
  });

  it('treats the same message again as a no-op, and other content under a used submissionId as a replay', async () => {
    const message = submission('B0001', [recordFor(accounts[1], subject, monthsAgo(4))]);
    const bytes = await stack.provider.send(message, B(), { kafkaKey: 'replay' });
    await outcome('submission.accepted', message.submissionId);
    await stack.provider.send(bytes, B(), { kafkaKey: 'replay' });
    const replay = submission('B0001', [recordFor(accounts[1], subject, monthsAgo(5))], message.submissionId);
    const replayBytes = await stack.provider.send(replay, B(), { kafkaKey: 'replay' });
    const parked = await deadLetter(replayBytes, 'REPLAYED_SUBMISSION');
    expect(parked.headers[Headers.signature]).toBeDefined(); // the original headers travel with it
    const told = await stack.provider.waitFor('REPLAYED_SUBMISSION told', (m) => m.topic === providerOutboundTopic('B0001') && m.value?.reason === 'REPLAYED_SUBMISSION' && m.value.submissionId === message.submissionId);
    expect(told.value).toMatchObject({ type: 'submission.rejected', records: [] });
    // The replay was handled after the exact copy (one partition): by now the copy is known to have done nothing.
    const events = await db.query(`SELECT count(*)::int AS n FROM eventing.events WHERE stream_id = $1`, [`submission-${message.submissionId}`]);
    expect(events.rows[0].n).toBe(2); // statistics.accepted + submission.accepted, once
    expect(await current(bound[1], monthsAgo(5))).toBeUndefined();
  });

  it('dead-letters forged, unsigned, unknown-key, broken and unowned messages with their bytes, headers and reason, tells the provider, and stores nothing', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const stranger = { institutionId: 'B0001', keyId: 'b0001-not-registered', privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
    const period = monthsAgo(6);
    const forged = submission('B0001', [recordFor(accounts[0], subject, period)]);
    const cases: Array<[string, Buffer]> = [
      ['MISSING_SIGNATURE_HEADERS', await stack.provider.send(submission('B0001', [recordFor(accounts[0], subject, period)]), 'unsigned', { headers: { [Headers.provider]: 'B0001' } })],
      ['BAD_SIGNATURE', await stack.provider.send(forged, { ...B(), privateKeyPem: stack.signer('P0001').privateKeyPem })],
      ['UNKNOWN_KEY', await stack.provider.send(submission('B0001', [recordFor(accounts[0], subject, period)]), stranger)],
      ['INVALID_JSON', await stack.provider.send(`{"type":"statistics.submitted",${randomUUID()}`, B())],
      ['UNKNOWN_TYPE', await stack.provider.send({ type: 'statistics.deleted', nonce: randomUUID() }, B())],
      ['SCHEMA_VIOLATION', await stack.provider.send({ ...submission('B0001', []), nonce: randomUUID() }, B())],
      ['PROVIDER_MISMATCH', await stack.provider.send(submission('P0001', [recordFor(accounts[0], subject, period)]), B())],
    ];
    for (const [reason, raw] of cases) {
      const parked = await deadLetter(raw, reason);
      expect(parked.headers).toMatchObject({ [Headers.originalTopic]: Topics.providerInbound, [Headers.consumerGroup]: ConsumerGroups.ingestionInbound, [Headers.eventId]: expect.any(String) });
    }
    const bad = await deadLetter(cases[1][1], 'BAD_SIGNATURE');
    expect(bad.headers[Headers.keyId]).toBe(B().keyId);
    // B0001 hears that a message in its name was refused; a forger's submissionId is not repeated back.
    const told: Seen = await stack.provider.waitFor('BAD_SIGNATURE told', (m) => m.topic === providerOutboundTopic('B0001') && m.value?.reason === 'BAD_SIGNATURE' && m.headers[Headers.eventId] === bad.headers[Headers.eventId]);
    expect(told.value.submissionId).toBeUndefined();
    expect(await current(bound[0], period)).toBeUndefined();
    // binding's answers are binding's: skipped, never dead-lettered by ingestion (the marker after it is).
    const reply = await stack.provider.send({ type: 'binding.confirmed', bindingId: randomUUID(), provider: 'B0001' }, B(), { kafkaKey: 'marker' });
    const marker = await stack.provider.send({ type: 'statistics.unknown', nonce: randomUUID() }, B(), { kafkaKey: 'marker' });
    await deadLetter(marker, 'UNKNOWN_TYPE');
    expect(stack.provider.seen.some((m) => m.topic === Topics.ingestionDeadLetter && m.raw.equals(reply) && m.headers[Headers.consumerGroup] === ConsumerGroups.ingestionInbound)).toBe(false);
  });

  it('takes a submission sent with kcat, signed by the node helper', async () => {
    const message = submission('B0001', [recordFor(accounts[1], subject, monthsAgo(7))]);
    const file = join(stack.dataDir, `submission-${message.submissionId}.json`);
    writeFileSync(file, JSON.stringify(message));
    const { stdout } = await run(process.execPath, [join(repoRoot, 'tools/provider/sign-message.mjs'), join(stack.dataDir, 'demo.json'), 'B0001', file]);
    const sasl = integrationStack().kafkaSasl!;
    const login = ['-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanism=SCRAM-SHA-256', '-X', `sasl.username=${sasl.username}`, '-X', `sasl.password=${sasl.password}`];
    await run('kcat', ['-P', '-b', integrationStack().kafkaBrokers[0], ...login, '-t', Topics.providerInbound, ...stdout.trim().split(/\s+/), file]);
    expect((await outcome('submission.accepted', message.submissionId)).value.acceptedRecords).toBe(1);
    expect(await current(bound[1], monthsAgo(7))).toBe(1);
  });
});
