// Writes the portal's proof-verification vectors (src/proof/testdata/*.json) with node:crypto only,
// independently of the portal's verifier: trees and inclusion paths from the recursive definitions
// of RFC 9162 section 2.1.1 (MTH) and 2.1.3.1 (PATH), not from the iterative check under test.
//   node apps/portal/test/make-proof-vectors.mjs
// Deterministic: the Ed25519 key comes from a fixed seed, so the files only change if this script does.
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = join(import.meta.dirname, '..', 'src', 'proof', 'testdata');
const sha256 = (...parts) => createHash('sha256').update(Buffer.concat(parts)).digest();
const leafHash = (input) => sha256(Buffer.of(0), input);
const nodeHash = (l, r) => sha256(Buffer.of(1), l, r);
// k: the largest power of two smaller than n (RFC 9162 2.1.1).
const split = (n) => 2 ** Math.floor(Math.log2(n - 1));
const mth = (leaves) => (leaves.length === 1 ? leafHash(leaves[0]) : nodeHash(mth(leaves.slice(0, split(leaves.length))), mth(leaves.slice(split(leaves.length)))));
function path(m, leaves) {
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  return m < k ? [...path(m, leaves.slice(0, k)), mth(leaves.slice(k))] : [...path(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}

// 1. Raw leaves: the RFC 6962 test leaf inputs, every (index, size) for sizes 1..8.
const rawLeaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => Buffer.from(h, 'hex'));
const rfc = { leafInputsHex: rawLeaves.map((l) => l.toString('hex')), rootsHexBySize: {}, inclusion: [] };
for (let size = 1; size <= rawLeaves.length; size++) {
  const leaves = rawLeaves.slice(0, size);
  rfc.rootsHexBySize[size] = mth(leaves).toString('hex');
  for (let index = 0; index < size; index++) rfc.inclusion.push({ index, size, pathHex: path(index, leaves).map((h) => h.toString('hex')) });
}
writeFileSync(join(out, 'rfc9162-inclusion.json'), `${JSON.stringify(rfc, null, 1)}\n`);

// 2. An audit log of 11 entries in the contract's shape, leaf input = JCS bytes of the entry. The entries
// hold only strings, safe integers and objects, for which JSON.stringify with keys in UTF-16 order is JCS.
const jcs = (v) => (v !== null && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${jcs(v[k])}`).join(',')}}` : JSON.stringify(v));
const types = ['binding.requested', 'binding.activated', 'authorization.requested', 'authorization.granted', 'query.performed', 'message.left', 'declaration.made', 'objection.raised', 'authorization.paused', 'authorization.resumed', 'authorization.revoked'];
const entries = types.map((type, seq) => ({
  seq,
  at: new Date(Date.UTC(2026, 10, 1, 2, seq)).toISOString(),
  type,
  subject: '91110000600037341L',
  actor: seq % 3 === 0 ? { kind: 'enterprise', id: '91110000600037341L' } : { kind: 'institution', id: 'L0001' },
  data: { note: `第 ${seq} 条记录`, amount: 12345600 + seq, account: '6222********3445' },
}));
const leafInputs = entries.map((e) => Buffer.from(jcs(e), 'utf8'));
const seed = createHash('sha256').update('cfc portal proof vectors').digest();
const privateKey = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
const publicKeyPem = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
const keyId = 'audit-test-1';
const checkpointFor = (size) => {
  const body = { treeSize: size, rootHash: mth(leafInputs.slice(0, size)).toString('base64'), timestamp: '2026-11-01T02:15:00Z', keyId };
  return { ...body, signature: sign(null, Buffer.from(jcs(body)), privateKey).toString('base64') };
};
const checkpoint = checkpointFor(entries.length);
const audit = {
  keys: [{ keyId, publicKeyPem }],
  entries,
  entriesJcs: leafInputs.map((b) => b.toString('utf8')),
  proofs: entries.map((entry) => ({ seq: entry.seq, treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, proof: path(entry.seq, leafInputs).map((h) => h.toString('base64')), checkpoint, entry })),
  smallerCheckpoint: checkpointFor(7),
};
writeFileSync(join(out, 'audit-log.json'), `${JSON.stringify(audit, null, 1)}\n`);
console.log(`wrote ${rfc.inclusion.length} raw-leaf inclusion vectors and ${audit.proofs.length} audit-entry proofs to ${out}`);
