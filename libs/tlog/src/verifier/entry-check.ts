import { isUtf8 } from 'node:buffer';
import { scanCanonical } from '../jcs/canonical-scan';
import { readCanonicalJson } from '../jcs/jcs';
import { leafHash, type Hash } from '../merkle/hashing';

/** What one audit entry's bytes say, on their own. */
export interface CheckedEntry {
  /** RFC 9162 leaf hash of the entry's JCS bytes (of the raw bytes when they are not JSON). */
  readonly leaf: Hash;
  readonly seq: number | undefined;
  readonly problem?: { readonly kind: 'ENTRY_NOT_JSON' | 'ENTRY_NOT_CANONICAL' | 'ENTRY_WITHOUT_SEQ'; readonly reason: string };
}

/**
 * Checks one value of cfc.audit.v1: JSON, exactly its JCS bytes, a seq. The leaf is the hash of the
 * JCS form (CONTRACT: leaf = SHA-256(0x00 || canonical JSON)), so whitespace damage shows as
 * ENTRY_NOT_CANONICAL while the root still tells whether the content is the one that was logged.
 */
export function checkEntry(bytes: Uint8Array): CheckedEntry {
  // Fast path: canonical bytes with a seq need no parsing. Everything else gets the library's verdict.
  const scan = isUtf8(bytes) ? scanCanonical(bytes) : undefined;
  if (scan && isSeq(scan.seq)) return { leaf: leafHash(bytes), seq: scan.seq };
  const read = readCanonicalJson(bytes);
  if (read.kind === 'not-json') return { leaf: leafHash(bytes), seq: undefined, problem: { kind: 'ENTRY_NOT_JSON', reason: read.reason } };
  const seq = seqOf(read.value);
  if (read.kind === 'not-canonical') {
    return { leaf: leafHash(Buffer.from(read.canonical, 'utf8')), seq, problem: { kind: 'ENTRY_NOT_CANONICAL', reason: 'bytes differ from the JCS form of the entry' } };
  }
  if (seq === undefined) return { leaf: leafHash(bytes), seq, problem: { kind: 'ENTRY_WITHOUT_SEQ', reason: 'no "seq" that is a non-negative integer' } };
  return { leaf: leafHash(bytes), seq };
}

function seqOf(value: unknown): number | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const seq = (value as { seq?: unknown }).seq;
  return isSeq(seq) ? seq : undefined;
}

function isSeq(seq: unknown): seq is number {
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0;
}
