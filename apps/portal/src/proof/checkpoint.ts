import { fromBase64, fromBase64Url, toHex, utf8 } from './bytes';
import { canonicalize } from './jcs';
import { sha256 } from './merkle';

// The contract's signed JSON checkpoint: Ed25519 over the JCS bytes of { treeSize, rootHash, timestamp, keyId }.

export interface Checkpoint {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  signature: string;
}

/** A public key as the platform may publish it: SPKI PEM, a JWK (OKP/Ed25519), or the raw 32 bytes in base64. */
export interface PublishedKey {
  keyId: string;
  publicKeyPem?: string;
  jwk?: { kty: string; crv: string; x: string };
  publicKey?: string;
}

export function isCheckpoint(value: unknown): value is Checkpoint {
  const c = value as Partial<Checkpoint> | null;
  return (
    typeof c === 'object' && c !== null && Number.isSafeInteger(c.treeSize) && (c.treeSize as number) >= 0 &&
    typeof c.rootHash === 'string' && typeof c.timestamp === 'string' && typeof c.keyId === 'string' && typeof c.signature === 'string'
  );
}

export const checkpointSignedBytes = (c: Checkpoint): Uint8Array =>
  utf8(canonicalize({ treeSize: c.treeSize, rootHash: c.rootHash, timestamp: c.timestamp, keyId: c.keyId }));

/** The 32 bytes of an Ed25519 public key, whichever way it was published; undefined if it is not one. */
export function publicKeyBytes(key: PublishedKey): Uint8Array | undefined {
  if (key.jwk) return key.jwk.kty === 'OKP' && key.jwk.crv === 'Ed25519' ? checked(fromBase64Url(key.jwk.x)) : undefined;
  if (key.publicKey) return checked(fromBase64(key.publicKey));
  if (key.publicKeyPem) {
    const body = key.publicKeyPem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
    const der = fromBase64(body);
    // SPKI of Ed25519 is a fixed 12-byte prefix (SEQUENCE, AlgorithmIdentifier 1.3.101.112, BIT STRING) and the key.
    if (!der || der.length !== 44 || !SPKI_ED25519_PREFIX.every((b, i) => der[i] === b)) return undefined;
    return der.slice(12);
  }
  return undefined;
}

const SPKI_ED25519_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];
const checked = (bytes: Uint8Array | undefined) => (bytes?.length === 32 ? bytes : undefined);

export type SignatureCheck = 'VALID' | 'SIGNATURE_INVALID' | 'CRYPTO_UNSUPPORTED';

/** Verifies the checkpoint's signature with WebCrypto Ed25519. */
export async function verifyCheckpointSignature(checkpoint: Checkpoint, keyBytes: Uint8Array): Promise<SignatureCheck> {
  const signature = fromBase64(checkpoint.signature);
  if (!signature || signature.length !== 64) return 'SIGNATURE_INVALID';
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('raw', keyBytes as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    return (error as Error).name === 'NotSupportedError' ? 'CRYPTO_UNSUPPORTED' : 'SIGNATURE_INVALID';
  }
  const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature as BufferSource, checkpointSignedBytes(checkpoint) as BufferSource);
  return ok ? 'VALID' : 'SIGNATURE_INVALID';
}

/** A short fingerprint of a public key for people to compare with the regulator's list: SHA-256, hex. */
export const keyFingerprint = async (keyBytes: Uint8Array) => toHex(await sha256(keyBytes));
