import { createPublicKey, type KeyObject } from 'node:crypto';

export const ED25519_PUBLIC_KEY_SIZE = 32;
export const ED25519_SIGNATURE_SIZE = 64;

function assertEd25519(key: KeyObject): void {
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError(`expected an Ed25519 key, got ${key.asymmetricKeyType ?? key.type}`);
}

/** The 32-byte RFC 8032 encoding of an Ed25519 public key (or of a private key's public half). */
export function ed25519PublicKeyBytes(key: KeyObject): Buffer {
  assertEd25519(key);
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const { x } = publicKey.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new TypeError('Ed25519 key has no public part');
  return Buffer.from(x, 'base64url');
}

/** An Ed25519 public KeyObject from its 32-byte RFC 8032 encoding. */
export function ed25519PublicKeyFromBytes(bytes: Uint8Array): KeyObject {
  if (bytes.length !== ED25519_PUBLIC_KEY_SIZE) throw new RangeError(`an Ed25519 public key is 32 bytes, got ${bytes.length}`);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(bytes).toString('base64url') }, format: 'jwk' });
}

export function assertEd25519Key(key: KeyObject, type: 'public' | 'private'): void {
  assertEd25519(key);
  if (key.type !== type) throw new TypeError(`expected an Ed25519 ${type} key, got a ${key.type} key`);
}
