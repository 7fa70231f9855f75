import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consistencyHolds, inclusionHolds, jcs, leafOf, merkleRoot } from './independent-verifier';

// The independent verifier is itself checked against the published RFC 6962 test data (the copy
// libs/tlog keeps, from transparency-dev/merkle's testdata) and the RFC 8785 samples.
const testdata = join(__dirname, '..', '..', '..', '..', 'libs', 'tlog', 'src', 'testdata');
const json = (name: string) => JSON.parse(readFileSync(join(testdata, name), 'utf8'));
const hex = (h: string) => Buffer.from(h, 'hex');

describe('the independent test verifier', () => {
  it('gives the RFC 6962 reference roots', () => {
    const tree = json('rfc6962-tree.json');
    const leaves = (tree.leafInputsHex as string[]).map((l) => leafOf(hex(l)));
    (tree.rootHashesHexBySize as string[]).forEach((root, size) => expect(merkleRoot(leaves.slice(0, size)).toString('hex')).toBe(root));
  });

  it('accepts the reference inclusion and consistency proofs, and refuses altered ones', () => {
    const tree = json('rfc6962-tree.json');
    const leaves = (tree.leafInputsHex as string[]).map((l) => leafOf(hex(l)));
    const proofs = json('rfc6962-proofs.json');
    const inclusion = proofs.inclusion as Array<{ index: number; treeSize: number; proofHex: string[] }>;
    const consistency = proofs.consistency as Array<{ first: number; second: number; proofHex: string[] }>;
    expect(inclusion.length + consistency.length).toBeGreaterThanOrEqual(10);
    for (const p of inclusion) {
      const root = merkleRoot(leaves.slice(0, p.treeSize));
      expect(inclusionHolds(p.index, p.treeSize, leaves[p.index], p.proofHex.map(hex), root)).toBe(true);
      if (p.proofHex.length > 0) expect(inclusionHolds(p.index, p.treeSize, leaves[p.index], [Buffer.alloc(32), ...p.proofHex.slice(1).map(hex)], root)).toBe(false);
    }
    for (const p of consistency) {
      const [a, b] = [merkleRoot(leaves.slice(0, p.first)), merkleRoot(leaves.slice(0, p.second))];
      expect(consistencyHolds(p.first, p.second, a, b, p.proofHex.map(hex))).toBe(true);
      if (p.proofHex.length > 0) expect(consistencyHolds(p.first, p.second, a, b, p.proofHex.slice(1).map(hex))).toBe(false);
    }
  });

  it("agrees with every one of transparency-dev's inclusion and consistency probes (accepts the good, refuses the rest)", () => {
    const b64 = (s: string) => Buffer.from(s, 'base64');
    const inclusion = json('rfc6962-inclusion-probes.json') as Array<{ leafIdx: number; treeSize: number; root: string; leafHash: string; proof: string[] | null; wantErr: boolean; desc: string }>;
    for (const p of inclusion) {
      const holds = p.treeSize > 0 && inclusionHolds(p.leafIdx, p.treeSize, b64(p.leafHash), (p.proof ?? []).map(b64), b64(p.root));
      expect([p.desc, holds]).toEqual([p.desc, !p.wantErr]);
    }
    const consistency = json('rfc6962-consistency-probes.json') as Array<{ size1: number; size2: number; root1: string; root2: string; proof: string[] | null; wantErr: boolean; desc: string }>;
    for (const p of consistency) {
      const holds = consistencyHolds(p.size1, p.size2, b64(p.root1), b64(p.root2), (p.proof ?? []).map(b64));
      expect([p.desc, p.size1, p.size2, holds]).toEqual([p.desc, p.size1, p.size2, !p.wantErr]);
    }
  });

  it('writes the RFC 8785 samples it can (integers only) exactly', () => {
    expect(jcs({ b: [1, true, null], a: 'é\u2028"', '\u20ac': {}, '\r': 1 })).toBe('{"\\r":1,"a":"é\u2028\\"","b":[1,true,null],"€":{}}');
    const integersOnly = (v: unknown): boolean => (typeof v === 'number' ? Number.isSafeInteger(v) : typeof v === 'object' && v !== null ? Object.values(v).every(integersOnly) : true);
    let compared = 0;
    for (const name of ['arrays', 'french', 'structures', 'unicode', 'values', 'weird']) {
      const value = JSON.parse(readFileSync(join(testdata, 'jcs', `${name}.input.json`), 'utf8'));
      const expected = readFileSync(join(testdata, 'jcs', `${name}.output.json`), 'utf8').replace(/\n$/, '');
      if (!integersOnly(value)) continue; // non-integer numbers are beyond it (audit entries hold none)
      expect([name, jcs(value)]).toEqual([name, expected]);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(4);
  });
});
