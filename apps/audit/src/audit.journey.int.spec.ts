import { describeIntegration, serviceAuthHeaders } from '@cfc/testing';
import { envelope, testUscc } from './testing/event-samples';
import { startAuditStack, type AuditStack, type Json } from './testing/audit.stack';
import {
  bundleEntries, checkpointSignatureHolds, consistencyHolds, inclusionHolds, jcs, leafOf, merkleRoot, noteKeyIdOf, openCheckpointNote, tileName,
} from './testing/independent-verifier';

// "Done when" of issue 12: a journey's events in order on cfc.audit.v1, checked by a verifier that shares
// no code with the service or @cfc/tlog (testing/independent-verifier.ts).
describeIntegration('audit journey, checked independently: topic, checkpoints, proofs, signed note, tiles, activity', () => {
  let stack: AuditStack;
  let values: Buffer[];
  let leaves: Buffer[];
  let checkpoints: Json[];
  let key: Buffer;
  const subject = testUscc(31);
  const regulator = { kind: 'regulator' as const, id: 'R0001' };
  const get = async (path: string) => {
    const res = await stack.call(path, regulator);
    expect([path, res.status]).toEqual([path, 200]);
    return res;
  };
  const b64 = (s: string) => Buffer.from(s, 'base64');
  const journey = [
    ['identity', envelope('institution.registered', { subject: undefined })],
    ['identity', envelope('data-account.opened', { subject })],
    ['identity', envelope('subject.logged-in', { subject })],
    ['binding', envelope('binding.requested', { subject })],
    ['binding', envelope('binding.confirmed', { subject })],
    ['consent', envelope('authorization.requested', { subject })],
    ['consent', envelope('authorization.granted', { subject })],
    ['report', envelope('query.performed', { subject })],
    ['consent', envelope('authorization.revoked', { subject })],
    ['identity', envelope('subject.logged-out', { subject })],
  ] as const;
  const OTHERS = 590; // enough for two full tiles and a partial one

  beforeAll(async () => {
    stack = await startAuditStack({ AUDIT_CHECKPOINT_EVERY_ENTRIES: '128' });
    await stack.publishInOrder(journey);
    await stack.publish('binding', Array.from({ length: OTHERS }, (_, i) => envelope('binding.requested', { subject: testUscc(1000 + i) })));
    const size = journey.length + OTHERS;
    await stack.untilPublished(size);
    values = (await stack.read(stack.topics.entries, size)).map((m) => m.value!);
    leaves = values.map(leafOf);
    checkpoints = (await stack.read(stack.topics.checkpoints, 1)).map((m) => JSON.parse(m.value!.toString('utf8')));
    const keys = (await get('/v1/regulator/audit/keys')).body;
    key = Buffer.from(keys.keys[0].jwk.x, 'base64url');
  }, 180_000); // databases, migrations, Kafka logins and consumer groups: slow on a loaded 2-core machine
  afterAll(() => stack?.stop());

  it("puts the journey's events on the topic in order: canonical JSON, seq = offset, masked, no personal data", () => {
    const entries = values.map((v) => JSON.parse(v.toString('utf8')));
    values.forEach((v, i) => expect([i, jcs(entries[i])]).toEqual([i, v.toString('utf8')]));
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i));
    expect(entries.slice(0, journey.length).map((e) => e.type)).toEqual(journey.map(([, e]) => e.type));
    expect(values.some((v) => v.includes('6222020200112233445'))).toBe(false);
  });

  it('streams the entries as NDJSON, each line the exact bytes of the Kafka value', async () => {
    const all = await get('/v1/regulator/audit/entries?from=0&limit=10000');
    expect(all.headers.get('content-type')).toBe('application/x-ndjson');
    expect(all.text).toBe(values.map((v) => `${v.toString('utf8')}\n`).join(''));
    const page = (await get('/v1/regulator/audit/entries?from=590&limit=5')).text.split('\n');
    expect(page).toEqual([...values.slice(590, 595).map((v) => v.toString('utf8')), '']);
    expect((await get(`/v1/regulator/audit/entries?from=${values.length}`)).text).toBe('');
    const bad = await stack.call('/v1/regulator/audit/entries?limit=0', regulator);
    expect([bad.status, bad.body.code]).toEqual([400, 'LIMIT_RANGE']);
    const notNumber = await stack.call('/v1/regulator/audit/entries?from=-1', regulator);
    expect(notNumber.body.errors).toEqual([expect.objectContaining({ field: 'from', code: 'FROM_FORMAT' })]);
    expect((await stack.call('/v1/regulator/audit/entries', { kind: 'enterprise', id: subject })).status).toBe(403);
  });

  it('recomputes every checkpoint root from the topic and checks every signature', () => {
    expect(checkpoints.length).toBeGreaterThanOrEqual(Math.floor(values.length / 128));
    for (const cp of checkpoints) {
      expect(merkleRoot(leaves.slice(0, cp.treeSize)).toString('base64')).toBe(cp.rootHash);
      expect(checkpointSignatureHolds(cp as never, key)).toBe(true);
      expect(checkpointSignatureHolds({ ...cp, treeSize: cp.treeSize + 1 } as never, key)).toBe(false);
    }
    expect(checkpoints[checkpoints.length - 1].treeSize).toBe(values.length);
    expect(checkpoints[0].keyId).toBe(noteKeyIdOf('cfc.local/audit', key).toString('hex'));
  });

  it('checks inclusion proofs from the HTTP API at the latest and at an older checkpoint', async () => {
    const older = checkpoints.find((cp) => cp.treeSize > 200 && cp.treeSize < values.length)!;
    for (const [seq, treeSize] of [[0, undefined], [7, undefined], [values.length - 1, undefined], [5, older.treeSize], [older.treeSize - 1, older.treeSize]] as const) {
      const { body } = await get(`/v1/regulator/audit/proofs/inclusion?seq=${seq}${treeSize ? `&treeSize=${treeSize}` : ''}`);
      const size = treeSize ?? values.length;
      expect(body).toMatchObject({ seq, treeSize: size, rootHash: merkleRoot(leaves.slice(0, size)).toString('base64') });
      expect(checkpointSignatureHolds(body.checkpoint, key)).toBe(true);
      expect(inclusionHolds(seq, size, leaves[seq], body.proof.map(b64), b64(body.rootHash))).toBe(true);
      expect(inclusionHolds(seq, size, leaves[(seq + 1) % size], body.proof.map(b64), b64(body.rootHash))).toBe(false);
    }
    const notSigned = await stack.call(`/v1/regulator/audit/proofs/inclusion?seq=1&treeSize=${older.treeSize + 1}`, regulator);
    expect([notSigned.status, notSigned.body.code]).toEqual([400, 'TREE_SIZE_NOT_CHECKPOINTED']);
  });

  it('checks consistency proofs between consecutive checkpoints and from the first to the last', async () => {
    const pairs = [...checkpoints.slice(1).map((cp, i) => [checkpoints[i], cp]), [checkpoints[0], checkpoints[checkpoints.length - 1]]];
    for (const [a, b] of pairs) {
      const { body } = await get(`/v1/regulator/audit/proofs/consistency?first=${a.treeSize}&second=${b.treeSize}`);
      expect(consistencyHolds(a.treeSize, b.treeSize, b64(a.rootHash), b64(b.rootHash), body.proof.map(b64))).toBe(true);
      if (body.proof.length > 0) expect(consistencyHolds(a.treeSize, b.treeSize, b64(a.rootHash), b64(b.rootHash), body.proof.slice(1).map(b64))).toBe(false);
    }
  });

  it('opens the C2SP signed-note checkpoint with the same key: same size and root as the JSON one', async () => {
    const note = (await get('/v1/regulator/audit/tlog/checkpoint')).text;
    const json = (await get('/v1/regulator/audit/checkpoint')).body;
    expect(openCheckpointNote(note, 'cfc.local/audit', key)).toEqual({ origin: 'cfc.local/audit', treeSize: json.treeSize, rootHash: json.rootHash });
    expect(openCheckpointNote(note.replace(`\n${json.treeSize}\n`, `\n${json.treeSize + 1}\n`), 'cfc.local/audit', key)).toBe('bad signature');
  });

  it('rebuilds the root from the stored tiles alone; entry bundles hold the exact topic values; full tiles are immutable', async () => {
    const size = values.length;
    const fromTiles: Buffer[] = [];
    for (let n = 0; n * 256 < size; n++) {
      const width = Math.min(256, size - n * 256);
      const tile = await rawTile(tileName(0, n, width));
      expect(tile.length).toBe(width * 32);
      for (let i = 0; i < width; i++) fromTiles.push(tile.subarray(i * 32, i * 32 + 32));
      const bundle = await rawTile(tileName('entries', n, width));
      expect(bundleEntries(bundle).map((e) => e.toString('hex'))).toEqual(values.slice(n * 256, n * 256 + width).map((v) => v.toString('hex')));
    }
    expect(merkleRoot(fromTiles).toString('base64')).toBe(checkpoints[checkpoints.length - 1].rootHash);
    const level1 = await rawTile(tileName(1, 0, Math.floor(size / 256)));
    expect(level1.toString('hex')).toBe(Buffer.concat([0, 1].map((n) => merkleRoot(leaves.slice(n * 256, n * 256 + 256)))).toString('hex'));
    await expect(stack.runtime.db.query(`DELETE FROM audit.tiles WHERE width = 256`)).rejects.toThrow(/full tile is immutable/);
    const missing = await stack.call(`/v1/regulator/audit/tlog/${tileName(0, 9, 256)}`, regulator);
    expect(missing.status).toBe(404);
  });

  it("gives the enterprise its journey as its activity record, and a tlog-proof of each item the independent checks accept", async () => {
    const enterprise = { kind: 'enterprise' as const, id: subject };
    const record = (await stack.call('/v1/subject/activity', enterprise)).body;
    expect(record.items.map((i: Json) => i.type).reverse()).toEqual(journey.slice(1).map(([, e]) => e.type));
    expect(record.items.map((i: Json) => i.kind).reverse()).toEqual(['LOGIN', 'LOGIN', 'BINDING', 'BINDING', 'AUTHORIZATION', 'AUTHORIZATION', 'INSTITUTION_QUERY', 'AUTHORIZATION', 'LOGIN']);
    for (const item of record.items as Json[]) {
      const text = (await stack.call(`/v1/subject/activity/${item.seq}/proof`, enterprise, { accept: 'text/plain' })).text;
      const [header, indexLine, ...rest] = text.split('\n');
      expect(header).toBe('c2sp.org/tlog-proof@v1');
      expect(indexLine).toBe(`index ${item.seq}`);
      const blank = rest.indexOf('');
      const note = rest.slice(blank + 1).join('\n');
      const opened = openCheckpointNote(note, 'cfc.local/audit', key);
      if (typeof opened === 'string') throw new Error(opened);
      expect(inclusionHolds(item.seq, opened.treeSize, leafOf(Buffer.from(jcs(item.entry), 'utf8')), rest.slice(0, blank).map(b64), b64(opened.rootHash))).toBe(true);
    }
  });

  async function rawTile(path: string): Promise<Buffer> {
    const res = await fetch(`${stack.url}/v1/regulator/audit/tlog/${path}`, { headers: await serviceAuthHeaders('audit', { principal: regulator }) });
    expect([path, res.status]).toEqual([path, 200]);
    expect([path, res.headers.get('cache-control')]).toEqual([path, path.includes('.p/') ? 'public, max-age=3600' : 'public, max-age=31536000, immutable']);
    return Buffer.from(await res.arrayBuffer());
  }
});
