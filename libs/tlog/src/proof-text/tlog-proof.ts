import { fromBase64, toBase64 } from '../keys/base64';
import { HASH_SIZE, type Hash } from '../merkle/hashing';
import { verifyInclusion } from '../merkle/verify';
import type { NoteVerifier } from '../note/signed-note';
import { openTlogCheckpoint, type OpenedCheckpoint, type TlogCheckpoint } from '../note/tlog-checkpoint';

// C2SP tlog-proof (https://c2sp.org/tlog-proof): header line, optional "extra <base64>", "index <n>",
// one base64 inclusion-proof hash per line (leaf side first), a blank line, then the checkpoint note.

export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';

export interface TlogProof {
  readonly index: number;
  readonly proof: readonly Hash[];
  /** The signed checkpoint note, verbatim. */
  readonly checkpoint: string;
  /** Opaque, unauthenticated application data. */
  readonly extra?: Uint8Array;
}

export class TlogProofError extends Error {}

export function formatTlogProof(p: TlogProof): string {
  if (!Number.isSafeInteger(p.index) || p.index < 0) throw new TlogProofError(`bad index ${p.index}`);
  if (p.proof.some((h) => h.length !== HASH_SIZE)) throw new TlogProofError('proof hashes must be 32 bytes');
  if (!p.checkpoint.endsWith('\n')) throw new TlogProofError('checkpoint note must end with a newline');
  const lines = [TLOG_PROOF_HEADER, ...(p.extra ? [`extra ${toBase64(p.extra)}`] : []), `index ${p.index}`, ...p.proof.map(toBase64), ''];
  return `${lines.join('\n')}\n${p.checkpoint}`;
}

export function parseTlogProof(text: string): TlogProof {
  const lines = text.split('\n');
  if (lines[0] !== TLOG_PROOF_HEADER) throw new TlogProofError(`first line must be ${TLOG_PROOF_HEADER}`);
  let at = 1;
  let extra: Buffer | undefined;
  if (lines[at]?.startsWith('extra ')) {
    extra = fromBase64(lines[at].slice('extra '.length));
    if (!extra) throw new TlogProofError('extra line is not base64');
    at++;
  }
  const indexMatch = /^index (0|[1-9][0-9]*)$/.exec(lines[at] ?? '');
  if (!indexMatch || !Number.isSafeInteger(Number(indexMatch[1]))) throw new TlogProofError('expected "index <decimal without leading zeroes>"');
  at++;
  const proof: Hash[] = [];
  for (; at < lines.length && lines[at] !== ''; at++) {
    const hash = fromBase64(lines[at]);
    if (!hash || hash.length !== HASH_SIZE) throw new TlogProofError(`proof line ${at + 1} is not the base64 of a 32-byte hash`);
    proof.push(hash);
  }
  if (at >= lines.length) throw new TlogProofError('missing the blank line before the checkpoint');
  const checkpoint = lines.slice(at + 1).join('\n');
  if (checkpoint.length === 0) throw new TlogProofError('missing the checkpoint');
  return { index: Number(indexMatch[1]), proof, checkpoint, ...(extra ? { extra } : {}) };
}

export type VerifiedTlogProof =
  | { ok: true; proof: TlogProof; checkpoint: TlogCheckpoint }
  | { ok: false; kind: 'MALFORMED_PROOF' | 'INCLUSION_FAILED'; reason: string }
  | Extract<OpenedCheckpoint, { ok: false }>;

/** Verifies a tlog-proof: the checkpoint by the log's keys for `origin`, then the leaf's inclusion in it. */
export function verifyTlogProof(text: string, leaf: Hash, origin: string, verifiers: readonly NoteVerifier[]): VerifiedTlogProof {
  let proof: TlogProof;
  try {
    proof = parseTlogProof(text);
  } catch (error) {
    return { ok: false, kind: 'MALFORMED_PROOF', reason: (error as Error).message };
  }
  const opened = openTlogCheckpoint(proof.checkpoint, origin, verifiers);
  if (!opened.ok) return opened;
  const { treeSize, rootHash } = opened.checkpoint;
  if (!verifyInclusion(proof.index, treeSize, leaf, proof.proof, rootHash)) {
    return { ok: false, kind: 'INCLUSION_FAILED', reason: `entry ${proof.index} is not proven in the tree of ${treeSize}` };
  }
  return { ok: true, proof, checkpoint: opened.checkpoint };
}
