import { describeIntegration } from '@cfc/testing';
import { parseTlogProof, verifyInclusion, fromBase64, leafHash, canonicalJsonBytes } from '@cfc/tlog';
import { envelope, testUscc } from '../testing/event-samples';
import { eventually, startAuditStack, type AuditStack, type Json } from '../testing/audit.stack';

describeIntegration('activity records: from cfc.audit.v1 alone, per enterprise, with proofs of its own entries', () => {
  let stack: AuditStack;
  const mine = testUscc(21);
  const theirs = testUscc(22);
  const enterprise = (id: string) => ({ kind: 'enterprise' as const, id });
  const regulator = { kind: 'regulator' as const, id: 'R0001' };
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 8, minute)).toISOString();
  const journey = (subject: string, base: number) => [
    ['binding', envelope('binding.requested', { subject, occurredAt: at(base + 1) })],
    ['binding', envelope('binding.confirmed', { subject, occurredAt: at(base + 2) })],
    ['consent', envelope('authorization.requested', { subject, occurredAt: at(base + 3) })],
    ['consent', envelope('authorization.granted', { subject, occurredAt: at(base + 4) })],
    ['report', envelope('query.performed', { subject, occurredAt: at(base + 5) })],
    ['identity', envelope('subject.logged-in', { subject, occurredAt: at(base + 6) })],
  ] as const;
  const record = async (path: string, principal: { kind: 'enterprise' | 'regulator'; id: string } = enterprise(mine)) => {
    const res = await stack.call(path, principal);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    stack = await startAuditStack();
    await stack.publishInOrder([['identity', envelope('institution.registered', { subject: undefined, occurredAt: at(0) })], ...journey(mine, 0), ...journey(theirs, 10)]);
    await stack.untilPublished(13);
    await eventually('projection caught up', () => stack.runtime.activity.appliedSeq === 12);
  }, 180_000); // databases, migrations, Kafka logins and consumer groups: slow on a loaded 2-core machine
  afterAll(() => stack?.stop());

  it("lists the enterprise's own items newest first, each with seq, kind, actor by name and a sentence in both languages", async () => {
    const body = await record('/v1/subject/activity');
    expect(body.subject).toBe(mine);
    expect(body.throughSeq).toBe(12);
    expect(body.items.map((i: Json) => [i.type, i.kind])).toEqual([
      ['subject.logged-in', 'LOGIN'], ['query.performed', 'INSTITUTION_QUERY'], ['authorization.granted', 'AUTHORIZATION'],
      ['authorization.requested', 'AUTHORIZATION'], ['binding.confirmed', 'BINDING'], ['binding.requested', 'BINDING'],
    ]);
    const requested = body.items.find((i: Json) => i.type === 'authorization.requested');
    expect(requested.actor).toEqual({ kind: 'institution', id: 'L0001', name: '示例银行股份有限公司' });
    expect(requested.summary['zh-CN']).toMatch(/^示例银行股份有限公司（L0001）申请查询授权/);
    expect(requested.entry.seq).toBe(requested.seq);
    expect(body.items.every((i: Json) => i.entry.subject === mine)).toBe(true);
  });

  it('filters by kind, and refuses an unknown kind with a field problem', async () => {
    expect((await record('/v1/subject/activity?kind=BINDING')).items.map((i: Json) => i.type)).toEqual(['binding.confirmed', 'binding.requested']);
    const bad = await stack.call('/v1/subject/activity?kind=GOSSIP', enterprise(mine));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'kind', code: 'KIND_UNKNOWN' })]);
  });

  it('proves an own entry against the latest checkpoint, as JSON and as C2SP tlog-proof text', async () => {
    const item = (await record('/v1/subject/activity?kind=INSTITUTION_QUERY')).items[0];
    const json = await record(`/v1/subject/activity/${item.seq}/proof`);
    expect(json.entry).toEqual(item.entry);
    const leaf = leafHash(canonicalJsonBytes(json.entry));
    expect(verifyInclusion(json.seq, json.treeSize, leaf, json.proof.map((p: string) => fromBase64(p)!), fromBase64(json.rootHash)!)).toBe(true);
    expect(json.checkpoint.rootHash).toBe(json.rootHash);
    expect(json.keys[0].keyId).toBe(json.checkpoint.keyId);
    const text = await stack.call(`/v1/subject/activity/${item.seq}/proof`, enterprise(mine), { accept: 'text/plain' });
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    const parsed = parseTlogProof(text.text);
    expect(parsed.index).toBe(item.seq);
    expect(parsed.checkpoint.split('\n')[1]).toBe(String(json.treeSize));
  });

  it("answers 404 for another enterprise's entry, a platform-wide one and one never written, alike", async () => {
    const other = (await record('/v1/subject/activity', enterprise(theirs))).items[0];
    for (const seq of [String(other.seq), '0', '999999', 'abc']) {
      const res = await stack.call(`/v1/subject/activity/${seq}/proof`, enterprise(mine));
      expect([seq, res.status, res.body.code]).toEqual([seq, 404, 'NOT_FOUND']);
    }
    expect((await stack.call('/v1/subject/activity', regulator)).status).toBe(403);
  });

  it("gives the regulator any enterprise's record as it stood at a moment", async () => {
    const full = await record(`/v1/regulator/subjects/${theirs}/activity`, regulator);
    expect(full.items).toHaveLength(6);
    const past = await record(`/v1/regulator/subjects/${theirs}/activity?asOf=${encodeURIComponent(at(13))}`, regulator);
    expect(past.items.map((i: Json) => i.type)).toEqual(['authorization.requested', 'binding.confirmed', 'binding.requested']);
    expect(past.asOf).toBe(at(13));
    expect((await stack.call(`/v1/regulator/subjects/${theirs}/activity`, enterprise(theirs))).status).toBe(403);
    expect((await stack.call(`/v1/regulator/subjects/91110000600037341X/activity`, regulator)).status).toBe(404);
  });

  it('dropped and rebuilt from cfc.audit.v1 alone, the records are identical', async () => {
    const before = await Promise.all([mine, theirs].map((s) => record(`/v1/regulator/subjects/${s}/activity`, regulator)));
    await stack.runtime.activity.rebuild();
    expect((await stack.runtime.db.query(`SELECT generation FROM audit_activity.state`)).rows[0]).toEqual({ generation: 2 });
    await eventually('rebuilt through seq 12', () => stack.runtime.activity.appliedSeq === 12);
    const after = await Promise.all([mine, theirs].map((s) => record(`/v1/regulator/subjects/${s}/activity`, regulator)));
    expect(after).toEqual(before);
  });
});
