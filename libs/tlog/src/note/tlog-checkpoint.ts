import { fromBase64, toBase64 } from '../keys/base64';
import { HASH_SIZE, type Hash } from '../merkle/hashing';
import { NoteError, openNote, signNote, type NoteSigner, type NoteVerifier } from './signed-note';

// C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): origin, decimal tree size, base64 root hash,
// then optional non-empty extension lines, as the text of a signed note.

export interface TlogCheckpoint {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Hash;
  readonly extensions?: readonly string[];
}

export function formatCheckpointText(checkpoint: TlogCheckpoint): string {
  const { origin, treeSize, rootHash, extensions = [] } = checkpoint;
  if (origin.length === 0 || origin.includes('\n')) throw new NoteError('origin must be one non-empty line');
  if (!Number.isSafeInteger(treeSize) || treeSize < 0) throw new NoteError(`bad tree size ${treeSize}`);
  if (rootHash.length !== HASH_SIZE) throw new NoteError('root hash must be 32 bytes');
  for (const line of extensions) if (line.length === 0 || line.includes('\n')) throw new NoteError('extension lines must be single non-empty lines');
  return [origin, String(treeSize), toBase64(rootHash), ...extensions].map((line) => `${line}\n`).join('');
}

export function parseCheckpointText(text: string): TlogCheckpoint {
  if (!text.endsWith('\n')) throw new NoteError('checkpoint text must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new NoteError('a checkpoint has at least origin, size and root lines');
  const [origin, size, root, ...extensions] = lines;
  if (origin.length === 0) throw new NoteError('empty origin line');
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) throw new NoteError(`tree size ${JSON.stringify(size)} is not a decimal without leading zeroes`);
  const rootHash = fromBase64(root);
  if (!rootHash || rootHash.length !== HASH_SIZE) throw new NoteError('root hash line is not the base64 of 32 bytes');
  if (extensions.some((line) => line.length === 0)) throw new NoteError('extension lines must not be empty');
  return { origin, treeSize: Number(size), rootHash, extensions };
}

/** The checkpoint as a signed note (the log's key name SHOULD equal the origin). */
export function signTlogCheckpoint(checkpoint: TlogCheckpoint, signers: readonly NoteSigner[]): string {
  return signNote(formatCheckpointText(checkpoint), signers);
}

export type OpenedCheckpoint =
  | { ok: true; checkpoint: TlogCheckpoint }
  | { ok: false; kind: 'MALFORMED_NOTE' | 'UNVERIFIED_NOTE' | 'BAD_NOTE_SIGNATURE' | 'MALFORMED_CHECKPOINT' | 'WRONG_ORIGIN'; reason: string };

/** Verifies a checkpoint note by the log's keys and checks it is for the expected origin. */
export function openTlogCheckpoint(note: string, origin: string, verifiers: readonly NoteVerifier[]): OpenedCheckpoint {
  const opened = openNote(note, verifiers);
  if (!opened.ok) return opened;
  let checkpoint: TlogCheckpoint;
  try {
    checkpoint = parseCheckpointText(opened.text);
  } catch (error) {
    return { ok: false, kind: 'MALFORMED_CHECKPOINT', reason: (error as Error).message };
  }
  if (checkpoint.origin !== origin) return { ok: false, kind: 'WRONG_ORIGIN', reason: `origin is ${JSON.stringify(checkpoint.origin)}, expected ${JSON.stringify(origin)}` };
  return { ok: true, checkpoint };
}
