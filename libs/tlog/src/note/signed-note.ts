import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { fromBase64, toBase64 } from '../keys/base64';
import { assertEd25519Key, ed25519PublicKeyBytes, ed25519PublicKeyFromBytes, ED25519_SIGNATURE_SIZE } from '../keys/ed25519';

// C2SP signed-note (https://c2sp.org/signed-note): a text ending in "\n", a blank line, then lines
// "— <key name> <base64(key ID || signature)>\n". Ed25519 only (signature type 0x01).

const ED25519_TYPE = 0x01;
const EM_DASH_PREFIX = '\u2014 ';
/** The spec asks verifiers to accept at least 16 signatures and to cap them; Go's note package caps at 100. */
const MAX_SIGNATURES = 100;

export class NoteError extends Error {}

export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  sign(text: Buffer): Buffer;
}

export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  verify(text: Buffer, signature: Buffer): boolean;
}

export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** The signature bytes after the 4-byte key ID. */
  readonly signature: Buffer;
}

export function assertKeyName(name: string): void {
  if (name.length === 0 || /[\s+]/u.test(name) || /\p{Cc}|\p{Surrogate}/u.test(name)) throw new NoteError(`invalid key name ${JSON.stringify(name)}`);
}

/** key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519 public key)[:4], big-endian. */
export function noteKeyId(name: string, publicKey: KeyObject): number {
  const hash = createHash('sha256').update(name).update(Buffer.of(0x0a, ED25519_TYPE)).update(ed25519PublicKeyBytes(publicKey)).digest();
  return hash.readUInt32BE(0);
}

export function ed25519NoteSigner(name: string, privateKey: KeyObject): NoteSigner {
  assertKeyName(name);
  assertEd25519Key(privateKey, 'private');
  return { name, keyId: noteKeyId(name, privateKey), sign: (text) => sign(null, text, privateKey) };
}

export function ed25519NoteVerifier(name: string, publicKey: KeyObject): NoteVerifier {
  assertKeyName(name);
  assertEd25519Key(publicKey, 'public');
  return {
    name,
    keyId: noteKeyId(name, publicKey),
    verify: (text, signature) => signature.length === ED25519_SIGNATURE_SIZE && verify(null, text, publicKey, signature),
  };
}

const hex8 = (keyId: number): string => keyId.toString(16).padStart(8, '0');

/** The verifier key text: <name>+<hex key ID>+<base64(0x01 || public key)>. */
export function formatVerifierKey(name: string, publicKey: KeyObject): string {
  const verifier = ed25519NoteVerifier(name, publicKey);
  return `${name}+${hex8(verifier.keyId)}+${toBase64(Buffer.concat([Buffer.of(ED25519_TYPE), ed25519PublicKeyBytes(publicKey)]))}`;
}

/** Parses a verifier key, checking that its key ID is the one its name and key give. */
export function parseVerifierKey(vkey: string): NoteVerifier & { readonly publicKey: KeyObject } {
  // Names hold no '+', but base64 may: split at the first two.
  const match = /^([^+]+)\+([0-9a-f]{8})\+(.+)$/.exec(vkey);
  if (!match) throw new NoteError('a verifier key is <name>+<8 hex digits>+<base64 key>');
  const [, name, keyIdHex, keyText] = match;
  const material = fromBase64(keyText);
  if (!material || material.length !== 33 || material[0] !== ED25519_TYPE) throw new NoteError('only Ed25519 verifier keys (type 0x01, 32 bytes) are supported');
  const publicKey = ed25519PublicKeyFromBytes(material.subarray(1));
  const verifier = ed25519NoteVerifier(name, publicKey);
  if (hex8(verifier.keyId) !== keyIdHex) throw new NoteError(`verifier key ID ${keyIdHex} does not match its name and key (${hex8(verifier.keyId)})`);
  return { ...verifier, publicKey };
}

function assertNoteText(text: string): void {
  if (!text.endsWith('\n')) throw new NoteError('note text must end with a newline');
  let control = false;
  for (let i = 0; i < text.length && !control; i++) control = text.charCodeAt(i) < 0x20 && text.charCodeAt(i) !== 0x0a;
  if (control || /\p{Surrogate}/u.test(text)) throw new NoteError('note text must be valid UTF-8 without control characters other than newline');
}

/** Signs a note text with each signer, in order. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  assertNoteText(text);
  if (signers.length === 0) throw new NoteError('a note needs at least one signature');
  const bytes = Buffer.from(text, 'utf8');
  const lines = signers.map((s) => {
    const keyId = Buffer.alloc(4);
    keyId.writeUInt32BE(s.keyId);
    return `${EM_DASH_PREFIX}${s.name} ${toBase64(Buffer.concat([keyId, s.sign(bytes)]))}\n`;
  });
  return `${text}\n${lines.join('')}`;
}

/** Splits a note into its text and signature lines; checks syntax only. */
export function parseNote(note: string): { text: string; signatures: NoteSignature[] } {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('a note has a text, a blank line, then signature lines');
  const text = note.slice(0, split + 1);
  assertNoteText(text);
  const block = note.slice(split + 2);
  if (!block.endsWith('\n')) throw new NoteError('signature lines must end with a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new NoteError(`more than ${MAX_SIGNATURES} signatures`);
  const signatures = lines.map((line) => {
    if (!line.startsWith(EM_DASH_PREFIX)) throw new NoteError(`malformed signature line ${JSON.stringify(line)}`);
    const fields = line.slice(EM_DASH_PREFIX.length).split(' ');
    if (fields.length !== 2) throw new NoteError(`malformed signature line ${JSON.stringify(line)}`);
    assertKeyName(fields[0]);
    const bytes = fromBase64(fields[1]);
    if (!bytes || bytes.length < 5) throw new NoteError(`malformed signature on line ${JSON.stringify(line)}`);
    return { name: fields[0], keyId: bytes.readUInt32BE(0), signature: bytes.subarray(4) };
  });
  return { text, signatures };
}

export type OpenedNote =
  | { ok: true; text: string; verifiedBy: NoteSignature[] }
  | { ok: false; kind: 'MALFORMED_NOTE' | 'UNVERIFIED_NOTE' | 'BAD_NOTE_SIGNATURE'; reason: string };

/**
 * Verifies a note against known keys. Signatures from unknown (name, key ID) pairs are ignored, as the
 * spec requires; one failing known-key signature rejects the note; at least one must verify.
 */
export function openNote(note: string, verifiers: readonly NoteVerifier[]): OpenedNote {
  let parsed: ReturnType<typeof parseNote>;
  try {
    parsed = parseNote(note);
  } catch (error) {
    return { ok: false, kind: 'MALFORMED_NOTE', reason: (error as Error).message };
  }
  const text = Buffer.from(parsed.text, 'utf8');
  const verifiedBy: NoteSignature[] = [];
  for (const sig of parsed.signatures) {
    const verifier = verifiers.find((v) => v.name === sig.name && v.keyId === sig.keyId);
    if (!verifier) continue;
    if (!verifier.verify(text, sig.signature)) return { ok: false, kind: 'BAD_NOTE_SIGNATURE', reason: `signature by ${sig.name}+${hex8(sig.keyId)} does not verify` };
    verifiedBy.push(sig);
  }
  if (verifiedBy.length === 0) return { ok: false, kind: 'UNVERIFIED_NOTE', reason: 'no signature by a known key' };
  return { ok: true, text: parsed.text, verifiedBy };
}
