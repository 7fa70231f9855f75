import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { contextEventsTopic, deadLetterTopic, Headers, type EventEnvelope } from '@cfc/contracts';
import { describeIntegration, integrationStack, serviceAuthHeaders, uniqueName } from '@cfc/testing';
import { eventually, ReportTestStack } from './testing/report.test-stack';
import { objectionCorrectedEvent, objectionRaisedEvent } from './testing/objection-events';
import { acceptedRecord, bindingEndedEvent, bindingEvents, bindingView, statisticsAcceptedEvent, type RecordValues, type TestBinding } from './testing/statistics-events';

// The report service's read models, fed with kafkajs onto cfc.ingestion.events.v1 and
// cfc.binding.events.v1 in the contract shapes. Its clock reads 2026-11-15: authorised months end 2026-10.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- reports are checked field by field

const SUBJECT = '91110000600037341L';
const values = (inflow: number): RecordValues => ({ inflow: { amount: inflow, count: 1 }, outflow: { amount: 0, count: 0 }, balance: { end: 0, averageDaily: 0, min: 0, max: 0 } });

describeIntegration('report read models', () => {
  let stack: ReportTestStack;
  const id = uniqueName('rm');
  const binding = (suffix: string, number = '6222020200112233445'): TestBinding => ({ bindingId: `${id}-${suffix}`, subject: SUBJECT, provider: 'B0001', number, type: 'GENERAL' });
  const ingestion = contextEventsTopic('ingestion');

  /** The detail summary of `bindings` as lender L0001 gets it under a fresh authorisation. */
  const detail = async (...bindings: TestBinding[]): Promise<Json> => {
    const authorizationId = uniqueName('auth');
    stack.consent.put({ authorizationId, subject: SUBJECT, lender: 'L0001', status: 'ACTIVE', products: ['DETAIL_SUMMARY'], accounts: bindings.map((b) => b.bindingId), months: 12, validUntil: '2027-01-01T00:00:00Z' });
    const headers = { 'content-type': 'application/json', ...(await serviceAuthHeaders('report', { principal: { kind: 'lender', id: 'L0001' } })) };
    const res = await fetch(`${stack.reportUrl}/v1/queries`, { method: 'POST', headers, body: JSON.stringify({ authorizationId, product: 'DETAIL_SUMMARY' }) });
    expect(res.status).toBe(200);
    return (await res.json()) as Json;
  };

  beforeAll(async () => {
    stack = await ReportTestStack.start({ at: '2026-11-15T04:00:00Z' });
  }, 120_000); // the service starts slowly on a loaded machine
  afterAll(() => stack?.stop());

  it('keeps the highest revision of each account-month, whatever the arrival order', async () => {
    const b = binding('rev');
    stack.bindings.put(bindingView(b));
    // 2026-09: revision 2 arrives before revision 1; 2026-10: 1 then 3 then 2
    const events = [
      statisticsAcceptedEvent('B0001', [acceptedRecord(b, '2026-09', 2, values(900))]),
      statisticsAcceptedEvent('B0001', [acceptedRecord(b, '2026-09', 1, values(100))]),
      statisticsAcceptedEvent('B0001', [acceptedRecord(b, '2026-10', 1, values(110))]),
      statisticsAcceptedEvent('B0001', [acceptedRecord(b, '2026-10', 3, values(330))]),
      statisticsAcceptedEvent('B0001', [acceptedRecord(b, '2026-10', 2, values(220))]),
    ];
    for (const e of events) await stack.publish(ingestion, [e]); // one send each: any partition, any interleaving
    for (const e of events) await stack.handled(e.eventId);
    const [{ months }] = (await detail(b)).detail;
    expect(months.map((m: Json) => [m.period, m.revision, m.inflow.amount])).toEqual([['2026-09', 2, 900], ['2026-10', 3, 330]]);
  });

  it('takes 1,000 records per event in one go, and a redelivered event changes nothing', async () => {
    // 28 accounts × 36 months, first 1,000 account-months: 27 full accounts and 28 months of the 28th
    const bindings = Array.from({ length: 28 }, (_, i) => binding(`bulk-${i}`));
    stack.bindings.put(...bindings.map((b) => bindingView(b)));
    const periods = Array.from({ length: 36 }, (_, m) => `${2023 + Math.floor((10 + m) / 12)}-${String(((10 + m) % 12) + 1).padStart(2, '0')}`);
    const records = bindings.flatMap((b, i) => periods.map((p, m) => acceptedRecord(b, p, 1, values(1000 * i + m)))).slice(0, 1000);
    const event = statisticsAcceptedEvent('B0001', records);
    const marker = statisticsAcceptedEvent('B0001', [acceptedRecord(binding('marker'), '2026-10', 1, values(1))]);
    await stack.publish(ingestion, [event], 0);
    await stack.publish(ingestion, [event, marker], 0); // the same event again, then a marker behind it on the same partition
    await stack.handled(marker.eventId);
    const [{ rows, versions }] = await stack.sql<{ rows: string; versions: string }>(
      `SELECT (SELECT count(*) FROM report.statistics WHERE binding_id LIKE $1) AS rows, (SELECT max(version) FROM report.statistics_versions WHERE binding_id LIKE $1) AS versions`,
      [`${id}-bulk-%`],
    );
    expect([Number(rows), Number(versions)]).toEqual([1000, 1]);
    expect(periods[0]).toBe('2023-11');
    // account 5 (inflow 5,000 + month), its last 12 months: months 24..35
    const [{ months }] = (await detail(bindings[5])).detail;
    expect(months.map((m: Json) => m.inflow.amount)).toEqual(Array.from({ length: 12 }, (_, k) => 5000 + 24 + k));
  });

  it('keeps masked numbers, provider, type and the latest status of each binding; never the full number', async () => {
    const b = binding('bound', '6222777788889999');
    const [requested, confirmed] = bindingEvents(b);
    const ended = bindingEndedEvent(b);
    await stack.publish(contextEventsTopic('binding'), [requested, confirmed, ended]);
    await stack.handled(ended.eventId);
    expect(await stack.sql(`SELECT provider, account_type, account_number, status, stream_version FROM report.bindings WHERE binding_id = $1`, [b.bindingId])).toEqual([
      { provider: 'B0001', account_type: 'GENERAL', account_number: '6222********9999', status: 'ENDED', stream_version: 3 },
    ]);
    const statistics = statisticsAcceptedEvent('B0001', [acceptedRecord(b, '2026-10', 1, values(5))]);
    await stack.publish(ingestion, [statistics]);
    await stack.handled(statistics.eventId);
    const [{ full }] = await stack.sql<{ full: string }>(`SELECT count(*) AS full FROM report.statistics s JOIN report.bindings b USING (binding_id) WHERE s.record::text LIKE '%6222777788889999%' OR b.account_number = '6222777788889999'`);
    expect(Number(full)).toBe(0);
  });

  it('skips event types it does not follow and dead-letters what breaks the contract, then carries on', async () => {
    const other: EventEnvelope = { ...statisticsAcceptedEvent('B0001', [acceptedRecord(binding('x'), '2026-10', 1, values(1))]), type: 'submission.rejected', data: { anything: true } };
    const broken: EventEnvelope = { ...statisticsAcceptedEvent('B0001', [acceptedRecord(binding('y'), '2026-10', 1, values(1))]), data: { submissionId: 'x', records: [] } };
    const after = statisticsAcceptedEvent('B0001', [acceptedRecord(binding('after'), '2026-10', 1, values(7))]);
    await stack.publish(ingestion, [other, broken, after], 1);
    await stack.handled(after.eventId);
    await stack.handled(other.eventId); // handled: inbox row, no effect
    expect(await stack.sql(`SELECT binding_id FROM report.statistics WHERE binding_id = ANY($1)`, [[`${id}-x`, `${id}-y`]])).toEqual([]);
    await withDeadLetters(async (dead) => {
      const letter = await eventually('the broken event on the dead-letter topic', () => dead.find((d) => d.value.includes(broken.eventId)));
      expect(letter.reason).toBe('CONTRACT_VIOLATION');
      expect(dead.some((d) => d.value.includes(other.eventId))).toBe(false);
    });
  });

  it('dead-letters a declaration or objection event it cannot read, and carries on with the next', async () => {
    const declaration = (data: Record<string, unknown>): EventEnvelope => ({
      eventId: randomUUID(), type: 'declaration.made', schemaVersion: 1, streamId: `declaration-${data.declarationId}`, streamVersion: 1, subject: SUBJECT,
      actor: { kind: 'enterprise', id: SUBJECT }, occurredAt: new Date().toISOString(), correlationId: randomUUID(), data,
    });
    const made = { declarationId: randomUUID(), uscc: SUBJECT, text: '声明', scope: 'REPORT', madeAt: '2026-11-10T00:00:00.000Z' };
    const brokenDeclaration = declaration({ ...made, bindingId: 'b-1' }); // a whole-report declaration naming a binding
    const goodId = randomUUID();
    const goodDeclaration = declaration({ ...made, declarationId: goodId });
    const objection = { objectionId: `${id}-obj`, subject: SUBJECT, bindingId: `${id}-obj-binding`, period: '2026-10' };
    const { data: _data, ...shape } = objectionCorrectedEvent(objection, 2, '2026-11-10T00:00:00.000Z');
    const brokenObjection: EventEnvelope = { ...shape, data: { objectionId: objection.objectionId, bindingId: objection.bindingId, period: objection.period, status: 'CORRECTED' } }; // no revision
    const goodObjection = objectionRaisedEvent(objection, '2026-11-01T00:00:00.000Z');
    await stack.publish(contextEventsTopic('identity'), [brokenDeclaration, goodDeclaration]);
    await stack.publish(ingestion, [brokenObjection, goodObjection]);
    await eventually('the good declaration and objection in the read models', async () =>
      (await stack.sql(`SELECT 1 FROM report.declarations WHERE declaration_id = $1`, [goodId])).length === 1 &&
      (await stack.sql(`SELECT 1 FROM report.objections WHERE objection_id = $1 AND status = 'SUBMITTED'`, [objection.objectionId])).length === 1,
    );
    expect(await stack.sql(`SELECT 1 FROM report.declarations WHERE declaration_id = $1`, [made.declarationId])).toEqual([]);
    await withDeadLetters(async (dead) => {
      for (const broken of [brokenDeclaration, brokenObjection]) {
        const letter = await eventually(`${broken.type} on the dead-letter topic`, () => dead.find((d) => d.value.includes(broken.eventId)));
        expect(letter.reason).toBe('CONTRACT_VIOLATION');
      }
    });
  });
});

/** Reads cfc.report.dead-letter.v1 from the start while `work` runs. */
async function withDeadLetters(work: (dead: Array<{ value: string; reason?: string }>) => Promise<void>): Promise<void> {
  const kafka = new Kafka({ brokers: integrationStack().kafkaBrokers, sasl: integrationStack().kafkaSasl, logLevel: logLevel.NOTHING });
  const reader = kafka.consumer({ groupId: uniqueName('dlq-reader'), maxWaitTimeInMs: 100 });
  const dead: Array<{ value: string; reason?: string }> = [];
  await reader.connect();
  await reader.subscribe({ topics: [deadLetterTopic('report')], fromBeginning: true });
  await reader.run({ eachMessage: async ({ message }) => void dead.push({ value: message.value!.toString('utf8'), reason: message.headers?.[Headers.errorReason]?.toString() }) });
  try {
    await work(dead);
  } finally {
    await reader.disconnect();
  }
}
