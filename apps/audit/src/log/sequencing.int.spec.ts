import { challengeRefOf, Topics, validateAuditCheckpoint } from '@cfc/contracts';
import { describeIntegration } from '@cfc/testing';
import { canonicalJson, CompactRange, fromBase64, parseCheckpoint, verifyCheckpoint } from '@cfc/tlog';
import { CHALLENGE_ID, envelope, LOGIN_SAMPLES_V1, loginEnvelopeV1, testUscc } from '../testing/event-samples';
import { eventually, startAuditStack, type AuditStack } from '../testing/audit.stack';

describeIntegration('audit sequencing: source events to a gap-free, published, checkpointed log', () => {
  let stack: AuditStack;
  const logSize = async () => Number((await stack.runtime.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit.entries`)).rows[0].n);

  beforeAll(async () => {
    stack = await startAuditStack();
  }, 180_000); // databases, migrations, Kafka logins and consumer groups: slow on a loaded 2-core machine
  afterAll(() => stack?.stop());

  it('logs each audited event once, in arrival order, with seq = offset and the value exactly the stored JCS bytes', async () => {
    const subject = testUscc(11);
    const steps = [
      ['identity', envelope('institution.registered', { subject: undefined })],
      ['identity', envelope('login-challenge.issued', { subject })], // not audited
      ['identity', envelope('data-account.opened', { subject })],
      ['identity', loginEnvelopeV1('subject.logged-in', { subject })], // written before version 2
      ['binding', envelope('binding.requested', { subject })],
      ['binding', envelope('binding.confirmed', { subject })],
      ['consent', envelope('authorization.requested', { subject })],
      ['consent', envelope('authorization.granted', { subject })],
      ['consent', envelope('authorization.used', { subject })], // not audited
      ['report', envelope('query.performed', { subject })],
    ] as const;
    const audited: string[] = [];
    for (const [context, event] of steps) {
      const before = await logSize();
      await stack.publish(context, [event]);
      if (['login-challenge.issued', 'authorization.used'].includes(event.type)) continue;
      audited.push(event.type);
      await eventually(`${event.type} logged`, async () => (await logSize()) === before + 1);
    }
    await stack.untilPublished(audited.length);
    const values = await stack.read(stack.topics.entries, audited.length);
    const stored = await stack.runtime.db.query<{ seq: string; bytes: Buffer }>(`SELECT seq, bytes FROM audit.entries ORDER BY seq`);
    expect(values.map((m) => Number(m.offset))).toEqual(audited.map((_, i) => i));
    expect(values.map((m) => m.value!.toString('hex'))).toEqual(stored.rows.map((r) => r.bytes.toString('hex')));
    const entries = values.map((m) => JSON.parse(m.value!.toString('utf8')));
    expect(entries.map((e) => e.type)).toEqual(audited);
    expect(entries.map((e) => e.seq)).toEqual(audited.map((_, i) => i));
    for (const m of values) expect(canonicalJson(JSON.parse(m.value!.toString('utf8')))).toBe(m.value!.toString('utf8'));
    expect(entries[0]).not.toHaveProperty('subject');
    expect(entries.slice(1).every((e) => e.subject === subject)).toBe(true);
    expect(entries[2].data).toEqual({ challengeRef: challengeRefOf(CHALLENGE_ID) });
    expect(entries[3].data.account.number).toBe('6222***********3445');
    expect(values.some((m) => m.value!.toString('utf8').includes(CHALLENGE_ID))).toBe(false);
  });

  it('never gives a redelivered event a second seq (end marker: an event after it in the same partition)', async () => {
    const subject = testUscc(12);
    const event = envelope('binding.ended', { subject });
    const marker = envelope('binding.expired', { subject });
    const before = await logSize();
    await stack.publish('binding', [event]);
    await eventually('first delivery logged', async () => (await logSize()) === before + 1);
    await stack.publish('binding', [event, marker]);
    await eventually('marker logged', async () => (await stack.runtime.db.query(`SELECT 1 FROM audit.entries WHERE source_event_id = $1`, [marker.eventId])).rowCount === 1);
    expect(await logSize()).toBe(before + 2);
    expect((await stack.runtime.db.query(`SELECT 1 FROM audit.entries WHERE source_event_id = $1`, [event.eventId])).rowCount).toBe(1);
  });

  it('dead-letters bad JSON, a broken contract, a type nobody mapped and a version no mapping reads, with a reason, logging none of them', async () => {
    const before = await logSize();
    const unmapped = envelope('message.deleted', { data: { messageId: 'm-1' } });
    const broken = envelope('binding.confirmed', { data: { bindingId: 'b' } });
    // A version-2 login event must carry the reference: the challenge id in clear is refused, never logged.
    const clearChallenge = envelope('subject.logged-in', { data: LOGIN_SAMPLES_V1['subject.logged-in'].data });
    const unknownVersion = envelope('subject.logged-in', { schemaVersion: 3 });
    await stack.publishRaw('identity', ['{not json']);
    await stack.publish('identity', [unmapped, clearChallenge, unknownVersion]);
    await stack.publish('binding', [broken]);
    const letters = await stack.read(stack.topics.deadLetter, 5);
    const reasons = Object.fromEntries(letters.map((m) => [m.value!.toString('utf8'), m.headers['cfc-error-reason']]));
    expect(reasons).toEqual({
      '{not json': 'INVALID_JSON',
      [JSON.stringify(unmapped)]: 'UNMAPPED_EVENT_TYPE',
      [JSON.stringify(broken)]: 'CONTRACT_VIOLATION',
      [JSON.stringify(clearChallenge)]: 'CONTRACT_VIOLATION',
      [JSON.stringify(unknownVersion)]: 'UNMAPPED_SCHEMA_VERSION',
    });
    expect(letters.every((m) => m.headers['cfc-consumer-group'] === stack.topics.recorderGroup)).toBe(true);
    expect(await logSize()).toBe(before);
  });

  it('signs checkpoints that verify with the published key, cover the topic, and agree with the C2SP note', async () => {
    const size = await logSize();
    await stack.untilPublished(size);
    const checkpoints = await stack.read(stack.topics.checkpoints, 1);
    const keys = (await stack.call('/v1/regulator/audit/keys', { kind: 'regulator', id: 'R0001' })).body;
    const trusted = new Map([[keys.keys[0].keyId as string, (await import('node:crypto')).createPublicKey(keys.keys[0].publicKeyPem)]]);
    const entries = await stack.read(stack.topics.entries, size);
    const tree = CompactRange.empty();
    const roots = new Map<number, string>();
    for (const m of entries) roots.set((tree.appendData(m.value!), tree.size), Buffer.from(tree.root()).toString('base64'));
    for (const m of checkpoints) {
      const parsed = parseCheckpoint(m.value!);
      if (!parsed.ok) throw new Error(parsed.reason);
      expect(validateAuditCheckpoint.check(parsed.checkpoint).ok).toBe(true);
      expect(verifyCheckpoint(parsed.checkpoint, trusted)).toEqual({ ok: true });
      expect(parsed.checkpoint.rootHash).toBe(roots.get(parsed.checkpoint.treeSize));
    }
    const latest = (await stack.call('/v1/regulator/audit/checkpoint', { kind: 'regulator', id: 'R0001' })).body;
    const note = (await stack.call('/v1/regulator/audit/tlog/checkpoint', { kind: 'regulator', id: 'R0001' })).text;
    expect(note.split('\n').slice(0, 3)).toEqual(['cfc.local/audit', String(latest.treeSize), latest.rootHash]);
    expect(fromBase64(latest.rootHash)).toBeDefined();
    expect(Topics.audit).toBe('cfc.audit.v1'); // the namespaced names derive from the contract's
    expect(stack.topics.entries).toBe(`cfc.audit.v1.${stack.namespace}`);
  });

  it('refuses in the database itself to change, delete, truncate or leave a gap in the log', async () => {
    const db = stack.runtime.db;
    await expect(db.query(`UPDATE audit.entries SET subject = 'x' WHERE seq = 0`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(db.query(`DELETE FROM audit.entries WHERE seq = 0`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(db.query(`TRUNCATE audit.entries`)).rejects.toThrow(/TRUNCATE refused/);
    await expect(db.query(`DELETE FROM audit.checkpoints`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit.tiles WHERE width = 256`)).resolves.toBeDefined(); // none full yet: nothing refused, nothing deleted
    const size = await logSize();
    await expect(
      db.query(`INSERT INTO audit.entries (seq, source_event_id, bytes, leaf) VALUES ($1, gen_random_uuid(), '\\x00', $2)`, [size + 1, Buffer.alloc(32)]),
    ).rejects.toThrow(/would not continue the log/);
  });
});
