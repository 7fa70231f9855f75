import consistencyProbes from '../testdata/rfc6962-consistency-probes.json';
import inclusionProbes from '../testdata/rfc6962-inclusion-probes.json';
import { verifyConsistency, verifyInclusion } from './verify';

// transparency-dev/merkle testdata: happy paths and their systematic mutations (see testdata/README.md).
const b64 = (s: string): Buffer => Buffer.from(s, 'base64');
const proofOf = (p: string[] | null): Buffer[] => (p ?? []).map(b64);

describe('RFC 9162 verification against the transparency-dev probes', () => {
  it.each(inclusionProbes.map((p) => [p.file, p] as const))('inclusion %s', (_file, p) => {
    expect(verifyInclusion(p.leafIdx, p.treeSize, b64(p.leafHash), proofOf(p.proof), b64(p.root))).toBe(!p.wantErr);
  });

  it.each(consistencyProbes.map((p) => [p.file, p] as const))('consistency %s', (_file, p) => {
    expect(verifyConsistency(p.size1, p.size2, b64(p.root1), b64(p.root2), proofOf(p.proof))).toBe(!p.wantErr);
  });

  it('has both accepting and rejecting probes of each kind', () => {
    expect(inclusionProbes.filter((p) => !p.wantErr).length).toBeGreaterThanOrEqual(5);
    expect(inclusionProbes.filter((p) => p.wantErr).length).toBeGreaterThanOrEqual(80);
    expect(consistencyProbes.filter((p) => !p.wantErr).length).toBeGreaterThanOrEqual(5);
    expect(consistencyProbes.filter((p) => p.wantErr).length).toBeGreaterThanOrEqual(80);
  });
});
