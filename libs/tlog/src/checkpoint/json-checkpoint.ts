import { sign, verify, type KeyObject } from 'node:crypto';
import type { AuditCheckpoint } from '@cfc/contracts';
import { canonicalJsonBytes } from '../jcs/jcs';
import { fromBase64, toBase64 } from '../keys/base64';
import { assertEd25519Key, ED25519_SIGNATURE_SIZE } from '../keys/ed25519';
import { HASH_SIZE, type Hash } from '../merkle/hashing';

// The JSON checkpoint of CONTRACT.md "Kafka: audit stream": Ed25519 over the JCS bytes of
// { treeSize, rootHash, timestamp, keyId }.

export type JsonCheckpoint = AuditCheckpoint;

export interface CheckpointContent {
  readonly treeSize: number;
  readonly rootHash: Hash;
  /** RFC 3339 UTC; a Date is written with toISOString(). */
  readonly timestamp: Date | string;
  readonly keyId: string;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The bytes the signature covers. */
export function checkpointSignedBytes(checkpoint: Omit<JsonCheckpoint, 'signature'>): Buffer {
  const { treeSize, rootHash, timestamp, keyId } = checkpoint;
  return canonicalJsonBytes({ treeSize, rootHash, timestamp, keyId });
}

export function signCheckpoint(content: CheckpointContent, privateKey: KeyObject): JsonCheckpoint {
  assertEd25519Key(privateKey, 'private');
  if (!Number.isSafeInteger(content.treeSize) || content.treeSize < 0) throw new RangeError(`bad tree size ${content.treeSize}`);
  if (content.rootHash.length !== HASH_SIZE) throw new RangeError('root hash must be 32 bytes');
  if (!content.keyId) throw new RangeError('keyId must not be empty');
  const timestamp = typeof content.timestamp === 'string' ? content.timestamp : content.timestamp.toISOString();
  if (!RFC3339.test(timestamp)) throw new RangeError(`timestamp is not RFC 3339: ${timestamp}`);
  const body = { treeSize: content.treeSize, rootHash: toBase64(content.rootHash), timestamp, keyId: content.keyId };
  return { ...body, signature: toBase64(sign(null, checkpointSignedBytes(body), privateKey)) };
}

export function verifyCheckpointSignature(checkpoint: JsonCheckpoint, publicKey: KeyObject): boolean {
  assertEd25519Key(publicKey, 'public');
  const signature = fromBase64(checkpoint.signature);
  if (!signature || signature.length !== ED25519_SIGNATURE_SIZE) return false;
  return verify(null, checkpointSignedBytes(checkpoint), publicKey, signature);
}

export type ParsedCheckpoint = { ok: true; checkpoint: JsonCheckpoint; rootHash: Hash } | { ok: false; reason: string };

/** Parses and shape-checks a checkpoint value (raw bytes as on cfc.audit.checkpoints.v1); no signature check. */
export function parseCheckpoint(bytes: Uint8Array): ParsedCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'not a JSON object' };
  const cp = value as Record<string, unknown>;
  const extra = Object.keys(cp).filter((k) => !['treeSize', 'rootHash', 'timestamp', 'keyId', 'signature'].includes(k));
  if (extra.length > 0) return { ok: false, reason: `unexpected field(s) ${extra.join(', ')}` };
  if (typeof cp.treeSize !== 'number' || !Number.isSafeInteger(cp.treeSize) || cp.treeSize < 0) return { ok: false, reason: 'treeSize must be a non-negative integer' };
  const rootHash = typeof cp.rootHash === 'string' ? fromBase64(cp.rootHash) : undefined;
  if (!rootHash || rootHash.length !== HASH_SIZE) return { ok: false, reason: 'rootHash must be the base64 of 32 bytes' };
  if (typeof cp.timestamp !== 'string' || !RFC3339.test(cp.timestamp) || Number.isNaN(Date.parse(cp.timestamp))) return { ok: false, reason: 'timestamp must be RFC 3339' };
  if (typeof cp.keyId !== 'string' || cp.keyId.length === 0) return { ok: false, reason: 'keyId must be a non-empty string' };
  if (typeof cp.signature !== 'string') return { ok: false, reason: 'signature must be a base64 string' };
  const checkpoint: JsonCheckpoint = { treeSize: cp.treeSize, rootHash: cp.rootHash as string, timestamp: cp.timestamp, keyId: cp.keyId, signature: cp.signature };
  return { ok: true, checkpoint, rootHash };
}

export type CheckpointTrust = { ok: true } | { ok: false; kind: 'UNKNOWN_KEY' | 'BAD_SIGNATURE' };

/** Checks a checkpoint against the trusted keys (keyId -> Ed25519 public key). */
export function verifyCheckpoint(checkpoint: JsonCheckpoint, trustedKeys: ReadonlyMap<string, KeyObject>): CheckpointTrust {
  const key = trustedKeys.get(checkpoint.keyId);
  if (!key) return { ok: false, kind: 'UNKNOWN_KEY' };
  return verifyCheckpointSignature(checkpoint, key) ? { ok: true } : { ok: false, kind: 'BAD_SIGNATURE' };
}
