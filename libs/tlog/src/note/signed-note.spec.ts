import { generateKeyPairSync } from 'node:crypto';
import vectors from '../testdata/c2sp-notes.json';
import { ed25519NoteSigner, ed25519NoteVerifier, formatVerifierKey, noteKeyId, openNote, parseNote, parseVerifierKey, signNote } from './signed-note';

describe('C2SP signed-note', () => {
  it('verifies the spec example with the spec verifier key, whose key ID follows from name and key', () => {
    const verifier = parseVerifierKey(vectors.specExample.vkey);
    expect(verifier.keyId).toBe(0x530d903a);
    expect(noteKeyId('example.com/foo', verifier.publicKey)).toBe(0x530d903a);
    expect(formatVerifierKey('example.com/foo', verifier.publicKey)).toBe(vectors.specExample.vkey);
    expect(openNote(vectors.specExample.note, [verifier])).toMatchObject({ ok: true, text: 'This is an example message.\n' });
  });

  it('verifies a real sum.golang.org checkpoint with the key the go command ships', () => {
    const verifier = parseVerifierKey(vectors.goSumDb.vkey);
    const opened = openNote(vectors.goSumDb.note, [verifier]);
    expect(opened).toMatchObject({ ok: true, verifiedBy: [{ name: 'sum.golang.org', keyId: 0x033de0ae }] });
    const altered = vectors.goSumDb.note.replace('30055305', '30055306');
    expect(openNote(altered, [verifier])).toMatchObject({ ok: false, kind: 'BAD_NOTE_SIGNATURE' });
  });

  it('signs with several keys; verifiers ignore unknown keys but reject a failing known one', () => {
    const log = generateKeyPairSync('ed25519');
    const witness = generateKeyPairSync('ed25519');
    const note = signNote('hello\n\nworld\n', [ed25519NoteSigner('log.example/a', log.privateKey), ed25519NoteSigner('witness.example', witness.privateKey)]);
    expect(note.split('\n\u2014 ')).toHaveLength(3);
    const logVerifier = ed25519NoteVerifier('log.example/a', log.publicKey);
    expect(openNote(note, [logVerifier])).toMatchObject({ ok: true, text: 'hello\n\nworld\n', verifiedBy: [{ name: 'log.example/a' }] });
    const stranger = generateKeyPairSync('ed25519');
    expect(openNote(note, [ed25519NoteVerifier('other.example', stranger.publicKey)])).toMatchObject({ ok: false, kind: 'UNVERIFIED_NOTE' });
    // Same name, other key: a different key ID, so ignored, not failed.
    expect(openNote(note, [ed25519NoteVerifier('log.example/a', stranger.publicKey)])).toMatchObject({ ok: false, kind: 'UNVERIFIED_NOTE' });
    const forged = note.replace('hello', 'jello');
    expect(openNote(forged, [logVerifier])).toMatchObject({ ok: false, kind: 'BAD_NOTE_SIGNATURE' });
  });

  it('writes the signature line as em dash, name, base64(key ID || signature)', () => {
    const key = generateKeyPairSync('ed25519');
    const signer = ed25519NoteSigner('cfc.example/audit', key.privateKey);
    const note = signNote('text\n', [signer]);
    const [{ name, keyId, signature }] = parseNote(note).signatures;
    expect(note.startsWith('text\n\n\u2014 cfc.example/audit ')).toBe(true);
    expect(name).toBe('cfc.example/audit');
    expect(keyId).toBe(signer.keyId);
    expect(signature).toHaveLength(64);
  });

  it('refuses malformed notes, names and keys', () => {
    const v = parseVerifierKey(vectors.specExample.vkey);
    const bad = [
      'no blank line\n\u2014 example.com/foo AAAA\n',
      'text\n\n- example.com/foo Uw2QOkn8\n',
      'text\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=',
      'text\n\n\u2014 example.com/foo not*base64\n',
      'tab\there\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n',
      `text\n\n${'\u2014 a AAAAAAA=\n'.repeat(101)}`,
    ];
    for (const note of bad) expect(openNote(note, [v])).toMatchObject({ ok: false, kind: 'MALFORMED_NOTE' });
    const key = generateKeyPairSync('ed25519');
    expect(() => ed25519NoteSigner('has space', key.privateKey)).toThrow(/invalid key name/);
    expect(() => ed25519NoteSigner('has+plus', key.privateKey)).toThrow(/invalid key name/);
    expect(() => ed25519NoteSigner('', key.privateKey)).toThrow(/invalid key name/);
    expect(() => signNote('no newline', [ed25519NoteSigner('a', key.privateKey)])).toThrow(/end with a newline/);
    expect(() => parseVerifierKey('example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k')).toThrow(/does not match/);
    expect(() => parseVerifierKey('example.com/foo+530d903a+AkyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k')).toThrow(/Ed25519/);
  });
});
