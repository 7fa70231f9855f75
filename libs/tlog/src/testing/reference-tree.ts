import { createHash } from 'node:crypto';

// RFC 9162 §2.1 written as literally as the RFC states it, over an explicit array of leaves: the
// yardstick the library's incremental and stored-hash code is tested against. Independent on purpose:
// its own hashing, recursion instead of index arithmetic.

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

export const referenceLeafHash = (data: Uint8Array): Buffer => sha256(Buffer.of(0), data);
const referenceNodeHash = (l: Uint8Array, r: Uint8Array): Buffer => sha256(Buffer.of(1), l, r);

const k = (n: number): number => 2 ** Math.ceil(Math.log2(n) - 1);

/** MTH(D[n]) over leaf hashes. */
export function referenceRoot(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return Buffer.from(leaves[0]);
  const split = k(leaves.length);
  return referenceNodeHash(referenceRoot(leaves.slice(0, split)), referenceRoot(leaves.slice(split)));
}

/** PATH(m, D[n]). */
export function referencePath(m: number, leaves: readonly Uint8Array[]): Buffer[] {
  if (leaves.length <= 1) return [];
  const split = k(leaves.length);
  return m < split
    ? [...referencePath(m, leaves.slice(0, split)), referenceRoot(leaves.slice(split))]
    : [...referencePath(m - split, leaves.slice(split)), referenceRoot(leaves.slice(0, split))];
}

/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
export function referenceConsistency(m: number, leaves: readonly Uint8Array[]): Buffer[] {
  const subproof = (m: number, d: readonly Uint8Array[], b: boolean): Buffer[] => {
    if (m === d.length) return b ? [] : [referenceRoot(d)];
    const split = k(d.length);
    return m <= split
      ? [...subproof(m, d.slice(0, split), b), referenceRoot(d.slice(split))]
      : [...subproof(m - split, d.slice(split), false), referenceRoot(d.slice(0, split))];
  };
  return m === 0 || m === leaves.length ? [] : subproof(m, leaves, true);
}

/** Distinct leaf data for tests: "leaf-0", "leaf-1", ... */
export function sampleLeaves(n: number): Buffer[] {
  return Array.from({ length: n }, (_, i) => Buffer.from(`leaf-${i}`));
}
