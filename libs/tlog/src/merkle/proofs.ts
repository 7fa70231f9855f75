import { foldRight } from './compact-range';
import { EMPTY_ROOT, type Hash } from './hashing';
import type { NodeReader } from './node-reader';
import { assertTreeSize, nodeKey, rangeNodes, splitPoint, type NodeId } from './tree-math';

/** Leaves [begin, end): one MTH in a proof. A complete subtree, or the tree's right edge. */
interface LeafRange {
  readonly begin: number;
  readonly end: number;
}

/** RFC 9162 §2.1.3.1 PATH(index, D[0:size]), as the leaf ranges whose MTHs form the proof, leaf side first. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  assertTreeSize(size);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) throw new RangeError(`leaf ${index} is not in a tree of size ${size}`);
  const proof: LeafRange[] = [];
  const path = (begin: number, end: number): void => {
    if (end - begin === 1) return;
    const k = splitPoint(end - begin);
    if (index < begin + k) {
      path(begin, begin + k);
      proof.push({ begin: begin + k, end });
    } else {
      path(begin + k, end);
      proof.push({ begin, end: begin + k });
    }
  };
  path(0, size);
  return proof;
}

/** RFC 9162 §2.1.4.1 PROOF(first, D[0:second]); empty when first is 0 or equals second. */
export function consistencyRanges(first: number, second: number): LeafRange[] {
  assertTreeSize(first, 'first');
  assertTreeSize(second, 'second');
  if (first > second) throw new RangeError(`first ${first} is larger than second ${second}`);
  if (first === 0 || first === second) return [];
  const proof: LeafRange[] = [];
  const subproof = (m: number, begin: number, end: number, isWholeFirstTree: boolean): void => {
    if (begin + m === end) {
      if (!isWholeFirstTree) proof.push({ begin, end });
      return;
    }
    const k = splitPoint(end - begin);
    if (m <= k) {
      subproof(m, begin, begin + k, isWholeFirstTree);
      proof.push({ begin: begin + k, end });
    } else {
      subproof(m - k, begin + k, end, false);
      proof.push({ begin, end: begin + k });
    }
  };
  subproof(first, 0, second, true);
  return proof;
}

/** Reads the complete subtrees under each range in one call and hashes each range's right edge. */
async function resolve(ranges: readonly LeafRange[], reader: NodeReader): Promise<Hash[]> {
  const perRange = ranges.map((r) => rangeNodes(r.begin, r.end));
  const unique = new Map<string, NodeId>();
  for (const ids of perRange) for (const id of ids) unique.set(nodeKey(id), id);
  const wanted = [...unique.values()];
  const hashes = await reader.readNodes(wanted);
  if (hashes.length !== wanted.length) throw new Error(`asked for ${wanted.length} node hashes, got ${hashes.length}`);
  const byKey = new Map<string, Hash>(wanted.map((id, i) => [nodeKey(id), hashes[i]]));
  return perRange.map((ids) => foldRight(ids.map((id) => byKey.get(nodeKey(id)) as Hash)));
}

/** The inclusion proof of leaf `index` in the tree of `size` leaves, from stored hashes. */
export async function inclusionProof(index: number, size: number, reader: NodeReader): Promise<Hash[]> {
  return resolve(inclusionRanges(index, size), reader);
}

/** The consistency proof between trees of `first` and `second` leaves, from stored hashes. */
export async function consistencyProof(first: number, second: number, reader: NodeReader): Promise<Hash[]> {
  return resolve(consistencyRanges(first, second), reader);
}

/** The root of the tree of `size` leaves, from stored hashes (at most log2(size) of them). */
export async function rootAt(size: number, reader: NodeReader): Promise<Hash> {
  assertTreeSize(size);
  if (size === 0) return EMPTY_ROOT;
  const [root] = await resolve([{ begin: 0, end: size }], reader);
  return root;
}
