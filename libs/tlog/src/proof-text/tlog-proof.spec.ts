import { generateKeyPairSync } from 'node:crypto';
import { CompactRange } from '../merkle/compact-range';
import { leafHash } from '../merkle/hashing';
import { MemoryNodeStore } from '../merkle/node-reader';
import { inclusionProof } from '../merkle/proofs';
import { ed25519NoteSigner, ed25519NoteVerifier } from '../note/signed-note';
import { signTlogCheckpoint } from '../note/tlog-checkpoint';
import { formatTlogProof, parseTlogProof, verifyTlogProof } from './tlog-proof';

// The example of c2sp.org/tlog-proof (C2SP/C2SP@5ba5ee8); its signatures are elided with "[...]" there.
const SPEC_EXAMPLE = `c2sp.org/tlog-proof@v1
extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ
index 73894
gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=
EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=
RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=
AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=

example.com/fancylog
109482
sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=

— example.com/fancylog hI2DJw[...]1roloI=
`;

describe('C2SP tlog-proof', () => {
  it('reads the spec example: extra, index, five hashes, then the checkpoint verbatim', () => {
    const proof = parseTlogProof(SPEC_EXAMPLE);
    expect(proof.index).toBe(73894);
    expect(proof.proof).toHaveLength(5);
    expect(Buffer.from(proof.extra as Uint8Array).subarray(0, 22).toString()).toBe('age-v1.2.1-darwin-arm6');
    expect(proof.checkpoint.startsWith('example.com/fancylog\n109482\n')).toBe(true);
    expect(proof.checkpoint.endsWith('1roloI=\n')).toBe(true);
  });

  const key = generateKeyPairSync('ed25519');
  const origin = 'cfc.example/audit';
  const entries = Array.from({ length: 13 }, (_, i) => Buffer.from(`{"seq":${i}}`));
  const range = CompactRange.empty();
  const store = new MemoryNodeStore();
  for (const e of entries) store.put(range.appendData(e));
  const checkpoint = signTlogCheckpoint({ origin, treeSize: 13, rootHash: range.root() }, [ed25519NoteSigner(origin, key.privateKey)]);
  const verifiers = [ed25519NoteVerifier(origin, key.publicKey)];

  it('writes a proof that parses back and verifies offline, with and without extra data', async () => {
    for (const extra of [undefined, Buffer.from('seq 5 of the enterprise')]) {
      const text = formatTlogProof({ index: 5, proof: await inclusionProof(5, 13, store), checkpoint, extra });
      expect(text.split('\n').slice(0, extra ? 3 : 2)).toEqual(['c2sp.org/tlog-proof@v1', ...(extra ? [`extra ${extra.toString('base64')}`] : []), 'index 5']);
      expect(parseTlogProof(text).checkpoint).toBe(checkpoint);
      expect(verifyTlogProof(text, leafHash(entries[5]), origin, verifiers)).toMatchObject({ ok: true, checkpoint: { treeSize: 13 } });
    }
  });

  it('fails for another entry, another index, another origin, another key or a forged checkpoint', async () => {
    const text = formatTlogProof({ index: 5, proof: await inclusionProof(5, 13, store), checkpoint });
    expect(verifyTlogProof(text, leafHash(entries[6]), origin, verifiers)).toMatchObject({ ok: false, kind: 'INCLUSION_FAILED' });
    expect(verifyTlogProof(text.replace('index 5', 'index 6'), leafHash(entries[5]), origin, verifiers)).toMatchObject({ ok: false, kind: 'INCLUSION_FAILED' });
    expect(verifyTlogProof(text, leafHash(entries[5]), 'other.example/log', verifiers)).toMatchObject({ ok: false, kind: 'WRONG_ORIGIN' });
    const stranger = generateKeyPairSync('ed25519');
    expect(verifyTlogProof(text, leafHash(entries[5]), origin, [ed25519NoteVerifier(origin, stranger.publicKey)])).toMatchObject({ ok: false, kind: 'UNVERIFIED_NOTE' });
    expect(verifyTlogProof(text.replace('\n13\n', '\n14\n'), leafHash(entries[5]), origin, verifiers)).toMatchObject({ ok: false, kind: 'BAD_NOTE_SIGNATURE' });
  });

  it('names what is malformed', () => {
    const bad: [string, RegExp][] = [
      ['c2sp.org/tlog-proof@v2\nindex 1\n\nx\n', /first line/],
      ['c2sp.org/tlog-proof@v1\nindex 01\n\nx\n', /index/],
      ['c2sp.org/tlog-proof@v1\nextra ***\nindex 1\n\nx\n', /extra/],
      ['c2sp.org/tlog-proof@v1\nindex 1\nAAAA\n\nx\n', /32-byte/],
      ['c2sp.org/tlog-proof@v1\nindex 1\n', /checkpoint/],
    ];
    for (const [text, reason] of bad) expect(() => parseTlogProof(text)).toThrow(reason);
    expect(verifyTlogProof('nope', leafHash(entries[0]), origin, verifiers)).toMatchObject({ ok: false, kind: 'MALFORMED_PROOF' });
  });
});
