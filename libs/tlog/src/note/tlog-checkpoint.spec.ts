import { generateKeyPairSync } from 'node:crypto';
import vectors from '../testdata/c2sp-notes.json';
import { leafHash } from '../merkle/hashing';
import { ed25519NoteSigner, ed25519NoteVerifier, parseNote, parseVerifierKey } from './signed-note';
import { formatCheckpointText, openTlogCheckpoint, parseCheckpointText, signTlogCheckpoint } from './tlog-checkpoint';

describe('C2SP tlog-checkpoint', () => {
  it('reads the real sum.golang.org checkpoint: origin, size, root', () => {
    const opened = openTlogCheckpoint(vectors.goSumDb.note, vectors.goSumDb.origin, [parseVerifierKey(vectors.goSumDb.vkey)]);
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      expect(opened.checkpoint.treeSize).toBe(vectors.goSumDb.treeSize);
      expect(Buffer.from(opened.checkpoint.rootHash).toString('base64')).toBe(vectors.goSumDb.rootHash);
      expect(formatCheckpointText(opened.checkpoint)).toBe(parseNote(vectors.goSumDb.note).text);
    }
    expect(openTlogCheckpoint(vectors.goSumDb.note, 'another log', [parseVerifierKey(vectors.goSumDb.vkey)])).toMatchObject({ ok: false, kind: 'WRONG_ORIGIN' });
  });

  it('parses the spec example text', () => {
    const { text } = parseNote(vectors.checkpointSpecExample.note);
    expect(parseCheckpointText(text)).toMatchObject({ origin: 'example.com/behind-the-sofa', treeSize: 20852163, extensions: [] });
  });

  it('signs a checkpoint that opens with the same key and keeps extension lines', () => {
    const key = generateKeyPairSync('ed25519');
    const checkpoint = { origin: 'cfc.example/audit', treeSize: 70000, rootHash: leafHash(Buffer.from('r')), extensions: ['ext one'] };
    const note = signTlogCheckpoint(checkpoint, [ed25519NoteSigner('cfc.example/audit', key.privateKey)]);
    expect(note.startsWith(`cfc.example/audit\n70000\n${Buffer.from(checkpoint.rootHash).toString('base64')}\next one\n\n\u2014 cfc.example/audit `)).toBe(true);
    const opened = openTlogCheckpoint(note, 'cfc.example/audit', [ed25519NoteVerifier('cfc.example/audit', key.publicKey)]);
    expect(opened).toEqual({ ok: true, checkpoint: { ...checkpoint, rootHash: Buffer.from(checkpoint.rootHash) } });
  });

  it('refuses malformed bodies with a reason', () => {
    const root = Buffer.from(leafHash(Buffer.from('r'))).toString('base64');
    const bad: [string, RegExp][] = [
      [`o\n1\n`, /at least origin, size and root/],
      [`o\n01\n${root}\n`, /leading zeroes/],
      [`o\n-1\n${root}\n`, /leading zeroes/],
      [`o\n1\nAAAA\n`, /32 bytes/],
      [`\n1\n${root}\n`, /empty origin/],
      [`o\n1\n${root}`, /end with a newline/],
    ];
    for (const [text, reason] of bad) expect(() => parseCheckpointText(text)).toThrow(reason);
    expect(() => formatCheckpointText({ origin: 'o', treeSize: 1, rootHash: Buffer.alloc(32), extensions: [''] })).toThrow(/extension/);
  });
});
