import { EMPTY_ROOT, leafHash, nodeHash, type Hash } from './hashing';
import type { NodeHash, NodeReader } from './node-reader';
import { assertTreeSize, rangeNodes } from './tree-math';

/**
 * The right edge of a Merkle tree (a "compact range" [begin, end)): one hash per complete subtree that
 * covers the range, O(log n) of them. Appending a leaf merges equal-sized neighbours, so each append
 * changes O(log n) state and hands back every complete subtree it finished, for storing as tiles fill.
 */
export class CompactRange {
  private cachedRoot: Hash | undefined;

  private constructor(
    readonly begin: number,
    private endIndex: number,
    private readonly nodes: NodeHash[],
  ) {}

  /** An empty range starting at leaf `begin` (0 for a whole tree). */
  static empty(begin = 0): CompactRange {
    assertTreeSize(begin, 'begin');
    return new CompactRange(begin, begin, []);
  }

  /** Restores a range from its node hashes, in the order of rangeNodes(begin, end). */
  static fromHashes(begin: number, end: number, hashes: readonly Hash[]): CompactRange {
    assertTreeSize(begin, 'begin');
    assertTreeSize(end, 'end');
    if (end < begin) throw new RangeError(`end ${end} is before begin ${begin}`);
    const ids = rangeNodes(begin, end);
    if (hashes.length !== ids.length) throw new RangeError(`range [${begin}, ${end}) has ${ids.length} nodes, got ${hashes.length} hashes`);
    return new CompactRange(begin, end, ids.map((id, i) => ({ ...id, hash: hashes[i] })));
  }

  /** Restores the right edge of a stored tree of `size` leaves (e.g. after a restart). */
  static async load(size: number, reader: NodeReader): Promise<CompactRange> {
    const hashes = size === 0 ? [] : await reader.readNodes(rangeNodes(0, size));
    return CompactRange.fromHashes(0, size, hashes);
  }

  get end(): number {
    return this.endIndex;
  }

  /** The number of leaves in the range (the tree size when begin is 0). */
  get size(): number {
    return this.endIndex - this.begin;
  }

  /** The covering subtrees, left to right. */
  get edge(): readonly NodeHash[] {
    return this.nodes;
  }

  /** Hashes `data` as a leaf and appends it. */
  appendData(data: Uint8Array): NodeHash[] {
    return this.append(leafHash(data));
  }

  /** Appends a leaf hash; returns the leaf and every subtree this append completed, lowest first. */
  append(leaf: Hash): NodeHash[] {
    const completed: NodeHash[] = [{ level: 0, index: this.endIndex, hash: leaf }];
    this.nodes.push(completed[0]);
    this.endIndex++;
    this.cachedRoot = undefined;
    for (;;) {
      const right = this.nodes[this.nodes.length - 1];
      const left = this.nodes[this.nodes.length - 2];
      if (!left || left.level !== right.level || right.index % 2 !== 1) break;
      const parent: NodeHash = { level: right.level + 1, index: (right.index - 1) / 2, hash: nodeHash(left.hash, right.hash) };
      this.nodes.length -= 2;
      this.nodes.push(parent);
      completed.push(parent);
    }
    return completed;
  }

  /** RFC 9162 §2.1.1 MTH of the tree [0, end): the covering subtrees hashed together right to left. */
  root(): Hash {
    if (this.begin !== 0) throw new Error(`a range starting at ${this.begin} is not a whole tree`);
    if (!this.cachedRoot) this.cachedRoot = foldRight(this.nodes.map((n) => n.hash));
    return this.cachedRoot;
  }

  clone(): CompactRange {
    return new CompactRange(this.begin, this.endIndex, [...this.nodes]);
  }
}

/** The hash of a right edge given as its covering subtrees, largest first: h0 ‖ (h1 ‖ (h2 ...)). */
export function foldRight(hashes: readonly Hash[]): Hash {
  if (hashes.length === 0) return EMPTY_ROOT;
  let hash = hashes[hashes.length - 1];
  for (let i = hashes.length - 2; i >= 0; i--) hash = nodeHash(hashes[i], hash);
  return hash;
}
