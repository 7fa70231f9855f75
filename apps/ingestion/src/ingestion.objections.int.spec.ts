import { Client } from 'pg';
import { contextEventsTopic, Headers, providerOutboundTopic, Topics } from '@cfc/contracts';
import { describeIntegration } from '@cfc/testing';
import { OBJECTION_ANSWER_MS } from './domain/objection/objection.events';
import { startIngestionStack, type IngestionStack } from './testing/ingestion.stack';
import { monthsAgo, recordFor, submission } from './testing/submissions';

describeIntegration('ingestion: objections through the gateway, answered by a provider played with kafkajs; the regulator views', () => {
  let stack: IngestionStack;
  let db: Client;
  let token: string;
  let binding: string;
  let account: { provider: string; number: string; type: string };
  let subject: string;
  const B = () => stack.signer('B0001');
  const months = [monthsAgo(0), monthsAgo(1), monthsAgo(2)];

  const object = (body: object, as = token) => stack.call('/v1/subject/objections', { token: as, body });
  const own = async (as = token) => (await stack.call('/v1/subject/objections', { token: as })).body.objections as Array<Record<string, unknown>>;
  const statusOf = async (id: string) => (await own()).find((o) => o.id === id)?.status;
  const event = (type: string, objectionId: string) =>
    stack.provider.waitFor(`${type} ${objectionId}`, (m) => m.topic === contextEventsTopic('ingestion') && m.value?.type === type && m.value.data.objectionId === objectionId);
  const deadLetter = (raw: Buffer, reason: string) => stack.provider.waitFor(`dead letter ${reason}`, (m) => m.topic === Topics.ingestionDeadLetter && m.raw.equals(raw) && m.headers[Headers.errorReason] === reason);
  const answer = (objectionId: string, extra: object) => ({ type: 'objection.resolved', objectionId, provider: 'B0001', ...extra });

  beforeAll(async () => {
    stack = await startIngestionStack();
    db = new Client({ connectionString: stack.ingestionDb.url });
    await db.connect();
    token = await stack.enterpriseToken(2);
    subject = stack.demo.enterprises[2].uscc;
    account = stack.demo.enterprises[2].accounts[0]; // at B0001
    binding = await stack.bindActive(token, account);
    const message = submission('B0001', months.map((m) => recordFor(account, subject, m)));
    await stack.provider.send(message, B(), { kafkaKey: binding });
    await stack.provider.waitFor('the months stored', (m) => m.topic === providerOutboundTopic('B0001') && m.value?.type === 'submission.accepted' && m.value.submissionId === message.submissionId);
  }, 180_000);
  afterAll(async () => {
    stack?.moveClock(0);
    await db?.end();
    await stack?.close();
  });

  it('raises an objection (the provider told, the text kept as written), refuses a second on the same month and bad requests, and answers 404 for another enterprise', async () => {
    const reason = '<script>alert("十月")</script> & 流入金额有误';
    const raised = await object({ bindingId: binding, period: months[0], fields: ['inflow.amount', 'balance.end'], reason });
    expect(raised.status).toBe(201);
    expect(raised.body).toEqual({ id: expect.any(String), status: 'SUBMITTED', dueBy: expect.any(String) });
    const dueIn = Date.parse(raised.body.dueBy) - Date.now();
    expect(dueIn).toBeGreaterThan(OBJECTION_ANSWER_MS - 120_000);
    expect(dueIn).toBeLessThanOrEqual(OBJECTION_ANSWER_MS);
    const told = await stack.provider.waitFor('objection.raised', (m) => m.topic === providerOutboundTopic('B0001') && m.value?.objectionId === raised.body.id);
    expect(told.value).toEqual({ type: 'objection.raised', schemaVersion: 1, objectionId: raised.body.id, bindingId: binding, account: { number: account.number, type: account.type }, period: months[0], fields: ['inflow.amount', 'balance.end'], reason, dueBy: raised.body.dueBy });
    const listed = (await own()).find((o) => o.id === raised.body.id)!;
    expect(listed).toMatchObject({ bindingId: binding, period: months[0], reason, status: 'SUBMITTED', disputedRevision: 1, history: [{ status: 'SUBMITTED' }] });
    expect(listed.account).toEqual({ number: expect.stringMatching(/^\d{4}\*+\d{4}$/), type: account.type });

    expect(await object({ bindingId: binding, period: months[0], reason: 'again' })).toMatchObject({ status: 409, body: { code: 'OBJECTION_ALREADY_OPEN', objectionId: raised.body.id } });
    expect(await object({ bindingId: binding, period: monthsAgo(9), reason: 'no data that month' })).toMatchObject({ status: 409, body: { code: 'NO_STATISTICS_FOR_MONTH' } });
    expect(await object({ bindingId: binding, period: months[1], reason: '   ' })).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ field: 'reason', code: 'REASON_EMPTY' })] } });
    expect(await object({ bindingId: binding, period: months[1], reason: 'x'.repeat(2001) })).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ code: 'REASON_TOO_LONG' })] } });
    expect(await object({ bindingId: binding, period: months[1], reason: 'x', fields: ['inflows'] })).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ code: 'FIELD_UNKNOWN' })] } });
    const stranger = await stack.enterpriseToken(3);
    expect(await object({ bindingId: binding, period: months[1], reason: 'not mine' }, stranger)).toMatchObject({ status: 404, body: { code: 'BINDING_NOT_FOUND' } });
    expect((await own(stranger)).length).toBe(0);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM ingestion.objections WHERE binding_id = $1`, [binding]);
    expect(rows[0].n).toBe(1); // nothing stored for the refused ones
  });

  it('is corrected by a higher revision sent before the answer: the answer without it is refused, then statistics.accepted carries the revision and the objection reads CORRECTED', async () => {
    const id = (await own()).find((o) => o.period === months[0])!.id as string;
    const early = await stack.provider.send(answer(id, { outcome: 'CORRECTED', note: '已更正', correctedRevision: 2 }), B(), { kafkaKey: binding });
    await deadLetter(early, 'CORRECTION_NOT_RECEIVED');
    expect(await statusOf(id)).toBe('SUBMITTED');

    const correction = submission('B0001', [recordFor(account, subject, months[0], 2, 5000)]);
    await stack.provider.sendAll([correction, answer(id, { outcome: 'CORRECTED', note: '已更正', correctedRevision: 2 })], B(), binding);
    const resolved = await event('objection.resolved', id);
    expect(resolved.value.subject).toBe(subject);
    expect(resolved.value.data).toMatchObject({ bindingId: binding, period: months[0], status: 'CORRECTED', outcome: 'CORRECTED', disputedRevision: 1, correctedRevision: 2, late: false });
    const corrected = await stack.provider.waitFor('statistics.accepted of the correction', (m) => m.topic === contextEventsTopic('ingestion') && m.value?.type === 'statistics.accepted' && m.value.data.submissionId === correction.submissionId);
    expect(corrected.value.data.records).toEqual([expect.objectContaining({ bindingId: binding, period: months[0], revision: 2 })]);
    const listed = (await own()).find((o) => o.id === id)!;
    expect(listed).toMatchObject({ status: 'CORRECTED', history: [{ status: 'SUBMITTED' }, { status: 'CORRECTED', correctedRevision: 2, note: '已更正', late: false }] });
  });

  it('refuses forged and other-provider answers (nothing changes), then is upheld with a note', async () => {
    const raised = await object({ bindingId: binding, period: months[1], reason: '余额不对' });
    const id = raised.body.id as string;
    const byOther = await stack.provider.send({ ...answer(id, { outcome: 'UPHELD', note: 'not yours' }), provider: 'P0001' }, stack.signer('P0001'));
    await deadLetter(byOther, 'OBJECTION_OF_ANOTHER_PROVIDER');
    const forged = await stack.provider.send(answer(id, { outcome: 'UPHELD', note: 'forged' }), { ...B(), privateKeyPem: stack.signer('P0001').privateKeyPem });
    await deadLetter(forged, 'BAD_SIGNATURE');
    const unknown = await stack.provider.send(answer('no-such-objection', { outcome: 'UPHELD', note: 'x' }), B());
    await deadLetter(unknown, 'UNKNOWN_OBJECTION');
    expect(await statusOf(id)).toBe('SUBMITTED');
    await stack.provider.send(answer(id, { outcome: 'UPHELD', note: '经复核，数据无误' }), B(), { kafkaKey: binding });
    expect((await event('objection.resolved', id)).value.data).toMatchObject({ status: 'UPHELD', note: '经复核，数据无误' });
    expect((await own()).find((o) => o.id === id)).toMatchObject({ status: 'UPHELD', history: [{ status: 'SUBMITTED' }, { status: 'UPHELD', note: '经复核，数据无误' }] });
    const contrary = await stack.provider.send(answer(id, { outcome: 'CORRECTED', correctedRevision: 2 }), B(), { kafkaKey: binding });
    await deadLetter(contrary, 'OBJECTION_NOT_OPEN');
  });

  it('goes OVERDUE once 20 days pass unanswered (the clock, then objection.overdue on the log); the regulator sees it first, and the providers view counts it', async () => {
    const raised = await object({ bindingId: binding, period: months[2], reason: '笔数有误' });
    const id = raised.body.id as string;
    stack.moveClock(OBJECTION_ANSWER_MS + 3_600_000);
    token = await stack.enterpriseToken(2); // the old token expired with the move
    await stack.eventually('OVERDUE on read', async () => (await statusOf(id)) === 'OVERDUE');
    expect((await event('objection.overdue', id)).value.data).toMatchObject({ bindingId: binding, period: months[2], status: 'OVERDUE', dueBy: raised.body.dueBy });
    const regulator = await stack.regulatorToken();
    const all = (await stack.call('/v1/regulator/objections', { token: regulator })).body.objections as Array<{ id: string; status: string; subject: string }>;
    expect(all[0]).toMatchObject({ id, status: 'OVERDUE', subject });
    expect(all.map((o) => o.status).sort()).toEqual(['CORRECTED', 'OVERDUE', 'UPHELD']);
    const overdue = (await stack.call('/v1/regulator/objections?status=OVERDUE', { token: regulator })).body.objections;
    expect(overdue.map((o: { id: string }) => o.id)).toEqual([id]);
    expect((await stack.call('/v1/regulator/objections', { token })).status).toBe(403); // an enterprise is no regulator

    // cfc.binding.events.v1 is shared by every suite on the broker: other stacks' bindings are bound accounts too.
    const page = async (after?: string) => (await stack.call(`/v1/regulator/providers/B0001/accounts?limit=100${after ? `&after=${after}` : ''}`, { token: regulator })).body;
    const findMine = async () => {
      for (let body = await page(); ; body = await page(body.next)) {
        const mine = body.accounts.find((a: { bindingId: string }) => a.bindingId === binding);
        if (mine || !body.next) return mine;
      }
    };
    const mine = await stack.eventually('the bound account in the freshness read model', findMine);
    expect(mine).toEqual({ bindingId: binding, subject, latestMonth: months[0], receivedAt: expect.any(String), account: { number: expect.stringMatching(/\*/), type: account.type } });
    const view = (await stack.call('/v1/regulator/providers', { token: regulator })).body.providers.find((p: { provider: string }) => p.provider === 'B0001');
    expect(view).toMatchObject({ openObjections: 1, overdueObjections: 1, total: { objectionsRaised: 3, objectionsResolved: 2, acceptedRecords: 4 }, last24h: { acceptedRecords: 0 } }); // 24 h are behind, 21 days on
    expect(view.freshness).toMatchObject({ suppliedAccounts: 1, newestMonth: months[0] }); // statistics only this stack's ingestion stored
    expect(view.freshness.boundAccounts).toBeGreaterThanOrEqual(1);
    expect((await stack.call('/v1/regulator/providers/B0001/accounts?limit=0', { token: regulator })).status).toBe(400);
  });
});
