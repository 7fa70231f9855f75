import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@cfc/platform';
import { ed25519PublicKeyBytes, formatVerifierKey, noteKeyId } from '@cfc/tlog';

/** A checkpoint key as /v1/regulator/audit/keys publishes it: PEM, JWK and the C2SP verifier key, one keyId. */
export interface PublishedAuditKey {
  keyId: string;
  algorithm: 'Ed25519';
  status: 'active' | 'retired';
  publicKeyPem: string;
  jwk: { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string; use: 'sig'; alg: 'EdDSA' };
  vkey: string;
}

export interface AuditKeys {
  origin: string;
  signing: { keyId: string; privateKey: KeyObject };
  published: PublishedAuditKey[];
  /** keyId -> public key, for the log's own checks. */
  trusted: Map<string, KeyObject>;
}

/** The key id both checkpoint forms name: the C2SP note key id (SHA-256(origin || 0x0A || 0x01 || key)[:4]) in hex. */
export function auditKeyId(origin: string, publicKey: KeyObject): string {
  return noteKeyId(origin, publicKey).toString(16).padStart(8, '0');
}

export function publishedKey(origin: string, publicKey: KeyObject, status: PublishedAuditKey['status']): PublishedAuditKey {
  const keyId = auditKeyId(origin, publicKey);
  return {
    keyId,
    algorithm: 'Ed25519',
    status,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    jwk: { kty: 'OKP', crv: 'Ed25519', x: ed25519PublicKeyBytes(publicKey).toString('base64url'), kid: keyId, use: 'sig', alg: 'EdDSA' },
    vkey: formatVerifierKey(origin, publicKey),
  };
}

const KEY_FILE = 'audit-signing-key.json';

/**
 * AUDIT_SIGNING_KEYS (JSON: the signing key first, then retired public keys), or in embedded mode a key
 * generated once into <dataDir>/audit-signing-key.json (mode 0600). A key that does not parse stops the
 * start with a ConfigError naming the variable, never its value.
 */
export function loadAuditKeys(options: { configured?: string; dataDir: string; origin: string }): AuditKeys {
  const entries = options.configured !== undefined ? parseConfigured(options.configured) : [{ privateKeyPem: generatedKey(options.dataDir) }];
  const [first, ...rest] = entries;
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(first.privateKeyPem ?? '');
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not Ed25519');
  } catch {
    throw new ConfigError(['AUDIT_SIGNING_KEYS: the first key must be an Ed25519 private key in PEM ({"privateKeyPem": ...})']);
  }
  const retired = rest.map((entry, i) => {
    try {
      const key = createPublicKey(entry.publicKeyPem ?? entry.privateKeyPem ?? '');
      if (key.asymmetricKeyType !== 'ed25519') throw new Error('not Ed25519');
      return key;
    } catch {
      throw new ConfigError([`AUDIT_SIGNING_KEYS: key ${i + 2} must be an Ed25519 public key in PEM ({"publicKeyPem": ...})`]);
    }
  });
  const active = createPublicKey(privateKey);
  const published = [publishedKey(options.origin, active, 'active'), ...retired.map((k) => publishedKey(options.origin, k, 'retired'))];
  const trusted = new Map<string, KeyObject>([[published[0].keyId, active], ...retired.map((k, i): [string, KeyObject] => [published[i + 1].keyId, k])]);
  return { origin: options.origin, signing: { keyId: published[0].keyId, privateKey }, published, trusted };
}

function parseConfigured(text: string): Array<{ privateKeyPem?: string; publicKeyPem?: string }> {
  try {
    const value = JSON.parse(text) as unknown;
    if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'object' && v !== null)) return value as Array<{ privateKeyPem?: string; publicKeyPem?: string }>;
  } catch {
    // reported below
  }
  throw new ConfigError(['AUDIT_SIGNING_KEYS must be a non-empty JSON array of {"privateKeyPem"} / {"publicKeyPem"} objects']);
}

function generatedKey(dataDir: string): string {
  const path = join(dataDir, KEY_FILE);
  if (existsSync(path)) return (JSON.parse(readFileSync(path, 'utf8')) as { privateKeyPem: string }).privateKeyPem;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileSync(path, JSON.stringify({ privateKeyPem }, null, 2), { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return privateKeyPem;
}
