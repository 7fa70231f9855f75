import { generateKeyPairSync } from 'node:crypto';
import { CompactRange, formatVerifierKey, TileCutter, tilePath, type ReplayProblem } from '@cfc/tlog';
import { AUDITED_TYPES } from '../domain/audited-types/audited-types';
import { readEntry } from '../domain/activity/activity-item';
import { InstitutionDirectory } from '../domain/activity/institution-directory';
import { draftFrom, entryBytes } from '../domain/entries/audit-draft';
import { envelope, testUscc } from '../testing/event-samples';
import { ActivityRebuild, recordDigest } from './activity.rebuild';
import { LeafRecorder, pinpointLeaves } from './leaf-pinpoint';
import { Progress, table } from './progress';
import { parseTrustedKeys } from './trusted-keys';
import { parseVerifyOptions, UsageError } from './verify.options';

describe('the regulator tool, piece by piece', () => {
  describe('options', () => {
    it('needs brokers and keys, and joins a throwaway group under the regulator prefix when it logs in as one', () => {
      expect(() => parseVerifyOptions(['--keys', 'k.json'], {})).toThrow(new UsageError('--brokers is required'));
      expect(() => parseVerifyOptions(['--brokers', 'h:1'], {})).toThrow(/--keys is required/);
      expect(() => parseVerifyOptions(['--brokers', 'h:1', '--keys', 'k', '--nope'], {})).toThrow(UsageError);
      const o = parseVerifyOptions(['--brokers', 'a:1, b:2', '--keys', 'k', '--sasl-mechanism', 'scram-sha-256', '--sasl-username', 'R0001', '--header', 'Authorization: Bearer x'], { AUDIT_VERIFY_SASL_PASSWORD: 'pw' });
      expect(o).toMatchObject({ brokers: ['a:1', 'b:2'], sasl: { mechanism: 'scram-sha-256', username: 'R0001', password: 'pw' }, entriesTopic: 'cfc.audit.v1', checkpointsTopic: 'cfc.audit.checkpoints.v1', headers: { authorization: 'Bearer x' } });
      expect(o.group).toMatch(/^cfc\.regulator\.R0001\.verify-[0-9a-f]{8}$/);
      expect(() => parseVerifyOptions(['--brokers', 'h:1', '--keys', 'k', '--sasl-mechanism', 'gssapi'], {})).toThrow(/scram-sha-256 or plain/);
      expect(() => parseVerifyOptions(['--brokers', 'h:1', '--keys', 'k', '--sasl-mechanism', 'plain', '--sasl-username', 'u'], {})).toThrow(/needs --sasl-username and a password/);
    });
  });

  describe('trusted keys', () => {
    it('reads the /keys JSON (PEM or JWK) and C2SP verifier keys, by key id', () => {
      const { publicKey } = generateKeyPairSync('ed25519');
      const jwk = publicKey.export({ format: 'jwk' });
      const fromJson = parseTrustedKeys(JSON.stringify({ keys: [{ keyId: 'a', publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) }, { keyId: 'b', jwk }] }));
      expect([...fromJson.keys()]).toEqual(['a', 'b']);
      const vkey = formatVerifierKey('log.example/audit', publicKey);
      const fromVkeys = parseTrustedKeys(`${vkey}\n`);
      expect([...fromVkeys.keys()]).toEqual([vkey.split('+')[1]]);
      expect(() => parseTrustedKeys('log+00000000+AAAA')).toThrow();
    });
  });

  describe('progress', () => {
    it('redraws one bar on a terminal and writes plain lines elsewhere, with rate and ETA', () => {
      let now = 0;
      const tty: string[] = [];
      const bar = new Progress({ write: (t) => void tty.push(t), isTTY: true, columns: 100 }, 1000, () => now);
      now = 1000;
      bar.update(250, 0);
      now = 1050;
      bar.update(260, 0); // within 100 ms: not redrawn
      bar.finish(1000, 2);
      expect(tty[0]).toMatch(/^\r\[#+\.+\]  25\.0% 250\/1,000 entries  250\/s  ETA 3s\x1b\[K$/);
      expect(tty).toHaveLength(3);
      expect(tty[2]).toBe('\n');
      const plain: string[] = [];
      const lines = new Progress({ write: (t) => void plain.push(t), isTTY: false }, 1000, () => now);
      lines.update(500, 1, true);
      expect(plain).toEqual([expect.stringMatching(/^progress: 50\.0% 500\/1,000 entries .* problems 1\n$/)]);
    });

    it('draws the summary as a boxed two-column table', () => {
      expect(table([['a', 'bb'], ['ccc', 'd']])).toBe('+-----+----+\n| a   | bb |\n| ccc | d  |\n+-----+----+\n');
    });
  });

  describe('activity rebuild', () => {
    it("counts each enterprise's items by kind and digests them as the service's record would be", async () => {
      const entries = [envelope('institution.registered', { subject: undefined }), envelope('authorization.requested', { subject: testUscc(5) }), envelope('binding.requested', { subject: testUscc(5) }), envelope('binding.requested', { subject: testUscc(6) })]
        .map((e, seq) => entryBytes(draftFrom(e, AUDITED_TYPES[e.type]), seq));
      const rebuild = new ActivityRebuild();
      rebuild.add([...entries, Buffer.from('{broken')]);
      const summary = await rebuild.finish();
      expect(summary).toMatchObject({ enterprises: 2, items: 3, platformEntries: 1, unreadable: 1, byKind: { AUTHORIZATION: 1, BINDING: 2 } });
      const names = new InstitutionDirectory();
      const items = entries.map((b) => JSON.parse(b.toString())).flatMap((e) => (names.learn(e), [readEntry(e, names)])).flatMap((r) => (r.kind === 'item' && r.subject === testUscc(5) ? [r.item] : []));
      expect(summary.digests[testUscc(5)]).toBe(recordDigest([...items].reverse()));
    });
  });

  describe('leaf pinpointing', () => {
    it("names the first entry in a root mismatch's bracket whose leaf differs from the log's level-0 tile", async () => {
      const good = Array.from({ length: 300 }, (_, i) => Buffer.from(`{"seq":${i}}`));
      const tree = CompactRange.empty();
      const cutter = TileCutter.empty();
      const tiles = new Map<string, Buffer>();
      for (const e of good) for (const t of cutter.add(tree.appendData(e))) tiles.set(tilePath(t), t.data);
      for (const t of cutter.partialTiles()) tiles.set(tilePath(t), t.data);
      const leaves = new LeafRecorder();
      const replayed = CompactRange.empty();
      good.forEach((e, i) => leaves.add(replayed.appendData(i === 270 ? Buffer.from('{"seq":999}') : e)[0].hash));
      const mismatch: ReplayProblem = { kind: 'ROOT_MISMATCH', message: '', fromSeq: 200, toSeq: 299, treeSize: 300 };
      const found = await pinpointLeaves([mismatch], leaves, async (path) => tiles.get(path));
      expect(found).toEqual([expect.objectContaining({ kind: 'LEAF_MISMATCH', seq: 270 })]);
      expect(await pinpointLeaves([{ ...mismatch, kind: 'SEQ_GAP' }], leaves, async (path) => tiles.get(path))).toEqual([]);
    });
  });
});
