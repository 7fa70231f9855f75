import { createHash, createPublicKey, verify } from 'node:crypto';

// The audit proof format of CONTRACT.md, checked here with node:crypto alone (nothing of @cfc/tlog), so that
// the journey's proofs are judged by a second, independent reading of RFC 9162 and RFC 8785.

/**
 * RFC 8785 (JCS) for what audit entries hold: objects with sorted keys, arrays, strings, integers, booleans,
 * null. ECMAScript's JSON.stringify already writes strings and numbers the way JCS asks.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort(); // UTF-16 code unit order, as JCS sorts
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
export const leafHash = (entry: unknown) => sha256(Buffer.from([0]), Buffer.from(canonicalJson(entry), 'utf8'));
const nodeHash = (left: Buffer, right: Buffer) => sha256(Buffer.from([1]), left, right);

/** RFC 9162 section 2.1.3.2: the root an inclusion proof of leaf `index` in a tree of `size` leaves leads to. */
export function rootFromInclusionProof(index: number, size: number, leaf: Buffer, proof: Buffer[]): Buffer | undefined {
  if (index < 0 || index >= size) return undefined;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return sn === 0 ? r : undefined;
}

export interface Checkpoint {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  signature: string;
}

/** Ed25519 over the JCS bytes of { treeSize, rootHash, timestamp, keyId }, with the key the regulator route publishes. */
export function checkpointSignatureHolds(checkpoint: Checkpoint, keys: { keyId: string; publicKeyPem: string }[]): boolean {
  const key = keys.find((k) => k.keyId === checkpoint.keyId);
  if (!key) return false;
  const { treeSize, rootHash, timestamp, keyId } = checkpoint;
  return verify(null, Buffer.from(canonicalJson({ treeSize, rootHash, timestamp, keyId })), createPublicKey(key.publicKeyPem), Buffer.from(checkpoint.signature, 'base64'));
}

export interface InclusionProof {
  seq: number;
  treeSize: number;
  rootHash: string;
  proof: string[];
  checkpoint: Checkpoint;
  entry: unknown;
}

/** Why an activity item's proof does not hold, or undefined when it does. */
export function inclusionProblem(item: { seq: number; entry: unknown }, proof: InclusionProof, keys: { keyId: string; publicKeyPem: string }[]): string | undefined {
  if (proof.seq !== item.seq) return `proof for seq ${proof.seq}, not ${item.seq}`;
  if (canonicalJson(proof.entry) !== canonicalJson(item.entry)) return 'the proof is about another entry than the record shows';
  const root = rootFromInclusionProof(proof.seq, proof.treeSize, leafHash(item.entry), proof.proof.map((p) => Buffer.from(p, 'base64')));
  if (!root) return 'the proof path does not fit the tree size';
  if (root.toString('base64') !== proof.rootHash) return 'the proof leads to another root';
  if (proof.checkpoint.rootHash !== proof.rootHash || proof.checkpoint.treeSize !== proof.treeSize) return 'the checkpoint is not of this tree';
  if (!checkpointSignatureHolds(proof.checkpoint, keys)) return 'the checkpoint signature does not verify';
  return undefined;
}
