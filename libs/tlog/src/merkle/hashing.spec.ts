import { createHash } from 'node:crypto';
import vectors from '../testdata/rfc6962-tree.json';
import { EMPTY_ROOT, hashesEqual, leafHash, nodeHash } from './hashing';

const hex = (h: Uint8Array): string => Buffer.from(h).toString('hex');

describe('RFC 9162 hashing', () => {
  it('hashes the published leaf inputs to the published level-0 hashes', () => {
    const leaves = vectors.leafInputsHex.map((h) => leafHash(Buffer.from(h, 'hex')));
    expect(leaves.map(hex)).toEqual(vectors.nodeHashesHexByLevel[0]);
  });

  it('hashes published sibling pairs to the published parents, level by level', () => {
    for (let level = 1; level < vectors.nodeHashesHexByLevel.length; level++) {
      const below = vectors.nodeHashesHexByLevel[level - 1].map((h) => Buffer.from(h, 'hex'));
      const parents = vectors.nodeHashesHexByLevel[level].map((_, i) => hex(nodeHash(below[2 * i], below[2 * i + 1])));
      expect(parents).toEqual(vectors.nodeHashesHexByLevel[level]);
    }
  });

  it('domain-separates leaves from nodes: 0x00 and 0x01 prefixes', () => {
    const a = Buffer.alloc(32, 7);
    const b = Buffer.alloc(32, 9);
    expect(hex(leafHash(Buffer.concat([a, b])))).toBe(createHash('sha256').update(Buffer.of(0)).update(a).update(b).digest('hex'));
    expect(hex(nodeHash(a, b))).toBe(createHash('sha256').update(Buffer.of(1)).update(a).update(b).digest('hex'));
    expect(hashesEqual(leafHash(Buffer.concat([a, b])), nodeHash(a, b))).toBe(false);
  });

  it('gives the empty tree the SHA-256 of nothing, and hashes large leaves beyond its scratch buffer', () => {
    expect(hex(EMPTY_ROOT)).toBe(vectors.rootHashesHexBySize[0]);
    const big = Buffer.alloc(100_000, 0x61);
    expect(hex(leafHash(big))).toBe(createHash('sha256').update(Buffer.of(0)).update(big).digest('hex'));
    expect(hex(leafHash(Buffer.from('00', 'hex')))).toBe(vectors.nodeHashesHexByLevel[0][1]);
  });

  it('returns a fresh hash each call (callers may keep them)', () => {
    const first = nodeHash(Buffer.alloc(32, 1), Buffer.alloc(32, 2));
    const copy = Buffer.from(first);
    nodeHash(Buffer.alloc(32, 3), Buffer.alloc(32, 4));
    expect(hashesEqual(first, copy)).toBe(true);
  });
});
