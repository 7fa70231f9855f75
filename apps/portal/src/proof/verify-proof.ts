import { equalBytes, fromBase64 } from './bytes';
import { type Checkpoint, isCheckpoint, keyFingerprint, type PublishedKey, publicKeyBytes, verifyCheckpointSignature } from './checkpoint';
import { entryLeafHash, rootFromInclusionProof } from './merkle';

// "验证 / verify" on an activity item: the browser recomputes the entry's leaf hash, follows the
// inclusion path to a root, compares it with the checkpoint's root and checks the checkpoint's
// Ed25519 signature. Every step must pass; the first that does not names the failure.

/** GET /v1/subject/activity/{seq}/proof (CONTRACT "audit stream"), plus what the page needs to check it alone. */
export interface InclusionProof {
  seq: number;
  treeSize: number;
  rootHash: string;
  proof: string[];
  checkpoint: Checkpoint;
  /** The audit entry itself (its JCS bytes are the leaf input). */
  entry?: { seq: number } & Record<string, unknown>;
  /** Public keys for checkpoint signatures (keyId -> key). */
  keys?: PublishedKey[];
  key?: PublishedKey;
}

export type ProofFailure =
  | 'MALFORMED'
  | 'ENTRY_MISSING'
  | 'ENTRY_MISMATCH'
  | 'CHECKPOINT_MISMATCH'
  | 'PATH_INVALID'
  | 'ROOT_MISMATCH'
  | 'KEY_UNKNOWN'
  | 'SIGNATURE_INVALID'
  | 'CRYPTO_UNSUPPORTED';

export type ProofVerdict =
  | { ok: true; checkpointSize: number; keyId: string; timestamp: string; keyFingerprint: string }
  | { ok: false; failure: ProofFailure; keyId?: string };

/**
 * Verifies that the audit entry with sequence number `seq` is in the signed log.
 * `entry`: the entry as the page got it (from the proof or the activity item); `keys`: trusted keys
 * beside those the proof names.
 */
export async function verifyInclusion(seq: number, body: unknown, extra: { entry?: unknown; keys?: PublishedKey[] } = {}): Promise<ProofVerdict> {
  if (!isProof(body)) return { ok: false, failure: 'MALFORMED' };
  const entry = body.entry ?? extra.entry;
  if (entry === undefined || entry === null) return { ok: false, failure: 'ENTRY_MISSING' };
  if ((entry as { seq?: unknown }).seq !== seq || body.seq !== seq) return { ok: false, failure: 'ENTRY_MISMATCH' };
  const { checkpoint } = body;
  if (body.treeSize !== checkpoint.treeSize || body.rootHash !== checkpoint.rootHash) return { ok: false, failure: 'CHECKPOINT_MISMATCH' };
  const signedRoot = fromBase64(checkpoint.rootHash);
  const path = body.proof.map(fromBase64);
  if (!signedRoot || path.some((p) => p === undefined)) return { ok: false, failure: 'MALFORMED' };

  const computed = await rootFromInclusionProof(seq, checkpoint.treeSize, await entryLeafHash(entry), path as Uint8Array[]);
  if (!computed.ok) return { ok: false, failure: computed.reason };
  if (!equalBytes(computed.root, signedRoot)) return { ok: false, failure: 'ROOT_MISMATCH' };

  const published = [...(body.keys ?? []), ...(body.key ? [body.key] : []), ...(extra.keys ?? [])].find((k) => k.keyId === checkpoint.keyId);
  const keyBytes = published && publicKeyBytes(published);
  if (!keyBytes) return { ok: false, failure: 'KEY_UNKNOWN', keyId: checkpoint.keyId };
  const signature = await verifyCheckpointSignature(checkpoint, keyBytes);
  if (signature !== 'VALID') return { ok: false, failure: signature, keyId: checkpoint.keyId };
  return { ok: true, checkpointSize: checkpoint.treeSize, keyId: checkpoint.keyId, timestamp: checkpoint.timestamp, keyFingerprint: await keyFingerprint(keyBytes) };
}

function isProof(value: unknown): value is InclusionProof {
  const p = value as Partial<InclusionProof> | null;
  return (
    typeof p === 'object' && p !== null && Number.isSafeInteger(p.seq) && Number.isSafeInteger(p.treeSize) &&
    typeof p.rootHash === 'string' && Array.isArray(p.proof) && p.proof.every((h) => typeof h === 'string') && isCheckpoint(p.checkpoint)
  );
}
