import { concat, utf8 } from './bytes';
import { canonicalize } from './jcs';

// RFC 9162 section 2.1: the Merkle tree hashes, and verification of an inclusion proof (2.1.3.2),
// written here so that the browser checks the platform's log with its own code (WebCrypto SHA-256).

export const HASH_SIZE = 32;

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

/** Leaf hash: SHA-256(0x00 || leaf input). */
export const leafHash = (input: Uint8Array) => sha256(concat(Uint8Array.of(0), input));

/** Interior node hash: SHA-256(0x01 || left || right). */
export const nodeHash = (left: Uint8Array, right: Uint8Array) => sha256(concat(Uint8Array.of(1), left, right));

/** The leaf hash of an audit entry: its RFC 8785 (JCS) bytes are the leaf input. */
export const entryLeafHash = (entry: unknown) => leafHash(utf8(canonicalize(entry)));

export type RootResult = { ok: true; root: Uint8Array } | { ok: false; reason: 'PATH_INVALID' };

/**
 * The root that an inclusion proof leads to from the leaf at `index` in a tree of `size` leaves
 * (RFC 9162 2.1.3.2). The caller compares it with the signed root. A proof of the wrong length, an
 * index outside the tree or a hash of the wrong size is refused as PATH_INVALID.
 */
export async function rootFromInclusionProof(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[]): Promise<RootResult> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return { ok: false, reason: 'PATH_INVALID' };
  if (leaf.length !== HASH_SIZE || proof.some((p) => p.length !== HASH_SIZE)) return { ok: false, reason: 'PATH_INVALID' };
  // BigInt: tree sizes beyond 2^31 must not break the bit operations.
  let fn = BigInt(index);
  let sn = BigInt(size - 1);
  let r = leaf;
  for (const p of proof) {
    if (sn === 0n) return { ok: false, reason: 'PATH_INVALID' };
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return { ok: false, reason: 'PATH_INVALID' };
  return { ok: true, root: r };
}
