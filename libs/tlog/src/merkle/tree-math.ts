// Index arithmetic for tree sizes up to 2^53: plain numbers, no 32-bit bitwise operators.

/** A complete subtree: level L, index i covers leaves [i * 2^L, (i + 1) * 2^L). */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

export function nodeStart(id: NodeId): number {
  return id.index * 2 ** id.level;
}

export function nodeEnd(id: NodeId): number {
  return (id.index + 1) * 2 ** id.level;
}

export function nodeKey(id: NodeId): string {
  return `${id.level}/${id.index}`;
}

/** RFC 9162 §2.1.1: the largest power of two smaller than n (n >= 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function lowestSetBitLevel(n: number): number {
  let level = 0;
  while (n % 2 ** (level + 1) === 0) level++;
  return level;
}

/**
 * The complete subtrees that exactly cover leaves [begin, end), left to right: the nodes of the compact
 * range. For begin = 0 they are the subtrees named by the set bits of end, largest first.
 */
export function rangeNodes(begin: number, end: number): NodeId[] {
  const left: NodeId[] = [];
  let position = begin;
  while (position < end) {
    let level = position === 0 ? 53 : lowestSetBitLevel(position);
    while (position + 2 ** level > end) level--;
    left.push({ level, index: position / 2 ** level });
    position += 2 ** level;
  }
  return left;
}

export function assertTreeSize(size: number, what = 'tree size'): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`${what} must be a non-negative safe integer, got ${size}`);
}
