import { createHash, createPublicKey, verify } from 'node:crypto';

// A verifier for the tests that shares no code with the service or @cfc/tlog: its own RFC 9162 hashing and
// proof checks, its own RFC 8785 JCS (for the JSON the entries hold: strings, integers, booleans, null,
// arrays, objects), its own Ed25519 and C2SP signed-note checks. Small and literal on purpose.

const sha256 = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
export const leafOf = (entry: Uint8Array) => sha256(Buffer.of(0), entry);
const nodeOf = (left: Uint8Array, right: Uint8Array) => sha256(Buffer.of(1), left, right);

/** RFC 9162 §2.1.1 MTH, as the RFC writes it: k is the largest power of two smaller than n. */
export function merkleRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeOf(merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)));
}

/** RFC 9162 §2.1.3.2. */
const hashes = (...h: readonly Buffer[]) => h.every((x) => x.length === 32);

export function inclusionHolds(index: number, size: number, leaf: Buffer, proof: readonly Buffer[], root: Buffer): boolean {
  if (index >= size || !hashes(leaf, root, ...proof)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeOf(p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else r = nodeOf(r, p);
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2. */
export function consistencyHolds(first: number, second: number, firstRoot: Buffer, secondRoot: Buffer, proof: readonly Buffer[]): boolean {
  // As transparency-dev/merkle: nothing is proven about the empty tree.
  if (first === 0) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (!hashes(firstRoot, secondRoot, ...proof)) return false;
  if (first === 0 || first > second || proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeOf(c, fr);
      sr = nodeOf(c, sr);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else sr = nodeOf(sr, c);
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}

const isPowerOfTwo = (n: number) => n > 0 && 2 ** Math.round(Math.log2(n)) === n;

/** RFC 8785 for the value types audit entries use (integers only as numbers). */
export function jcs(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`this verifier's JCS takes integers only, got ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  if (typeof value === 'object') {
    // Keys in UTF-16 code unit order: JavaScript's default string comparison.
    const keys = Object.keys(value as object).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  throw new Error(`not JSON: ${typeof value}`);
}

/** An Ed25519 public key from its raw 32 bytes (as a JWK's x carries them). */
const ed25519 = (raw: Buffer) => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });

/** The contract's JSON checkpoint: Ed25519 over the JCS of { treeSize, rootHash, timestamp, keyId }. */
export function checkpointSignatureHolds(cp: { treeSize: number; rootHash: string; timestamp: string; keyId: string; signature: string }, publicKeyRaw: Buffer): boolean {
  const signed = jcs({ treeSize: cp.treeSize, rootHash: cp.rootHash, timestamp: cp.timestamp, keyId: cp.keyId });
  return verify(null, Buffer.from(signed, 'utf8'), ed25519(publicKeyRaw), Buffer.from(cp.signature, 'base64'));
}

/** C2SP signed-note key id: the first 4 bytes of SHA-256(name || 0x0A || 0x01 || key). */
export const noteKeyIdOf = (name: string, publicKeyRaw: Buffer) => sha256(Buffer.from(name, 'utf8'), Buffer.of(0x0a, 0x01), publicKeyRaw).subarray(0, 4);

/** Opens a C2SP tlog-checkpoint note signed by `name`'s Ed25519 key: its origin, size and root, or why not. */
export function openCheckpointNote(note: string, name: string, publicKeyRaw: Buffer): { origin: string; treeSize: number; rootHash: string } | string {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return 'not a signed note';
  const text = note.slice(0, split + 1);
  const wanted = noteKeyIdOf(name, publicKeyRaw);
  const line = note.slice(split + 2).split('\n').find((l) => l.startsWith(`\u2014 ${name} `));
  if (!line) return `no signature by ${name}`;
  const blob = Buffer.from(line.slice(`\u2014 ${name} `.length), 'base64');
  if (!blob.subarray(0, 4).equals(wanted)) return 'key id differs';
  if (!verify(null, Buffer.from(text, 'utf8'), ed25519(publicKeyRaw), blob.subarray(4))) return 'bad signature';
  const [origin, size, root] = text.split('\n');
  return { origin, treeSize: Number(size), rootHash: root };
}

/** Entries of a C2SP entry bundle: each a big-endian uint16 length, then the bytes. */
export function bundleEntries(bundle: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bundle.length; ) {
    const length = bundle.readUInt16BE(at);
    out.push(bundle.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return out;
}

/** A tile path per C2SP tlog-tiles: index in 3-digit groups, all but the last prefixed x. */
export function tileName(level: number | 'entries', index: number, width: number): string {
  const groups: string[] = [];
  let rest = index;
  do {
    groups.unshift(String(rest % 1000).padStart(3, '0'));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return `tile/${level}/${groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/')}${width < 256 ? `.p/${width}` : ''}`;
}
