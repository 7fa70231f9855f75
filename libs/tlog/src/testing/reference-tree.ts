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

// MTH(D[lo:hi]) per leaves array, memoized: the all-pairs tests ask for the same subtrees again and again.
const memo = new WeakMap<readonly Uint8Array[], Map<string, Buffer>>();

function mth(leaves: readonly Uint8Array[], lo: number, hi: number): Buffer {
  let roots = memo.get(leaves);
  if (!roots) memo.set(leaves, (roots = new Map()));
  const key = `${lo}:${hi}`;
  let root = roots.get(key);
  if (!root) {
    if (hi - lo === 0) root = sha256();
    else if (hi - lo === 1) root = Buffer.from(leaves[lo]);
    else root = referenceNodeHash(mth(leaves, lo, lo + k(hi - lo)), mth(leaves, lo + k(hi - lo), hi));
    roots.set(key, root);
  }
  return root;
}

/** MTH(D[n]) over leaf hashes. */
export function referenceRoot(leaves: readonly Uint8Array[]): Buffer {
  return mth(leaves, 0, leaves.length);
}

/** PATH(m, D[n]) over the first n leaf hashes. */
export function referencePath(m: number, leaves: readonly Uint8Array[], n = leaves.length): Buffer[] {
  const path = (m: number, lo: number, hi: number): Buffer[] => {
    if (hi - lo <= 1) return [];
    const split = k(hi - lo);
    return m < split ? [...path(m, lo, lo + split), mth(leaves, lo + split, hi)] : [...path(m - split, lo + split, hi), mth(leaves, lo, lo + split)];
  };
  return path(m, 0, n);
}

/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true) over the first n leaf hashes. */
export function referenceConsistency(m: number, leaves: readonly Uint8Array[], n = leaves.length): Buffer[] {
  const subproof = (m: number, lo: number, hi: number, b: boolean): Buffer[] => {
    if (m === hi - lo) return b ? [] : [mth(leaves, lo, hi)];
    const split = k(hi - lo);
    return m <= split
      ? [...subproof(m, lo, lo + split, b), mth(leaves, lo + split, hi)]
      : [...subproof(m - split, lo + split, hi, false), mth(leaves, lo, lo + split)];
  };
  return m === 0 || m === n ? [] : subproof(m, 0, n, true);
}

/** Distinct leaf data for tests: "leaf-0", "leaf-1", ... */
export function sampleLeaves(n: number): Buffer[] {
  return Array.from({ length: n }, (_, i) => Buffer.from(`leaf-${i}`));
}
